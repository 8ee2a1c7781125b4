// A long story, then a revision with four paragraphs moved and 1% of its words edited: the
// commit's trailers, `log`, `log --json`, the snapshot's JSON and the diff's figures count
// only the edited words as added and removed, and the moved paragraphs' words as moved
// (issue 24: this revision used to read +369 -445 and the like).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>
#include <sstream>

#include "e2e/e2e.h"
#include "support/paragraphs.h"

namespace redline::testing {
namespace {

using nlohmann::json;

constexpr char kLive[] = "long-story";


// Words split at spaces: close to redline's count for this text (a check of magnitude).
std::size_t SpacedWords(const std::string& text) {
  std::istringstream in(text);
  std::size_t n = 0;
  for (std::string w; in >> w;) ++n;
  return n;
}

class MovedWordsTest : public ArchiveTest {
 protected:
  void SetUp() override {
    ArchiveTest::SetUp();
    if (HasFatalFailure()) return;
    const std::string original = ReadFileOrDie(FixturePath("stories/un-xinjiang-report/rev-4.expected.txt"));
    std::vector<std::string> paragraphs = Paragraphs(original);
    ASSERT_GT(paragraphs.size(), 35u);
    total_words_ = SpacedWords(original);
    // Four paragraphs moved, far from where they were.
    std::vector<std::string> moved;
    for (const auto& [from, to] : {std::pair{8, 30}, std::pair{12, 25}, std::pair{20, 5}, std::pair{33, 16}}) {
      moved.push_back(paragraphs[static_cast<std::size_t>(from)]);
      moved_spaced_words_ += SpacedWords(moved.back());
      paragraphs.erase(paragraphs.begin() + from);
      paragraphs.insert(paragraphs.begin() + to, moved.back());
    }
    // 1% of the words edited: eleven words replaced, in paragraphs that stayed.
    for (std::size_t i = 2, edits = 0; edits < edits_; i += 3) {
      ASSERT_LT(i, paragraphs.size());
      if (std::find(moved.begin(), moved.end(), paragraphs[i]) != moved.end()) continue;
      std::string& p = paragraphs[i];
      const std::size_t start = p.find(' ') + 1;
      p.replace(start, p.find(' ', start) - start, "edited" + std::to_string(edits++));
    }
    WriteFileOrDie(root_ / "v1.txt", original);
    WriteFileOrDie(root_ / "v2.txt", JoinParagraphs(paragraphs));
    const ProcessResult first =
        InArchive({"snapshot", kLive, root_ / "v1.txt", "--from", "text", "--at", "2022-09-01T08:00:00Z"});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    second_ = InArchive(
        {"snapshot", kLive, root_ / "v2.txt", "--from", "text", "--at", "2022-09-01T09:00:00Z", "--json"});
    ASSERT_EQ(second_.exit_code, 0) << second_.err;
    // The diff's own figures: the moves it found and their words.
    const ProcessResult diff = InArchive({"diff", kLive, "--format", "json"});
    ASSERT_EQ(diff.exit_code, 0) << diff.err;
    diff_ = json::parse(diff.out);
    ASSERT_EQ(diff_["moves"].size(), 4u) << diff.out.substr(0, 2000);
    for (const auto& move : diff_["moves"]) moved_words_ += move["words"].get<std::size_t>();
  }

  const std::size_t edits_ = 11;  // of about 1,100 words
  std::size_t total_words_ = 0;
  std::size_t moved_spaced_words_ = 0;
  std::size_t moved_words_ = 0;  // as the diff's moves count them
  ProcessResult second_;
  json diff_;
};

TEST_F(MovedWordsTest, TrailersCountTheEditAsAddedAndRemovedAndTheMovesAsMoved) {
  EXPECT_NEAR(static_cast<double>(edits_) / static_cast<double>(total_words_), 0.01, 0.002);
  // The moves are the four paragraphs, exact (the edits are elsewhere).
  EXPECT_NEAR(static_cast<double>(moved_words_), static_cast<double>(moved_spaced_words_), 8.0);
  EXPECT_GT(moved_words_, 80u);
  const ProcessResult message = Git({"log", "-1", "--format=%B", "main"});
  ASSERT_EQ(message.exit_code, 0) << message.err;
  EXPECT_NE(message.out.find("\nRedline-Words: +11 -11\n"), std::string::npos) << message.out;
  EXPECT_NE(message.out.find("\nRedline-Moved-Words: " + std::to_string(moved_words_) + "\n"), std::string::npos)
      << message.out;
  // Plain git reads the trailers too.
  const ProcessResult moved = Git({"log", "-1", "--format=%(trailers:key=Redline-Moved-Words,valueonly)", "main"});
  EXPECT_EQ(moved.out, std::to_string(moved_words_) + "\n\n");
  // The first revision moved nothing: no such trailer.
  const ProcessResult first = Git({"log", "-1", "--skip=1", "--format=%B", "main"});
  EXPECT_EQ(first.out.find("Redline-Moved-Words"), std::string::npos) << first.out;
}

TEST_F(MovedWordsTest, SnapshotAndLogShowTheSameCounts) {
  const json snapshot = json::parse(second_.out);
  EXPECT_EQ(snapshot["added_words"], 11);
  EXPECT_EQ(snapshot["removed_words"], 11);
  EXPECT_EQ(snapshot["moved_words"], moved_words_);

  const ProcessResult log = InArchive({"log", kLive});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  // "  2  TIME  COMMIT  +11 -11 ~M  HEADLINE": the moved words after the counts.
  const std::regex second_line("(^|\\n) +2 +\\S+ +[0-9a-f]{7}  \\+11 -11 ~" + std::to_string(moved_words_) + " +\\S");
  EXPECT_TRUE(std::regex_search(log.out, second_line)) << log.out;
  const std::regex first_line("(^|\\n) +1 +\\S+ +[0-9a-f]{7}  \\+\\d+ -0 +\\S");
  EXPECT_TRUE(std::regex_search(log.out, first_line)) << log.out;

  const json parsed = json::parse(InArchive({"log", kLive, "--json"}).out);
  ASSERT_EQ(parsed["revisions"].size(), 2u);
  EXPECT_EQ(parsed["revisions"][1]["added_words"], 11);
  EXPECT_EQ(parsed["revisions"][1]["removed_words"], 11);
  EXPECT_EQ(parsed["revisions"][1]["moved_words"], moved_words_);
  EXPECT_FALSE(parsed["revisions"][0].contains("moved_words"));  // present only when words moved

  // The revision index rebuilt from the history alone keeps them.
  ASSERT_EQ(InArchive({"reindex"}).exit_code, 0);
  EXPECT_EQ(json::parse(InArchive({"log", kLive, "--json"}).out), parsed);
}

TEST_F(MovedWordsTest, DiffStatsAgreeWithTheTrailers) {
  EXPECT_EQ(diff_["stats"]["added_words"], 11);
  EXPECT_EQ(diff_["stats"]["removed_words"], 11);
  EXPECT_EQ(diff_["summary"]["added_words"], 11);
  EXPECT_EQ(diff_["summary"]["removed_words"], 11);
  EXPECT_EQ(diff_["summary"]["moved_words"], moved_words_);
  EXPECT_EQ(diff_["summary"]["blocks"]["moved"], 4);
  const ProcessResult markdown = InArchive({"diff", kLive, "--format", "markdown"});
  ASSERT_EQ(markdown.exit_code, 0) << markdown.err;
  EXPECT_NE(markdown.out.find("- Words: +11 \xE2\x88\x92" "11, " + std::to_string(moved_words_) + " moved\n"),
            std::string::npos)
      << markdown.out.substr(0, 400);
}

}  // namespace
}  // namespace redline::testing
