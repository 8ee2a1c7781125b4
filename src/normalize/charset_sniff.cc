// Where a page says its charset, and what the bytes say when it does not.
#include <algorithm>
#include <cstring>
#include <string>

#include "base/utf8.h"
#include "normalize/charset.h"

namespace redline::normalize {
namespace {

constexpr std::size_t kDeclarationWindow = 4096;
constexpr std::size_t kSniffWindow = 65536;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(text[i]) != prefix[i]) return false;
  }
  return true;
}

std::size_t FindNoCase(std::string_view text, std::string_view needle, std::size_t from) {
  for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
    if (StartsWithNoCase(text.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

// "text/html; charset=ISO-8859-1" -> "ISO-8859-1".
std::string CharsetFromContentType(std::string_view content) {
  std::string lower(content);
  for (char& c : lower) c = Lower(c);
  const std::size_t pos = lower.find("charset");
  if (pos == std::string::npos) return "";
  std::size_t i = pos + 7;
  while (i < content.size() && IsSpace(content[i])) ++i;
  if (i >= content.size() || content[i] != '=') return "";
  ++i;
  while (i < content.size() && (IsSpace(content[i]) || content[i] == '"' || content[i] == '\'')) ++i;
  const std::size_t start = i;
  while (i < content.size() && !IsSpace(content[i]) && content[i] != ';' && content[i] != '"' &&
         content[i] != '\'') {
    ++i;
  }
  return std::string(content.substr(start, i - start));
}

// The charset a <meta> tag's attributes declare (the tag's text after "<meta").
std::string MetaCharset(std::string_view attributes) {
  std::string charset;
  std::string content;
  bool content_type = false;
  std::size_t i = 0;
  while (i < attributes.size()) {
    while (i < attributes.size() && (IsSpace(attributes[i]) || attributes[i] == '/')) ++i;
    const std::size_t name_start = i;
    while (i < attributes.size() && !IsSpace(attributes[i]) && attributes[i] != '=' && attributes[i] != '/') ++i;
    std::string name(attributes.substr(name_start, i - name_start));
    for (char& c : name) c = Lower(c);
    while (i < attributes.size() && IsSpace(attributes[i])) ++i;
    std::string value;
    if (i < attributes.size() && attributes[i] == '=') {
      ++i;
      while (i < attributes.size() && IsSpace(attributes[i])) ++i;
      if (i < attributes.size() && (attributes[i] == '"' || attributes[i] == '\'')) {
        const char quote = attributes[i++];
        const std::size_t end = attributes.find(quote, i);
        const std::size_t stop = end == std::string_view::npos ? attributes.size() : end;
        value = std::string(attributes.substr(i, stop - i));
        i = stop + 1;
      } else {
        const std::size_t start = i;
        while (i < attributes.size() && !IsSpace(attributes[i])) ++i;
        value = std::string(attributes.substr(start, i - start));
      }
    }
    if (name.empty()) {
      ++i;
      continue;
    }
    std::string lower_value = value;
    for (char& c : lower_value) c = Lower(c);
    if (name == "charset" && charset.empty()) charset = value;
    if (name == "http-equiv" && lower_value == "content-type") content_type = true;
    if (name == "content" && content.empty()) content = value;
  }
  if (!charset.empty()) return charset;
  return content_type ? CharsetFromContentType(content) : "";
}

// Non-ASCII characters of decoded text, by kind.
struct ScriptCounts {
  std::size_t kana = 0, hangul = 0, han = 0, punctuation = 0, cyrillic = 0, replacement = 0, other = 0;
  std::size_t total() const { return kana + hangul + han + punctuation + cyrillic + replacement + other; }
};

ScriptCounts CountScripts(std::string_view text) {
  ScriptCounts counts;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t n = 0;
    const char32_t c = utf8::Decode(text, pos, &n);
    pos += n;
    if (c < 0x80) continue;
    if (c >= 0x3040 && c <= 0x30FF) {
      ++counts.kana;
    } else if (c >= 0xAC00 && c <= 0xD7A3) {
      ++counts.hangul;
    } else if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) {
      ++counts.han;
    } else if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E)) {
      ++counts.punctuation;
    } else if (c >= 0x0400 && c <= 0x04FF) {
      ++counts.cyrillic;
    } else if (c == 0xFFFD) {
      ++counts.replacement;
    } else {
      ++counts.other;
    }
  }
  return counts;
}

ScriptCounts Decoded(std::string_view bytes, std::string_view charset) {
  const Result<std::string> text = ConvertToUtf8(bytes, charset);
  return text.ok() ? CountScripts(*text) : ScriptCounts{0, 0, 0, 0, 0, 1, 0};
}

// Decodes cleanly: at most one bad character in a hundred, and at least a few characters.
bool Clean(const ScriptCounts& c) { return c.total() >= 4 && c.replacement * 100 <= c.total(); }

std::string SniffUtf16(std::string_view bytes) {
  const std::size_t sample = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  std::size_t even_zero = 0, odd_zero = 0;
  for (std::size_t i = 0; i < sample; i += 2) {
    even_zero += bytes[i] == 0;
    odd_zero += bytes[i + 1] == 0;
  }
  const std::size_t pairs = sample / 2;
  if (pairs < 2) return "";
  if (odd_zero * 10 >= pairs * 4 && even_zero * 20 <= pairs) return "utf-16le";
  if (even_zero * 10 >= pairs * 4 && odd_zero * 20 <= pairs) return "utf-16be";
  return "";
}

std::string SniffCjk(std::string_view bytes) {
  for (const std::string_view japanese : {"shift_jis", "euc-jp"}) {
    const ScriptCounts c = Decoded(bytes, japanese);
    if (Clean(c) && c.kana * 10 >= c.total() && (c.kana + c.han + c.punctuation) * 10 >= c.total() * 9) {
      return std::string(japanese);
    }
  }
  const ScriptCounts korean = Decoded(bytes, "euc-kr");
  if (Clean(korean) && korean.hangul * 100 >= (korean.total()) * 85) return "euc-kr";
  // GBK and Big5 both decode Chinese text of either; Big5's trail bytes often lie in
  // 0x40..0x7E, GB2312's never.
  std::size_t pairs = 0, low_trails = 0;
  for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x81) continue;
    const auto trail = static_cast<unsigned char>(bytes[i + 1]);
    ++pairs;
    low_trails += trail >= 0x40 && trail <= 0x7E;
    ++i;
  }
  for (const std::string_view chinese : {low_trails * 10 > pairs ? "big5" : "gbk"}) {
    const ScriptCounts c = Decoded(bytes, chinese);
    if (Clean(c) && (c.han + c.punctuation) * 10 >= c.total() * 9) return std::string(chinese);
  }
  return "";
}

// Single-byte charsets, from how the non-ASCII bytes sit among the ASCII ones.
std::string SniffSingleByte(std::string_view bytes) {
  std::size_t high = 0, in_long_runs = 0, upper_half = 0, lower_half = 0;
  std::size_t runs = 0, runs_touching_letters = 0, windows_punctuation = 0;
  std::size_t i = 0;
  while (i < bytes.size()) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) >= 0x80) {
      const auto b = static_cast<unsigned char>(bytes[i]);
      upper_half += b >= 0xE0;
      lower_half += b >= 0xC0 && b < 0xE0;
      windows_punctuation += b == 0x85 || (b >= 0x91 && b <= 0x97);
      ++i;
    }
    const std::size_t length = i - start;
    high += length;
    ++runs;
    if (length >= 3) in_long_runs += length;
    const bool letter_before = start > 0 && IsAsciiLetter(static_cast<unsigned char>(bytes[start - 1]));
    const bool letter_after = i < bytes.size() && IsAsciiLetter(static_cast<unsigned char>(bytes[i]));
    if (length <= 2 && (letter_before || letter_after)) ++runs_touching_letters;
  }
  if (high == 0) return "";
  // Cyrillic words are runs of high bytes; lowercase letters are 0xE0..0xFF in
  // windows-1251 and 0xC0..0xDF in KOI8-R.
  if (in_long_runs * 2 >= high && high >= 8) return upper_half >= lower_half ? "windows-1251" : "koi8-r";
  // Latin text: accented letters inside words, or Windows' curly quotes and dashes.
  // One stray byte is no evidence: it takes three such runs, or two Windows punctuation bytes.
  if ((runs >= 3 && runs_touching_letters * 10 >= runs * 8) ||
      (windows_punctuation >= 2 && windows_punctuation * 2 >= runs)) {
    return "windows-1252";
  }
  return "";
}

}  // namespace

std::string DeclaredCharset(std::string_view html) {
  const std::string_view head = html.substr(0, kDeclarationWindow);
  if (StartsWithNoCase(head, "<?xml")) {
    const std::size_t end = head.find("?>");
    const std::string_view declaration = head.substr(0, end);
    std::string lower(declaration);
    for (char& c : lower) c = Lower(c);
    const std::size_t pos = lower.find("encoding");
    if (pos != std::string::npos) {
      std::size_t i = pos + 8;
      while (i < lower.size() && (IsSpace(lower[i]) || lower[i] == '=')) ++i;
      if (i < lower.size() && (lower[i] == '"' || lower[i] == '\'')) {
        const std::size_t close = lower.find(lower[i], i + 1);
        if (close != std::string::npos) return std::string(declaration.substr(i + 1, close - i - 1));
      }
    }
  }
  std::size_t pos = 0;
  while (true) {
    const std::size_t lt = head.find('<', pos);
    if (lt == std::string_view::npos) return "";
    const std::string_view rest = head.substr(lt);
    if (rest.starts_with("<!--")) {
      const std::size_t end = head.find("-->", lt + 4);
      if (end == std::string_view::npos) return "";
      pos = end + 3;
      continue;
    }
    if (StartsWithNoCase(rest, "<script") || StartsWithNoCase(rest, "<style")) {
      const std::string_view close = StartsWithNoCase(rest, "<script") ? "</script" : "</style";
      const std::size_t end = FindNoCase(head, close, lt + 1);
      if (end == std::string_view::npos) return "";
      pos = end + close.size();
      continue;
    }
    const std::size_t gt = head.find('>', lt);
    if (gt == std::string_view::npos) return "";
    if (StartsWithNoCase(rest, "<meta") && rest.size() > 5 && (IsSpace(rest[5]) || rest[5] == '/')) {
      std::string charset = MetaCharset(head.substr(lt + 5, gt - lt - 5));
      if (!charset.empty()) return charset;
    }
    pos = gt + 1;
  }
}

std::string SniffCharset(std::string_view bytes) {
  if (std::memchr(bytes.data(), 0, std::min(bytes.size(), std::size_t{4096})) != nullptr) {
    return SniffUtf16(bytes);
  }
  const std::string_view sample = bytes.substr(0, kSniffWindow);
  // Mostly valid UTF-8: damaged UTF-8, not another charset.
  std::size_t valid = 0, invalid = 0;
  std::size_t pos = 0;
  while (pos < sample.size()) {
    if (static_cast<unsigned char>(sample[pos]) < 0x80) {
      ++pos;
      continue;
    }
    std::size_t n = 0;
    const char32_t c = utf8::Decode(sample, pos, &n);
    if (c == 0xFFFD && n == 1) {
      ++invalid;
    } else {
      ++valid;
    }
    pos += n;
  }
  if (invalid == 0 || valid >= invalid) return "utf-8";
  // CJK text is long runs of two-byte characters (a lead byte above 0x7F, then any trail
  // byte), without spaces; Latin text with the same bytes is mostly single accented letters.
  std::size_t runs = 0, pairs = 0;
  for (std::size_t i = 0; i < sample.size();) {
    if (static_cast<unsigned char>(sample[i]) < 0x80) {
      ++i;
      continue;
    }
    ++runs;
    while (i < sample.size() && static_cast<unsigned char>(sample[i]) >= 0x80) {
      ++pairs;
      i += 2;
    }
  }
  if (pairs >= runs * 2) {
    std::string cjk = SniffCjk(sample);
    if (!cjk.empty()) return cjk;
  }
  return SniffSingleByte(sample);
}

}  // namespace redline::normalize
