#include "diff/safe_text.h"

#include "base/utf8.h"
#include "redline/diff.h"

namespace redline::diff {

void AppendSafe(std::string_view text, std::string* out) {
  static constexpr char kReplacement[] = "\xEF\xBF\xBD";
  std::size_t pos = 0;
  std::size_t clean = 0;  // start of the stretch not yet copied
  while (pos < text.size()) {
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
