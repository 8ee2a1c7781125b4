// Word diff of two canonical texts. Knows only text: no HTML, no git.
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

// Splits text into tokens; concatenating them gives `text` back byte for byte, for any
// bytes at all (invalid UTF-8 included).
//  kWord:        a run of letters, digits and combining marks, with inner apostrophes
//                (' and U+2019) and hyphens (-, U+2010, U+2011) joining parts:
//                "Bachelet’s", "anti-China", "don't", "20th". Each CJK ideograph, kana or
//                hangul syllable (utf8::IsCjk) is a word of its own.
//  kNumber:      a run of digits, with ',' or '.' between digits: "1,000", "3.5".
//  kSpace:       a run of horizontal whitespace (spaces, tabs, NBSP and other Zs, CR).
//  kNewline:     one '\n'.
//  kPunctuation: any other single character, and each byte of invalid UTF-8.
std::vector<Token> Tokenize(std::string_view text);

// A word is a token holding at least one letter or digit.
bool IsWordToken(const Token& token);
// Number of word tokens in `text`, without building the token list.
std::size_t CountWords(std::string_view text);

enum class OpKind { kEqual, kInsert, kDelete };

struct DiffOp {
  OpKind kind;
  std::string text;
  bool operator==(const DiffOp&) const = default;
};

struct DiffStats {
  std::size_t added_words = 0;    // word tokens in insert ops
  std::size_t removed_words = 0;  // word tokens in delete ops
  // Lines (blocks) touched, counted once each:
  //  - every line of the new text with inserted bytes other than its line break, plus
  //  - every line of the old text with deleted bytes other than its line break whose
  //    surviving (equal) bytes, if any, all lie in new lines not counted above: a line
  //    that only lost words, or was deleted outright.
  // So an edited paragraph counts 1, an added or removed paragraph 1, and a paragraph
  // split or joined by changing only line breaks and spaces counts 1.
  std::size_t changed_blocks = 0;
};

struct WordDiff {
  // Merged: no empty op and no two neighbours of one kind. Within a change the delete
  // comes before the insert.
  std::vector<DiffOp> ops;
  DiffStats stats;
  bool has_changes = false;  // any insert or delete op, words or not
  bool empty() const { return !has_changes; }
};

// Equal + delete ops rebuild `old_text` exactly; equal + insert ops rebuild `new_text`;
// every op boundary is a token boundary of both texts. Any bytes are accepted.
// Alignment: lines first (a minimal line edit script), then the tokens of each changed run
// of lines (a minimal token edit script within the run). Then, for reading: an unchanged
// stretch without line breaks between two changes joins them into one replacement when it
// is no longer than the larger side of either ("[-a b-]{+c d+}", no stray "the" kept
// inside a rewritten sentence), and a pure insertion or deletion starts at a word rather
// than at the space before it ("the {+main +}square").
// Huge, heavily rewritten inputs fall back to cheaper alignments that are still exact but
// not always minimal, so that even a 200,000-word total rewrite takes well under a second.
WordDiff DiffWords(std::string_view old_text, std::string_view new_text);

enum class DiffFormat { kColor, kPlain, kJson };

struct RenderOptions {
  DiffFormat format = DiffFormat::kPlain;
  int context_blocks = 1;  // unchanged non-blank lines shown around a change (color, plain)
};

// kPlain: `git diff --word-diff=plain` look: hunks of changed lines with `context_blocks`
//   unchanged non-blank lines around them, each hunk opened by "@@ -a,b +c,d @@" (1-based
//   old/new line numbers; ",1" left out as git does), deletions as [-...-], insertions as
//   {+...+}, markers closed and reopened at each line break. A line break that alone was
//   deleted or inserted at the end of a line with text shows as "[--]" or "{++}".
//   No changes: "".
// kColor: the same hunks with git's --word-diff=color look: deletions "\x1b[31m...\x1b[m",
//   insertions "\x1b[32m...\x1b[m", headers "\x1b[36m@@ ... @@\x1b[m"; no newline ever
//   inside a color span.
// kJson: {"stats":{"added_words":A,"removed_words":R,"changed_blocks":C},
//   "ops":[{"op":"equal|insert|delete","text":"..."}]} and "\n"; invalid UTF-8 becomes U+FFFD.
std::string RenderDiff(const WordDiff& diff, const RenderOptions& options);

}  // namespace redline

#endif  // REDLINE_DIFF_H_
