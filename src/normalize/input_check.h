// The checks every input passes before parsing: size, byte-order marks, charsets (declared
// by the transport, by the page, or sniffed), binary data and UTF-8 validity.
#ifndef REDLINE_NORMALIZE_INPUT_CHECK_H_
#define REDLINE_NORMALIZE_INPUT_CHECK_H_

#include <string>
#include <string_view>

#include "redline/normalize.h"
#include "redline/status.h"

namespace redline::normalize {

struct DecodedInput {
  InputFormat format = InputFormat::kText;  // kHtml or kText
  std::string charset;                      // what the bytes were read as ("utf-8", ...)
  // Valid UTF-8 without a byte-order mark: a view of the input when it needed no
  // conversion, else of `converted`.
  std::string_view text() const { return was_converted ? std::string_view(converted) : original; }

  std::string_view original;
  std::string converted;
  bool was_converted = false;
  std::size_t replaced_bytes = 0;  // invalid UTF-8 bytes that became U+FFFD
};

// Checks `bytes` and returns them as valid UTF-8 (see Normalize in redline/normalize.h for
// the order in which the charset is chosen). `options.from` kAuto is resolved with
// DetectFormat. The result may point into `bytes`.
Result<DecodedInput> DecodeInput(std::string_view bytes, const NormalizeOptions& options);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_INPUT_CHECK_H_
