// Internal: the units the levels of the alignment hand each other.
#ifndef REDLINE_DIFF_LEVEL_ITEMS_H_
#define REDLINE_DIFF_LEVEL_ITEMS_H_

#include <cstddef>
#include <cstdint>
#include <utility>

#include "diff/segment.h"

namespace redline::diff {

// A sentence, a blank line's spaces or a line break: the units of level 2.
struct Item {
  Span span;  // a sentence's span holds the spaces after it
  std::uint32_t id = 0;
  int move = -1;          // a moved block or sentence: kept whole at level 3
  bool sentence = false;
  bool matched = false;   // paired with an equal item by the level-2 alignment
  // Where a sentence's text ends, before its trailing spaces: its id, a move and the
  // moved text leave those spaces out (the last sentence of a block has none).
  std::size_t text_end = 0;
};

// A piece of the alignment after level 2: unchanged bytes, or a changed run of items.
struct Sub {
  bool changed = false;
  bool whole_lines = false;  // unchanged lines from level 1: sentences not yet recorded
  Span old_span, new_span;
  std::size_t old_items_begin = 0, old_items_end = 0;
  std::size_t new_items_begin = 0, new_items_end = 0;
};

// Level 1's pieces: equal lines, or a changed run of lines (or a group of one, after the
// pairing of its paragraphs).
struct LinePiece {
  bool changed = false;
  std::size_t old_first = 0, old_end = 0;  // line indices
  std::size_t new_first = 0, new_end = 0;
};

using ItemRange = std::pair<std::size_t, std::size_t>;  // [begin, end) in an item pool

}  // namespace redline::diff

#endif  // REDLINE_DIFF_LEVEL_ITEMS_H_
