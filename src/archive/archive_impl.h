// The state behind an Archive: the repository and its index, opened once and reused.
#ifndef REDLINE_ARCHIVE_ARCHIVE_IMPL_H_
#define REDLINE_ARCHIVE_ARCHIVE_IMPL_H_

#include <string>
#include <string_view>

#include "archive/git_handles.h"
#include "redline/archive.h"

namespace redline {

// Repository config key that marks a git repository as a redline archive, and its value.
inline constexpr const char* kVersionKey = "redline.archiveversion";
inline constexpr int kArchiveVersion = 1;

struct Archive::Impl {
  std::string path;  // the work tree, without a trailing slash
  git::RepositoryPtr repo;
  git::IndexPtr index;

  // The in-memory index is known to hold exactly the tree of `synced_head` while the
  // index file still has `synced_checksum`; Record then skips re-checking it.
  bool index_synced = false;
  git_oid synced_head = {};
  git_oid synced_checksum = {};

  // Makes the in-memory index hold exactly the tree of `head` (main's commit).
  Status SyncIndexWithHead(const git_oid& head);
};

}  // namespace redline

#endif  // REDLINE_ARCHIVE_ARCHIVE_IMPL_H_
