// Has this exact text been recorded before? The canonical text of every revision is a blob,
// so the answer is whether the blob with the text's id exists.
#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "redline/archive.h"

namespace redline {

Result<bool> Archive::TextRecordedBefore(std::string_view text) {
  git_oid id;
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_odb_hash(&id, text.data(), text.size(), GIT_OBJECT_BLOB), "hashing the text"));
  git_odb* raw_odb = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_repository_odb(&raw_odb, impl_->repo.get()), "opening the object database"));
  const bool exists = git_odb_exists(raw_odb, &id) == 1;
  git_odb_free(raw_odb);
  return exists;
}

}  // namespace redline
