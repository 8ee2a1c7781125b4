// The state behind an Archive: the repository and its index, opened once and reused.
#ifndef REDLINE_ARCHIVE_ARCHIVE_IMPL_H_
#define REDLINE_ARCHIVE_ARCHIVE_IMPL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "archive/git_handles.h"
#include "redline/archive.h"

namespace redline {

// Repository config key that marks a git repository as a redline archive, and its value.
inline constexpr const char* kVersionKey = "redline.archiveversion";
inline constexpr int kArchiveVersion = 1;
// A file in every archive's first commit, so that a clone (which has no config of the
// original) is recognised as an archive too.
inline constexpr const char* kMarkerPath = ".redline-archive";

// A story's state inside an open batch: where its ref was, where it is now, and the files
// to mirror in the work tree when the batch commits.
struct PendingStory {
  std::optional<git_oid> original_tip;
  git_oid tip = {};
  std::string article_path;
  std::string raw_path;
  std::string other_raw_path;
  std::string text;
  std::string raw;
  std::int64_t mtime = 0;
};

// While a batch is open, objects go to an in-memory backend (memory_odb.h) (the rest of the object
// database is reachable read-only as an alternate), and refs, index file and work tree
// are left alone until Commit.
struct Batch {
  git_odb* disk_odb = nullptr;   // the repository's own database, restored on close (owned)
  git_odb* batch_odb = nullptr;  // mempack first, disk as alternate (owned)
  git_odb_backend* memory = nullptr;  // owned by batch_odb
  git_oid start_head = {};
  git_oid head = {};
  std::map<std::string, PendingStory, std::less<>> stories;
};

struct Archive::Impl {
  std::string path;  // the work tree, without a trailing slash
  git::RepositoryPtr repo;
  git::IndexPtr index;

  // The in-memory index is known to hold exactly the tree of `synced_head` while the
  // index file still has `synced_checksum`; Record then skips re-checking it.
  bool index_synced = false;
  git_oid synced_head = {};
  git_oid synced_checksum = {};

  std::optional<Batch> batch;

  // Makes the in-memory index hold exactly the tree of `head` (main's commit).
  Status SyncIndexWithHead(const git_oid& head);
  // The story's latest commit: pending in the open batch, else its ref; nullopt if none.
  Result<std::optional<git_oid>> StoryTip(std::string_view story);
  // Puts back the repository's own object database and frees the batch's.
  void CloseBatchDatabase();
  ~Impl();
};

// The commit `ref` points at, or nullopt if there is no such ref.
Result<std::optional<git_oid>> RefTarget(git_repository* repo, const std::string& ref);

// Recreates refs/redline/stories/* from main's history when there are none but main holds
// stories, as in a fresh `git clone` (which copies branches, not other refs).
Status RebuildStoryRefsIfMissing(git_repository* repo);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_ARCHIVE_IMPL_H_
