// Page bytes -> Document. HTML goes through gumbo: metadata (headline, byline, times, URL,
// language) from the head, JSON-LD and the page; the main content found by scoring
// (readability's approach, nothing site-specific); template furniture (ads, share bars,
// related links, video players, promos, relative times) left out. Text input (a page already
// scraped to text) is cleaned line by line with the same furniture rules.
#ifndef REDLINE_NORMALIZE_H_
#define REDLINE_NORMALIZE_H_

#include <cstddef>
#include <string_view>

#include "redline/document.h"
#include "redline/status.h"

namespace redline {

enum class InputFormat { kAuto, kHtml, kText };

struct NormalizeOptions {
  InputFormat from = InputFormat::kAuto;
  std::size_t max_input_bytes = std::size_t{64} << 20;
};

// Guesses HTML or text from the first bytes (a doctype, <html> or another opening tag, or
// several tags in the first 16 KB). A UTF-8 byte-order mark is skipped.
InputFormat DetectFormat(std::string_view bytes);

// Never crashes, whatever the bytes. Errors are BadInput with a one-line message:
//   "input is empty", "input is N bytes, over the limit of M bytes",
//   "input looks like binary data, not HTML or text", "input is UTF-16 text; ...",
//   "input is not valid UTF-8 (first bad byte at offset N)",
//   "input declares charset X, which is not supported yet (convert it to UTF-8)",
//   "HTML is nested too deeply (...)", "no article text found in input".
// A UTF-8 byte-order mark is stripped; HTML declaring windows-1252 or latin-1 is converted.
// HTML without body text is an error; text input needs a headline or body text.
Result<Document> Normalize(std::string_view bytes, const NormalizeOptions& options);

}  // namespace redline

#endif  // REDLINE_NORMALIZE_H_
