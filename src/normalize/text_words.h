// Word-level facts about a line of text, used by the template and headline rules.
#ifndef REDLINE_NORMALIZE_TEXT_WORDS_H_
#define REDLINE_NORMALIZE_TEXT_WORDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace redline::normalize {

// Words of `text`: runs of letters and digits, ASCII lowercased.
std::vector<std::string> LowerWords(std::string_view text);
std::size_t CountWords(std::string_view text);
// Ends like a sentence: . ! ? … (optionally inside closing quotes or brackets).
bool EndsSentence(std::string_view text);
bool StartsWithUppercaseOrDigit(std::string_view text);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_TEXT_WORDS_H_
