// Internal: aligning two texts in levels (lines, sentences, tokens) with moves.
#ifndef REDLINE_DIFF_TEXT_ALIGN_H_
#define REDLINE_DIFF_TEXT_ALIGN_H_

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "diff/segment.h"
#include "redline/diff.h"

namespace redline::diff {

// A stretch of the alignment as byte ranges [begin, end) of the old and the new text.
// Unchanged: both ranges hold the same bytes. Changed: the old range was replaced by the
// new one (either may be empty). Ranges of consecutive chunks touch, every boundary is a
// token boundary of both texts, and no chunk is empty.
struct Chunk {
  bool changed = false;
  std::size_t old_begin = 0, old_end = 0;
  std::size_t new_begin = 0, new_end = 0;
  // Moved text: a changed chunk with only an old range (where it left) or only a new
  // range (where it arrived), and the index of its move.
  int move = -1;
  bool ignored = false;  // a change the ignore options do not see (set by the caller)
  // A space replaced by a paragraph break or the reverse (set by MarkBlockBreaks).
  BlockChange block_change = BlockChange::kNone;
  bool operator==(const Chunk&) const = default;
};

struct MoveSpan {
  MoveLevel level = MoveLevel::kBlock;
  bool exact = true;
  Span old_span, new_span;
};

struct SentenceRecord {
  SentenceLabel label = SentenceLabel::kUnchanged;
  bool has_old = false, has_new = false;
  Span old_span, new_span;
};

struct Alignment {
  std::vector<Chunk> chunks;  // unchanged chunks never touch each other
  std::vector<MoveSpan> moves;
  std::vector<SentenceRecord> sentences;  // when options.label_sentences
  std::vector<Line> old_lines, new_lines;
  // Where one group of a changed run's paired paragraphs ends and the next begins (old and
  // new byte positions, in order): the readability passes look at each stretch between
  // two cuts on its own, so no edit joins paragraphs the pairing kept apart.
  std::vector<std::pair<std::size_t, std::size_t>> cuts;
  bool approximate = false;
};

// Lines are aligned with a line edit script (equal lines anchor); the paragraphs of each
// changed run of lines are paired by the words they share (paragraph_pairs.h), and each
// group is aligned on its own: blocks that moved are set aside whole (moves may cross
// groups), the rest is aligned by sentences; then sentences that moved are set aside, and
// the tokens of each changed run of sentences get a minimal token edit script (unless too
// large: then `approximate`). Small inputs without moves have each group aligned token by
// token instead when that gives fewer token edits in all, so there the alignment is a
// minimal token edit script of each group. Comparison follows the ignore options, but
// tokens with equal keys and different bytes come out as changed chunks.
Alignment AlignTexts(std::string_view old_text, std::string_view new_text, const DiffOptions& options);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_TEXT_ALIGN_H_
