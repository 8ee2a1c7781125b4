// Recording many snapshots at once, as one batch of the archive, with the work that needs
// no archive (normalizing, counting, comparing) done on a second thread meanwhile.
#ifndef REDLINE_CLI_SNAPSHOT_BATCH_H_
#define REDLINE_CLI_SNAPSHOT_BATCH_H_

#include <functional>
#include <string>
#include <vector>

#include "cli/recorder.h"
#include "redline/archive.h"
#include "redline/normalize.h"
#include "redline/status.h"

namespace redline::cli {

struct SnapshotSource {
  SnapshotRequest request;
  std::string raw;             // the page or text as read
  NormalizeOptions normalize;  // how to read it
  FetchFacts fetched;
  std::string label;  // names the source in errors ("list.tsv:12"); may be empty
};

struct RecordSnapshotsOptions {
  // The first source that fails (no text, a bad story id...) fails them all: nothing is
  // recorded and its error, in the context of its label, is returned.
  bool all_or_nothing = false;
  // Called on the calling thread after each source, with how many are done.
  std::function<void(std::size_t done, std::size_t total)> on_progress;
};

// Records `sources` in order, like RecordSnapshot one after another, in one batch of the
// archive (Archive::BeginBatch): one pack, one ref update and one index write for all.
// Each source gets its outcome, or its own error (an input without text, a bad story id);
// the others are recorded regardless unless `all_or_nothing`. An error returned instead
// means nothing was recorded (the batch could not begin or commit, or all_or_nothing).
// Within the batch, later sources see the revisions of earlier ones. Everything recorded
// is held in memory until the batch commits.
Result<std::vector<Result<SnapshotOutcome>>> RecordSnapshots(Archive& archive, std::vector<SnapshotSource> sources,
                                                             const RecordSnapshotsOptions& options = {});

}  // namespace redline::cli

#endif  // REDLINE_CLI_SNAPSHOT_BATCH_H_
