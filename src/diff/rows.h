// Internal: a diff laid out as display rows, the unit of plain and color output.
#ifndef REDLINE_DIFF_ROWS_H_
#define REDLINE_DIFF_ROWS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "redline/diff.h"

namespace redline::diff {

// Text of one op on one row; never holds '\n'. Empty text marks a line break that alone
// was deleted or inserted at the end of a row with text. Ignored ops appear as kEqual
// segments of their new text (their old text is not shown).
struct Segment {
  OpKind kind;
  std::string_view text;
  int move = -1;  // DiffOp::move
  // With marks on (BuildRows): a paragraph split or merge, shown as a note of its own at
  // the place of the break (kind kDelete, empty text). The spaces and breaks of its ops
  // are not shown: a split ends the row, a merge's new space is an unchanged segment.
  BlockChange block_change = BlockChange::kNone;
};

// 1-based line numbers; first/last are 0 when the row holds nothing of that side.
struct LineSpan {
  std::size_t first = 0, last = 0;
  void Touch(std::size_t line) {
    if (first == 0) first = line;
    last = line;
  }
};

// One output line: the ops' text between two line breaks of either side.
struct Row {
  std::vector<Segment> segments;
  // True when the row shows an insertion or deletion, ends with a changed line break, or
  // starts in the middle of a line of one side. Only unchanged rows serve as context.
  bool changed = false;
  bool blank = true;            // no text at all
  std::size_t old_start = 1;    // old and new line where the row starts
  std::size_t new_start = 1;
  LineSpan old_lines, new_lines;  // lines whose bytes (text or '\n') the row holds
};

// Splits ops into rows. Views point into `ops`. `block_marks`: splits and merges as notes
// (see Segment); else their ops are deletions and insertions like any other.
std::vector<Row> BuildRows(const std::vector<DiffOp>& ops, bool block_marks = false);

// The run of changed rows from `begin` (before `end`): the lines of each side it spans, in
// `old_lines` and `new_lines`; returns the index of the first row after the run.
std::size_t SpanChangedRun(const std::vector<Row>& rows, std::size_t begin, std::size_t end, LineSpan* old_lines,
                           LineSpan* new_lines);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_ROWS_H_
