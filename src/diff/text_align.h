// Internal: aligning two texts, lines first, then tokens inside changed runs of lines.
#ifndef REDLINE_DIFF_TEXT_ALIGN_H_
#define REDLINE_DIFF_TEXT_ALIGN_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace redline::diff {

// A stretch of the alignment as byte ranges [begin, end) of the old and the new text.
// Unchanged: both ranges hold the same bytes. Changed: the old range was replaced by the
// new one (either may be empty). Ranges of consecutive chunks touch, and every boundary
// is a token boundary of both texts.
struct Chunk {
  bool changed = false;
  std::size_t old_begin = 0, old_end = 0;
  std::size_t new_begin = 0, new_end = 0;
  bool operator==(const Chunk&) const = default;
};

// Aligns lines (each with its '\n') with a minimal line edit script, then the tokens of
// each changed run of lines with a minimal token edit script. Chunks alternate between
// unchanged and changed, and none is empty. For text without line breaks the changed
// chunks hold exactly the tokens outside one longest common token subsequence.
std::vector<Chunk> AlignText(std::string_view old_text, std::string_view new_text);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_TEXT_ALIGN_H_
