#include "web/local_state.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "archive/test_util.h"

namespace redline::web {
namespace {

TEST(LocalState, RoundTripsAndWritesAtomically) {
  test::TempDir tmp;
  const std::string path = LocalStatePath(tmp / "redline");
  LocalState state;
  FetchState& story = state.stories["un-report"];
  story.etag = "\"abc\"";
  story.last_modified = "Thu, 01 Sep 2022 08:00:00 GMT";
  story.last_fetch = 1'700'000'000;
  story.last_change = 1'699'990'000;
  story.retry_after = 1'700'000'600;
  story.last_status = 503;
  story.last_error = "HTTP status 503";
  story.consecutive_errors = 2;
  state.feeds["https://a.example/rss"].last_success = 1'700'000'000;
  ASSERT_OK(SaveLocalState(path, state));
  auto loaded = LoadLocalState(path);
  ASSERT_OK(loaded);
  const FetchState& read = loaded->stories.at("un-report");
  EXPECT_EQ(read.etag, story.etag);
  EXPECT_EQ(read.last_modified, story.last_modified);
  EXPECT_EQ(read.last_fetch, story.last_fetch);
  EXPECT_EQ(read.last_change, story.last_change);
  EXPECT_EQ(read.retry_after, story.retry_after);
  EXPECT_EQ(read.last_status, 503);
  EXPECT_EQ(read.last_error, story.last_error);
  EXPECT_EQ(read.consecutive_errors, 2);
  EXPECT_EQ(loaded->feeds.at("https://a.example/rss").last_success, 1'700'000'000);
  // Only the final file remains: the temporary one was renamed.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(tmp / "redline")) ++files;
  EXPECT_EQ(files, 1u);
}

TEST(LocalState, MissingOrGarbledIsEmpty) {
  test::TempDir tmp;
  auto missing = LoadLocalState(tmp / "nothing.json");
  ASSERT_OK(missing);
  EXPECT_TRUE(missing->stories.empty());
  test::WriteFile(tmp / "bad.json", "{not json");
  auto garbled = LoadLocalState(tmp / "bad.json");
  ASSERT_OK(garbled);
  EXPECT_TRUE(garbled->stories.empty());
}

}  // namespace
}  // namespace redline::web
