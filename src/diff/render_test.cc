#include "redline/diff.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>

#include "base/utf8.h"
#include "diff/test_util.h"

namespace redline {
namespace {

const char kOld[] =
    "# Protests in Santiago\n\nBachlet\xE2\x80\x99s visit drew 1,000 people to the square.\n\n"
    "Police said the march was peaceful.\n";
const char kNew[] =
    "# Protests in Santiago\n\nBachelet\xE2\x80\x99s visit drew 3,500 people to the main square.\n\n"
    "Police said the march was largely peaceful.\n";

std::string Render(const WordDiff& diff, DiffFormat format, int context = 1) {
  return RenderDiff(diff, RenderOptions{format, context});
}

TEST(RenderDiff, PlainGolden) {
  EXPECT_EQ(Render(DiffWords(kOld, kNew), DiffFormat::kPlain),
            "@@ -1,5 +1,5 @@\n"
            "# Protests in Santiago\n"
            "\n"
            "[-Bachlet\xE2\x80\x99s-]{+Bachelet\xE2\x80\x99s+} visit drew [-1,000-]{+3,500+} people to the "
            "{+main +}square.\n"
            "\n"
            "Police said the march was {+largely +}peaceful.\n");
}

TEST(RenderDiff, ColorGolden) {
  EXPECT_EQ(Render(DiffWords(kOld, kNew), DiffFormat::kColor),
            "\x1b[36m@@ -1,5 +1,5 @@\x1b[m\n"
            "# Protests in Santiago\n"
            "\n"
            "\x1b[31mBachlet\xE2\x80\x99s\x1b[m\x1b[32mBachelet\xE2\x80\x99s\x1b[m visit drew "
            "\x1b[31m1,000\x1b[m\x1b[32m3,500\x1b[m people to the \x1b[32mmain \x1b[msquare.\n"
            "\n"
            "Police said the march was \x1b[32mlargely \x1b[mpeaceful.\n");
}

// The contract's part of the JSON comes first, byte for byte; the additions follow it.
void ExpectContractPrefix(const std::string& json, const std::string& contract) {
  ASSERT_EQ(json.substr(0, contract.size()), contract);
  EXPECT_EQ(json.substr(contract.size(), 10), R"(,"moves":[)");
  EXPECT_TRUE(json.ends_with("}\n"));
}

TEST(RenderDiff, JsonGolden) {
  ExpectContractPrefix(Render(DiffWords(kOld, kNew), DiffFormat::kJson),
            R"({"stats":{"added_words":4,"removed_words":2,"changed_blocks":2},"ops":[)"
            R"({"op":"equal","text":"# Protests in Santiago\n\n"},)"
            "{\"op\":\"delete\",\"text\":\"Bachlet\xE2\x80\x99s\"},"
            "{\"op\":\"insert\",\"text\":\"Bachelet\xE2\x80\x99s\"},"
            R"({"op":"equal","text":" visit drew "},{"op":"delete","text":"1,000"},)"
            R"({"op":"insert","text":"3,500"},{"op":"equal","text":" people to the "},)"
            R"({"op":"insert","text":"main "},)"
            R"({"op":"equal","text":"square.\n\nPolice said the march was "},)"
            R"({"op":"insert","text":"largely "},{"op":"equal","text":"peaceful.\n"}])");
}

TEST(RenderDiff, UnchangedTextRendersNothing) {
  const WordDiff diff = DiffWords(kOld, kOld);
  EXPECT_EQ(Render(diff, DiffFormat::kPlain), "");
  EXPECT_EQ(Render(diff, DiffFormat::kColor), "");
  ExpectContractPrefix(
      Render(diff, DiffFormat::kJson),
      R"({"stats":{"added_words":0,"removed_words":0,"changed_blocks":0},"ops":[{"op":"equal","text":)" +
          nlohmann::json(std::string(kOld)).dump() + "}]");
  ExpectContractPrefix(Render(DiffWords("", ""), DiffFormat::kJson),
                       R"({"stats":{"added_words":0,"removed_words":0,"changed_blocks":0},"ops":[])");
}

TEST(RenderDiff, ContextZeroShowsOnlyChangedLinesAndBlankGaps) {
  EXPECT_EQ(Render(DiffWords(kOld, kNew), DiffFormat::kPlain, 0),
            "@@ -3,3 +3,3 @@\n"
            "[-Bachlet\xE2\x80\x99s-]{+Bachelet\xE2\x80\x99s+} visit drew [-1,000-]{+3,500+} people to the "
            "{+main +}square.\n"
            "\n"
            "Police said the march was {+largely +}peaceful.\n");
}

TEST(RenderDiff, DistantChangesGetSeparateHunks) {
  const std::string old_text = "# T\n\nP1 a.\n\nP2.\n\nP3.\n\nP4.\n\nP5.\n\nP6 b.\n";
  const std::string new_text = "# T\n\nP1 x.\n\nP2.\n\nP3.\n\nP4.\n\nP5.\n\nP6 y.\n";
  EXPECT_EQ(Render(DiffWords(old_text, new_text), DiffFormat::kPlain),
            "@@ -1,5 +1,5 @@\n# T\n\nP1 [-a-]{+x+}.\n\nP2.\n"
            "@@ -11,3 +11,3 @@\nP5.\n\nP6 [-b-]{+y+}.\n");
  // With more context the hunks touch and join.
  EXPECT_EQ(Render(DiffWords(old_text, new_text), DiffFormat::kPlain, 2),
            "@@ -1,13 +1,13 @@\n# T\n\nP1 [-a-]{+x+}.\n\nP2.\n\nP3.\n\nP4.\n\nP5.\n\nP6 [-b-]{+y+}.\n");
}

TEST(RenderDiff, InsertedParagraphHeaderCountsLikeGit) {
  EXPECT_EQ(Render(DiffWords("A.\n\nC.\n", "A.\n\nB.\n\nC.\n"), DiffFormat::kPlain, 0), "@@ -2,0 +3,2 @@\n{+B.+}\n\n");
  EXPECT_EQ(Render(DiffWords("", "B.\n"), DiffFormat::kPlain), "@@ -0,0 +1 @@\n{+B.+}\n");
  EXPECT_EQ(Render(DiffWords("A.\n\nB.\n", "A.\n"), DiffFormat::kPlain), "@@ -1,3 +1 @@\nA.\n\n[-B.-]\n");
}

TEST(RenderDiff, MultiLineChangeIsMarkedPerLine) {
  EXPECT_EQ(Render(DiffWords("Keep.\n", "Keep.\n\nNew one.\n\nNew two.\n"), DiffFormat::kPlain),
            "@@ -1 +1,5 @@\nKeep.\n\n{+New one.+}\n\n{+New two.+}\n");
}

TEST(RenderDiff, ChangedLineBreaksShowAsEmptyMarkers) {
  // A change that holds a paragraph break (the differ keeps such changes inside one group
  // of paired paragraphs, or a run too large to pair).
  WordDiff diff;
  diff.has_changes = true;
  diff.ops = {{OpKind::kEqual, "A b"}, {OpKind::kDelete, " c"}, {OpKind::kInsert, "\n\nX"}, {OpKind::kEqual, ".\n"}};
  EXPECT_EQ(Render(diff, DiffFormat::kPlain), "@@ -1 +1,3 @@\nA b[- c-]{++}\n\n{+X+}.\n");
  diff.ops = {{OpKind::kEqual, "A b"}, {OpKind::kDelete, "\n\nX"}, {OpKind::kInsert, " c"}, {OpKind::kEqual, ".\n"}};
  EXPECT_EQ(Render(diff, DiffFormat::kPlain), "@@ -1,3 +1 @@\nA b[--]\n\n[-X-]{+ c+}.\n");
  // Not a split: the old paragraph does not go on after the new break. The paragraph with
  // "A b" is edited, the other added or removed whole (issue 25: no full stop shared
  // across the break).
  EXPECT_EQ(Render(DiffWords("A b c.\n", "A b\n\nX.\n"), DiffFormat::kPlain),
            "@@ -1 +1,3 @@\nA b[- c.-]\n\n{+X.+}\n");
  EXPECT_EQ(Render(DiffWords("A b\n\nX.\n", "A b c.\n"), DiffFormat::kPlain),
            "@@ -1,3 +1 @@\nA b{+ c.+}\n\n[-X.-]\n");
}

TEST(RenderDiff, ParagraphSplitAndMergeShowAsNotes) {
  EXPECT_EQ(Render(DiffWords("A b c.\n", "A b\n\nc.\n"), DiffFormat::kPlain),
            "@@ -1 +1,3 @@\nA b{>>\xC2\xB6 split<<}\n\nc.\n");
  EXPECT_EQ(Render(DiffWords("A b\n\nc.\n", "A b c.\n"), DiffFormat::kPlain),
            "@@ -1,3 +1 @@\nA b{>>\xC2\xB6 merged<<} c.\n");
  EXPECT_EQ(Render(DiffWords("A b c.\n", "A b\n\nc.\n"), DiffFormat::kColor),
            "\x1b[36m@@ -1 +1,3 @@\x1b[m\nA b\x1b[1;36m{>>\xC2\xB6 split<<}\x1b[m\n\nc.\n");
}

TEST(RenderDiff, TextWithoutFinalNewline) {
  EXPECT_EQ(Render(DiffWords("one two", "one three"), DiffFormat::kPlain), "@@ -1 +1 @@\none [-two-]{+three+}\n");
}

TEST(RenderDiff, ColorSpansNeverHoldANewline) {
  std::mt19937 rng(77);
  for (int round = 0; round < 1000; ++round) {
    const std::string old_text = diff::testing::RandomText(&rng, 40);
    const std::string new_text = diff::testing::Edit(&rng, old_text);
    const std::string out = Render(DiffWords(old_text, new_text), DiffFormat::kColor, round % 3);
    bool in_span = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (out.compare(i, 5, "\x1b[31m") == 0 || out.compare(i, 5, "\x1b[32m") == 0) in_span = true;
      if (out.compare(i, 3, "\x1b[m") == 0) in_span = false;
      ASSERT_FALSE(in_span && out[i] == '\n') << "round " << round;
    }
    ASSERT_FALSE(in_span);
  }
}

TEST(RenderDiff, JsonRebuildsBothTextsAndSurvivesInvalidUtf8) {
  std::mt19937 rng(8);
  for (int round = 0; round < 300; ++round) {
    const std::string old_text = diff::testing::RandomText(&rng, 30);
    const std::string new_text = diff::testing::Edit(&rng, old_text);
    const nlohmann::json parsed = nlohmann::json::parse(Render(DiffWords(old_text, new_text), DiffFormat::kJson));
    std::string old_side, new_side;
    for (const auto& op : parsed["ops"]) {
      if (op["op"] != "insert") old_side += op["text"].get<std::string>();
      if (op["op"] != "delete") new_side += op["text"].get<std::string>();
    }
    if (utf8::IsValid(old_text) && utf8::IsValid(new_text)) {
      ASSERT_EQ(old_side, old_text);
      ASSERT_EQ(new_side, new_text);
    }
    ASSERT_EQ(parsed["stats"].size(), 3u);
  }
  const std::string out = Render(DiffWords("caf\xC3 ok\n", "caf\xC3\xA9 ok\n"), DiffFormat::kJson);
  const nlohmann::json parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed["ops"][0], nlohmann::json({{"op", "delete"}, {"text", "caf\xEF\xBF\xBD"}}));
}

}  // namespace
}  // namespace redline
