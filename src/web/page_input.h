// Turning a fetched body into Normalize's input: the format and the charset from the
// Content-Type header (NormalizeOptions::charset; a byte-order mark still wins over it and
// it wins over the page's own declaration, as in browsers).
#ifndef REDLINE_WEB_PAGE_INPUT_H_
#define REDLINE_WEB_PAGE_INPUT_H_

#include <string>
#include <string_view>

#include "redline/normalize.h"

namespace redline::web {

// The charset parameter of a Content-Type value, lowercased and unquoted; "" when none.
std::string HeaderCharset(std::string_view content_type);

// text/plain is text; HTML and XHTML types are HTML; anything else is detected.
InputFormat FormatForContentType(std::string_view content_type, std::string_view body);

}  // namespace redline::web

#endif  // REDLINE_WEB_PAGE_INPUT_H_
