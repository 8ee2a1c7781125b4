#include "web/schedule.h"

#include <algorithm>

namespace redline::web {

ScheduleDecision Decide(const ScheduleFacts& facts, const SchedulePolicy& policy,
                        const ScheduleOverrides& overrides, std::int64_t now) {
  ScheduleDecision decision;
  const std::int64_t stop_after = overrides.stop_after.value_or(policy.stop_after);
  decision.stopped = now - facts.tracked_since > stop_after;
  if (!facts.last_fetch) {
    decision.next_due = facts.tracked_since;
    return decision;
  }
  const std::int64_t min_interval = std::max<std::int64_t>(1, policy.min_interval);
  const std::int64_t max_interval = std::max(min_interval, policy.max_interval);
  std::int64_t interval = 0;
  if (overrides.every) {
    interval = std::max<std::int64_t>(1, *overrides.every);
  } else {
    const std::int64_t changed = facts.last_change.value_or(facts.tracked_since);
    const std::int64_t quiet = std::max<std::int64_t>(0, *facts.last_fetch - changed);
    interval = std::clamp(quiet / 4, min_interval, max_interval);
  }
  if (facts.consecutive_errors > 0) {
    const std::int64_t cap = std::max(interval, max_interval);
    const int doublings = std::min(facts.consecutive_errors, 20);
    std::int64_t backed_off = interval;
    for (int i = 0; i < doublings && backed_off < cap; ++i) backed_off *= 2;
    interval = std::min(backed_off, cap);
  }
  decision.interval = interval;
  decision.next_due = *facts.last_fetch + interval;
  if (facts.retry_after) decision.next_due = std::max(decision.next_due, *facts.retry_after);
  return decision;
}

Result<std::int64_t> ParseDuration(std::string_view text) {
  const auto invalid = [&] {
    return Status::BadInput("invalid duration '" + std::string(text.substr(0, 40)) +
                            "' (use e.g. 90s, 15m, 2h, 1d, 1h30m)");
  };
  if (text.empty()) return invalid();
  constexpr std::int64_t kMax = 10LL * 365 * 86400;
  std::int64_t total = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::int64_t number = 0;
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      number = number * 10 + (text[i] - '0');
      if (number > kMax) return invalid();
      ++i;
    }
    if (i == start) return invalid();
    std::int64_t unit = 1;
    if (i < text.size()) {
      switch (text[i]) {
        case 's':
          unit = 1;
          break;
        case 'm':
          unit = 60;
          break;
        case 'h':
          unit = 3600;
          break;
        case 'd':
          unit = 86400;
          break;
        case 'w':
          unit = 7 * 86400;
          break;
        default:
          return invalid();
      }
      ++i;
    } else if (start != 0) {
      return invalid();  // "1h30": a bare number only on its own
    }
    total += number * unit;
    if (total > kMax) return invalid();
  }
  if (total <= 0) return invalid();
  return total;
}

std::string FormatDuration(std::int64_t seconds) {
  if (seconds <= 0) return "0s";
  std::string out;
  for (const auto& [unit, suffix] :
       {std::pair<std::int64_t, char>{86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}}) {
    if (seconds >= unit) {
      out += std::to_string(seconds / unit) + suffix;
      seconds %= unit;
    }
  }
  return out;
}

}  // namespace redline::web
