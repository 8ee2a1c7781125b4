#include "record/fetch_round.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <optional>

#include "record/batch_writer.h"
#include "record/feed_round.h"
#include "record/snapshot.h"
#include "web/local_state.h"
#include "web/page_input.h"
#include "web/tracking.h"
#include "web/url.h"

namespace redline::record {
namespace {

class Stopwatch {
 public:
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Rounds of one archive run one at a time (a `fetch` waits for a `watch` round), so the
// fetch state file is never written by two rounds at once.
class RoundLock {
 public:
  RoundLock() = default;
  RoundLock(const RoundLock&) = delete;
  RoundLock& operator=(const RoundLock&) = delete;
  ~RoundLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
  }
  Status Acquire(const std::string& directory) {
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error) return Status::Archive("cannot create " + directory + ": " + error.message());
    const std::string path = directory + "/round.lock";
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) return Status::Archive("cannot open " + path + ": " + std::strerror(errno));
    while (::flock(fd_, LOCK_EX) != 0) {
      if (errno != EINTR) return Status::Archive("cannot lock " + path + ": " + std::strerror(errno));
    }
    return Status::Ok();
  }

 private:
  int fd_ = -1;
};

// The fetch state a page's response brings, kept (without its body) until the batch holding
// the page is committed: a failed commit must not turn the next fetch into a 304 for a
// change that was never recorded.
struct PendingPage {
  std::size_t result;  // index into report->stories
  web::FetchResponse response;  // without its body
  std::int64_t at = 0;
  bool settled = false;  // its outcome arrived
};

// Stage 1: what is due (or named). The same pass notes in `report` what is left for later
// and when it falls due.
std::vector<const web::TrackedStory*> ChooseDue(Archive& archive, const web::TrackingList& list,
                                               const web::LocalState& state, const RoundOptions& options,
                                               std::int64_t now, RoundReport* report) {
  std::vector<const web::TrackedStory*> chosen;
  for (const web::TrackedStory& story : list.stories) {
    if (!options.only.empty()) {
      if (std::find(options.only.begin(), options.only.end(), story.story) != options.only.end()) {
        chosen.push_back(&story);
      }
      continue;
    }
    const auto found = state.stories.find(story.story);
    if (options.all) {
      if (found == state.stories.end() || !found->second.retry_after || now >= *found->second.retry_after) {
        chosen.push_back(&story);
      } else {
        ++report->not_due;
        report->NoteLater(*found->second.retry_after, false);
      }
      continue;
    }
    const web::ScheduleDecision decision =
        DecideFor(archive, story, state, options.policy, now, options.every);
    if (decision.stopped) {
      ++report->stopped;
    } else if (now >= decision.next_due) {
      chosen.push_back(&story);
    } else {
      ++report->not_due;
      report->NoteLater(decision.next_due, false);
    }
  }
  return chosen;
}

std::vector<web::FetchRequest> RequestsFor(const std::vector<const web::TrackedStory*>& chosen,
                                           const web::LocalState& state) {
  std::vector<web::FetchRequest> requests;
  for (const web::TrackedStory* story : chosen) {
    web::FetchRequest request{story->url, "", ""};
    const auto found = state.stories.find(story->story);
    if (found != state.stories.end()) {
      request.etag = found->second.etag;
      request.last_modified = found->second.last_modified;
    }
    requests.push_back(std::move(request));
  }
  return requests;
}

// Stages 2 and 3: each response as it arrives; pages go to the batch writer, which records
// them in batches of bounded size (normalizing them on its own threads) and reports each
// outcome once its batch is committed.
class PageRecorder {
 public:
  PageRecorder(Archive& archive, const RoundOptions& options, std::int64_t started, const SiteRules& rules,
               web::LocalState* state, RoundReport* report)
      : options_(options),
        started_(started),
        rules_(rules),
        state_(*state),
        report_(*report),
        writer_(archive, WriterOptions()) {}

  void OnResponse(const web::TrackedStory& story, web::FetchResponse&& response, std::int64_t at) {
    StoryResult result;
    result.story = story.story;
    result.url = story.url;
    result.http_status = response.http_status;
    web::FetchState& story_state = state_.stories[story.story];
    report_.timings.bytes += response.body.size();
    if (response.outcome == web::FetchOutcome::kError) {
      web::RecordFailure(&story_state, response, at);
      story_state.last_fetch = started_;
      result.error = response.error;
      report_.stories.push_back(std::move(result));
      return;
    }
    if (response.outcome == web::FetchOutcome::kNotModified) {
      web::RecordSuccess(&story_state, response, at);
      story_state.last_fetch = started_;
      result.kind = StoryResultKind::kNotModified;
      report_.stories.push_back(std::move(result));
      return;
    }
    SnapshotSource source;
    const std::string page_url = response.final_url.empty() ? story.url : response.final_url;
    source.normalize.from = web::FormatForContentType(response.content_type, response.body);
    source.normalize.charset = web::HeaderCharset(response.content_type);
    source.normalize.url = page_url;
    source.normalize.rules = rules_;
    source.request.story = story.story;
    source.request.source_url = page_url;
    source.request.captured_at = {at, 0};
    source.request.health = options_.health;
    source.fetched.http_status = static_cast<int>(response.http_status);
    source.fetched.content_type = response.content_type;
    source.fetched.fetched_at = Timestamp{at, 0};
    source.raw = std::move(response.body);
    response.body.clear();
    story_state.last_fetch = started_;  // the validators wait for the commit
    pages_.push_back({report_.stories.size(), std::move(response), at, false});
    report_.stories.push_back(std::move(result));
    const Stopwatch commit_time;
    if (const Status added = writer_.Add(std::move(source)); !added.ok()) failure_ = added;
    report_.timings.commit_seconds += commit_time.Seconds();
  }

  // Records what is left; pages whose batch could not be committed fail with its error.
  void Finish() {
    const Stopwatch commit_time;
    if (const Status finished = writer_.Finish(); !finished.ok()) failure_ = finished;
    report_.timings.commit_seconds += commit_time.Seconds();
    report_.timings.normalize_seconds += normalize_seconds_;
    for (PendingPage& page : pages_) {
      if (page.settled) continue;
      StoryResult& result = report_.stories[page.result];
      result.kind = StoryResultKind::kError;
      result.error = failure_.WithContext("not recorded");
      state_.stories[result.story].last_error = result.error.message();
    }
  }

 private:
  BatchWriterOptions WriterOptions() {
    BatchWriterOptions writer;
    writer.max_sources = 500;
    writer.max_bytes = 32u << 20;
    writer.normalize_seconds = &normalize_seconds_;
    writer.on_outcome = [this](std::size_t index, const SnapshotSource&, const Result<SnapshotOutcome>& outcome) {
      Settle(pages_[index], outcome);
    };
    return writer;
  }

  void Settle(PendingPage& page, const Result<SnapshotOutcome>& outcome) {
    page.settled = true;
    StoryResult& result = report_.stories[page.result];
    web::FetchState& story_state = state_.stories[result.story];
    if (!outcome.ok()) {
      // A page that cannot be read or recorded counts as a failed fetch for the schedule.
      web::FetchResponse failed;
      failed.http_status = page.response.http_status;
      failed.error = outcome.status();
      web::RecordFailure(&story_state, failed, page.at);
      story_state.last_fetch = started_;
      result.error = outcome.status();
      return;
    }
    result.warnings = outcome->health.warnings;
    result.revision = outcome->revision;
    web::RecordSuccess(&story_state, page.response, page.at);
    story_state.last_fetch = started_;
    if (outcome->changed) {
      result.kind = StoryResultKind::kChanged;
      story_state.last_change = page.at;
    } else {
      result.kind = StoryResultKind::kUnchanged;
    }
  }

  const RoundOptions& options_;
  // The schedule counts from the round's start: RecordSuccess and RecordFailure keep the
  // response's own time for the rest (Retry-After, last success), last_fetch is this.
  const std::int64_t started_;
  const SiteRules& rules_;
  web::LocalState& state_;
  RoundReport& report_;
  std::vector<PendingPage> pages_;  // in the order given to the writer
  double normalize_seconds_ = 0;
  Status failure_;
  BatchWriter writer_;
};

}  // namespace

web::ScheduleDecision DecideFor(Archive& archive, const web::TrackedStory& story,
                                const web::LocalState& state, const web::SchedulePolicy& policy,
                                std::int64_t now, std::optional<std::int64_t> every) {
  web::ScheduleFacts facts;
  facts.tracked_since = story.added;
  const auto found = state.stories.find(story.story);
  if (found != state.stories.end()) {
    facts.last_fetch = found->second.last_fetch;
    facts.last_change = found->second.last_change;
    facts.consecutive_errors = found->second.consecutive_errors;
    facts.retry_after = found->second.retry_after;
  }
  if (!facts.last_change && facts.last_fetch) {
    // No state of the last change (a fresh clone): the latest revision's time.
    auto latest = archive.Latest(story.story);
    if (latest.ok() && latest->has_value()) facts.last_change = (*latest)->time.seconds;
  }
  web::ScheduleOverrides overrides = story.overrides;
  if (!overrides.every) overrides.every = every;
  return web::Decide(facts, policy, overrides, now);
}

void RoundReport::NoteLater(std::int64_t due, bool feed) {
  if (!next_check || due < next_check->at) next_check = NextCheck{due, 0, 0};
  if (due == next_check->at) ++(feed ? next_check->feeds : next_check->stories);
}

std::size_t RoundReport::Failed() const {
  std::size_t failed = 0;
  for (const StoryResult& story : stories) failed += story.kind == StoryResultKind::kError ? 1 : 0;
  for (const FeedResult& feed : feeds) failed += feed.error.ok() ? 0 : 1;
  return failed;
}

Result<RoundReport> RunFetchRound(Archive& archive, web::Fetcher& fetcher, const RoundOptions& options) {
  const Stopwatch total;
  const auto clock = options.now ? options.now : [] { return static_cast<std::int64_t>(std::time(nullptr)); };
  RoundLock lock;
  REDLINE_RETURN_IF_ERROR(lock.Acquire(archive.LocalStateDirectory()));
  REDLINE_ASSIGN_OR_RETURN(web::TrackingList list, web::LoadTrackingList(archive));
  const std::string state_path = web::LocalStatePath(archive.LocalStateDirectory());
  REDLINE_ASSIGN_OR_RETURN(web::LocalState state, web::LoadLocalState(state_path));
  REDLINE_ASSIGN_OR_RETURN(const SiteRules rules, ArchiveSiteRules(archive));
  for (const std::string& story : options.only) {
    if (list.FindStory(story) == nullptr) {
      return Status::NotFound("story '" + story +
                              "' is not tracked (track it with 'redline track URL --story " + story + "')");
    }
  }

  RoundReport report;
  const std::int64_t now = options.started != 0 ? options.started : clock();
  const Stopwatch feed_time;
  if (options.only.empty()) {
    REDLINE_RETURN_IF_ERROR(RunFeeds(archive, fetcher, options, now, &list, &state, &report));
  }
  double network = feed_time.Seconds();
  report.tracked = list.stories.size();
  report.feeds_followed = list.feeds.size();

  const std::vector<const web::TrackedStory*> chosen = ChooseDue(archive, list, state, options, now, &report);
  const std::vector<web::FetchRequest> requests = RequestsFor(chosen, state);
  const Stopwatch fetch_time;
  double processing = 0;
  PageRecorder recorder(archive, options, now, rules, &state, &report);
  const Status fetched = fetcher.FetchAll(
      requests,
      [&](web::FetchResponse&& response) {
        const Stopwatch processing_time;
        recorder.OnResponse(*chosen[response.index], std::move(response), clock());
        processing += processing_time.Seconds();
      },
      options.stop, options.on_progress);
  network += fetch_time.Seconds() - processing;
  recorder.Finish();
  if (!fetched.ok()) return fetched;

  // Forget the state of what is no longer tracked.
  std::erase_if(state.stories, [&](const auto& entry) { return list.FindStory(entry.first) == nullptr; });
  std::erase_if(state.feeds, [&](const auto& entry) { return list.FindFeed(entry.first) == nullptr; });
  REDLINE_RETURN_IF_ERROR(web::SaveLocalState(state_path, state));

  report.timings.total_seconds = total.Seconds();
  report.timings.network_seconds = network;
  return report;
}

}  // namespace redline::record
