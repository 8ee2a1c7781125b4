// Word-level facts about a line of text, used by the template and headline rules.
#ifndef REDLINE_NORMALIZE_TEXT_WORDS_H_
#define REDLINE_NORMALIZE_TEXT_WORDS_H_

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace redline::normalize {

// Words of `text`: runs of letters and digits, lowercased. The result is the calling
// thread's memo of the last text asked about: it stays valid only until the next call of
// LowerWords or Phrase with another text on this thread (copy it to keep it longer), and
// `text` must not point into it.
const std::vector<std::string>& LowerWords(std::string_view text);
std::size_t CountWords(std::string_view text);
// CountWords, but stops counting once the count passes `limit` (returns limit + 1 then):
// for asking whether a long line is short.
std::size_t CountWordsUpTo(std::string_view text, std::size_t limit);
// Ends like a sentence: . ! ? … (optionally inside closing quotes or brackets).
bool EndsSentence(std::string_view text);
bool StartsWithUppercaseOrDigit(std::string_view text);

bool AllDigits(std::string_view word);  // non-empty, ASCII digits only
bool OneOf(std::string_view word, std::initializer_list<std::string_view> set);
// The same over a constant array of words.
template <std::size_t N>
bool OneOf(std::string_view word, const std::string_view (&set)[N]) {
  for (const std::string_view w : set) {
    if (word == w) return true;
  }
  return false;
}
// `text` with A-Z lowercased (tag, attribute and key names; not prose).
std::string AsciiLowered(std::string_view text);
// The words joined by single spaces: "Story continues below ADVERTISEMENT" ->
// "story continues below advertisement". Valid as long as LowerWords' result is, and
// until the next call of Phrase with another text.
const std::string& Phrase(std::string_view text);
bool StartsWith(std::string_view text, std::string_view prefix);
// `sequence` appears in `words` as consecutive words: as " a b " in " " + Phrase + " ".
bool HasWords(const std::vector<std::string>& words, std::initializer_list<std::string_view> sequence);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_TEXT_WORDS_H_
