#include "normalize/text_words.h"

#include <utf8proc.h>

#include <algorithm>

#include "base/utf8.h"

namespace redline::normalize {

namespace {

std::vector<std::string> SplitLowerWords(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t n = 0;
    const char32_t c = utf8::Decode(text, pos, &n);
    if (utf8::IsWordChar(c)) {
      if (c < 0x80) {
        current.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
      } else {
        utf8::Append(&current, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))));
      }
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
    pos += n;
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

}  // namespace

std::vector<std::string> LowerWords(std::string_view text) {
  // The template filter asks a dozen questions of each line and each starts here: the last
  // line's words are kept (per thread), so a line is decoded once.
  thread_local std::string last_text;
  thread_local std::vector<std::string> last_words;
  if (text != last_text) {
    last_words = SplitLowerWords(text);
    last_text.assign(text);
  }
  return last_words;
}

namespace {

std::size_t CountSpacedWords(std::string_view text) {
  std::size_t count = 0;
  bool in_word = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (static_cast<unsigned char>(c) < 0x80) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (!space && !in_word) ++count;
      in_word = !space;
      ++pos;
      continue;
    }
    std::size_t n = 0;
    const char32_t code = utf8::Decode(text, pos, &n);
    pos += n;
    if (utf8::IsCjk(code)) {
      ++count;
      in_word = false;
    } else if (utf8::IsSpace(code)) {
      in_word = false;
    } else if (!in_word) {
      ++count;
      in_word = true;
    }
  }
  return count;
}

}  // namespace

std::size_t CountWords(std::string_view text) {
  // Words are runs between spaces; in Chinese and Japanese, which put no spaces between
  // words, each ideograph or kana counts as one (as in the diff's tokens). Several
  // template rules count the same line in turn: the last count is kept, as in LowerWords.
  thread_local std::string last_text;
  thread_local std::size_t last_count = 0;
  if (text != last_text || text.empty()) {
    last_count = CountSpacedWords(text);
    last_text.assign(text);
  }
  return last_count;
}

bool EndsSentence(std::string_view text) {
  // Strip closing quotes and brackets, then look for terminal punctuation.
  static constexpr std::string_view kClosers[] = {"\"", "'", ")", "]", "\u201D", "\u2019", "\u00BB", "*"};
  static constexpr std::string_view kEnds[] = {".", "!", "?", "\u2026", "\u3002", "\uFF01", "\uFF1F"};
  while (!text.empty() && (text.back() == ' ')) text.remove_suffix(1);
  bool stripped = true;
  while (stripped && !text.empty()) {
    stripped = false;
    for (const std::string_view closer : kClosers) {
      if (text.size() >= closer.size() && text.substr(text.size() - closer.size()) == closer) {
        text.remove_suffix(closer.size());
        stripped = true;
      }
    }
  }
  for (const std::string_view end : kEnds) {
    if (text.size() >= end.size() && text.substr(text.size() - end.size()) == end) return true;
  }
  return false;
}

bool StartsWithUppercaseOrDigit(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t n = 0;
    const char32_t c = utf8::Decode(text, pos, &n);
    if (utf8::IsLetter(c)) {
      const utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
      // Scripts without case (CJK, Arabic...) count as capitalised.
      return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT ||
             category == UTF8PROC_CATEGORY_LO;
    }
    if (utf8::IsDigit(c)) return true;
    pos += n;
  }
  return false;
}

bool AllDigits(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool OneOf(std::string_view word, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

std::string Phrase(std::string_view text) {
  thread_local std::string last_text;
  thread_local std::string last_phrase;
  if (text == last_text && !text.empty()) return last_phrase;
  std::string out;
  for (const std::string& word : LowerWords(text)) {
    if (!out.empty()) out.push_back(' ');
    out += word;
  }
  last_text.assign(text);
  last_phrase = out;
  return out;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}
}  // namespace redline::normalize
