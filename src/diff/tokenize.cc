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
  const bool number = all_digits && word;
  if (number && pos < text.size() && text[pos] == '%') ++pos;  // "3.2%" is one number
  *kind = number ? TokenKind::kNumber : TokenKind::kWord;
  *is_word = word;
  return pos - start;
}

}  // namespace

std::size_t scan::ScanGeneral(std::string_view text, std::size_t pos, TokenKind* kind, bool* is_word) {
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
