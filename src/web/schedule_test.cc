#include "web/schedule.h"

#include <gtest/gtest.h>

#include "web/test_util.h"

namespace redline::web {
namespace {

constexpr std::int64_t kStart = 1'700'000'000;
constexpr std::int64_t kHour = 3600;

TEST(Schedule, NeverFetchedIsDueAtOnce) {
  ScheduleFacts facts;
  facts.tracked_since = kStart;
  const ScheduleDecision decision = Decide(facts, {}, {}, kStart + 5);
  EXPECT_EQ(decision.next_due, kStart);
  EXPECT_FALSE(decision.stopped);
}

TEST(Schedule, OftenWhileChangingLessOftenAsTheTextStaysTheSame) {
  const SchedulePolicy policy;  // 15 min .. 24 h
  ScheduleFacts facts;
  facts.tracked_since = kStart;
  facts.last_change = kStart;
  facts.last_fetch = kStart + 10 * 60;  // changed 10 minutes before the last fetch
  EXPECT_EQ(Decide(facts, policy, {}, facts.last_fetch.value()).interval, 15 * 60);
  facts.last_fetch = kStart + 4 * kHour;  // quiet for 4 hours: every hour
  EXPECT_EQ(Decide(facts, policy, {}, *facts.last_fetch).interval, kHour);
  EXPECT_EQ(Decide(facts, policy, {}, *facts.last_fetch).next_due, *facts.last_fetch + kHour);
  facts.last_fetch = kStart + 10 * 24 * kHour;  // quiet for 10 days: the daily cap
  EXPECT_EQ(Decide(facts, policy, {}, *facts.last_fetch).interval, 24 * kHour);
}

TEST(Schedule, StopsAfterTheConfiguredAge) {
  SchedulePolicy policy;
  policy.stop_after = 7 * 24 * kHour;
  ScheduleFacts facts;
  facts.tracked_since = kStart;
  facts.last_fetch = kStart;
  EXPECT_FALSE(Decide(facts, policy, {}, kStart + 6 * 24 * kHour).stopped);
  EXPECT_TRUE(Decide(facts, policy, {}, kStart + 8 * 24 * kHour).stopped);
  ScheduleOverrides longer;
  longer.stop_after = 30 * 24 * kHour;
  EXPECT_FALSE(Decide(facts, policy, longer, kStart + 8 * 24 * kHour).stopped);
}

TEST(Schedule, PerStoryIntervalReplacesTheCurve) {
  ScheduleFacts facts;
  facts.tracked_since = kStart;
  facts.last_fetch = kStart + 10 * 24 * kHour;
  ScheduleOverrides every;
  every.every = 5 * 60;
  EXPECT_EQ(Decide(facts, {}, every, *facts.last_fetch).next_due, *facts.last_fetch + 5 * 60);
}

TEST(Schedule, BacksOffAfterErrorsAndHonoursRetryAfter) {
  ScheduleFacts facts;
  facts.tracked_since = kStart;
  facts.last_change = kStart;
  facts.last_fetch = kStart + 60;
  facts.consecutive_errors = 2;
  EXPECT_EQ(Decide(facts, {}, {}, *facts.last_fetch).interval, 4 * 15 * 60);
  facts.consecutive_errors = 30;
  EXPECT_EQ(Decide(facts, {}, {}, *facts.last_fetch).interval, 24 * kHour);
  facts.consecutive_errors = 1;
  facts.retry_after = kStart + 5 * kHour;
  EXPECT_EQ(Decide(facts, {}, {}, *facts.last_fetch).next_due, kStart + 5 * kHour);
}

TEST(Duration, ParsesAndFormats) {
  EXPECT_EQ(*ParseDuration("90s"), 90);
  EXPECT_EQ(*ParseDuration("15m"), 900);
  EXPECT_EQ(*ParseDuration("1h30m"), 5400);
  EXPECT_EQ(*ParseDuration("2d"), 172800);
  EXPECT_EQ(*ParseDuration("1w"), 604800);
  EXPECT_EQ(*ParseDuration("45"), 45);
  for (const char* bad : {"", "m", "10x", "-5m", "0", "1h30", "99999999999d", "1.5h"}) {
    EXPECT_FALSE(ParseDuration(bad).ok()) << bad;
  }
  EXPECT_EQ(FormatDuration(5400), "1h30m");
  EXPECT_EQ(FormatDuration(172800), "2d");
  EXPECT_EQ(*ParseDuration(FormatDuration(93784)), 93784);
}

}  // namespace
}  // namespace redline::web
