// Charset labels and conversion through iconv.
#include "normalize/charset.h"

#include <iconv.h>

#include <cerrno>
#include <initializer_list>
#include <memory>

#include "base/utf8.h"

namespace redline::normalize {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

struct Label {
  std::string_view name;
  std::initializer_list<std::string_view> labels;
};

// WHATWG encoding labels (https://encoding.spec.whatwg.org/#names-and-labels) for the
// charsets redline converts; iso-8859-N labels are recognised by their pattern below.
const Label kLabels[] = {
    {"utf-8", {"unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"}},
    {"windows-1252",
     {"ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-ir-100", "l1", "latin1",
      "us-ascii", "windows-1252", "x-cp1252"}},
    {"utf-16le", {"csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"}},
    {"utf-16be", {"unicodefffe", "utf-16be"}},
    {"iso-8859-2", {"csisolatin2", "iso-ir-101", "l2", "latin2"}},
    {"iso-8859-3", {"csisolatin3", "iso-ir-109", "l3", "latin3"}},
    {"iso-8859-4", {"csisolatin4", "iso-ir-110", "l4", "latin4"}},
    {"iso-8859-5", {"csisolatincyrillic", "cyrillic", "iso-ir-144"}},
    {"iso-8859-6", {"arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114",
                    "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127"}},
    {"iso-8859-7", {"csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-ir-126", "sun_eu_greek"}},
    {"iso-8859-8", {"csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8-e", "iso-ir-138", "visual",
                    "iso-8859-8-i", "csiso88598i", "logical"}},
    {"iso-8859-10", {"csisolatin6", "iso-ir-157", "l6", "latin6"}},
    {"iso-8859-15", {"csisolatin9", "l9"}},
    {"windows-874", {"dos-874", "tis-620", "windows-874"}},
    {"windows-1250", {"cp1250", "windows-1250", "x-cp1250"}},
    {"windows-1251", {"cp1251", "windows-1251", "x-cp1251"}},
    {"windows-1253", {"cp1253", "windows-1253", "x-cp1253"}},
    {"windows-1254", {"cp1254", "csisolatin5", "iso-ir-148", "l5", "latin5", "windows-1254", "x-cp1254"}},
    {"windows-1255", {"cp1255", "windows-1255", "x-cp1255"}},
    {"windows-1256", {"cp1256", "windows-1256", "x-cp1256"}},
    {"windows-1257", {"cp1257", "windows-1257", "x-cp1257"}},
    {"windows-1258", {"cp1258", "windows-1258", "x-cp1258"}},
    {"koi8-r", {"cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"}},
    {"koi8-u", {"koi8-ru", "koi8-u"}},
    {"ibm866", {"866", "cp866", "csibm866", "ibm866"}},
    {"macintosh", {"csmacintosh", "mac", "macintosh", "x-mac-roman"}},
    {"x-mac-cyrillic", {"x-mac-cyrillic", "x-mac-ukrainian"}},
    {"gbk", {"chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58",
             "x-gbk"}},
    {"gb18030", {"gb18030"}},
    {"big5", {"big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"}},
    {"euc-jp", {"cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"}},
    {"iso-2022-jp", {"csiso2022jp", "iso-2022-jp"}},
    {"shift_jis", {"csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"}},
    {"euc-kr", {"cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989",
                "ksc5601", "ksc_5601", "windows-949"}},
};

// "iso-8859-2", "iso8859-2", "iso_8859-2:1987", "iso88592" -> the part number, else 0.
int IsoPart(std::string_view label) {
  if (!label.starts_with("iso")) return 0;
  label.remove_prefix(3);
  if (!label.empty() && (label.front() == '-' || label.front() == '_')) label.remove_prefix(1);
  if (!label.starts_with("8859")) return 0;
  label.remove_prefix(4);
  if (!label.empty() && (label.front() == '-' || label.front() == '_')) label.remove_prefix(1);
  const std::size_t colon = label.find(':');
  if (colon != std::string_view::npos) label = label.substr(0, colon);
  if (label.empty() || label.size() > 2) return 0;
  int part = 0;
  for (const char c : label) {
    if (c < '0' || c > '9') return 0;
    part = part * 10 + (c - '0');
  }
  return part;
}

// The iconv name of a WHATWG charset name, or nullptr.
const char* IconvName(std::string_view charset) {
  static constexpr struct {
    std::string_view name;
    const char* iconv;
  } kNames[] = {
      {"utf-16le", "UTF-16LE"},        {"utf-16be", "UTF-16BE"},         {"iso-8859-2", "ISO-8859-2"},
      {"iso-8859-3", "ISO-8859-3"},    {"iso-8859-4", "ISO-8859-4"},     {"iso-8859-5", "ISO-8859-5"},
      {"iso-8859-6", "ISO-8859-6"},    {"iso-8859-7", "ISO-8859-7"},     {"iso-8859-8", "ISO-8859-8"},
      {"iso-8859-10", "ISO-8859-10"},  {"iso-8859-13", "ISO-8859-13"},   {"iso-8859-14", "ISO-8859-14"},
      {"iso-8859-15", "ISO-8859-15"},  {"iso-8859-16", "ISO-8859-16"},   {"windows-874", "CP874"},
      {"windows-1250", "CP1250"},      {"windows-1251", "CP1251"},       {"windows-1253", "CP1253"},
      {"windows-1254", "CP1254"},      {"windows-1255", "CP1255"},       {"windows-1256", "CP1256"},
      {"windows-1257", "CP1257"},      {"windows-1258", "CP1258"},       {"koi8-r", "KOI8-R"},
      {"koi8-u", "KOI8-U"},            {"ibm866", "CP866"},              {"macintosh", "MACINTOSH"},
      {"x-mac-cyrillic", "MAC-CYRILLIC"}, {"gbk", "GB18030"},            {"gb18030", "GB18030"},
      {"big5", "BIG5-HKSCS"},          {"euc-jp", "EUC-JP"},             {"iso-2022-jp", "ISO-2022-JP"},
      {"shift_jis", "CP932"},          {"euc-kr", "CP949"}};
  for (const auto& entry : kNames) {
    if (entry.name == charset) return entry.iconv;
  }
  return nullptr;
}

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};
using IconvPtr = std::unique_ptr<void, IconvCloser>;

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

}  // namespace

std::string CanonicalCharset(std::string_view label) {
  while (!label.empty() && (label.front() == ' ' || label.front() == '\t' || label.front() == '\n')) {
    label.remove_prefix(1);
  }
  while (!label.empty() && (label.back() == ' ' || label.back() == '\t' || label.back() == '\n')) {
    label.remove_suffix(1);
  }
  std::string lower(label.substr(0, 64));
  for (char& c : lower) c = Lower(c);
  for (const Label& entry : kLabels) {
    for (const std::string_view l : entry.labels) {
      if (l == lower) return std::string(entry.name);
    }
  }
  switch (IsoPart(lower)) {
    case 1:
      return "windows-1252";
    case 9:
      return "windows-1254";
    case 11:
      return "windows-874";
    case 2: case 3: case 4: case 5: case 6: case 7: case 8: case 10: case 13: case 14: case 15: case 16:
      return "iso-8859-" + std::to_string(IsoPart(lower));
    default:
      return "";
  }
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

Result<std::string> ConvertToUtf8(std::string_view bytes, std::string_view charset) {
  if (charset == "utf-8") return utf8::Repair(bytes);
  if (charset == "windows-1252") return Windows1252ToUtf8(bytes);
  const char* from = IconvName(charset);
  if (from == nullptr) return Status::BadInput("charset " + std::string(charset) + " is not supported");
  const IconvPtr cd(iconv_open("UTF-8", from));
  if (cd.get() == reinterpret_cast<void*>(-1)) {
    return Status::BadInput("charset " + std::string(charset) + " is not supported by this system's iconv");
  }
  const std::size_t unit = charset.starts_with("utf-16") ? 2 : 1;
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write here
  std::size_t in_left = bytes.size();
  std::size_t written = 0;
  while (true) {
    char* out_ptr = out.data() + written;
    std::size_t out_left = out.size() - written;
    const std::size_t result = iconv(static_cast<iconv_t>(cd.get()), &in, &in_left, &out_ptr, &out_left);
    written = out.size() - out_left;
    if (result != static_cast<std::size_t>(-1)) {
      // Flush a stateful encoding's pending output.
      out_ptr = out.data() + written;
      out_left = out.size() - written;
      iconv(static_cast<iconv_t>(cd.get()), nullptr, nullptr, &out_ptr, &out_left);
      written = out.size() - out_left;
      break;
    }
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    // EILSEQ (an invalid or unmappable sequence) or EINVAL (cut short at the end): U+FFFD for
    // the offending unit, then go on from the next one in the initial shift state.
    out.resize(std::max(out.size(), written + kReplacement.size() + in_left * 2 + 16));
    out.replace(written, kReplacement.size(), kReplacement);
    written += kReplacement.size();
    const std::size_t skip = std::min(unit, in_left);
    in += skip;
    in_left -= skip;
    iconv(static_cast<iconv_t>(cd.get()), nullptr, nullptr, nullptr, nullptr);
    if (in_left == 0) break;
  }
  out.resize(written);
  return out;
}

}  // namespace redline::normalize
