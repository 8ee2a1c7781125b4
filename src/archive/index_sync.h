// Keeping the revision index in step with main's history. Main is the truth: whenever it
// holds commits the index has not seen (a writer killed between moving main and committing
// the index, plain git, an older redline), they are added; when main no longer descends
// from what the index saw, or the index disagrees with the history, it is rebuilt.
#ifndef REDLINE_ARCHIVE_INDEX_SYNC_H_
#define REDLINE_ARCHIVE_INDEX_SYNC_H_

#include <git2.h>

#include <optional>
#include <string>

#include "archive/revision_index.h"
#include "redline/archive.h"
#include "redline/status.h"

namespace redline {

// One commit read as a revision, with the blob id of its canonical text.
struct CommitRevision {
  Revision revision;
  std::string text_id;
};

// The revision commit `id` records; nullopt for a commit that is not a revision (the first
// commit, state files, an upgrade). Archive error when it cannot be read.
Result<std::optional<CommitRevision>> ReadCommitRevision(git_repository* repo, const git_oid& id);

// The removal commit `id` records (trailers.h, FormatRemovalMessage); nullopt for any other
// commit.
Result<std::optional<StoryRemoval>> ReadCommitRemoval(git_repository* repo, const git_oid& id);

// Brings `index` to `head` (main's commit): adds the commits since the index's head, or
// rebuilds it from the whole history when that is not possible. One transaction.
// REQUIRES: the caller holds the archive's write lock.
Status SyncIndex(git_repository* repo, RevisionIndex& index, const git_oid& head);

// Empties `index` and fills it again from the history of `head`. One transaction.
Status RebuildIndex(git_repository* repo, RevisionIndex& index, const git_oid& head);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_INDEX_SYNC_H_
