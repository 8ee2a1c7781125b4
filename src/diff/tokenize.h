// Internal: the tokenizer's scanner, shared by Tokenize, CountWords and the differ.
#ifndef REDLINE_DIFF_TOKENIZE_H_
#define REDLINE_DIFF_TOKENIZE_H_

#include <cstddef>
#include <string_view>

#include "redline/diff.h"

namespace redline::diff {

// Scans the token that starts at `pos` and returns its byte length (at least 1); sets
// `*kind` and `*is_word` (holds a letter or digit). REQUIRES: pos < text.size().
std::size_t ScanToken(std::string_view text, std::size_t pos, TokenKind* kind, bool* is_word);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_TOKENIZE_H_
