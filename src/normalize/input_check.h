// The checks every input passes before parsing: size, binary data, byte-order marks,
// declared charsets and UTF-8 validity.
#ifndef REDLINE_NORMALIZE_INPUT_CHECK_H_
#define REDLINE_NORMALIZE_INPUT_CHECK_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "redline/normalize.h"
#include "redline/status.h"

namespace redline::normalize {

// The charset an HTML page declares in its first bytes (meta charset or http-equiv
// content type), lowercased; empty when none.
std::string DeclaredCharset(std::string_view html);

// Decodes windows-1252 (which browsers also use for iso-8859-1 and us-ascii) to UTF-8.
std::string Windows1252ToUtf8(std::string_view bytes);

struct DecodedInput {
  std::string text;    // valid UTF-8, no byte-order mark
  InputFormat format;  // kHtml or kText
};

// Checks `bytes` and returns them as valid UTF-8 without a byte-order mark, converting HTML
// that declares windows-1252 / latin-1. `options.from` kAuto is resolved with DetectFormat.
// BadInput (one line) for empty input, input over the size limit, binary data, UTF-16,
// unsupported charsets and invalid UTF-8.
Result<DecodedInput> DecodeInput(std::string_view bytes, const NormalizeOptions& options);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_INPUT_CHECK_H_
