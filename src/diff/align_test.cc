#include "diff/align.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "diff/dtl_adapter.h"
#include "diff/leveled_aligner.h"
#include "diff/test_util.h"
#include "diff/text_align.h"
#include "redline/diff.h"

namespace redline::diff {
namespace {

using Ids = std::vector<std::uint32_t>;

template <typename T>
std::size_t LcsLength(const std::vector<T>& a, const std::vector<T>& b) {
  std::vector<std::vector<std::size_t>> table(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      table[i][j] = a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1 : std::max(table[i - 1][j], table[i][j - 1]);
    }
  }
  return table[a.size()][b.size()];
}

// Checks that `script` turns a into b; returns the number of deleted + inserted items.
std::size_t CheckScript(const EditScript& script, const Ids& a, const Ids& b) {
  std::size_t i = 0, j = 0, edits = 0;
  for (std::size_t k = 0; k < script.size(); ++k) {
    const EditRun& run = script[k];
    EXPECT_GT(run.length, 0u);
    if (k > 0) {
      EXPECT_NE(script[k - 1].kind, run.kind) << "runs are merged";
      EXPECT_FALSE(script[k - 1].kind == EditKind::kInsert && run.kind == EditKind::kDelete)
          << "deletions come first";
    }
    for (std::size_t n = 0; n < run.length; ++n) {
      if (run.kind == EditKind::kCommon) {
        EXPECT_LT(i, a.size());
        EXPECT_LT(j, b.size());
        if (i < a.size() && j < b.size()) {
          EXPECT_EQ(a[i], b[j]);
        }
        ++i;
        ++j;
      } else if (run.kind == EditKind::kDelete) {
        ++i;
        ++edits;
      } else {
        ++j;
        ++edits;
      }
    }
  }
  EXPECT_EQ(i, a.size());
  EXPECT_EQ(j, b.size());
  return edits;
}

Ids RandomIds(std::mt19937* rng, std::size_t max_length, std::uint32_t alphabet) {
  Ids ids(std::uniform_int_distribution<std::size_t>(0, max_length)(*rng));
  for (auto& id : ids) id = std::uniform_int_distribution<std::uint32_t>(0, alphabet - 1)(*rng);
  return ids;
}

TEST(DtlAdapter, HandlesEmptySides) {
  EXPECT_TRUE(DtlEditScript({}, {}).empty());
  EXPECT_EQ(DtlEditScript({1, 2}, {}), (EditScript{{EditKind::kDelete, 2}}));
  EXPECT_EQ(DtlEditScript({}, {3}), (EditScript{{EditKind::kInsert, 1}}));
}

TEST(DtlAdapter, PutsDeletionsBeforeInsertions) {
  EXPECT_EQ(DtlEditScript({1, 2, 3}, {1, 4, 3}),
            (EditScript{{EditKind::kCommon, 1}, {EditKind::kDelete, 1}, {EditKind::kInsert, 1}, {EditKind::kCommon, 1}}));
}

TEST(Aligner, ScriptIsValidAndMinimalOnRandomSequences) {
  std::mt19937 rng(42);
  Aligner aligner;
  for (int round = 0; round < 3000; ++round) {
    const std::uint32_t alphabet = 2 + round % 12;
    const Ids a = RandomIds(&rng, 30, alphabet);
    Ids b = round % 3 == 0 ? RandomIds(&rng, 30, alphabet) : a;
    if (round % 3 != 0) {  // a few edits of a
      for (int e = std::uniform_int_distribution<int>(0, 5)(rng); e > 0; --e) {
        const std::size_t pos = std::uniform_int_distribution<std::size_t>(0, b.size())(rng);
        if (rng() % 2 == 0 || b.empty() || pos == b.size()) {
          b.insert(b.begin() + static_cast<std::ptrdiff_t>(pos), static_cast<std::uint32_t>(rng() % (alphabet + 3)));
        } else {
          b.erase(b.begin() + static_cast<std::ptrdiff_t>(pos));
        }
      }
    }
    const std::size_t edits = CheckScript(aligner.Align(a, b), a, b);
    ASSERT_EQ(edits, a.size() + b.size() - 2 * LcsLength(a, b)) << "round " << round;
  }
}

TEST(Aligner, TrimsCommonEnds) {
  Aligner aligner;
  EXPECT_EQ(aligner.Align(Ids{1, 2, 3}, Ids{1, 2, 3}), (EditScript{{EditKind::kCommon, 3}}));
  EXPECT_EQ(aligner.Align(Ids{1, 2, 3}, Ids{1, 3}),
            (EditScript{{EditKind::kCommon, 1}, {EditKind::kDelete, 1}, {EditKind::kCommon, 1}}));
  EXPECT_TRUE(aligner.Align(Ids{}, Ids{}).empty());
}

TEST(Aligner, LargeInputsStayValid) {
  // Big enough for the patience cut and the cost guards; the script must stay exact.
  std::mt19937 rng(7);
  Aligner aligner;
  Ids a(30000);
  for (auto& id : a) id = static_cast<std::uint32_t>(rng() % 50000);
  Ids edited = a;
  for (int e = 0; e < 300; ++e) edited[rng() % edited.size()] = static_cast<std::uint32_t>(rng() % 50000);
  const std::size_t edits = CheckScript(aligner.Align(a, edited), a, edited);
  EXPECT_LE(edits, 600u + 10u);  // unique items anchor nearly everything

  Ids shuffled = a;
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  CheckScript(aligner.Align(a, shuffled), a, shuffled);
  Ids few_symbols(40000);
  for (auto& id : few_symbols) id = static_cast<std::uint32_t>(rng() % 4);
  Ids other(40000);
  for (auto& id : other) id = static_cast<std::uint32_t>(rng() % 4);
  CheckScript(aligner.Align(few_symbols, other), few_symbols, other);
}

// Token ids of a text, for the brute-force comparison.
std::vector<std::string> TokenTexts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& token : Tokenize(text)) out.emplace_back(token.text);
  return out;
}

std::size_t CountTokens(std::string_view text) { return Tokenize(text).size(); }

// Bytes of lines [first, end) of `text` (where line `first` starts, when none).
std::string_view LineBytes(std::string_view text, const std::vector<Line>& lines, std::size_t first,
                           std::size_t end) {
  const std::size_t begin = first < lines.size() ? lines[first].begin : text.size();
  return text.substr(begin, end > first ? lines[end - 1].end - begin : 0);
}

// The property: on small inputs the token edits equal a brute-force LCS of each
// group the paragraphs of a changed run pair into (before the readability passes, which
// only regroup): minimal, but never across paragraphs the pairing keeps apart (issue 25).
// Moves trade minimality for meaning: skipped.
TEST(AlignTexts, SmallInputsGetAMinimalTokenAlignment) {
  std::mt19937 rng(99);
  int checked = 0, paired = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string old_text = testing::RandomText(&rng, 25);
    const std::string new_text = round % 4 == 0 ? testing::RandomText(&rng, 25) : testing::Edit(&rng, old_text);
    const Alignment alignment = AlignTexts(old_text, new_text, DiffOptions());
    if (!alignment.moves.empty()) continue;
    ++checked;
    std::size_t edited_tokens = 0;
    std::size_t old_pos = 0, new_pos = 0;
    for (std::size_t k = 0; k < alignment.chunks.size(); ++k) {
      const Chunk& c = alignment.chunks[k];
      ASSERT_EQ(c.old_begin, old_pos);
      ASSERT_EQ(c.new_begin, new_pos);
      if (k > 0) {
        ASSERT_NE(alignment.chunks[k - 1].changed, c.changed);
      }
      const std::string_view o = std::string_view(old_text).substr(c.old_begin, c.old_end - c.old_begin);
      const std::string_view n = std::string_view(new_text).substr(c.new_begin, c.new_end - c.new_begin);
      if (c.changed) {
        edited_tokens += CountTokens(o) + CountTokens(n);
      } else {
        ASSERT_EQ(o, n);
      }
      old_pos = c.old_end;
      new_pos = c.new_end;
    }
    ASSERT_EQ(old_pos, old_text.size());
    ASSERT_EQ(new_pos, new_text.size());
    const std::vector<Line> old_lines = SplitLines(old_text), new_lines = SplitLines(new_text);
    std::size_t minimal = 0;
    for (const LinePiece& piece : LeveledAligner(old_text, new_text, DiffOptions()).LinePieces()) {
      if (!piece.changed) continue;
      const auto a = TokenTexts(LineBytes(old_text, old_lines, piece.old_first, piece.old_end));
      const auto b = TokenTexts(LineBytes(new_text, new_lines, piece.new_first, piece.new_end));
      minimal += a.size() + b.size() - 2 * LcsLength(a, b);
    }
    ASSERT_EQ(edited_tokens, minimal) << "old: " << old_text << "\nnew: " << new_text;
    const auto a = TokenTexts(old_text);
    const auto b = TokenTexts(new_text);
    ASSERT_GE(edited_tokens, a.size() + b.size() - 2 * LcsLength(a, b));
    if (round % 4 != 0) paired += minimal > a.size() + b.size() - 2 * LcsLength(a, b);
  }
  EXPECT_GT(checked, 2500);
  // Of the edited texts (random words, few of them, and random breaks), the pairing keeps
  // apart paragraphs a minimal alignment would join now and then, not often.
  EXPECT_GT(paired, 0);
  EXPECT_LT(paired, checked / 10);
}

// Issue 25: a paragraph added or removed beside an edited one is a group of its own, also
// where a minimal token alignment would reach across (matching "The" of the new paragraph).
TEST(AlignTexts, ParagraphsPairBeforeTokensAlign) {
  const std::string edited = "The mayor said the plan would create 450 jobs.\n\n";
  const std::string now = "The mayor said the plan would create 250 jobs.\n\n";
  const std::string added = "\xE2\x80\x9CThe plan is a disaster,\xE2\x80\x9D one opponent said.\n\n";
  const std::string last = "A spokeswoman said all objections had been considered.\n";
  const std::vector<LinePiece> pieces =
      LeveledAligner(edited + last, added + now + last, DiffOptions()).LinePieces();
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].changed, true);  // the new paragraph (and its blank line), alone
  EXPECT_EQ(pieces[0].old_end - pieces[0].old_first, 0u);
  EXPECT_EQ(pieces[0].new_end - pieces[0].new_first, 2u);
  EXPECT_EQ(pieces[1].changed, true);  // the edited one with its counterpart
  EXPECT_EQ(pieces[1].old_end - pieces[1].old_first, 2u);
  EXPECT_EQ(pieces[1].new_end - pieces[1].new_first, 2u);
  EXPECT_FALSE(pieces[2].changed);
  const Alignment alignment = AlignTexts(edited + last, added + now + last, DiffOptions());
  ASSERT_EQ(alignment.cuts.size(), 1u);
  EXPECT_EQ(alignment.cuts[0], (std::pair<std::size_t, std::size_t>{0, added.size()}));
  for (const Chunk& c : alignment.chunks) {
    EXPECT_FALSE(c.new_begin < added.size() && c.new_end > added.size()) << "a chunk across the new paragraph's end";
  }
  // A split stays one group: the paragraph and both its parts.
  EXPECT_EQ(LeveledAligner("A b c d. E f g h.\n", "A b c d.\n\nE f g h.\n", DiffOptions()).LinePieces().size(), 1u);
}

TEST(AlignTexts, AlignsLinesFirst) {
  // The word "same" of the changed first line must not pair with the equal third line.
  const std::vector<Chunk> chunks = AlignTexts("one same\n\nsame\n", "two\n\nsame\n", DiffOptions()).chunks;
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(chunks[0], (Chunk{true, 0, 8, 0, 3}));
  EXPECT_EQ(chunks[1], (Chunk{false, 8, 15, 3, 10}));
}

}  // namespace
}  // namespace redline::diff
