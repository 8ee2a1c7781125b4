// `redline reindex`: the revision index rebuilt from main's history, or checked against it.
#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/index_sync.h"
#include "archive/story_names.h"
#include "redline/archive.h"

namespace redline {

Status Archive::Reindex() {
  if (impl_->batch) return Status::Internal("cannot rebuild the revision index while a batch is open");
  REDLINE_ASSIGN_OR_RETURN(RevisionIndex* index, impl_->OpenIndex());
  WriteLock lock;
  REDLINE_RETURN_IF_ERROR(lock.Acquire(impl_->git_dir));
  REDLINE_ASSIGN_OR_RETURN(const std::optional<git_oid> head, RefTarget(impl_->repo.get(), std::string(kMainRef)));
  if (!head) return Status::Archive("the archive has no main branch");
  return RebuildIndex(impl_->repo.get(), *index, *head);
}

Result<IndexCheck> Archive::CheckIndex() {
  REDLINE_ASSIGN_OR_RETURN(RevisionIndex* index, impl_->OpenIndex());
  WriteLock lock;  // so that no writer moves main or the index while they are compared
  REDLINE_RETURN_IF_ERROR(lock.Acquire(impl_->git_dir));
  REDLINE_ASSIGN_OR_RETURN(const std::optional<git_oid> head, RefTarget(impl_->repo.get(), std::string(kMainRef)));
  if (!head) return Status::Archive("the archive has no main branch");
  REDLINE_ASSIGN_OR_RETURN(RevisionIndex rebuilt, RevisionIndex::Open(":memory:"));
  REDLINE_RETURN_IF_ERROR(RebuildIndex(impl_->repo.get(), rebuilt, *head));
  REDLINE_ASSIGN_OR_RETURN(const std::string expected, rebuilt.Dump());
  REDLINE_ASSIGN_OR_RETURN(const std::string actual, index->Dump());
  IndexCheck check;
  check.matches = expected == actual;
  // The first line that differs, to say what is wrong.
  std::size_t start = 0;
  while (start < expected.size() && start < actual.size()) {
    const std::size_t end_expected = expected.find('\n', start);
    const std::size_t end_actual = actual.find('\n', start);
    if (end_expected != end_actual || expected.compare(start, end_expected - start, actual, start, end_actual - start) != 0) {
      break;
    }
    start = end_expected + 1;
  }
  if (!check.matches) {
    const auto line = [&](const std::string& text) {
      if (start >= text.size()) return std::string("(nothing)");
      return text.substr(start, text.find('\n', start) - start);
    };
    check.difference = "history has: " + line(expected) + "; index has: " + line(actual);
  }
  check.revisions = 0;
  for (std::size_t at = 0; (at = expected.find("\nrevision\t", at)) != std::string::npos; ++at) ++check.revisions;
  return check;
}

}  // namespace redline
