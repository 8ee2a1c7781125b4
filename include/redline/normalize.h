// Page bytes -> Document. HTML goes through gumbo; text input (a page already scraped to
// text) is cleaned line by line.
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

// Guesses HTML or text from the first bytes (doctype, <html>, or many tags).
InputFormat DetectFormat(std::string_view bytes);

// Errors (all BadInput): empty input, binary data (NUL bytes), invalid UTF-8, input over
// the size limit, or no article text found.
Result<Document> Normalize(std::string_view bytes, const NormalizeOptions& options);

}  // namespace redline

#endif  // REDLINE_NORMALIZE_H_
