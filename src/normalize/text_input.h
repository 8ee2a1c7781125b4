// Plain text input (a page someone copied or scraped to text) -> Document, line by line.
#ifndef REDLINE_NORMALIZE_TEXT_INPUT_H_
#define REDLINE_NORMALIZE_TEXT_INPUT_H_

#include <string_view>

#include "redline/document.h"
#include "redline/status.h"

namespace redline::normalize {

// Each non-blank line is a block; bullet lines become list items. The headline is the first
// line followed by bullets (a standfirst), else the first template-free line that reads like
// a headline. Template lines before the headline are dropped, except a photo caption, which
// moves after the standfirst. REQUIRES: valid UTF-8. BadInput when no text remains.
Result<Document> NormalizeText(std::string_view text);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_TEXT_INPUT_H_
