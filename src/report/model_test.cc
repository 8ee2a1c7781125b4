// BuildReport: windows, digests and their order, missing stories.
#include <string>

#include "report/report.h"
#include "report/test_util.h"

namespace redline::report {
namespace {

class ModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto archive = Archive::Init(tmp_ / "archive");
    ASSERT_OK(archive);
    archive_ = std::make_unique<Archive>(std::move(*archive));
  }
  redline::test::TempDir tmp_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(ModelTest, WindowKeepsRevisionsAndDiffsAgainstTheOneBefore) {
  ASSERT_OK(test::RecordFixtureStory(*archive_));
  ReportOptions options;
  options.stories = {test::kStory};
  options.since = *ParseTime("2022-09-01T10:00:00Z");
  options.until = *ParseTime("2022-09-01T16:00:00Z");
  auto report = BuildReport(*archive_, options);
  ASSERT_OK(report);
  ASSERT_EQ(report->stories.size(), 1u);
  const StoryReport& story = report->stories[0];
  EXPECT_EQ(story.revisions_in_archive, 4);
  ASSERT_EQ(story.revisions.size(), 2u);
  EXPECT_EQ(story.revisions[0].revision.number, 2);
  EXPECT_FALSE(story.revisions[0].first);
  // Revision 2 compared with revision 1 (outside the window): the counts agree.
  EXPECT_EQ(story.revisions[0].diff.stats.added_words, story.revisions[0].revision.added_words);
  EXPECT_EQ(story.revisions[1].diff.stats.removed_words, story.revisions[1].revision.removed_words);
  EXPECT_FALSE(story.headline_changed());
}

TEST_F(ModelTest, DigestPutsHeadlineChangesThenLargestEditsFirst) {
  ASSERT_OK(test::RecordText(*archive_, "aaa-small", "", "# A\n\nOne two.\n", "2022-01-01T00:00:00Z", ""));
  ASSERT_OK(test::RecordText(*archive_, "aaa-small", "# A\n\nOne two.\n", "# A\n\nOne two three.\n",
                             "2022-01-02T00:00:00Z", ""));
  ASSERT_OK(test::RecordText(*archive_, "bbb-large", "", "# B\n\nOne.\n", "2022-01-01T00:00:00Z", ""));
  ASSERT_OK(test::RecordText(*archive_, "bbb-large", "# B\n\nOne.\n", "# B\n\nOne two three four five six.\n",
                             "2022-01-02T00:00:00Z", ""));
  ASSERT_OK(test::RecordText(*archive_, "ccc-headline", "", "# C\n\nText.\n", "2022-01-01T00:00:00Z", ""));
  ASSERT_OK(test::RecordText(*archive_, "ccc-headline", "# C\n\nText.\n", "# C2\n\nText.\n",
                             "2022-01-02T00:00:00Z", ""));
  ASSERT_OK(test::RecordText(*archive_, "ddd-old", "", "# D\n\nOld.\n", "2021-01-01T00:00:00Z", ""));
  ReportOptions options;
  options.since = *ParseTime("2022-01-02");
  auto report = BuildReport(*archive_, options);
  ASSERT_OK(report);
  EXPECT_TRUE(report->digest);
  ASSERT_EQ(report->stories.size(), 3u);  // ddd-old did not change in the window
  EXPECT_EQ(report->stories[0].story, "ccc-headline");
  EXPECT_EQ(report->stories[1].story, "bbb-large");
  EXPECT_EQ(report->stories[2].story, "aaa-small");
}

TEST_F(ModelTest, MissingStoryIsNotFoundAndBadIdIsBadInput) {
  ReportOptions options;
  options.stories = {"no-such-story"};
  auto missing = BuildReport(*archive_, options);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().kind(), ErrorKind::kNotFound);
  options.stories = {"Bad/Id"};
  auto bad = BuildReport(*archive_, options);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().kind(), ErrorKind::kBadInput);
}

}  // namespace
}  // namespace redline::report
