// The state behind an Archive: the repository, the revision index and an open batch.
#ifndef REDLINE_ARCHIVE_ARCHIVE_IMPL_H_
#define REDLINE_ARCHIVE_ARCHIVE_IMPL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/git_handles.h"
#include "archive/index_sync.h"
#include "archive/revision_index.h"
#include "archive/write_lock.h"
#include "redline/archive.h"

namespace redline {

// Repository config key that marks a git repository as a redline archive, and its value.
inline constexpr const char* kVersionKey = "redline.archiveversion";
inline constexpr int kArchiveVersion = 2;
// A file in every archive's first commit, so that a clone (which has no config of the
// original) is recognised as an archive too.
inline constexpr const char* kMarkerPath = ".redline-archive";

// While a batch is open this process holds the archive's write lock, new objects go to an
// in-memory backend (memory_odb.h; the object database on disk stays readable as an
// alternate), and main, the revision index and the disk are left alone until Commit, which
// writes one pack, one index transaction and one ref update.
struct Batch {
  WriteLock lock;
  git_odb* disk_odb = nullptr;        // the repository's own database, restored on close (owned)
  git_odb* batch_odb = nullptr;       // memory first, disk as alternate (owned)
  git_odb_backend* memory = nullptr;  // owned by batch_odb
  git_oid start_head = {};
  git_oid head = {};
  git_oid head_tree = {};
  std::vector<CommitRevision> revisions;  // recorded in this batch, oldest first
  std::vector<StoryRemoval> removals;     // stories removed in this batch (after its revisions)
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_story;  // into `revisions`
};

struct Archive::Impl {
  std::string path;     // the folder holding .git, without a trailing slash
  std::string git_dir;  // with a trailing slash
  git::RepositoryPtr repo;
  // Why this archive cannot be written until `redline upgrade` (an archive of format 1, or
  // a plain `git clone` with a work tree); empty when it can.
  std::string upgrade_needed;
  std::optional<RevisionIndex> index;
  std::optional<Batch> batch;

  // The revision index, opened on first use and brought up to main first (under the write
  // lock when it has fallen behind). Inside a batch, as the batch began.
  Result<RevisionIndex*> Index();
  // Opens the index without checking it against main.
  Result<RevisionIndex*> OpenIndex();
  // The story's pending revisions in the open batch (empty when none).
  std::vector<const CommitRevision*> Pending(std::string_view story) const;
  Status Writable() const;
  // NotFound for a story the index does not list: removed (when, and how to read its
  // history with git), or unknown (with the nearest story ids).
  Status NoSuchStory(std::string_view story);
  // Writes the batch's pack, then moves the index and main together; `*lost_race` when
  // main moved meanwhile (plain git), so that recording again on top may succeed. The
  // batch is closed either way.
  Status CommitBatch(bool* lost_race);
  // Puts back the repository's own object database, frees the batch's and releases the lock.
  void CloseBatch();
  ~Impl();
};

// The commit `ref` points at, or nullopt if there is no such ref.
Result<std::optional<git_oid>> RefTarget(git_repository* repo, const std::string& ref);

// The README.md and marker file of this format's first commit (init.cc).
std::string_view ArchiveReadme();
std::string_view ArchiveMarker();

// The format main's marker file names ("redline archive, version N"), or 0 without one.
int MarkerVersion(git_repository* repo);

// "<git dir>/redline/revisions.sqlite".
std::string RevisionIndexPath(const std::string& git_dir);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_ARCHIVE_IMPL_H_
