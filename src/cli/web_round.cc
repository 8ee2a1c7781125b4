#include "cli/web_round.h"

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

#include "cli/feed_round.h"
#include "cli/recorder.h"
#include "web/local_state.h"
#include "web/page_input.h"
#include "web/tracking.h"
#include "web/url.h"

namespace redline::cli {
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

// A story's changed text waiting for the batch to commit.
struct PendingChange {
  std::size_t result;  // index into report->stories
  SnapshotRequest request;
  FetchFacts facts;
  NormalizedInput input;
  web::FetchState state;  // the story's state once the change is recorded
};

}  // namespace

web::ScheduleDecision DecideFor(Archive& archive, const web::TrackedStory& story,
                                const web::LocalState& state, const web::SchedulePolicy& policy,
                                std::int64_t now) {
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
  return web::Decide(facts, policy, story.overrides, now);
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
  std::int64_t now = clock();
  const Stopwatch feed_time;
  if (options.only.empty()) {
    REDLINE_RETURN_IF_ERROR(RunFeeds(archive, fetcher, options, now, &list, &state, &report));
  }
  double network = feed_time.Seconds();
  report.tracked = list.stories.size();

  // What is due.
  std::vector<const web::TrackedStory*> chosen;
  for (const web::TrackedStory& story : list.stories) {
    if (!options.only.empty()) {
      if (std::find(options.only.begin(), options.only.end(), story.story) != options.only.end()) {
        chosen.push_back(&story);
      }
      continue;
    }
    const auto found = state.stories.find(story.story);
    const web::ScheduleDecision decision = DecideFor(archive, story, state, options.policy, now);
    if (options.all) {
      if (found == state.stories.end() || !found->second.retry_after || now >= *found->second.retry_after) {
        chosen.push_back(&story);
      }
      continue;
    }
    if (!decision.stopped && now >= decision.next_due) chosen.push_back(&story);
  }

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

  std::vector<PendingChange> pending;
  double normalize_seconds = 0;
  double commit_seconds = 0;
  const bool batch = !requests.empty();
  if (batch) REDLINE_RETURN_IF_ERROR(archive.BeginBatch());
  const Stopwatch fetch_time;
  double processing = 0;
  const Status fetched = fetcher.FetchAll(
      requests,
      [&](web::FetchResponse&& response) {
        const Stopwatch processing_time;
        const web::TrackedStory& story = *chosen[response.index];
        StoryResult result;
        result.story = story.story;
        result.url = story.url;
        result.http_status = response.http_status;
        web::FetchState& story_state = state.stories[story.story];
        const std::int64_t at = clock();
        report.timings.bytes += response.body.size();
        if (response.outcome == web::FetchOutcome::kError) {
          web::RecordFailure(&story_state, response, at);
          result.error = response.error;
        } else if (response.outcome == web::FetchOutcome::kNotModified) {
          web::RecordSuccess(&story_state, response, at);
          result.kind = StoryResultKind::kNotModified;
        } else {
          const Stopwatch normalize_time;
          // A page that cannot be read or recorded counts as a failed fetch for the schedule.
          const auto fail = [&](const Status& error) {
            web::FetchResponse failed;
            failed.http_status = response.http_status;
            failed.error = error;
            web::RecordFailure(&story_state, failed, at);
            result.error = error;
          };
          const std::string page_url = response.final_url.empty() ? story.url : response.final_url;
          NormalizeOptions normalize;
          normalize.from = web::FormatForContentType(response.content_type, response.body);
          normalize.charset = web::HeaderCharset(response.content_type);
          normalize.url = page_url;
          normalize.rules = rules;
          auto input = NormalizeInput(response.body, normalize);
          normalize_seconds += normalize_time.Seconds();
          if (!input.ok()) {
            fail(input.status());
          } else {
            SnapshotRequest request;
            request.story = story.story;
            request.source_url = page_url;
            request.captured_at = {at, 0};
            request.health = options.health;
            FetchFacts facts;
            facts.http_status = static_cast<int>(response.http_status);
            facts.content_type = response.content_type;
            facts.fetched_at = Timestamp{at, 0};
            const Stopwatch record_time;
            NormalizedInput kept = *input;
            auto outcome = RecordSnapshot(archive, request, std::move(*input), facts);
            commit_seconds += record_time.Seconds();
            if (outcome.ok()) result.warnings = outcome->health.warnings;
            if (!outcome.ok()) {
              fail(outcome.status());
            } else if (!outcome->changed) {
              web::RecordSuccess(&story_state, response, at);
              result.kind = StoryResultKind::kUnchanged;
              result.revision = outcome->revision;
            } else {
              result.kind = StoryResultKind::kChanged;
              result.revision = outcome->revision;
              web::FetchState changed = story_state;
              web::RecordSuccess(&changed, response, at);
              changed.last_change = at;
              pending.push_back({report.stories.size(), std::move(request), std::move(facts), std::move(kept),
                                 std::move(changed)});
              // Until the batch commits, the old validators stay: a failed commit must not
              // turn the next fetch into a 304 for a change that was never recorded.
              story_state.last_fetch = at;
            }
          }
        }
        report.stories.push_back(std::move(result));
        processing += processing_time.Seconds();
      },
      options.stop, options.on_progress);
  network += fetch_time.Seconds() - processing;
  if (!fetched.ok()) {
    if (batch) archive.AbortBatch();
    return fetched;
  }

  if (batch) {
    const Stopwatch commit_time;
    Status committed = archive.CommitBatch();
    if (!committed.ok() && !pending.empty()) {
      // Someone else moved main (a `track` meanwhile): record the changes again on top.
      committed = archive.BeginBatch();
      for (PendingChange& change : pending) {
        if (!committed.ok()) break;
        auto outcome = RecordSnapshot(archive, change.request, change.input, change.facts);
        if (!outcome.ok()) {
          committed = outcome.status();
          break;
        }
        report.stories[change.result].revision = outcome->revision;
        if (!outcome->changed) report.stories[change.result].kind = StoryResultKind::kUnchanged;
      }
      if (committed.ok()) committed = archive.CommitBatch();
      if (!committed.ok() && archive.InBatch()) archive.AbortBatch();
    }
    commit_seconds += commit_time.Seconds();
    if (!committed.ok()) {
      for (const PendingChange& change : pending) {
        StoryResult& result = report.stories[change.result];
        result.kind = StoryResultKind::kError;
        result.error = committed.WithContext("not recorded");
        state.stories[result.story].last_error = result.error.message();
      }
    } else {
      for (PendingChange& change : pending) state.stories[change.request.story] = std::move(change.state);
    }
  }

  // Forget the state of what is no longer tracked.
  std::erase_if(state.stories, [&](const auto& entry) { return list.FindStory(entry.first) == nullptr; });
  std::erase_if(state.feeds, [&](const auto& entry) { return list.FindFeed(entry.first) == nullptr; });
  REDLINE_RETURN_IF_ERROR(web::SaveLocalState(state_path, state));

  report.timings.total_seconds = total.Seconds();
  report.timings.network_seconds = network;
  report.timings.normalize_seconds = normalize_seconds;
  report.timings.commit_seconds = commit_seconds;
  return report;
}

}  // namespace redline::cli
