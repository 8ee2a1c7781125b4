// Recording many snapshots at once: the one batch writer that imports, fetch rounds and
// single snapshots share. A batch is one unit of work of the archive (one pack, one index
// transaction, one move of main, under the write lock); the work that needs no archive
// (normalizing, counting, comparing) is done on other threads meanwhile. BatchWriter
// streams any number of sources through batches of bounded size.
#ifndef REDLINE_RECORD_BATCH_WRITER_H_
#define REDLINE_RECORD_BATCH_WRITER_H_

#include <functional>
#include <string>
#include <vector>

#include "record/snapshot.h"
#include "redline/archive.h"
#include "redline/normalize.h"
#include "redline/status.h"

namespace redline::record {

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
  // A source whose story already has a revision with the same text at the same capture
  // time is not recorded again (SnapshotOutcome::already_recorded): a re-run of an import.
  bool skip_recorded = false;
  // Called on the calling thread after each source, with how many are done.
  std::function<void(std::size_t done, std::size_t total)> on_progress;
  // When set, the seconds spent normalizing (on the preparing threads) are added here.
  double* normalize_seconds = nullptr;
};

// Records `sources` in order, like RecordSnapshot one after another, in one batch of the
// archive (Archive::BeginBatch): one pack, one ref update and one index write for all.
// Each source gets its outcome, or its own error (an input without text, a bad story id);
// the others are recorded regardless unless `all_or_nothing`. An error returned instead
// means nothing was recorded (the batch could not begin or commit, or all_or_nothing).
// Within the batch, later sources see the revisions of earlier ones. Everything recorded
// is held in memory until the batch commits.
// `*lost_race` (when given) is set when the batch failed because main moved meanwhile.
Result<std::vector<Result<SnapshotOutcome>>> RecordSnapshots(Archive& archive, const std::vector<SnapshotSource>& sources,
                                                             const RecordSnapshotsOptions& options = {},
                                                             bool* lost_race = nullptr);

struct BatchWriterOptions {
  std::size_t max_sources = 1000;     // per batch
  std::size_t max_bytes = 64u << 20;  // raw bytes held per batch
  bool skip_recorded = false;         // as in RecordSnapshotsOptions
  // A source that fails stops the writer (its error, in the context of its label, is what
  // Add or Finish returns); the batches committed before it stay recorded.
  bool stop_at_first_error = false;
  // Each source's outcome, in the order added, once its batch is committed (or its error).
  std::function<void(std::size_t index, const SnapshotSource& source, const Result<SnapshotOutcome>& outcome)>
      on_outcome;
  // After each source of a batch is recorded: how many sources are done in all.
  std::function<void(std::size_t done)> on_progress;
  double* normalize_seconds = nullptr;  // as in RecordSnapshotsOptions
};

// Streams sources into batches of at most max_sources or max_bytes, each recorded as one
// batch of the archive: memory stays bounded whatever the number of sources. A batch that
// loses a race to plain git moving main is recorded again (up to 3 times).
class BatchWriter {
 public:
  BatchWriter(Archive& archive, BatchWriterOptions options);
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;

  // Queues `source`, and records the queue when it is full. An error means a batch could
  // not be recorded (nothing of it was) or, with stop_at_first_error, a source failed; the
  // writer then refuses more.
  Status Add(SnapshotSource source);
  // Records what is queued.
  Status Finish();
  std::size_t recorded_batches() const { return batches_; }

 private:
  Status Flush();

  Archive& archive_;
  BatchWriterOptions options_;
  std::vector<SnapshotSource> queue_;
  std::size_t queued_bytes_ = 0;
  std::size_t first_index_ = 0;  // of queue_[0] among all sources added
  std::size_t batches_ = 0;
  Status failed_;
};

}  // namespace redline::record

#endif  // REDLINE_RECORD_BATCH_WRITER_H_
