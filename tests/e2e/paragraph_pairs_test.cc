// Issue 25: a story of three paragraphs, then a revision with the first edited and the
// second dropped. The diff shows one edited paragraph and one removed paragraph, and the
// counts `snapshot` prints, the commit's trailers, `log` and the diff's own figures all
// count exactly those words (this revision used to read +1 -15: "in court" of the dropped
// paragraph was matched with the edited one's new words, as a merge).
#include <nlohmann/json.hpp>

#include <regex>

#include "e2e/e2e.h"

namespace redline::testing {
namespace {

using nlohmann::json;

constexpr char kLive[] = "harbour-jobs";

const std::string kEdited = "The mayor said the plan would create 450 jobs.";
const std::string kEdit = "The mayor said the plan would create 250 jobs in court.";  // 450 -> 250, "in court" added
const std::string kDropped =
    "Opponents say the council did not consult fishing families and will challenge the vote in court.";  // 16 words
const std::string kLast = "A spokeswoman said all objections had been considered.";
// The edit: 250 and "in court" added, 450 removed; the dropped paragraph's 16 words removed.
constexpr int kAdded = 3, kRemoved = 17;

class ParagraphPairsTest : public ArchiveTest {
 protected:
  void SetUp() override {
    ArchiveTest::SetUp();
    if (HasFatalFailure()) return;
    WriteFileOrDie(root_ / "v1.txt", kEdited + "\n\n" + kDropped + "\n\n" + kLast + "\n");
    WriteFileOrDie(root_ / "v2.txt", kEdit + "\n\n" + kLast + "\n");
    const ProcessResult first =
        InArchive({"snapshot", kLive, root_ / "v1.txt", "--from", "text", "--at", "2022-09-01T08:00:00Z"});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    second_ = InArchive({"snapshot", kLive, root_ / "v2.txt", "--from", "text", "--at", "2022-09-01T09:00:00Z"});
    ASSERT_EQ(second_.exit_code, 0) << second_.err;
    const ProcessResult diff = InArchive({"diff", kLive, "--format", "json"});
    ASSERT_EQ(diff.exit_code, 0) << diff.err;
    diff_ = json::parse(diff.out);
  }

  ProcessResult second_;
  json diff_;
};

TEST_F(ParagraphPairsTest, TheDiffShowsOneEditAndOneDroppedParagraph) {
  EXPECT_EQ(diff_["summary"]["blocks"]["edited"], 1);
  EXPECT_EQ(diff_["summary"]["blocks"]["deleted"], 1);
  EXPECT_EQ(diff_["summary"]["blocks"]["added"], 0);
  EXPECT_FALSE(diff_["summary"]["blocks"].contains("merged")) << diff_["summary"].dump();
  const ProcessResult plain = InArchive({"diff", kLive, "--format", "plain"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(plain.out.find("\nThe mayor said the plan would create [-450-]{+250+} jobs{+ in court+}.\n\n[-" + kDropped +
                           "-]\n\n" + kLast + "\n"),
            std::string::npos)
      << plain.out;
}

TEST_F(ParagraphPairsTest, PrintedCountsAreTheDiffsCounts) {
  // snapshot: "STORY: revision N (+A -R words)".
  EXPECT_EQ(second_.out, std::string(kLive) + ": revision 2 (+" + std::to_string(kAdded) + " -" +
                             std::to_string(kRemoved) + " words)\n");
  EXPECT_EQ(diff_["stats"]["added_words"], kAdded);
  EXPECT_EQ(diff_["stats"]["removed_words"], kRemoved);
  EXPECT_EQ(diff_["summary"]["added_words"], kAdded);
  EXPECT_EQ(diff_["summary"]["removed_words"], kRemoved);
  // The commit's trailer and `log` read the same.
  const ProcessResult message = Git({"log", "-1", "--format=%B", "main"});
  ASSERT_EQ(message.exit_code, 0) << message.err;
  EXPECT_NE(message.out.find("\nRedline-Words: +3 -17\n"), std::string::npos) << message.out;
  EXPECT_EQ(message.out.find("Redline-Moved-Words"), std::string::npos) << message.out;
  const ProcessResult log = InArchive({"log", kLive});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  EXPECT_TRUE(std::regex_search(log.out, std::regex("(^|\\n) +2 +\\S+ +[0-9a-f]{7}  \\+3 -17 ")))
      << log.out;
  const json parsed = json::parse(InArchive({"log", kLive, "--json"}).out);
  ASSERT_EQ(parsed["revisions"].size(), 2u);
  EXPECT_EQ(parsed["revisions"][1]["added_words"], kAdded);
  EXPECT_EQ(parsed["revisions"][1]["removed_words"], kRemoved);
}

}  // namespace
}  // namespace redline::testing
