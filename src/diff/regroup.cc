// Readability passes over an alignment: they move bytes between chunks, never changing
// what the chunks rebuild.
#include "diff/regroup.h"

#include <algorithm>

#include "diff/tokenize.h"

namespace redline::diff {
namespace {

std::size_t OldLength(const Chunk& c) { return c.old_end - c.old_begin; }
std::size_t NewLength(const Chunk& c) { return c.new_end - c.new_begin; }

// True when the unchanged `middle`, between the changes `before` and `after`, reads better
// inside one replacement: it is no longer than the larger side of either change, holds no
// line break, and the joined change both deletes and inserts.
bool ShouldAbsorb(std::string_view old_text, const Chunk& before, const Chunk& middle, const Chunk& after) {
  if (!before.changed || middle.changed || !after.changed) return false;
  if (before.move >= 0 || after.move >= 0) return false;  // moved text stays apart
  const std::size_t length = OldLength(middle);
  const std::string_view kept = old_text.substr(middle.old_begin, length);
  if (kept.find_first_not_of(" \t") == std::string_view::npos) return true;  // "[-a-] [-b-]" reads as "[-a b-]"
  if (length > std::max(OldLength(before), NewLength(before))) return false;
  if (length > std::max(OldLength(after), NewLength(after))) return false;
  const bool deletes = OldLength(before) + OldLength(after) > 0;
  const bool inserts = NewLength(before) + NewLength(after) > 0;
  if (!deletes || !inserts) return false;
  return old_text.substr(middle.old_begin, length).find('\n') == std::string_view::npos;
}

// Length of the run of spaces that `text` starts with, or 0.
std::size_t LeadingSpaceRun(std::string_view text) {
  if (text.empty()) return 0;
  TokenKind kind;
  bool is_word = false;
  const std::size_t length = ScanToken(text, 0, &kind, &is_word);
  return kind == TokenKind::kSpace ? length : 0;
}

}  // namespace

void JoinReplacements(std::string_view old_text, std::vector<Chunk>* chunks) {
  // In place: the joined chunks, chunks[0, n), never run ahead of the next one to read.
  std::vector<Chunk>& out = *chunks;
  std::size_t n = 0;
  for (std::size_t r = 0; r < out.size(); ++r) {
    if (n != r) out[n] = out[r];
    ++n;
    // out ends "change, unchanged, change": join them, then look again further back, since
    // the joined change is longer and may now absorb the unchanged chunk before it.
    while (n >= 3 && ShouldAbsorb(old_text, out[n - 3], out[n - 2], out[n - 1])) {
      const Chunk after = out[n - 1];
      n -= 2;
      out[n - 1].old_end = after.old_end;
      out[n - 1].new_end = after.new_end;
    }
  }
  out.resize(n);
}

void SlideToWordStarts(std::string_view old_text, std::string_view new_text, std::vector<Chunk>* chunks) {
  for (std::size_t k = 1; k + 1 < chunks->size(); ++k) {
    Chunk& chunk = (*chunks)[k];
    const bool insertion = chunk.old_begin == chunk.old_end;
    const bool deletion = chunk.new_begin == chunk.new_end;
    if (!chunk.changed || chunk.move >= 0 || insertion == deletion) continue;
    if ((*chunks)[k - 1].changed || (*chunks)[k + 1].changed) continue;
    const std::string_view changed = insertion ? new_text.substr(chunk.new_begin, chunk.new_end - chunk.new_begin)
                                               : old_text.substr(chunk.old_begin, chunk.old_end - chunk.old_begin);
    Chunk& next = (*chunks)[k + 1];
    const std::string_view following = old_text.substr(next.old_begin, next.old_end - next.old_begin);
    const std::size_t space = LeadingSpaceRun(changed);
    // Slide by one whole space token, never emptying a chunk: " main" + " square"
    // becomes "main " + "square", with the space moved to the unchanged text before.
    if (space == 0 || space == changed.size() || space >= following.size() ||
        LeadingSpaceRun(following) != space || following.substr(0, space) != changed.substr(0, space)) {
      continue;
    }
    Chunk& previous = (*chunks)[k - 1];
    previous.old_end += space;
    previous.new_end += space;
    chunk.old_begin += space;
    chunk.old_end += space;
    chunk.new_begin += space;
    chunk.new_end += space;
    next.old_begin += space;
    next.new_begin += space;
  }
}

}  // namespace redline::diff
