#include "cli/snapshot_batch.h"

#include <algorithm>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>

namespace redline::cli {
namespace {

// Prepares the sources (PrepareSnapshot) on threads of its own, each taking every n-th
// source in order, while the caller records the ones before. A source's counts are taken
// against the text its story's previous source normalized to, or, for a story's first
// source, the latest text the archive held when the batch began (read through each thread's
// own handle: libgit2 handles are not shared between threads).
class Preparer {
 public:
  Preparer(const std::string& archive_path, std::vector<SnapshotSource>* sources, unsigned threads)
      : sources_(*sources), slots_(sources->size()), previous_(sources->size(), kNone) {
    std::unordered_map<std::string_view, std::size_t> last;
    for (std::size_t i = 0; i < sources_.size(); ++i) {
      auto [at, inserted] = last.try_emplace(sources_[i].request.story, i);
      if (!inserted) previous_[i] = std::exchange(at->second, i);
    }
    for (unsigned t = 0; t < threads; ++t) {
      try {
        threads_.emplace_back([this, archive_path, t, threads] { Run(archive_path, t, threads); });
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

  void Run(const std::string& archive_path, std::size_t first, std::size_t step) {
    Result<Archive> archive = Archive::Open(archive_path);
    for (std::size_t i = first; i < sources_.size(); i += step) {
      std::optional<Result<PreparedSnapshot>> prepared = Prepare(i, archive.ok() ? &*archive : nullptr);
      if (!prepared.has_value()) return;  // stopped
      {
        std::lock_guard lock(mutex_);
        slots_[i].prepared = std::move(prepared);
      }
      changed_.notify_all();
    }
  }

  // nullopt when stopped meanwhile.
  std::optional<Result<PreparedSnapshot>> Prepare(std::size_t i, Archive* archive) {
    SnapshotSource& source = sources_[i];
    Status valid = ValidateStoryId(source.request.story);
    Result<NormalizedInput> input = valid.ok() ? NormalizeInput(std::move(source.raw), source.normalize)
                                               : Result<NormalizedInput>(valid);
    {
      std::lock_guard lock(mutex_);
      slots_[i].normalized = true;
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
    } else if (archive != nullptr) {
      expected = LatestText(*archive, source.request.story);
    }
    return Result<PreparedSnapshot>(PrepareSnapshot(std::move(*input), expected.get()));
  }

  // The story's latest text in the archive, "" for a new story; null when unreadable.
  static std::shared_ptr<const std::string> LatestText(Archive& archive, const std::string& story) {
    auto latest = archive.Latest(story);
    if (!latest.ok()) return nullptr;
    if (!latest->has_value()) return std::make_shared<const std::string>();
    auto text = archive.ReadText(**latest);
    return text.ok() ? std::make_shared<const std::string>(std::move(*text)) : nullptr;
  }

  std::vector<SnapshotSource>& sources_;
  std::vector<Slot> slots_;
  std::vector<std::size_t> previous_;  // the index of the story's previous source, or kNone
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

Result<std::vector<Result<SnapshotOutcome>>> RecordSnapshots(Archive& archive, std::vector<SnapshotSource> sources,
                                                             const RecordSnapshotsOptions& options) {
  std::vector<Result<SnapshotOutcome>> outcomes;
  outcomes.reserve(sources.size());
  if (sources.empty()) return outcomes;
  REDLINE_RETURN_IF_ERROR(archive.BeginBatch());
  Status failed;
  try {
    Preparer preparer(archive.path(), &sources, PreparerThreads(sources.size()));
    for (std::size_t i = 0; i < sources.size() && failed.ok(); ++i) {
      Result<PreparedSnapshot> prepared = preparer.Take(i);
      outcomes.push_back(prepared.ok()
                             ? RecordPrepared(archive, sources[i].request, std::move(*prepared), sources[i].fetched)
                             : Result<SnapshotOutcome>(prepared.status()));
      if (options.all_or_nothing && !outcomes.back().ok()) {
        failed = outcomes.back().status();
        if (!sources[i].label.empty()) failed = failed.WithContext(sources[i].label);
      }
      if (options.on_progress) options.on_progress(i + 1, sources.size());
    }
  } catch (const std::system_error& error) {
    failed = Status::Internal(std::string("cannot start a thread: ") + error.what());
  }
  if (!failed.ok()) {
    archive.AbortBatch();
    return failed;
  }
  const Status committed = archive.CommitBatch();
  if (!committed.ok()) {
    if (archive.InBatch()) archive.AbortBatch();
    return committed;
  }
  return outcomes;
}

}  // namespace redline::cli
