#include "normalize/text_words.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>

#include "base/utf8.h"

namespace redline::normalize {

namespace {

// Splits into `words`, reusing its strings' storage: the filter splits every line.
void SplitLowerWords(std::string_view text, std::vector<std::string>* words) {
  std::size_t count = 0;
  const auto next_word = [&]() -> std::string& {
    if (count == words->size()) words->emplace_back();
    std::string& word = (*words)[count++];
    word.clear();
    return word;
  };
  std::string* current = nullptr;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      // ASCII, most of most texts: no decoding.
      const bool upper = byte >= 'A' && byte <= 'Z';
      if (upper || (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9')) {
        if (current == nullptr) current = &next_word();
        current->push_back(static_cast<char>(upper ? byte - 'A' + 'a' : byte));
      } else {
        current = nullptr;
      }
      ++pos;
      continue;
    }
    std::size_t n = 0;
    const char32_t c = utf8::Decode(text, pos, &n);
    if (utf8::IsWordChar(c)) {
      if (current == nullptr) current = &next_word();
      utf8::Append(current, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))));
    } else {
      current = nullptr;
    }
    pos += n;
  }
  words->resize(count);
}

}  // namespace

const std::vector<std::string>& LowerWords(std::string_view text) {
  // The template filter asks a dozen questions of each line and each starts here: the last
  // line's words are kept (per thread), so a line is decoded once.
  thread_local std::string last_text;
  thread_local std::vector<std::string> last_words;
  thread_local bool filled = false;
  if (!filled || text != last_text) {
    SplitLowerWords(text, &last_words);
    last_text.assign(text);
    filled = true;
  }
  return last_words;
}

namespace {

// Stops once the count passes `limit`.
std::size_t CountSpacedWords(std::string_view text, std::size_t limit) {
  std::size_t count = 0;
  bool in_word = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (static_cast<unsigned char>(c) < 0x80) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (!space && !in_word && ++count > limit) return count;
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
    if (count > limit) return count;
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
    last_count = CountSpacedWords(text, SIZE_MAX);
    last_text.assign(text);
  }
  return last_count;
}

std::size_t CountWordsUpTo(std::string_view text, std::size_t limit) { return CountSpacedWords(text, limit); }

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

std::string AsciiLowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool OneOf(std::string_view word, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

const std::string& Phrase(std::string_view text) {
  thread_local std::string last_text;
  thread_local std::string last_phrase;
  thread_local bool filled = false;
  if (filled && text == last_text) return last_phrase;
  last_phrase.clear();
  for (const std::string& word : LowerWords(text)) {
    if (!last_phrase.empty()) last_phrase.push_back(' ');
    last_phrase += word;
  }
  last_text.assign(text);
  filled = true;
  return last_phrase;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool HasWords(const std::vector<std::string>& words, std::initializer_list<std::string_view> sequence) {
  if (sequence.size() == 0 || sequence.size() > words.size()) return sequence.size() == 0;
  const std::string_view first = *sequence.begin();
  for (std::size_t i = 0; i + sequence.size() <= words.size(); ++i) {
    if (words[i] != first) continue;
    if (std::equal(sequence.begin() + 1, sequence.end(), words.begin() + static_cast<std::ptrdiff_t>(i) + 1)) {
      return true;
    }
  }
  return false;
}
}  // namespace redline::normalize
