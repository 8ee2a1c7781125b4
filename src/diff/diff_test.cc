#include "redline/diff.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "diff/test_util.h"

namespace redline {
namespace {

using diff::testing::NewSide;
using diff::testing::OldSide;

DiffOp Eq(std::string text) { return {OpKind::kEqual, std::move(text)}; }
DiffOp Ins(std::string text) { return {OpKind::kInsert, std::move(text)}; }
DiffOp Del(std::string text) { return {OpKind::kDelete, std::move(text)}; }

// Byte offsets where tokens of `text` start or end.
std::set<std::size_t> TokenBoundaries(std::string_view text) {
  std::set<std::size_t> bounds{0};
  std::size_t pos = 0;
  for (const Token& token : Tokenize(text)) bounds.insert(pos += token.text.size());
  return bounds;
}

void CheckDiff(const std::string& old_text, const std::string& new_text) {
  const WordDiff diff = DiffWords(old_text, new_text);
  ASSERT_EQ(OldSide(diff), old_text);
  ASSERT_EQ(NewSide(diff), new_text);
  ASSERT_EQ(diff.has_changes, old_text != new_text);
  const std::set<std::size_t> old_bounds = TokenBoundaries(old_text);
  const std::set<std::size_t> new_bounds = TokenBoundaries(new_text);
  std::size_t old_pos = 0, new_pos = 0;
  std::size_t added = 0, removed = 0, moved_words = 0;
  for (std::size_t k = 0; k < diff.ops.size(); ++k) {
    const DiffOp& op = diff.ops[k];
    ASSERT_FALSE(op.text.empty());
    if (k > 0) {
      const DiffOp& previous = diff.ops[k - 1];
      const bool moved = previous.move >= 0 || op.move >= 0;
      const bool block_change =
          previous.block_change != BlockChange::kNone || op.block_change != BlockChange::kNone;
      if (block_change) {
        // A split or merge is a change of its own: one delete op, then one insert op.
        ASSERT_FALSE(previous.kind == op.kind && previous.block_change == op.block_change) << "ops are merged";
      } else if (!moved) {
        ASSERT_NE(previous.kind, op.kind) << "ops are merged";
        // Deletions come first within a change; paragraphs inserted whole may come before
        // the edit of the line after them.
        ASSERT_FALSE(previous.kind == OpKind::kInsert && op.kind == OpKind::kDelete && previous.text.back() != '\n');
      } else {
        ASSERT_FALSE(previous.kind == op.kind && previous.move == op.move) << "ops are merged";
      }
    }
    if (op.kind != OpKind::kInsert) old_pos += op.text.size();
    if (op.kind != OpKind::kDelete) new_pos += op.text.size();
    ASSERT_TRUE(old_bounds.count(old_pos)) << "op ends inside an old token";
    ASSERT_TRUE(new_bounds.count(new_pos)) << "op ends inside a new token";
    if (op.block_change != BlockChange::kNone) {
      ASSERT_NE(op.kind, OpKind::kEqual);
      ASSERT_EQ(CountWords(op.text), 0u) << "a split or merge changes only spaces and breaks";
      ASSERT_EQ(op.text.find('\n') != std::string::npos,
                (op.kind == OpKind::kInsert) == (op.block_change == BlockChange::kSplit));
    }
    if (op.move >= 0) continue;  // counted through its move, below
    if (op.kind == OpKind::kInsert) added += CountWords(op.text);
    if (op.kind == OpKind::kDelete) removed += CountWords(op.text);
  }
  for (const Move& move : diff.moves) {
    for (const DiffOp& op : move.ops) {
      (op.kind == OpKind::kInsert ? added : op.kind == OpKind::kDelete ? removed : moved_words) +=
          CountWords(op.text);
    }
  }
  ASSERT_EQ(diff.stats.added_words, added);
  ASSERT_EQ(diff.stats.removed_words, removed);
  ASSERT_EQ(diff.stats.moved_words, moved_words);
  if (!diff.has_changes) {
    ASSERT_EQ(diff.stats.changed_blocks, 0u);
  }
}

TEST(DiffWords, RebuildsBothTextsOnRandomPairs) {
  std::mt19937 rng(2024);
  for (int round = 0; round < 4000; ++round) {
    const std::string old_text = diff::testing::RandomText(&rng, 40);
    const std::string new_text =
        round % 5 == 0 ? diff::testing::RandomText(&rng, 40) : diff::testing::Edit(&rng, old_text);
    CheckDiff(old_text, new_text);
    if (HasFailure()) {
      ADD_FAILURE() << "round " << round << "\nold: " << old_text << "\nnew: " << new_text;
      return;
    }
  }
}

TEST(DiffWords, RebuildsArbitraryBytes) {
  std::mt19937 rng(5);
  for (int round = 0; round < 500; ++round) {
    std::string a, b;
    for (int i = std::uniform_int_distribution<int>(0, 30)(rng); i > 0; --i) a.push_back(static_cast<char>(rng()));
    b = diff::testing::Edit(&rng, a);
    CheckDiff(a, b);
    if (HasFailure()) return;
  }
}

TEST(DiffWords, UnchangedTextHasOneEqualOp) {
  const std::string text = "# Title\n\nBody text.\n";
  const WordDiff diff = DiffWords(text, text);
  EXPECT_EQ(diff.ops, (std::vector<DiffOp>{Eq(text)}));
  EXPECT_FALSE(diff.has_changes);
  EXPECT_TRUE(diff.empty());
  EXPECT_EQ(diff.stats.added_words + diff.stats.removed_words + diff.stats.changed_blocks, 0u);
  EXPECT_TRUE(DiffWords("", "").ops.empty());
}

TEST(DiffWords, EmptySides) {
  EXPECT_EQ(DiffWords("", "new words\n").ops, (std::vector<DiffOp>{Ins("new words\n")}));
  const WordDiff gone = DiffWords("old words\n", "");
  EXPECT_EQ(gone.ops, (std::vector<DiffOp>{Del("old words\n")}));
  EXPECT_EQ(gone.stats.removed_words, 2u);
  EXPECT_EQ(gone.stats.changed_blocks, 1u);
}

TEST(DiffWords, ReplacedWordIsOneDeleteAndOneInsert) {
  const WordDiff diff = DiffWords("Bachlet\xE2\x80\x99s visit\n", "Bachelet\xE2\x80\x99s visit\n");
  EXPECT_EQ(diff.ops, (std::vector<DiffOp>{Del("Bachlet\xE2\x80\x99s"), Ins("Bachelet\xE2\x80\x99s"),
                                           Eq(" visit\n")}));
  EXPECT_EQ(diff.stats.added_words, 1u);
  EXPECT_EQ(diff.stats.removed_words, 1u);
  EXPECT_EQ(diff.stats.changed_blocks, 1u);
}

TEST(DiffWords, SwappedWordsFormOneReplacement) {
  EXPECT_EQ(DiffWords("we saw a b here\n", "we saw c d here\n").ops,
            (std::vector<DiffOp>{Eq("we saw "), Del("a b"), Ins("c d"), Eq(" here\n")}));
}

TEST(DiffWords, RewrittenSentenceLosesStrayCommonWords) {
  // "the" alone would be a misleading match inside a rewrite.
  EXPECT_EQ(DiffWords("Officials denied the reports today.\n", "Crowds gathered near the old palace.\n").ops,
            (std::vector<DiffOp>{Del("Officials denied the reports today"), Ins("Crowds gathered near the old palace"),
                                 Eq(".\n")}));
}

TEST(DiffWords, KeepsLongerCommonPhrases) {
  EXPECT_EQ(DiffWords("The old man said no.\n", "The young man said yes.\n").ops,
            (std::vector<DiffOp>{Eq("The "), Del("old"), Ins("young"), Eq(" man said "), Del("no"), Ins("yes"),
                                 Eq(".\n")}));
}

TEST(DiffWords, InsertionStartsAtAWord) {
  EXPECT_EQ(DiffWords("to the square.\n", "to the main square.\n").ops,
            (std::vector<DiffOp>{Eq("to the "), Ins("main "), Eq("square.\n")}));
  EXPECT_EQ(DiffWords("to the main square.\n", "to the square.\n").ops,
            (std::vector<DiffOp>{Eq("to the "), Del("main "), Eq("square.\n")}));
}

TEST(DiffWords, ChangedParagraphsAreAlignedAsLines) {
  const WordDiff diff = DiffWords("A b c.\n\nSame here.\n\nD e f.\n", "A x c.\n\nSame here.\n\nD e y.\n");
  EXPECT_EQ(diff.ops, (std::vector<DiffOp>{Eq("A "), Del("b"), Ins("x"), Eq(" c.\n\nSame here.\n\nD e "),
                                           Del("f"), Ins("y"), Eq(".\n")}));
  EXPECT_EQ(diff.stats.changed_blocks, 2u);
}

TEST(DiffWords, InvalidUtf8IsComparedByteForByte) {
  CheckDiff("caf\xC3 ok\n", "caf\xC3\xA9 ok\n");
  CheckDiff("\xFF\xFE", "\xFE\xFF");
}

struct BlockCase {
  const char* name;
  const char* old_text;
  const char* new_text;
  std::size_t blocks;
};

TEST(DiffStats, ChangedBlocksFollowTheDocumentedRule) {
  const BlockCase cases[] = {
      {"edited paragraph", "A b.\n\nC d.\n", "A x.\n\nC d.\n", 1},
      {"two edited paragraphs", "A b.\n\nC d.\n", "A x.\n\nC y.\n", 2},
      {"added paragraph", "A.\n\nC.\n", "A.\n\nB.\n\nC.\n", 1},
      {"removed paragraph", "A.\n\nB.\n\nC.\n", "A.\n\nC.\n", 1},
      {"words removed only", "A b c.\n", "A c.\n", 1},
      {"paragraph split", "A b c.\n", "A b\n\nc.\n", 1},
      {"paragraphs joined", "A b\n\nc.\n", "A b c.\n", 1},
      // Sharing no words with it: one paragraph removed and two added (issue 25: not one
      // edit that keeps the old full stop).
      {"paragraph replaced by two", "Old text.\n", "New one.\n\nNew two.\n", 3},
      {"paragraph edited and one added", "Old text.\n", "Old text here.\n\nNew two.\n", 2},
      {"paragraph edited and one removed", "Old text.\n\nGone too.\n", "Old text here.\n", 2},
      {"punctuation only", "A b.\n", "A b!\n", 1},
      {"unchanged", "A b.\n", "A b.\n", 0},
  };
  for (const BlockCase& c : cases) {
    EXPECT_EQ(DiffWords(c.old_text, c.new_text).stats.changed_blocks, c.blocks) << c.name;
  }
}

TEST(DiffStats, CountsWordsNotPunctuationOrSpaces) {
  const WordDiff diff = DiffWords("Police said 1,000 people came.\n", "Police said, again, 3,500 came!\n");
  CheckDiff("Police said 1,000 people came.\n", "Police said, again, 3,500 came!\n");
  EXPECT_EQ(diff.stats.added_words, 2u);    // again, 3,500
  EXPECT_EQ(diff.stats.removed_words, 2u);  // 1,000, people
}

}  // namespace
}  // namespace redline

namespace redline {
namespace {

TEST(DiffWords, HugeRewriteFallsBackAndSaysSo) {
  // 40,000 tokens a side from a tiny vocabulary, no equal lines or sentences: too large for
  // an exact token alignment in time, so the result is exact text but approximate edits.
  std::mt19937 rng(11);
  const char* words[] = {"alpha", "beta", "gamma", "delta"};
  std::string a, b;
  for (int i = 0; i < 20000; ++i) {
    a += words[rng() % 4];
    a += ' ';
    b += words[rng() % 4];
    b += ' ';
  }
  const WordDiff diff = DiffWords(a, b);
  EXPECT_TRUE(diff.approximate);
  EXPECT_EQ(diff::testing::OldSide(diff), a);
  EXPECT_EQ(diff::testing::NewSide(diff), b);
  EXPECT_FALSE(DiffWords("a b c\n", "a x c\n").approximate);
}

}  // namespace
}  // namespace redline
