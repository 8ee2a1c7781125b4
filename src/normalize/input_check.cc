#include "normalize/input_check.h"

#include <cstring>

#include "base/utf8.h"
#include "normalize/charset.h"

namespace redline::normalize {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool IsBlank(std::string_view text) { return text.find_first_not_of(" \t\r\n\f") == std::string_view::npos; }

bool IsAscii(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Finishes a decoded input: blank and binary checks on the text, then the format.
Result<DecodedInput> Finish(DecodedInput decoded, const NormalizeOptions& options) {
  const std::string_view text = decoded.text();
  if (IsBlank(text)) return Status::BadInput("input is empty");
  if (utf8::LooksBinary(text)) return Status::BadInput("input looks like binary data, not HTML or text");
  decoded.format = options.from == InputFormat::kAuto ? DetectFormat(text) : options.from;
  return decoded;
}

Result<DecodedInput> Converted(std::string_view bytes, const std::string& charset, const NormalizeOptions& options) {
  DecodedInput decoded;
  REDLINE_ASSIGN_OR_RETURN(decoded.converted, ConvertToUtf8(bytes, charset));
  decoded.was_converted = true;
  decoded.charset = charset;
  return Finish(std::move(decoded), options);
}

}  // namespace

Result<DecodedInput> DecodeInput(std::string_view bytes, const NormalizeOptions& options) {
  if (bytes.empty()) return Status::BadInput("input is empty");
  if (bytes.size() > options.max_input_bytes) {
    return Status::BadInput("input is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                            std::to_string(options.max_input_bytes) + " bytes");
  }
  // 1. A byte-order mark wins over every declaration.
  std::string charset;
  std::size_t offset = 0;
  if (bytes.starts_with(kUtf8Bom)) {
    charset = "utf-8";
    offset = kUtf8Bom.size();
  } else if (bytes.starts_with("\xFF\xFE")) {
    charset = "utf-16le";
    offset = 2;
  } else if (bytes.starts_with("\xFE\xFF")) {
    charset = "utf-16be";
    offset = 2;
  }
  bytes.remove_prefix(offset);
  // 2. The transport's declaration.
  if (charset.empty() && !options.charset.empty()) {
    charset = CanonicalCharset(options.charset);
    if (charset.empty()) return Status::BadInput("unknown charset '" + options.charset + "'");
  }
  if (charset.starts_with("utf-16")) return Converted(bytes, charset, options);
  if (IsBlank(bytes)) return Status::BadInput("input is empty");
  // UTF-16 without a mark shows as NUL bytes, which otherwise mean binary data.
  if (std::memchr(bytes.data(), 0, std::min<std::size_t>(bytes.size(), 8192)) != nullptr) {
    const std::string utf16 = SniffCharset(bytes);
    if (utf16.starts_with("utf-16")) return Converted(bytes, utf16, options);
  }
  if (utf8::LooksBinary(bytes)) return Status::BadInput("input looks like binary data, not HTML or text");
  const InputFormat format = options.from == InputFormat::kAuto ? DetectFormat(bytes) : options.from;
  // 3. The page's own declaration. A page cannot declare UTF-16 in ASCII bytes.
  if (charset.empty() && format == InputFormat::kHtml) {
    charset = CanonicalCharset(DeclaredCharset(bytes));
    if (charset.starts_with("utf-16")) charset = "utf-8";
  }
  const std::size_t bad = utf8::FirstInvalid(bytes);
  if (bad == std::string_view::npos) {
    // Valid UTF-8 beyond ASCII is UTF-8 whatever the declaration says: text in another
    // charset is practically never valid UTF-8 by accident. ISO-2022-JP is 7-bit.
    if (charset == "iso-2022-jp" && bytes.find('\x1B') != std::string_view::npos) {
      return Converted(bytes, charset, options);
    }
    DecodedInput decoded;
    decoded.original = bytes;
    decoded.charset = charset.empty() || IsAscii(bytes) ? (charset.empty() ? "utf-8" : charset) : "utf-8";
    decoded.format = format;
    return decoded;
  }
  if (!charset.empty() && charset != "utf-8") return Converted(bytes, charset, options);
  // 4. Sniffing: invalid UTF-8, declared as UTF-8 or not declared at all, is converted only
  // when the bytes clearly are another charset.
  const std::string sniffed = SniffCharset(bytes);
  if (!sniffed.empty() && sniffed != "utf-8") return Converted(bytes, sniffed, options);
  // Otherwise they are UTF-8 with slips (a stray Latin-1 byte in an alt text): a browser
  // shows each as U+FFFD and so does redline, counting them for the health check, rather
  // than refuse the whole page.
  DecodedInput decoded;
  decoded.converted = utf8::Repair(bytes, &decoded.replaced_bytes);
  decoded.was_converted = true;
  decoded.charset = "utf-8";
  return Finish(std::move(decoded), options);
}

}  // namespace redline::normalize
