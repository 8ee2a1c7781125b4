#include "web/tracking.h"

#include <git2.h>
#include <gtest/gtest.h>

#include "archive/test_util.h"

namespace redline::web {
namespace {

constexpr std::int64_t kNow = 1'700'000'000;

TEST(Track, DerivesIdsAndKeepsThemStable) {
  TrackingList list;
  auto first = Track(&list, "https://www.news.example/world/story-1?utm_source=x", "", {}, kNow);
  ASSERT_OK(first);
  EXPECT_TRUE(first->added);
  EXPECT_EQ(first->story, "news.example-world-story-1");
  EXPECT_EQ(list.stories[0].url, "https://www.news.example/world/story-1");
  // The same page again, through another tracking link: same entry.
  auto again = Track(&list, "https://www.news.example/world/story-1#top", "", {}, kNow + 5);
  ASSERT_OK(again);
  EXPECT_FALSE(again->added);
  EXPECT_EQ(again->story, first->story);
  EXPECT_EQ(list.stories.size(), 1u);
  // Another URL deriving the same id gets a suffix (www. and no www. differ as URLs).
  auto other = Track(&list, "https://news.example/world/story-1", "", {}, kNow);
  ASSERT_OK(other);
  EXPECT_EQ(other->story, "news.example-world-story-1-2");
}

TEST(Track, ExplicitIdsAndConflicts) {
  TrackingList list;
  ASSERT_OK(Track(&list, "https://a.example/1", "un-report", {}, kNow));
  EXPECT_FALSE(Track(&list, "https://a.example/2", "un-report", {}, kNow).ok());
  EXPECT_FALSE(Track(&list, "https://a.example/1", "another", {}, kNow).ok());
  EXPECT_FALSE(Track(&list, "https://a.example/3", "Bad Id", {}, kNow).ok());
  EXPECT_FALSE(Track(&list, "https://a.example/3", "a..b", {}, kNow).ok());
  EXPECT_FALSE(Track(&list, "ftp://a.example/3", "", {}, kNow).ok());
  ScheduleOverrides every;
  every.every = 600;
  auto updated = Track(&list, "https://a.example/1", "", every, kNow);
  ASSERT_OK(updated);
  EXPECT_TRUE(updated->updated);
  EXPECT_EQ(list.FindStory("un-report")->overrides.every, 600);
}

TEST(Untrack, ByIdOrUrlAndRemembersFeedItems) {
  TrackingList list;
  ASSERT_OK(Track(&list, "https://a.example/1", "one", {}, kNow));
  ASSERT_OK(Track(&list, "https://a.example/2", "two", {}, kNow, "https://a.example/feed"));
  ASSERT_OK(Untrack(&list, "one"));
  auto removed = Untrack(&list, "https://a.example/2?utm_medium=email");
  ASSERT_OK(removed);
  EXPECT_EQ(removed->story, "two");
  EXPECT_TRUE(list.stories.empty());
  EXPECT_EQ(list.untracked, std::vector<std::string>{"https://a.example/2"});
  auto missing = Untrack(&list, "three");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().kind(), ErrorKind::kNotFound);
}

TEST(TrackingList, RoundTripsThroughJson) {
  TrackingList list;
  ScheduleOverrides overrides;
  overrides.every = 1800;
  overrides.stop_after = 7 * 86400;
  ASSERT_OK(Track(&list, "https://b.example/x", "bee", overrides, kNow, "https://b.example/rss"));
  ASSERT_OK(Track(&list, "https://a.example/y", "", {}, kNow));
  list.feeds.push_back({"https://b.example/rss", kNow, "/x", "(?:war)"});
  list.untracked.push_back("https://b.example/gone");
  const std::string text = FormatTrackingList(list);
  auto parsed = ParseTrackingList(text);
  ASSERT_OK(parsed);
  EXPECT_EQ(FormatTrackingList(*parsed), text);
  EXPECT_EQ(parsed->FindStory("bee")->overrides.stop_after, 7 * 86400);
  EXPECT_EQ(parsed->FindStory("bee")->feed, "https://b.example/rss");
  EXPECT_EQ(parsed->feeds[0].match_title, "(?:war)");
  EXPECT_EQ(parsed->stories[0].story, "a.example-y");  // sorted by id
}

TEST(TrackingList, DamagedFilesAreArchiveErrors) {
  for (const char* text :
       {"", "[]", "{\"version\":2}", "{\"version\":1,\"stories\":[{\"story\":\"Bad\",\"url\":\"x\"}]}",
        "{\"version\":1,\"stories\":[{\"story\":\"ok\",\"url\":\"x\",\"every\":\"soon\"}]}"}) {
    auto parsed = ParseTrackingList(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.status().kind(), ErrorKind::kArchive) << text;
  }
}

TEST(TrackingList, IsCommittedInTheArchive) {
  git_libgit2_init();
  test::TempDir tmp;
  auto archive = Archive::Init(tmp / "archive");
  ASSERT_OK(archive);
  auto empty = LoadTrackingList(*archive);
  ASSERT_OK(empty);
  EXPECT_TRUE(empty->stories.empty());
  TrackingList list;
  ASSERT_OK(Track(&list, "https://a.example/1", "one", {}, kNow));
  ASSERT_OK(SaveTrackingList(*archive, list, "Track one"));
  auto reopened = Archive::Open(tmp / "archive");
  ASSERT_OK(reopened);
  auto loaded = LoadTrackingList(*reopened);
  ASSERT_OK(loaded);
  ASSERT_EQ(loaded->stories.size(), 1u);
  EXPECT_EQ(loaded->stories[0].url, "https://a.example/1");
  EXPECT_EQ(test::Git(tmp / "archive", "log -1 --format=%s"), "Track one\n");
  EXPECT_EQ(test::ArchiveProblems(tmp / "archive"), "");
  const test::CommandResult clone =
      test::RunShell("git clone -q '" + tmp / "archive" + "' '" + tmp / "clone" + "'");
  ASSERT_EQ(clone.exit_code, 0) << clone.output;
  EXPECT_EQ(test::ReadFile(tmp / "clone/tracking/tracked.json"), FormatTrackingList(list));
}

}  // namespace
}  // namespace redline::web
