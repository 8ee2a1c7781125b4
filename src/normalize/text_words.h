// Word-level facts about a line of text, used by the template and headline rules.
#ifndef REDLINE_NORMALIZE_TEXT_WORDS_H_
#define REDLINE_NORMALIZE_TEXT_WORDS_H_

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace redline::normalize {

// Words of `text`: runs of letters and digits, lowercased.
std::vector<std::string> LowerWords(std::string_view text);
std::size_t CountWords(std::string_view text);
// Ends like a sentence: . ! ? … (optionally inside closing quotes or brackets).
bool EndsSentence(std::string_view text);
bool StartsWithUppercaseOrDigit(std::string_view text);

bool AllDigits(std::string_view word);  // non-empty, ASCII digits only
bool OneOf(std::string_view word, std::initializer_list<std::string_view> set);
// The words joined by single spaces: "Story continues below ADVERTISEMENT" ->
// "story continues below advertisement".
std::string Phrase(std::string_view text);
bool StartsWith(std::string_view text, std::string_view prefix);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_TEXT_WORDS_H_
