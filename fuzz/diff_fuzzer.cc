// Tokenize and DiffWords on two texts cut from the input: tokens concatenate back to the
// text, and the diff's ops rebuild both sides exactly.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "redline/diff.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // The first NUL byte (or the middle) separates the old text from the new one.
  std::size_t cut = input.find('\0');
  if (cut == std::string_view::npos) cut = size / 2;
  const std::string_view old_text = input.substr(0, cut);
  const std::string_view new_text = input.substr(cut < size ? cut + 1 : cut);

  std::string joined;
  for (const redline::Token& token : redline::Tokenize(old_text)) joined += token.text;
  if (joined != old_text) std::abort();

  const redline::WordDiff diff = redline::DiffWords(old_text, new_text);
  std::string old_side, new_side;
  for (const redline::DiffOp& op : diff.ops) {
    if (op.kind != redline::OpKind::kInsert) old_side += op.text;
    if (op.kind != redline::OpKind::kDelete) new_side += op.text;
  }
  if (old_side != old_text || new_side != new_text) std::abort();
  return 0;
}
