#include <gtest/gtest.h>

#include <vector>

#include "redline/archive.h"

namespace redline {
namespace {

constexpr std::int64_t kSeptemberFirst = 1661990400;  // 2022-09-01T00:00:00Z

// Seconds and offset, or {-1, -1} when the text is refused.
std::pair<std::int64_t, int> Parsed(const std::string& text) {
  auto time = ParseTime(text);
  if (!time.ok()) return {-1, -1};
  return {time->seconds, time->offset_minutes};
}

TEST(ParseTime, DatesAndDateTimes) {
  EXPECT_EQ(Parsed("2022-09-01"), std::make_pair(kSeptemberFirst, 0));
  EXPECT_EQ(Parsed("2022-09-01T10:00"), std::make_pair(kSeptemberFirst + 36000, 0));
  EXPECT_EQ(Parsed("2022-09-01 10:00"), std::make_pair(kSeptemberFirst + 36000, 0));
  EXPECT_EQ(Parsed("2022-09-01T10:00:30"), std::make_pair(kSeptemberFirst + 36030, 0));
  EXPECT_EQ(Parsed("2022-09-01T10:00:30Z"), std::make_pair(kSeptemberFirst + 36030, 0));
  EXPECT_EQ(Parsed("2022-09-01T10:00:30.999Z"), std::make_pair(kSeptemberFirst + 36030, 0));
  EXPECT_EQ(Parsed("2022-09-01T10:00:30,5"), std::make_pair(kSeptemberFirst + 36030, 0));
  EXPECT_EQ(Parsed("2022-09-01T12:00:00+02:00"), std::make_pair(kSeptemberFirst + 36000, 120));
  EXPECT_EQ(Parsed("2022-09-01T12:00+0200"), std::make_pair(kSeptemberFirst + 36000, 120));
  EXPECT_EQ(Parsed("2022-09-01T05:30:00-04:30"), std::make_pair(kSeptemberFirst + 36000, -270));
  EXPECT_EQ(Parsed("2022-09-01T00:00:00+14:00"), std::make_pair(kSeptemberFirst - 14 * 3600, 840));
  EXPECT_EQ(Parsed("1970-01-01T00:00:00Z"), std::make_pair(std::int64_t{0}, 0));
  EXPECT_EQ(Parsed("1969-12-31T23:59:59Z"), std::make_pair(std::int64_t{-1}, 0));
  EXPECT_EQ(Parsed("2024-02-29"), std::make_pair(std::int64_t{1709164800}, 0));
  EXPECT_EQ(Parsed("2000-02-29T23:59:59Z"), std::make_pair(std::int64_t{951868799}, 0));
}

TEST(ParseTime, RefusesInvalidDatesAndTimes) {
  for (const std::string& text : std::vector<std::string>{
           "", "2022", "2022-09", "2022-9-01", "22-09-01", "2022-00-10", "2022-13-01", "2022-09-00",
        "2022-09-31", "2023-02-29", "1900-02-29", "2022-09-01T", "2022-09-01T10",
        "2022-09-01T24:00", "2022-09-01T10:60", "2022-09-01T10:00:60", "2022-09-01T1:00",
        "2022-09-01T10:00:00.", "2022-09-01T10:00.5", "2022-09-01T10:00:00+2", "2022-09-01T10:00:00+02:",
        "2022-09-01T10:00:00+24:00", "2022-09-01T10:00:00+02:60", "2022-09-01T10:00:00ZZ",
        "2022-09-01Z", "2022-09-01X10:00", " 2022-09-01", "2022-09-01 ", "2022/09/01",
        "2022-09-01T10:00:00 +02:00", "yesterday", std::string("2022-09-01\0", 11)}) {
    auto time = ParseTime(text);
    EXPECT_FALSE(time.ok()) << text;
    EXPECT_EQ(time.status().kind(), ErrorKind::kBadInput) << text;
  }
  EXPECT_EQ(ParseTime("soon").status().message(),
            "invalid time 'soon' (use ISO-8601, e.g. 2022-09-01, 2022-09-01T10:00:00Z or "
            "2022-09-01T12:00:00+02:00)");
}

TEST(FormatTime, UtcAndOffsets) {
  EXPECT_EQ(FormatTime({kSeptemberFirst + 36000, 0}), "2022-09-01T10:00:00Z");
  EXPECT_EQ(FormatTime({kSeptemberFirst + 36000, 120}), "2022-09-01T12:00:00+02:00");
  EXPECT_EQ(FormatTime({kSeptemberFirst + 36000, -270}), "2022-09-01T05:30:00-04:30");
  EXPECT_EQ(FormatTime({kSeptemberFirst, -60}), "2022-08-31T23:00:00-01:00");
  EXPECT_EQ(FormatTime({0, 0}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatTime({-1, 0}), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatTime({951868799, 0}), "2000-02-29T23:59:59Z");
}

TEST(FormatTime, RoundTripsThroughParseTime) {
  for (const Timestamp time : {Timestamp{kSeptemberFirst + 12345, 330}, Timestamp{1, -720},
                               Timestamp{4102444799, 0}, Timestamp{-86400 * 365, 60}}) {
    auto parsed = ParseTime(FormatTime(time));
    ASSERT_TRUE(parsed.ok()) << FormatTime(time);
    EXPECT_EQ(parsed->seconds, time.seconds);
    EXPECT_EQ(parsed->offset_minutes, time.offset_minutes);
  }
}

TEST(FormatTime, NeverCrashesOnExtremeValues) {
  EXPECT_EQ(FormatTime({INT64_MAX, 0}), "9999-12-31T23:59:59Z");
  EXPECT_EQ(FormatTime({INT64_MIN, 0}), "0000-01-01T00:00:00Z");
  EXPECT_EQ(FormatTime({0, 100000}), "1970-01-01T00:00:00Z");
}

}  // namespace
}  // namespace redline
