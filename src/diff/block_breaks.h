// Internal: paragraph splits and merges in an alignment.
#ifndef REDLINE_DIFF_BLOCK_BREAKS_H_
#define REDLINE_DIFF_BLOCK_BREAKS_H_

#include <string_view>
#include <vector>

#include "diff/text_align.h"

namespace redline::diff {

// Paragraph splits and merges. A window of the alignment (a change, or changes linked by
// a few unchanged tokens the alignment may have matched across a misplaced paragraph
// break) whose two sides hold different numbers of line breaks is aligned again, unit by
// unit (tokens, each run of whitespace one unit, a space allowed to pair with a paragraph
// break, words weighing most), and replaced by its pieces: unchanged text, plain changes,
// and one changed chunk per space and break paired, marked with Chunk::block_change. A
// pair counts only when the paragraph of the side with the space goes on, on both sides
// of it, with unchanged words (in the window, or on the same line around it); otherwise
// the window stays as it was (a paragraph added or removed, not a split). Windows over a
// size cap stay as they are too, so the cost stays linear in the input. Keeps the chunks
// exact and their invariants. Returns true when it marked any (else `chunks` is
// untouched).
bool MarkBlockBreaks(std::string_view old_text, std::string_view new_text, std::vector<Chunk>* chunks);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_BLOCK_BREAKS_H_
