#include "diff/safe_text.h"

#include <cstdint>
#include <cstring>

#include "base/utf8.h"
#include "redline/diff.h"

namespace redline::diff {

void AppendSafe(std::string_view text, std::string* out) {
  static constexpr char kReplacement[] = "\xEF\xBF\xBD";
  std::size_t pos = 0;
  std::size_t clean = 0;  // start of the stretch not yet copied
  while (pos < text.size()) {
    // Eight printable ASCII bytes at a time: none below 0x20, none at or above 0x7F.
    while (pos + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
      const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHigh;
      const std::uint64_t del_or_high = ((word + kOnes * 0x01) | word) & kHigh;
      if ((below_space | del_or_high) != 0) break;
      pos += 8;
    }
    if (pos >= text.size()) break;
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x20 && byte < 0x7F) {
      ++pos;
      continue;
    }
    if (byte == '\n') {
      ++pos;
      continue;
    }
    std::size_t length = 1;
    bool bad = true;
    if (byte >= 0x80) {
      const char32_t c = utf8::Decode(text, pos, &length);
      bad = (c == 0xFFFD && length == 1) || (c >= 0x80 && c <= 0x9F);
    }
    if (!bad) {
      pos += length;
      continue;
    }
    out->append(text.substr(clean, pos - clean));
    out->append(kReplacement);
    pos += length;
    clean = pos;
  }
  out->append(text.substr(clean));
}

}  // namespace redline::diff

namespace redline {

std::string TerminalSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  diff::AppendSafe(text, &out);
  return out;
}

}  // namespace redline
