// Comparison keys: the text as the ignore options see it.
#include "diff/keys.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "base/utf8.h"
#include "diff/tokenize.h"

namespace redline::diff {
namespace {

void AppendFolded(std::string_view word, std::string* key) {
  bool ascii = true;
  for (const char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    for (const char c : word) key->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return;
  }
  if (!utf8::IsValid(word)) {
    key->append(word);
    return;
  }
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(word.data()), static_cast<utf8proc_ssize_t>(word.size()), &out,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  if (n < 0) {
    key->append(word);
    return;
  }
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  key->append(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

}  // namespace

void AppendKey(std::string_view text, const IgnoreSet& ignore, std::string* key) {
  if (!ignore.any()) {
    key->append(text);
    return;
  }
  std::size_t pos = 0;
  while (pos < text.size()) {
    TokenKind kind;
    bool is_word = false;
    const std::size_t length = ScanToken(text, pos, &kind, &is_word);
    const std::string_view token = text.substr(pos, length);
    pos += length;
    switch (kind) {
      case TokenKind::kSpace:
        if (!ignore.whitespace) key->append(token);
        break;
      case TokenKind::kPunctuation:
        if (!ignore.punctuation) key->append(token);
        break;
      case TokenKind::kWord:
      case TokenKind::kNumber:
        if (ignore.case_) {
          AppendFolded(token, key);
        } else {
          key->append(token);
        }
        break;
      case TokenKind::kNewline:
        key->append(token);
        break;
    }
  }
}

bool SameUnder(std::string_view a, std::string_view b, const IgnoreSet& ignore) {
  if (a == b) return true;
  if (!ignore.any()) return false;
  std::string key_a, key_b;
  AppendKey(a, ignore, &key_a);
  AppendKey(b, ignore, &key_b);
  return key_a == key_b;
}

}  // namespace redline::diff
