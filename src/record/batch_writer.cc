#include "record/batch_writer.h"

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>

namespace redline::record {
namespace {

// The story's latest text in the archive, "" for a new story; null when unreadable.
std::shared_ptr<const std::string> LatestText(Archive& archive, const std::string& story) {
  if (!ValidateStoryId(story).ok()) return nullptr;
  auto latest = archive.Latest(story);
  if (!latest.ok()) return nullptr;
  if (!latest->has_value()) return std::make_shared<const std::string>();
  auto text = archive.ReadText(**latest);
  return text.ok() ? std::make_shared<const std::string>(std::move(*text)) : nullptr;
}

// Prepares the sources (PrepareSnapshot) on threads of its own, each taking every n-th
// source in order, while the caller records the ones before. A source's counts are taken
// against the text its story's previous source normalized to, or, for a story's first
// source, the latest text the archive holds as the batch begins (read by the caller, which
// holds the batch: libgit2 handles are not shared between threads, and another handle would
// wait for the batch's write lock).
class Preparer {
 public:
  Preparer(Archive& archive, const std::vector<SnapshotSource>* sources, unsigned threads)
      : sources_(*sources), slots_(sources->size()), previous_(sources->size(), kNone), first_(sources->size()) {
    std::unordered_map<std::string_view, std::size_t> last;
    for (std::size_t i = 0; i < sources_.size(); ++i) {
      auto [at, inserted] = last.try_emplace(sources_[i].request.story, i);
      if (!inserted) {
        previous_[i] = std::exchange(at->second, i);
      } else {
        first_[i] = LatestText(archive, sources_[i].request.story);
      }
    }
    for (unsigned t = 0; t < threads; ++t) {
      try {
        threads_.emplace_back([this, t, threads] { Run(t, threads); });
      } catch (const std::system_error&) {
        if (t == 0) throw;  // not even one thread to be had
        Stop();  // the sources this thread was to take would never be prepared
        throw;
      }
    }
  }
  ~Preparer() { Stop(); }
  Preparer(const Preparer&) = delete;
  Preparer& operator=(const Preparer&) = delete;

  // Seconds the threads spent normalizing so far.
  double NormalizeSeconds() {
    std::lock_guard lock(mutex_);
    return normalize_seconds_;
  }

  // Waits for source `i`'s preparation and hands it over; once per source.
  Result<PreparedSnapshot> Take(std::size_t i) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return slots_[i].prepared.has_value(); });
    return std::move(*slots_[i].prepared);
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  struct Slot {
    bool normalized = false;                  // tried; `text` is set when it worked
    std::shared_ptr<const std::string> text;  // kept for later sources of the story
    std::optional<Result<PreparedSnapshot>> prepared;
  };

  void Stop() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    for (std::thread& thread : threads_) {
      if (thread.joinable()) thread.join();
    }
  }

  void Run(std::size_t first, std::size_t step) {
    for (std::size_t i = first; i < sources_.size(); i += step) {
      std::optional<Result<PreparedSnapshot>> prepared = Prepare(i);
      if (!prepared.has_value()) return;  // stopped
      {
        std::lock_guard lock(mutex_);
        slots_[i].prepared = std::move(prepared);
      }
      changed_.notify_all();
    }
  }

  // nullopt when stopped meanwhile.
  std::optional<Result<PreparedSnapshot>> Prepare(std::size_t i) {
    const SnapshotSource& source = sources_[i];
    Status valid = ValidateStoryId(source.request.story);
    const auto started = std::chrono::steady_clock::now();
    Result<NormalizedInput> input = valid.ok() ? NormalizeInput(source.raw, source.normalize)
                                               : Result<NormalizedInput>(valid);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    {
      std::lock_guard lock(mutex_);
      slots_[i].normalized = true;
      normalize_seconds_ += seconds;
      if (input.ok()) slots_[i].text = std::make_shared<const std::string>(input->text);
    }
    changed_.notify_all();
    if (!input.ok()) return Result<PreparedSnapshot>(input.status());

    std::shared_ptr<const std::string> expected;
    if (previous_[i] != kNone) {
      // Normalized by another thread, or by this one before.
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stop_ || slots_[previous_[i]].normalized; });
      if (stop_) return std::nullopt;
      expected = slots_[previous_[i]].text;  // none when that source failed
    } else {
      expected = first_[i];
    }
    return Result<PreparedSnapshot>(PrepareSnapshot(std::move(*input), expected.get()));
  }

  const std::vector<SnapshotSource>& sources_;
  double normalize_seconds_ = 0;  // guarded by mutex_
  std::vector<Slot> slots_;
  std::vector<std::size_t> previous_;  // the index of the story's previous source, or kNone
  std::vector<std::shared_ptr<const std::string>> first_;  // a story's first source: its latest text
  std::mutex mutex_;
  std::condition_variable changed_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

// As many as there are cores, at most 4: the caller's thread records meanwhile.
unsigned PreparerThreads(std::size_t sources) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>({cores, 4, sources}));
}

}  // namespace

Result<std::vector<Result<SnapshotOutcome>>> RecordSnapshots(Archive& archive, const std::vector<SnapshotSource>& sources,
                                                             const RecordSnapshotsOptions& options, bool* lost_race) {
  std::vector<Result<SnapshotOutcome>> outcomes;
  outcomes.reserve(sources.size());
  if (sources.empty()) return outcomes;
  REDLINE_RETURN_IF_ERROR(archive.BeginBatch());
  Status failed;
  try {
    Preparer preparer(archive, &sources, PreparerThreads(sources.size()));
    for (std::size_t i = 0; i < sources.size() && failed.ok(); ++i) {
      Result<PreparedSnapshot> prepared = preparer.Take(i);
      if (prepared.ok() && options.skip_recorded) {
        Result<std::optional<Revision>> earlier = archive.RevisionCapturedWith(
            sources[i].request.story, sources[i].request.captured_at, prepared->input.text);
        if (!earlier.ok()) {
          prepared = earlier.status();
        } else if (earlier->has_value()) {
          SnapshotOutcome skipped;
          skipped.already_recorded = true;
          skipped.revision = std::move(**earlier);
          outcomes.push_back(std::move(skipped));
          if (options.on_progress) options.on_progress(i + 1, sources.size());
          continue;
        }
      }
      outcomes.push_back(prepared.ok()
                             ? RecordPrepared(archive, sources[i].request, std::move(*prepared), sources[i].fetched)
                             : Result<SnapshotOutcome>(prepared.status()));
      if (options.all_or_nothing && !outcomes.back().ok()) {
        failed = outcomes.back().status();
        if (!sources[i].label.empty()) failed = failed.WithContext(sources[i].label);
      }
      if (options.on_progress) options.on_progress(i + 1, sources.size());
    }
    // Every source was taken, so every normalization is done and counted.
    if (options.normalize_seconds != nullptr) *options.normalize_seconds += preparer.NormalizeSeconds();
  } catch (const std::system_error& error) {
    failed = Status::Internal(std::string("cannot start a thread: ") + error.what());
  }
  if (!failed.ok()) {
    archive.AbortBatch();
    return failed;
  }
  const Status committed = archive.CommitBatch(lost_race);
  if (!committed.ok()) {
    if (archive.InBatch()) archive.AbortBatch();
    return committed;
  }
  return outcomes;
}

BatchWriter::BatchWriter(Archive& archive, BatchWriterOptions options)
    : archive_(archive), options_(std::move(options)) {}

Status BatchWriter::Add(SnapshotSource source) {
  if (!failed_.ok()) return failed_;
  queued_bytes_ += source.raw.size();
  queue_.push_back(std::move(source));
  if (queue_.size() >= options_.max_sources || queued_bytes_ >= options_.max_bytes) return Flush();
  return Status::Ok();
}

Status BatchWriter::Finish() {
  if (!failed_.ok()) return failed_;
  return Flush();
}

Status BatchWriter::Flush() {
  if (queue_.empty()) return Status::Ok();
  constexpr int kMaxAttempts = 3;
  RecordSnapshotsOptions options;
  options.all_or_nothing = options_.stop_at_first_error;
  options.skip_recorded = options_.skip_recorded;
  options.normalize_seconds = options_.normalize_seconds;
  if (options_.on_progress) {
    options.on_progress = [this](std::size_t done, std::size_t) { options_.on_progress(first_index_ + done); };
  }
  Result<std::vector<Result<SnapshotOutcome>>> outcomes = Status::Internal("not recorded");
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    bool lost_race = false;
    outcomes = RecordSnapshots(archive_, queue_, options, &lost_race);
    if (outcomes.ok() || !lost_race) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50 << attempt));
  }
  if (!outcomes.ok()) {
    failed_ = outcomes.status();
    queue_.clear();
    return failed_;
  }
  if (options_.on_outcome) {
    for (std::size_t i = 0; i < outcomes->size(); ++i) {
      options_.on_outcome(first_index_ + i, queue_[i], (*outcomes)[i]);
    }
  }
  ++batches_;
  first_index_ += outcomes->size();
  queue_.clear();
  queued_bytes_ = 0;
#ifdef __GLIBC__
  // main keeps freed memory on the heap for speed (M_TRIM_THRESHOLD); a long stream of
  // batches gives it back between them, so that its memory stays that of one batch.
  malloc_trim(0);
#endif
  return Status::Ok();
}

}  // namespace redline::record
