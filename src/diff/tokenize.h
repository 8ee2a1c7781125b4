// Internal: the tokenizer's scanner, shared by Tokenize, CountWords and the differ.
#ifndef REDLINE_DIFF_TOKENIZE_H_
#define REDLINE_DIFF_TOKENIZE_H_

#include <cstddef>
#include <string_view>

#include "redline/diff.h"

namespace redline::diff {

namespace scan {

// Byte classes for the ASCII fast path.
enum ByteClass : unsigned char { kOther, kLetter, kDigit, kBlank, kPunct, kJoin, kHigh };

struct ByteClasses {
  ByteClass table[256] = {};
  constexpr ByteClasses() {
    for (int c = 0; c < 256; ++c) {
      ByteClass k = kOther;
      if (c >= 0x80) {
        k = kHigh;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        k = kLetter;
      } else if (c >= '0' && c <= '9') {
        k = kDigit;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        k = kBlank;
      } else if (c == '\'' || c == '-' || c == ',' || c == '.') {
        k = kJoin;  // may join the parts of a word or number
      } else if (c > 0x20 && c < 0x7F) {
        k = kPunct;
      }
      table[c] = k;
    }
  }
};
inline constexpr ByteClasses kClasses;

// Plain ASCII words, numbers, single spaces and punctuation, which are most tokens of most
// texts; 0 when the general path must decide.
[[gnu::always_inline]] inline std::size_t ScanAscii(std::string_view text, std::size_t pos, TokenKind* kind, bool* is_word) {
  const std::size_t n = text.size();
  const auto cls = [&](std::size_t i) { return kClasses.table[static_cast<unsigned char>(text[i])]; };
  const ByteClass first = cls(pos);
  if (first == kLetter || first == kDigit) {
    bool digits = first == kDigit;
    std::size_t end = pos + 1;
    ByteClass c = kOther;
    while (end < n) {
      c = cls(end);
      if (c != kLetter && c != kDigit) break;
      digits = digits && c == kDigit;
      ++end;
    }
    if (end < n && c == kJoin) {
      // "end." or "said," stop here; "don't", "anti-China" and "1,000" go on.
      const ByteClass next = end + 1 < n ? cls(end + 1) : kBlank;
      if (next == kLetter || next == kDigit || next == kHigh) return 0;
    } else if (end < n && c != kBlank && c != kPunct) {
      return 0;  // non-ASCII or a control character follows
    }
    if (digits && end < n && text[end] == '%') ++end;  // "40%" is one number
    *kind = digits ? TokenKind::kNumber : TokenKind::kWord;
    *is_word = true;
    return end - pos;
  }
  if (first == kBlank) {
    std::size_t end = pos + 1;
    while (end < n && cls(end) == kBlank) ++end;
    if (end < n && cls(end) == kHigh) return 0;  // maybe NBSP or another space
    *kind = TokenKind::kSpace;
    return end - pos;
  }
  if (first == kPunct || first == kJoin) {
    *kind = TokenKind::kPunctuation;
    return 1;
  }
  return 0;
}

// Everything ScanAscii leaves: non-ASCII text, line breaks, control characters.
std::size_t ScanGeneral(std::string_view text, std::size_t pos, TokenKind* kind, bool* is_word);

}  // namespace scan

// Scans the token that starts at `pos` and returns its byte length (at least 1); sets
// `*kind` and `*is_word` (holds a letter or digit). REQUIRES: pos < text.size().
[[gnu::always_inline]] inline std::size_t ScanToken(std::string_view text, std::size_t pos, TokenKind* kind, bool* is_word) {
  *is_word = false;
  const std::size_t ascii = scan::ScanAscii(text, pos, kind, is_word);
  if (ascii > 0) return ascii;
  return scan::ScanGeneral(text, pos, kind, is_word);
}

}  // namespace redline::diff

#endif  // REDLINE_DIFF_TOKENIZE_H_
