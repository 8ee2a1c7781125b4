// Tokens: the units the word diff compares. See redline/diff.h for the rules.
#include "diff/tokenize.h"

#include "base/utf8.h"

namespace redline {
namespace diff {
namespace {

struct CodePoint {
  char32_t value;
  std::size_t length;  // bytes
  bool valid;
};

CodePoint At(std::string_view text, std::size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return {byte, 1, true};
  std::size_t length = 0;
  const char32_t c = utf8::Decode(text, pos, &length);
  // Decode reports a bad byte as U+FFFD of length 1; a real U+FFFD takes 3 bytes.
  return {c, length, !(c == 0xFFFD && length == 1)};
}

bool IsHorizontalSpace(const CodePoint& cp) {
  return cp.valid && cp.value != '\n' && utf8::IsSpace(cp.value);
}

// Letters, digits and marks that belong to a run; CJK characters stand alone.
bool IsRunChar(const CodePoint& cp) {
  return cp.valid && utf8::IsWordChar(cp.value) && !utf8::IsCjk(cp.value);
}

bool IsJoiner(char32_t c) {
  return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == 0x2011;
}

bool IsNumberSeparator(char32_t c) { return c == ',' || c == '.'; }

bool HoldsLetterOrDigit(char32_t c) { return utf8::IsLetter(c) || utf8::IsDigit(c); }

// A run of word characters with inner joiners; a number when only digits and separators.
std::size_t ScanRun(std::string_view text, std::size_t pos, TokenKind* kind, bool* is_word) {
  const std::size_t start = pos;
  bool all_digits = true;
  bool word = false;
  CodePoint previous{0, 0, false};
  while (pos < text.size()) {
    const CodePoint cp = At(text, pos);
    if (IsRunChar(cp)) {
      const bool digit = utf8::IsDigit(cp.value);
      all_digits = all_digits && digit;
      word = word || digit || utf8::IsLetter(cp.value);
      previous = cp;
      pos += cp.length;
      continue;
    }
    // A joiner or separator stays inside only when a run character follows it.
    const bool joiner = cp.valid && IsJoiner(cp.value);
    const bool separator =
        cp.valid && IsNumberSeparator(cp.value) && utf8::IsDigit(previous.value);
    if (!joiner && !separator) break;
    if (pos + cp.length >= text.size()) break;
    const CodePoint next = At(text, pos + cp.length);
    if (!IsRunChar(next)) break;
    if (separator && !joiner && !utf8::IsDigit(next.value)) break;
    if (joiner) all_digits = false;
    previous = cp;
    pos += cp.length;
  }
  *kind = all_digits && word ? TokenKind::kNumber : TokenKind::kWord;
  *is_word = word;
  return pos - start;
}

// ASCII classes for the fast path.
enum AsciiClass : unsigned char { kOther, kLetter, kDigit, kBlank, kPunct, kJoin };

struct AsciiTable {
  AsciiClass table[128] = {};
  constexpr AsciiTable() {
    for (int c = 0; c < 128; ++c) {
      AsciiClass k = kOther;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
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
constexpr AsciiTable kAscii;

// Plain ASCII words, numbers, single spaces and punctuation, which are most tokens of most
// texts; 0 when the general path must decide.
std::size_t ScanAscii(std::string_view text, std::size_t pos, TokenKind* kind, bool* is_word) {
  const std::size_t n = text.size();
  const auto cls = [&](std::size_t i) -> int {
    const auto b = static_cast<unsigned char>(text[i]);
    return b < 0x80 ? kAscii.table[b] : -1;
  };
  const int first = cls(pos);
  if (first == kLetter || first == kDigit) {
    bool digits = first == kDigit;
    std::size_t end = pos + 1;
    int c = -2;
    while (end < n) {
      c = cls(end);
      if (c != kLetter && c != kDigit) break;
      digits = digits && c == kDigit;
      ++end;
    }
    if (end < n && c == kJoin) {
      // "end." or "said," stop here; "don't", "anti-China" and "1,000" go on.
      const int next = end + 1 < n ? cls(end + 1) : kBlank;
      if (next == kLetter || next == kDigit || next < 0) return 0;
    } else if (end < n && c != kBlank && c != kPunct) {
      return 0;  // non-ASCII or a control character follows
    }
    *kind = digits ? TokenKind::kNumber : TokenKind::kWord;
    *is_word = true;
    return end - pos;
  }
  if (first == kBlank) {
    std::size_t end = pos + 1;
    while (end < n && cls(end) == kBlank) ++end;
    if (end < n && cls(end) < 0) return 0;  // maybe NBSP or another space
    *kind = TokenKind::kSpace;
    return end - pos;
  }
  if (first == kPunct || first == kJoin) {
    *kind = TokenKind::kPunctuation;
    return 1;
  }
  return 0;
}

}  // namespace

std::size_t ScanToken(std::string_view text, std::size_t pos, TokenKind* kind, bool* is_word) {
  *is_word = false;
  const std::size_t ascii = ScanAscii(text, pos, kind, is_word);
  if (ascii > 0) return ascii;
  const CodePoint first = At(text, pos);
  if (!first.valid) {
    *kind = TokenKind::kPunctuation;
    return 1;
  }
  if (first.value == '\n') {
    *kind = TokenKind::kNewline;
    return 1;
  }
  if (IsHorizontalSpace(first)) {
    std::size_t end = pos + first.length;
    while (end < text.size()) {
      const CodePoint cp = At(text, end);
      if (!IsHorizontalSpace(cp)) break;
      end += cp.length;
    }
    *kind = TokenKind::kSpace;
    return end - pos;
  }
  if (utf8::IsCjk(first.value)) {
    // One character, with any combining marks that follow it.
    std::size_t end = pos + first.length;
    while (end < text.size()) {
      const CodePoint cp = At(text, end);
      if (!cp.valid || !utf8::IsWordChar(cp.value) || utf8::IsCjk(cp.value) ||
          HoldsLetterOrDigit(cp.value)) {
        break;
      }
      end += cp.length;
    }
    *kind = TokenKind::kWord;
    *is_word = true;
    return end - pos;
  }
  if (IsRunChar(first)) return ScanRun(text, pos, kind, is_word);
  *kind = TokenKind::kPunctuation;
  return first.length;
}

}  // namespace diff

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 3 + 1);
  std::size_t pos = 0;
  while (pos < text.size()) {
    TokenKind kind;
    bool is_word = false;
    const std::size_t length = diff::ScanToken(text, pos, &kind, &is_word);
    tokens.push_back({kind, text.substr(pos, length)});
    pos += length;
  }
  return tokens;
}

bool IsWordToken(const Token& token) {
  if (token.kind != TokenKind::kWord && token.kind != TokenKind::kNumber) return false;
  std::size_t pos = 0;
  while (pos < token.text.size()) {
    std::size_t length = 0;
    const char32_t c = utf8::Decode(token.text, pos, &length);
    if (utf8::IsLetter(c) || utf8::IsDigit(c)) return true;
    pos += length;
  }
  return false;
}

std::size_t CountWords(std::string_view text) {
  std::size_t words = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    TokenKind kind;
    bool is_word = false;
    pos += diff::ScanToken(text, pos, &kind, &is_word);
    if (is_word) ++words;
  }
  return words;
}

}  // namespace redline
