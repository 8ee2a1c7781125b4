// UTF-8 helpers shared by every layer.
#ifndef REDLINE_BASE_UTF8_H_
#define REDLINE_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace redline::utf8 {

// utf8proc's version, as the library in use reports it (for `redline --version`).
std::string Utf8procVersion();

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool IsValid(std::string_view text);

// Byte offset of the first invalid sequence, or npos.
std::size_t FirstInvalid(std::string_view text);

// Decodes the code point at `pos`, sets `*length` to its byte length. Invalid bytes decode
// as U+FFFD with length 1. REQUIRES: pos < text.size().
char32_t Decode(std::string_view text, std::size_t pos, std::size_t* length);

void Append(std::string* out, char32_t code_point);

// Replaces every invalid byte with U+FFFD; `replaced`, when given, counts them.
std::string Repair(std::string_view text, std::size_t* replaced = nullptr);

// Unicode NFC. REQUIRES: valid UTF-8.
std::string Nfc(std::string_view text);

// Unicode whitespace, including NBSP and the other Zs spaces, tabs and line breaks.
bool IsSpace(char32_t c);
// Zero-width characters and soft hyphen that carry no text: U+200B..U+200D, U+2060, U+FEFF, U+00AD.
bool IsInvisible(char32_t c);
// Letters and digits by Unicode category (L*, N*), and combining marks (M*).
bool IsWordChar(char32_t c);
bool IsLetter(char32_t c);
bool IsDigit(char32_t c);  // Nd
// CJK ideographs, kana and hangul syllables: one token each in diffs.
bool IsCjk(char32_t c);

// True if the bytes look like binary data rather than text (NUL or many control bytes).
bool LooksBinary(std::string_view bytes);

}  // namespace redline::utf8

#endif  // REDLINE_BASE_UTF8_H_
