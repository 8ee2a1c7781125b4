#include "diff/moves.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "diff/test_util.h"
#include "redline/diff.h"

namespace redline {
namespace {

const char kP1[] = "The report linked employment policies to forced labour and found evidence of torture.";
const char kP2[] = "Beijing has always strongly denied the accusations made by the United Nations office.";
const char kP3[] = "In July, Xi visited Xinjiang for the first time in eight years, after an import ban.";
const char kP4[] = "Analysts said the timing was sensitive ahead of the party congress in October this year.";

std::string Join(const std::vector<std::string>& blocks) {
  std::string text;
  for (const std::string& b : blocks) text += b + "\n\n";
  text.pop_back();
  return text;
}

std::string Slice(std::string_view text, std::size_t begin, std::size_t end) {
  return std::string(text.substr(begin, end - begin));
}

TEST(Moves, ExactParagraphMoveIsOneMoveNotADeletionAndAnInsertion) {
  const std::string old_text = Join({"# Title", kP1, kP2, kP4, kP3});
  const std::string new_text = Join({"# Title", kP1, kP3, kP2, kP4});
  const WordDiff diff = DiffWords(old_text, new_text);
  ASSERT_EQ(diff.moves.size(), 1u);
  const Move& move = diff.moves[0];
  EXPECT_EQ(move.level, MoveLevel::kBlock);
  EXPECT_TRUE(move.exact);
  EXPECT_EQ(move.from_block, 4u);
  EXPECT_EQ(move.to_block, 2u);
  EXPECT_EQ(Slice(old_text, move.old_begin, move.old_end), kP3);
  EXPECT_EQ(Slice(new_text, move.new_begin, move.new_end), kP3);
  EXPECT_EQ(move.ops, (std::vector<DiffOp>{{OpKind::kEqual, kP3}}));
  // The ops still rebuild both texts; the moved text is marked on both of its ops.
  EXPECT_EQ(diff::testing::OldSide(diff), old_text);
  EXPECT_EQ(diff::testing::NewSide(diff), new_text);
  int marked = 0;
  for (const DiffOp& op : diff.ops) marked += op.move == 0;
  EXPECT_EQ(marked, 2);
  EXPECT_EQ(diff.summary.blocks_moved, 1u);
}

TEST(Moves, EditedParagraphThatMovedIsAMoveWithItsInnerChanges) {
  std::string edited = kP3;
  edited.replace(edited.find("eight"), 5, "nine");
  const WordDiff diff = DiffWords(Join({kP1, kP2, kP4, kP3}), Join({edited, kP1, kP2, kP4}));
  ASSERT_EQ(diff.moves.size(), 1u);
  EXPECT_FALSE(diff.moves[0].exact);
  EXPECT_EQ(diff.moves[0].to_block, 0u);
  std::string inner;
  for (const DiffOp& op : diff.moves[0].ops) {
    if (op.kind != OpKind::kEqual) inner += (op.kind == OpKind::kDelete ? "-" : "+") + op.text;
  }
  EXPECT_EQ(inner, "-eight+nine");
}

TEST(Moves, SentenceMovedWithinAParagraph) {
  const WordDiff diff = DiffWords("First comes the opening line here. Then a middle sentence follows it. The end is near now.\n",
                                  "Then a middle sentence follows it. First comes the opening line here. The end is near now.\n");
  ASSERT_EQ(diff.moves.size(), 1u);
  EXPECT_EQ(diff.moves[0].level, MoveLevel::kSentence);
  EXPECT_TRUE(diff.moves[0].exact);
  EXPECT_EQ(diff.summary.sentences_moved, 1u);
}

TEST(Moves, UnrelatedTextIsNeverAMove) {
  const WordDiff diff = DiffWords(Join({kP1, kP2}), Join({kP4, kP3}));
  EXPECT_TRUE(diff.moves.empty());
}

TEST(Moves, AParagraphEditedInPlaceIsNoMove) {
  std::string edited = kP2;
  edited.replace(edited.find("strongly"), 8, "firmly");
  const WordDiff diff = DiffWords(Join({kP1, kP2, kP3}), Join({kP1, edited, kP3}));
  EXPECT_TRUE(diff.moves.empty());
}

TEST(Moves, InsertedParagraphInHeavilyEditedTextShiftsNoPairing) {
  // Every paragraph edited and one inserted at the top: pairing by blank lines alone would
  // shift every pair by one and report a cascade of false moves.
  std::vector<std::string> old_blocks, new_blocks{"A brand new opening paragraph about something else entirely."};
  for (int i = 0; i < 12; ++i) {
    const std::string n = std::to_string(i);
    old_blocks.push_back("Paragraph " + n + " says the council met on day " + n + ". It voted on plan " + n + ".");
    new_blocks.push_back("Paragraph " + n + " says the council met on day " + n + ". It approved plan " + n + ".");
  }
  EXPECT_TRUE(DiffWords(Join(old_blocks), Join(new_blocks)).moves.empty());
}

// The property: moves only for text that is really equal or nearly equal.
TEST(Moves, ReportedOnlyForEqualOrNearlyEqualText) {
  std::mt19937 rng(17);
  const std::vector<std::string> paragraphs = {kP1, kP2, kP3, kP4, "Short one.", "Police said the march was peaceful.",
                                               "The council will meet again on Friday to vote on the budget."};
  int moves = 0;
  for (int round = 0; round < 400; ++round) {
    std::vector<std::string> old_blocks, new_blocks;
    for (int k = std::uniform_int_distribution<int>(2, 7)(rng); k > 0; --k) {
      old_blocks.push_back(paragraphs[rng() % paragraphs.size()]);
    }
    new_blocks = old_blocks;
    std::shuffle(new_blocks.begin(), new_blocks.end(), rng);
    for (std::string& b : new_blocks) {
      if (rng() % 3 == 0) b = diff::testing::Edit(&rng, b);
    }
    const std::string old_text = Join(old_blocks), new_text = Join(new_blocks);
    const WordDiff diff = DiffWords(old_text, new_text);
    ASSERT_EQ(diff::testing::OldSide(diff), old_text);
    ASSERT_EQ(diff::testing::NewSide(diff), new_text);
    for (const Move& move : diff.moves) {
      ++moves;
      const std::string from = Slice(old_text, move.old_begin, move.old_end);
      const std::string to = Slice(new_text, move.new_begin, move.new_end);
      if (move.exact) {
        EXPECT_EQ(from, to);
      } else {
        EXPECT_GE(diff::WordSimilarity(from, to, {}), diff::kNearMoveSimilarity) << from << "\n" << to;
      }
    }
  }
  EXPECT_GT(moves, 100);
}

TEST(WordSimilarity, IsDiceOverTheWordLcs) {
  EXPECT_DOUBLE_EQ(diff::WordSimilarity("a b c d", "a b c d", {}), 1.0);
  EXPECT_DOUBLE_EQ(diff::WordSimilarity("a b c d", "a x c d", {}), 0.75);
  EXPECT_DOUBLE_EQ(diff::WordSimilarity("a b", "c d", {}), 0.0);
  EXPECT_DOUBLE_EQ(diff::WordSimilarity("The Cat", "the cat", diff::IgnoreSet{true, false, false}), 1.0);
}

}  // namespace
}  // namespace redline
