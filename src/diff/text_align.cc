// AlignTexts: the leveled alignment, or for small inputs whichever of it and a whole-text
// token alignment has fewer edits.
#include "diff/text_align.h"

#include "diff/leveled_aligner.h"
#include "diff/tokenize.h"

namespace redline::diff {
namespace {

// Both texts together at most this long: also try one token alignment of the whole text.
constexpr std::size_t kWholeTextBytes = 4096;

std::size_t CountTokens(std::string_view text) {
  std::size_t tokens = 0, pos = 0;
  while (pos < text.size()) {
    TokenKind kind;
    bool is_word;
    pos += ScanToken(text, pos, &kind, &is_word);
    ++tokens;
  }
  return tokens;
}

std::size_t TokenEdits(std::string_view old_text, std::string_view new_text, const std::vector<Chunk>& chunks) {
  std::size_t edits = 0;
  for (const Chunk& c : chunks) {
    if (!c.changed) continue;
    edits += CountTokens(old_text.substr(c.old_begin, c.old_end - c.old_begin));
    edits += CountTokens(new_text.substr(c.new_begin, c.new_end - c.new_begin));
  }
  return edits;
}

}  // namespace

Alignment AlignTexts(std::string_view old_text, std::string_view new_text, const DiffOptions& options) {
  Alignment leveled = LeveledAligner(old_text, new_text, options).Run(false);
  if (!leveled.moves.empty() || old_text.size() + new_text.size() > kWholeTextBytes) return leveled;
  bool changed = false;
  for (const Chunk& c : leveled.chunks) changed = changed || c.changed;
  if (!changed) return leveled;
  Alignment whole = LeveledAligner(old_text, new_text, options).Run(true);
  if (TokenEdits(old_text, new_text, whole.chunks) < TokenEdits(old_text, new_text, leveled.chunks)) return whole;
  return leveled;
}

}  // namespace redline::diff
