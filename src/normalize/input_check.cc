#include "normalize/input_check.h"

#include <algorithm>

#include "base/utf8.h"

namespace redline::normalize {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsWindows1252Label(std::string_view label) {
  static constexpr std::string_view kLabels[] = {
      "windows-1252", "cp1252",      "x-cp1252",   "iso-8859-1",      "iso8859-1",     "iso_8859-1",
      "latin1",       "latin-1",     "l1",         "us-ascii",        "ascii",         "ibm819",
      "cp819",        "csisolatin1", "iso-ir-100", "iso_8859-1:1987", "ansi_x3.4-1968"};
  return std::find(std::begin(kLabels), std::end(kLabels), label) != std::end(kLabels);
}

bool IsUtf8Label(std::string_view label) {
  return label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8" || label == "x-unicode20utf8";
}

}  // namespace

std::string DeclaredCharset(std::string_view html) {
  std::string head(html.substr(0, 8192));
  for (char& c : head) c = Lower(c);
  std::size_t pos = 0;
  while ((pos = head.find("charset", pos)) != std::string::npos) {
    pos += 7;
    std::size_t i = pos;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t')) ++i;
    if (i >= head.size() || head[i] != '=') continue;
    ++i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
    std::string label;
    while (i < head.size() && label.size() < 40 &&
           ((head[i] >= 'a' && head[i] <= 'z') || (head[i] >= '0' && head[i] <= '9') || head[i] == '-' ||
            head[i] == '_' || head[i] == ':' || head[i] == '.')) {
      label.push_back(head[i++]);
    }
    if (!label.empty()) return label;
  }
  return "";
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  // 0x80..0x9F differ from latin-1; 0 marks the five bytes windows-1252 leaves undefined.
  static constexpr char16_t kHigh[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                         0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                         0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                         0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out.push_back(c);
    } else if (b < 0xA0) {
      const char16_t mapped = kHigh[b - 0x80];
      utf8::Append(&out, mapped != 0 ? mapped : b);
    } else {
      utf8::Append(&out, b);
    }
  }
  return out;
}

Result<DecodedInput> DecodeInput(std::string_view bytes, const NormalizeOptions& options) {
  if (bytes.empty()) return Status::BadInput("input is empty");
  if (bytes.size() > options.max_input_bytes) {
    return Status::BadInput("input is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                            std::to_string(options.max_input_bytes) + " bytes");
  }
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return Status::BadInput("input is UTF-16 text; only UTF-8 is supported");
  }
  std::size_t offset = 0;
  if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    offset = kUtf8Bom.size();
    bytes.remove_prefix(offset);
  }
  if (bytes.find_first_not_of(" \t\r\n\f") == std::string_view::npos) {
    return Status::BadInput("input is empty");
  }
  if (utf8::LooksBinary(bytes)) {
    return Status::BadInput("input looks like binary data, not HTML or text");
  }
  DecodedInput decoded;
  decoded.format = options.from == InputFormat::kAuto ? DetectFormat(bytes) : options.from;
  const std::size_t bad = utf8::FirstInvalid(bytes);
  if (bad == std::string_view::npos) {
    decoded.text = std::string(bytes);
    return decoded;
  }
  if (decoded.format == InputFormat::kHtml) {
    const std::string charset = DeclaredCharset(bytes);
    if (IsWindows1252Label(charset)) {
      decoded.text = Windows1252ToUtf8(bytes);
      return decoded;
    }
    if (!charset.empty() && !IsUtf8Label(charset)) {
      return Status::BadInput("input declares charset " + charset +
                              ", which is not supported yet (convert it to UTF-8)");
    }
  }
  return Status::BadInput("input is not valid UTF-8 (first bad byte at offset " +
                          std::to_string(bad + offset) + ")");
}

}  // namespace redline::normalize
