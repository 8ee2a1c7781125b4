// Test helpers for the diff module: random texts and op checks.
#ifndef REDLINE_DIFF_TEST_UTIL_H_
#define REDLINE_DIFF_TEST_UTIL_H_

#include <random>
#include <string>
#include <vector>

#include "redline/diff.h"

namespace redline::diff::testing {

// Pieces random texts are made of: words (with apostrophes, hyphens, accents, CJK),
// numbers, punctuation, spaces (NBSP too) and line breaks.
inline const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> pieces = {
      "the", "a", "Bachelet\xE2\x80\x99s", "Bachlet\xE2\x80\x99s", "anti-China", "don't", "na\xC3\xAFve",
      "1,000", "3.5", "20th", "police", "said", "\xE4\xB8\xAD", "\xE6\x96\x87", "\xE3\x81\x8B",
      ",", ".", "\"", "(", ")", "\xE2\x80\x94", " ", " ", " ", " ", "\xC2\xA0", "\n", "\n\n"};
  return pieces;
}

inline std::string RandomText(std::mt19937* rng, int max_pieces) {
  const auto& pieces = Pieces();
  std::uniform_int_distribution<int> count(0, max_pieces);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::string text;
  for (int n = count(*rng); n > 0; --n) text += pieces[pick(*rng)];
  return text;
}

// A copy of `text` with a few random piece-level edits (insert, delete, replace).
inline std::string Edit(std::mt19937* rng, const std::string& text) {
  std::string out = text;
  std::uniform_int_distribution<int> edits(0, 4);
  for (int n = edits(*rng); n > 0; --n) {
    const std::size_t pos = std::uniform_int_distribution<std::size_t>(0, out.size())(*rng);
    const std::size_t length = std::uniform_int_distribution<std::size_t>(0, 8)(*rng);
    switch (std::uniform_int_distribution<int>(0, 2)(*rng)) {
      case 0: out.insert(pos, RandomText(rng, 3)); break;
      case 1: out.erase(pos, length); break;  // may cut a UTF-8 sequence: good
      default: out.replace(pos, length, RandomText(rng, 2)); break;
    }
  }
  return out;
}

// Concatenation of the ops a side is made of.
inline std::string OldSide(const WordDiff& diff) {
  std::string text;
  for (const DiffOp& op : diff.ops) {
    if (op.kind != OpKind::kInsert) text += op.text;
  }
  return text;
}

inline std::string NewSide(const WordDiff& diff) {
  std::string text;
  for (const DiffOp& op : diff.ops) {
    if (op.kind != OpKind::kDelete) text += op.text;
  }
  return text;
}

}  // namespace redline::diff::testing

#endif  // REDLINE_DIFF_TEST_UTIL_H_
