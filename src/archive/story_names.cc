#include "archive/story_names.h"

#include <git2.h>

#include "redline/archive.h"
#include "redline/document.h"

namespace redline {
namespace {

// The git blob id of the story id, i.e. SHA-1("blob <length>\0<id>"), so plain git
// reproduces it: printf %s ID | git hash-object --stdin
std::string StoryIdHash(std::string_view story) {
  git_oid id;
  char hex[GIT_OID_HEXSZ + 1] = "0000";
  if (git_odb_hash(&id, story.data(), story.size(), GIT_OBJECT_BLOB) == 0) {
    git_oid_tostr(hex, sizeof hex, &id);
  }
  return std::string(hex, GIT_OID_HEXSZ);
}

}  // namespace

Status ValidateArchiveStoryId(std::string_view story) {
  REDLINE_RETURN_IF_ERROR(ValidateStoryId(story));
  int valid = 0;
  const std::string ref = std::string(kLegacyStoryRefPrefix) + std::string(story);
  if (git_reference_name_is_valid(&valid, ref.c_str()) < 0 || !valid) {
    return Status::BadInput("invalid story id '" + std::string(story) +
                            "': git refuses it as a ref name (no '..', and no '.' or '.lock' "
                            "at the end)");
  }
  return Status::Ok();
}

std::string StoryDirectory(std::string_view story) {
  const std::string hash = StoryIdHash(story);
  std::string path = "stories/";
  for (int i = 0; i < 4; ++i) {
    path += hash[i];
    path += '/';
  }
  return path + std::string(story);
}

std::string LegacyStoryDirectory(std::string_view story) {
  return "stories/" + StoryIdHash(story).substr(0, 2) + "/" + std::string(story);
}

std::string StoryFilePath(std::string_view story, std::string_view file) {
  return StoryDirectory(story) + "/" + std::string(file);
}

std::string LegacyStoryFilePath(std::string_view story, std::string_view file) {
  return LegacyStoryDirectory(story) + "/" + std::string(file);
}

std::string RawFileName(std::string_view extension) { return "raw." + std::string(extension); }

}  // namespace redline
