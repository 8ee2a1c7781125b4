// When to fetch a story next: often while it is fresh and changing, less often as its text
// stays the same, never after it is old. Pure logic over times in seconds since the epoch,
// so tests give it any clock.
//
//   interval = clamp(quiet / 4, min_interval, max_interval)
//     where quiet = last fetch - last change (how long the text has stayed the same);
//     a per-story `every` replaces it (record::RoundOptions::every, `watch --every`, stands
//     for it in stories without one).
//   after N failed fetches in a row: interval * 2^N, at most max(interval, max_interval).
//   next due = last fetch + interval, and not before a server's Retry-After.
//   a story tracked longer ago than stop_after (per story or policy) is not fetched again
//   by rounds (an explicit `redline fetch STORY` still fetches it).
//   a story never fetched is due at once.
#ifndef REDLINE_WEB_SCHEDULE_H_
#define REDLINE_WEB_SCHEDULE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "redline/status.h"

namespace redline::web {

struct SchedulePolicy {
  std::int64_t min_interval = 15 * 60;
  std::int64_t max_interval = 24 * 3600;
  std::int64_t stop_after = 30 * 86400;
};

// Per-story overrides, kept in the tracking list.
struct ScheduleOverrides {
  std::optional<std::int64_t> every;
  std::optional<std::int64_t> stop_after;
};

struct ScheduleFacts {
  std::int64_t tracked_since = 0;
  std::optional<std::int64_t> last_fetch;   // the last attempt, successful or not
  std::optional<std::int64_t> last_change;  // the last recorded revision
  int consecutive_errors = 0;
  std::optional<std::int64_t> retry_after;  // absolute time a server asked us to wait for
};

struct ScheduleDecision {
  bool stopped = false;  // too old: rounds leave it alone
  std::int64_t next_due = 0;
  std::int64_t interval = 0;  // the interval the decision used (0 when never fetched)
};

ScheduleDecision Decide(const ScheduleFacts& facts, const SchedulePolicy& policy,
                        const ScheduleOverrides& overrides, std::int64_t now);

// "90s", "15m", "2h", "7d", "1h30m", "1w" (units s, m, h, d, w; a bare number is seconds).
// BadInput for anything else, zero or over 10 years.
Result<std::int64_t> ParseDuration(std::string_view text);
// The shortest form ParseDuration reads back: "1h30m", "45s", "2d".
std::string FormatDuration(std::int64_t seconds);

}  // namespace redline::web

#endif  // REDLINE_WEB_SCHEDULE_H_
