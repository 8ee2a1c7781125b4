// One fetch round: feeds first (their new items become tracked stories), then the stories
// that are due (or named), fetched in parallel, normalized and recorded in one archive
// batch; archive-local fetch state (validators, errors, times) saved at the end.
// Shared by `fetch`, `watch` and the fetch benchmark.
#ifndef REDLINE_RECORD_FETCH_ROUND_H_
#define REDLINE_RECORD_FETCH_ROUND_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "record/snapshot.h"
#include "redline/archive.h"
#include "redline/status.h"
#include "web/fetcher.h"
#include "web/local_state.h"
#include "web/schedule.h"
#include "web/tracking.h"

namespace redline::record {

struct RoundOptions {
  web::SchedulePolicy policy;
  std::int64_t feed_interval = 15 * 60;     // how often a feed is fetched
  bool all = false;                         // every tracked story, whatever the schedule
  std::vector<std::string> only;            // these stories (ids), whatever the schedule; no feeds
  const std::atomic<bool>* stop = nullptr;  // set: start no new fetch, finish the others
  std::function<void(const web::FetchProgress&)> on_progress;
  std::function<std::int64_t()> now;  // seconds since the epoch; default: the system clock
  HealthPolicy health;                // when a changed page's extraction looks broken
};

enum class StoryResultKind { kChanged, kUnchanged, kNotModified, kError };

struct StoryResult {
  std::string story;
  std::string url;  // the tracked URL
  StoryResultKind kind = StoryResultKind::kError;
  Revision revision;  // kChanged: the new one; kUnchanged: the latest
  long http_status = 0;
  Status error;                       // kError
  std::vector<std::string> warnings;  // the extraction health alarm (record::Health), if raised
};

struct FeedResult {
  std::string url;
  std::vector<std::string> new_stories;
  Status error;
};

struct RoundTimings {
  double total_seconds = 0;
  double network_seconds = 0;    // fetching, less the time spent processing responses
  double normalize_seconds = 0;  // bytes -> canonical text, on the batch writer's threads
  double commit_seconds = 0;     // in the batch writer: recording and committing (normalizing overlaps it)
  std::uint64_t bytes = 0;       // body bytes received
};

struct RoundReport {
  std::vector<FeedResult> feeds;
  std::vector<StoryResult> stories;  // in completion order
  std::size_t tracked = 0;           // stories tracked when the round began
  RoundTimings timings;
  std::size_t Failed() const;
};

// Runs one round. The returned Status is an error only when the round as a whole failed
// (the tracking list cannot be read, a named story is not tracked, the batch cannot be
// committed, the fetch state cannot be saved); a story or feed that fails is reported in
// its result and never stops the others.
// The schedule's decision for one story, from its fetch state (and, when the state does not
// know the last change, the time of the story's latest revision).
web::ScheduleDecision DecideFor(Archive& archive, const web::TrackedStory& story,
                                const web::LocalState& state, const web::SchedulePolicy& policy,
                                std::int64_t now);

Result<RoundReport> RunFetchRound(Archive& archive, web::Fetcher& fetcher, const RoundOptions& options);

}  // namespace redline::record

#endif  // REDLINE_RECORD_FETCH_ROUND_H_
