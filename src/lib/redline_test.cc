// libredline through its installed header alone (redline/redline.h), linked against the
// shared library: what a program using the library gets.
#include "redline/redline.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using redline::ErrorKind;
namespace lib = redline::lib;

std::string ReadFixture(const std::string& relative) {
  std::ifstream in(std::string(REDLINE_SOURCE_DIR) + "/fixtures/" + relative, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}
std::string Revision(int n) { return ReadFixture("stories/un-xinjiang-report/rev-" + std::to_string(n) + ".html"); }
std::string Expected(int n) {
  return ReadFixture("stories/un-xinjiang-report/rev-" + std::to_string(n) + ".expected.txt");
}

class LibraryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "redline-lib-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  std::string Dir() const { return (root_ / "archive").string(); }
  std::filesystem::path root_;
};

TEST(LibraryVersionTest, LibraryIsTheHeadersVersion) {
  EXPECT_STREQ(lib::Version(), REDLINE_VERSION_STRING);
  EXPECT_EQ(std::to_string(REDLINE_VERSION_MAJOR) + "." + std::to_string(REDLINE_VERSION_MINOR) + "." +
                std::to_string(REDLINE_VERSION_PATCH),
            REDLINE_VERSION_STRING);
}

TEST(LibraryNormalizeTest, PageGivesTheCanonicalText) {
  auto page = lib::Normalize(Revision(1));
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->text, Expected(1));
  EXPECT_EQ(page->byline, "Kinling Lo");
  EXPECT_EQ(page->text.rfind("# " + page->headline + "\n", 0), 0u) << page->headline;
}

TEST(LibraryNormalizeTest, NothingToReadIsBadInput) {
  auto page = lib::Normalize("   \n", lib::Format::kText);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().kind(), ErrorKind::kBadInput);
}

TEST(LibraryDiffTest, TextsDiffWordByWord) {
  EXPECT_EQ(lib::DiffTexts("The cat sat.\n", "The dog sat.\n"), "@@ -1 +1 @@\nThe [-cat-]{+dog+} sat.\n");
  EXPECT_EQ(lib::DiffTexts("Same.\n", "Same.\n"), "");
}

TEST_F(LibraryTest, RecordsListsAndDiffsRevisions) {
  auto archive = lib::Archive::Create(Dir());
  ASSERT_TRUE(archive.ok()) << archive.status().message();
  lib::Snapshot snapshot("un-xinjiang-report", Revision(1), lib::Format::kHtml);
  snapshot.url = "https://example.com/story";
  snapshot.captured_at = "2022-09-01T08:00:00Z";
  auto first = archive->Record(snapshot);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_TRUE(first->changed);
  EXPECT_EQ(first->revision.number, 1);

  auto again = archive->Record(snapshot);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_FALSE(again->changed);
  EXPECT_EQ(again->revision.number, 1);

  snapshot.bytes = Revision(2);
  snapshot.captured_at = "2022-09-01T12:30:00+02:00";
  auto second = archive->Record(snapshot);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_TRUE(second->changed);
  EXPECT_GT(second->revision.added_words + second->revision.removed_words, 0u);

  // A second handle sees what the first recorded.
  auto reopened = lib::Archive::Open(Dir());
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  auto stories = reopened->Stories();
  ASSERT_TRUE(stories.ok());
  EXPECT_EQ(*stories, std::vector<std::string>{"un-xinjiang-report"});
  auto revisions = reopened->Revisions("un-xinjiang-report");
  ASSERT_TRUE(revisions.ok()) << revisions.status().message();
  ASSERT_EQ(revisions->size(), 2u);
  EXPECT_EQ((*revisions)[0].captured_at, "2022-09-01T08:00:00Z");
  EXPECT_EQ((*revisions)[1].captured_at, "2022-09-01T12:30:00+02:00");
  EXPECT_EQ((*revisions)[1].commit, second->revision.commit);
  EXPECT_EQ((*revisions)[1].source_url, "https://example.com/story");

  auto text = reopened->Text("un-xinjiang-report", "1");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, Expected(1));
  auto diff = reopened->Diff("un-xinjiang-report", "1", "latest");
  ASSERT_TRUE(diff.ok()) << diff.status().message();
  EXPECT_EQ(*diff, lib::DiffTexts(Expected(1), Expected(2)));
  EXPECT_NE(diff->find("{+"), std::string::npos);
  auto json = reopened->Diff("un-xinjiang-report", "1", "2", lib::DiffFormat::kJson);
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(json->rfind("{\"stats\":{\"added_words\":" + std::to_string(second->revision.added_words) + ",", 0), 0u)
      << json->substr(0, 80);
}

TEST_F(LibraryTest, ErrorsSayWhatKind) {
  auto missing = lib::Archive::Open(Dir());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().kind(), ErrorKind::kArchive);

  auto archive = lib::Archive::Create(Dir());
  ASSERT_TRUE(archive.ok()) << archive.status().message();
  EXPECT_EQ(lib::Archive::Create(Dir()).status().kind(), ErrorKind::kArchive);
  EXPECT_EQ(archive->Record({"Bad Id!", Revision(1)}).status().kind(), ErrorKind::kBadInput);
  lib::Snapshot undated("story", Revision(1));
  undated.captured_at = "yesterday";
  EXPECT_EQ(archive->Record(undated).status().kind(), ErrorKind::kBadInput);
  EXPECT_EQ(archive->Revisions("nobody").status().kind(), ErrorKind::kNotFound);
  ASSERT_TRUE(archive->Record({"story", Revision(1)}).ok());
  EXPECT_EQ(archive->Text("story", "7").status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(archive->Diff("story", "1", "nonsense").status().kind(), ErrorKind::kBadInput);
}

}  // namespace
