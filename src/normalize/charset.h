// Bytes to UTF-8: charset labels, declarations in HTML, sniffing, and conversion through
// glibc's iconv. Charsets are named by their WHATWG encoding names ("windows-1252",
// "shift_jis", "gb18030", ...).
#ifndef REDLINE_NORMALIZE_CHARSET_H_
#define REDLINE_NORMALIZE_CHARSET_H_

#include <string>
#include <string_view>

#include "redline/status.h"

namespace redline::normalize {

// The WHATWG name of a charset label, matched without case or surrounding space
// ("Latin1" -> "windows-1252", "gb2312" -> "gbk", "sjis" -> "shift_jis"); "" when unknown.
std::string CanonicalCharset(std::string_view label);

// The charset label the page declares in its first 4 KB: <meta charset=X>,
// <meta http-equiv="Content-Type" content="...; charset=X">, or <?xml ... encoding="X"?>;
// comments and the content of scripts are skipped. "" when there is none.
std::string DeclaredCharset(std::string_view html);

// A guess at the charset of bytes that are not valid UTF-8, or "" when the bytes do not
// clearly say. "utf-8" when they are mostly valid UTF-8 with a few damaged sequences;
// "utf-16le"/"utf-16be" for text with NUL high or low bytes; Shift_JIS or EUC-JP when
// the text decodes to Japanese kana, EUC-KR to hangul, GBK or Big5 to Chinese
// ideographs; windows-1251 or KOI8-R for runs of Cyrillic letters; windows-1252 when the
// non-ASCII bytes are single letters inside words or Windows punctuation.
std::string SniffCharset(std::string_view bytes);

// Converts `bytes` from `charset` (a WHATWG name) to UTF-8. Invalid and unmappable bytes
// become U+FFFD. BadInput when the charset is not one iconv supports.
Result<std::string> ConvertToUtf8(std::string_view bytes, std::string_view charset);

// windows-1252 (what browsers use for iso-8859-1 and us-ascii too) to UTF-8; the five
// undefined bytes map to the C1 controls, as browsers do.
std::string Windows1252ToUtf8(std::string_view bytes);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_CHARSET_H_
