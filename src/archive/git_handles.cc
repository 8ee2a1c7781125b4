#include "archive/git_handles.h"

namespace redline::git {

Status LastError(std::string_view context) {
  const git_error* error = git_error_last();
  std::string detail = (error != nullptr && error->message != nullptr && error->message[0] != '\0')
                           ? error->message
                           : "unknown libgit2 error";
  return Status::Archive(std::string(context) + ": " + detail);
}

Status Check(int code, std::string_view context) {
  if (code >= 0) return Status::Ok();
  const git_error* error = git_error_last();
  if (error == nullptr || error->message == nullptr || error->message[0] == '\0') {
    return Status::Archive(std::string(context) + ": libgit2 error " + std::to_string(code));
  }
  return LastError(context);
}

std::string ToHex(const git_oid& id) {
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &id);
  return hex;
}

std::optional<git_oid> EntryIdAt(git_tree* tree, const std::string& path) {
  git_tree_entry* raw = nullptr;
  if (git_tree_entry_bypath(&raw, tree, path.c_str()) != 0) {
    git_error_clear();
    return std::nullopt;
  }
  TreeEntryPtr entry(raw);
  return *git_tree_entry_id(entry.get());
}

void RefreshObjects(git_repository* repo) {
  git_odb* odb = nullptr;
  if (git_repository_odb(&odb, repo) != 0) {
    git_error_clear();
    return;
  }
  git_odb_refresh(odb);
  git_odb_free(odb);
}

}  // namespace redline::git
