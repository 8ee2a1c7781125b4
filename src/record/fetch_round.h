// One fetch round: feeds first (their new items become tracked stories), then the stories
// that are due (or named), fetched in parallel, normalized and recorded in one archive
// batch; archive-local fetch state (validators, errors, times) saved at the end.
// Shared by `fetch`, `watch` and the fetch benchmark.
#ifndef REDLINE_RECORD_FETCH_ROUND_H_
#define REDLINE_RECORD_FETCH_ROUND_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
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
  // `watch --every`: the interval of every story without its own (`track --every`) and of
  // every feed, in place of the schedule's curve and feed_interval.
  std::optional<std::int64_t> every;
  bool all = false;                         // every tracked story, whatever the schedule
  std::vector<std::string> only;            // these stories (ids), whatever the schedule; no feeds
  const std::atomic<bool>* stop = nullptr;  // set: start no new fetch, finish the others
  std::function<void(const web::FetchProgress&)> on_progress;
  std::function<std::int64_t()> now;  // seconds since the epoch; default: the system clock
  // When the round began (watch: when its timer fired); 0: now(). A story's or feed's next
  // check counts from the start of the round that fetched it, so that rounds started every
  // D check what is due every D however long each fetch took.
  std::int64_t started = 0;
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

// The earliest time a story or feed that the round left alone falls due, and how many fall
// due then.
struct NextCheck {
  std::int64_t at = 0;
  std::size_t stories = 0;
  std::size_t feeds = 0;
};

struct RoundReport {
  std::vector<FeedResult> feeds;
  std::vector<StoryResult> stories;  // in completion order
  std::size_t tracked = 0;           // stories tracked when the round began
  std::size_t feeds_followed = 0;    // feeds followed when the round began
  // What the round left for later (rounds without `only`), found by the same pass over the
  // tracking list that chooses what is due: stories and feeds not due yet, stories stopped
  // (past their stop-after), and when the next of them falls due.
  std::size_t not_due = 0;
  std::size_t feeds_not_due = 0;
  std::size_t stopped = 0;
  std::optional<NextCheck> next_check;
  RoundTimings timings;
  std::size_t Failed() const;
  // Notes a story (or feed) left for later, due at `due`.
  void NoteLater(std::int64_t due, bool feed);
};

// The schedule's decision for one story, from its fetch state (and, when the state does not
// know the last change, the time of the story's latest revision).
// `every` (watch --every) stands for the interval of a story without its own override.
web::ScheduleDecision DecideFor(Archive& archive, const web::TrackedStory& story,
                                const web::LocalState& state, const web::SchedulePolicy& policy,
                                std::int64_t now, std::optional<std::int64_t> every = std::nullopt);

// Runs one round. The returned Status is an error only when the round as a whole failed
// (the tracking list cannot be read, a named story is not tracked, the batch cannot be
// committed, the fetch state cannot be saved); a story or feed that fails is reported in
// its result and never stops the others.
Result<RoundReport> RunFetchRound(Archive& archive, web::Fetcher& fetcher, const RoundOptions& options);

}  // namespace redline::record

#endif  // REDLINE_RECORD_FETCH_ROUND_H_
