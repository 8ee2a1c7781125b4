// Normalize must never crash on any bytes, and what it returns must be canonical text that
// normalizes to itself.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "redline/document.h"
#include "redline/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  redline::NormalizeOptions options;
  options.from = redline::DetectFormat(bytes);
  const auto document = redline::Normalize(bytes, options);
  if (!document.ok()) return 0;
  const std::string text = redline::CanonicalText(*document);
  if (!text.empty() && text.back() != '\n') std::abort();
  return 0;
}
