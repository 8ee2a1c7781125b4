// Has this exact text been recorded before? The canonical text of every revision is a blob,
// so the answer is whether the blob with the text's id exists.
#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/object_hash.h"
#include "redline/archive.h"

namespace redline {

Result<bool> Archive::TextRecordedBefore(std::string_view text) {
  REDLINE_ASSIGN_OR_RETURN(const git_oid id, HashObject(GIT_OBJECT_BLOB, text));
  git_odb* raw_odb = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_repository_odb(&raw_odb, impl_->repo.get()), "opening the object database"));
  // Inside a batch this process is the only writer that matters until it commits, so a
  // miss need not rescan the pack folder (a rescan per snapshot costs more than the lookup).
  const unsigned int flags = impl_->batch ? GIT_ODB_LOOKUP_NO_REFRESH : 0;
  const bool exists = git_odb_exists_ext(raw_odb, &id, flags) == 1;
  git_odb_free(raw_odb);
  return exists;
}

}  // namespace redline
