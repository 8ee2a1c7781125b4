// Word diff of two canonical texts. Knows only text.
#ifndef REDLINE_DIFF_H_
#define REDLINE_DIFF_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace redline {

enum class TokenKind { kWord, kNumber, kPunctuation, kSpace, kNewline };

struct Token {
  TokenKind kind;
  std::string_view text;  // a view into the tokenized text
};

// Splits text into words (Unicode letters/digits with inner apostrophes and hyphens),
// numbers (with separators like 1,000 and 3.5), punctuation, runs of spaces and newlines.
// CJK ideographs are one token each. Concatenating the tokens gives the text back.
std::vector<Token> Tokenize(std::string_view text);

// A word is a token holding at least one letter or digit.
bool IsWordToken(const Token& token);
std::size_t CountWords(std::string_view text);

enum class OpKind { kEqual, kInsert, kDelete };

struct DiffOp {
  OpKind kind;
  std::string text;
  bool operator==(const DiffOp&) const = default;
};

struct DiffStats {
  std::size_t added_words = 0;
  std::size_t removed_words = 0;
  std::size_t changed_blocks = 0;  // blocks (lines) of the new text, or removed old blocks, touched
};

struct WordDiff {
  std::vector<DiffOp> ops;  // merged: no two neighbours of one kind
  DiffStats stats;
  bool empty() const { return stats.added_words == 0 && stats.removed_words == 0 && !has_changes; }
  bool has_changes = false;  // any insert or delete op, words or not
};

// Equal + delete ops rebuild `old_text` exactly; equal + insert ops rebuild `new_text`.
WordDiff DiffWords(std::string_view old_text, std::string_view new_text);

enum class DiffFormat { kColor, kPlain, kJson };

struct RenderOptions {
  DiffFormat format = DiffFormat::kPlain;
  int context_blocks = 1;  // unchanged blocks shown around a change (color, plain)
};

// color: git --word-diff=color look; plain: [-removed-]{+added+}; json: the contract's object.
std::string RenderDiff(const WordDiff& diff, const RenderOptions& options);

}  // namespace redline

#endif  // REDLINE_DIFF_H_
