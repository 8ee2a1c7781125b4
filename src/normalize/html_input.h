// HTML page -> Document: metadata, main content, body blocks without template furniture.
#ifndef REDLINE_NORMALIZE_HTML_INPUT_H_
#define REDLINE_NORMALIZE_HTML_INPUT_H_

#include <string_view>

#include "redline/document.h"
#include "redline/normalize.h"
#include "redline/status.h"

namespace redline::normalize {

// REQUIRES: `html` is valid UTF-8. Uses options.rules and options.url (site rules).
// BadInput when the page nests too deeply or holds no article text.
Result<Document> NormalizeHtml(std::string_view html, const NormalizeOptions& options);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_HTML_INPUT_H_
