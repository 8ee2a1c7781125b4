#include "diff/rows.h"

#include <algorithm>

namespace redline::diff {
namespace {

class RowBuilder {
 public:
  std::vector<Row> Build(const std::vector<DiffOp>& ops, bool block_marks) {
    StartRow();
    for (const DiffOp& op : ops) {
      if (block_marks && op.block_change != BlockChange::kNone && !op.ignored) {
        AddBlockChange(op);
        continue;
      }
      const bool old_side = op.kind != OpKind::kInsert;
      const bool new_side = op.kind != OpKind::kDelete;
      // An ignored op shows as unchanged text: its new text; its old text only counts lines.
      const OpKind kind = op.ignored ? OpKind::kEqual : op.kind;
      const bool hidden = op.ignored && op.kind == OpKind::kDelete;
      std::string_view text = op.text;
      while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        const std::string_view piece = text.substr(0, newline);
        if (!piece.empty() && !hidden) AddPiece(kind, piece, op.move, old_side, new_side);
        if (newline == std::string_view::npos) break;
        if (hidden) {
          SkipOldLine();
        } else {
          EndRow(kind, old_side, new_side);
        }
        text.remove_prefix(newline + 1);
      }
    }
    if (!row_.segments.empty()) rows_.push_back(std::move(row_));
    return std::move(rows_);
  }

 private:
  std::vector<Row> rows_;
  Row row_;
  std::size_t old_line_ = 1, new_line_ = 1;
  bool old_at_line_start_ = true, new_at_line_start_ = true;

  void StartRow() {
    row_ = Row();
    row_.old_start = old_line_;
    row_.new_start = new_line_;
    row_.changed = !(old_at_line_start_ && new_at_line_start_);
  }

  void Touch(bool old_side, bool new_side) {
    if (old_side) row_.old_lines.Touch(old_line_);
    if (new_side) row_.new_lines.Touch(new_line_);
  }

  void SkipOldLine() {
    ++old_line_;
    old_at_line_start_ = true;
  }

  void AddPiece(OpKind kind, std::string_view piece, int move, bool old_side, bool new_side) {
    row_.segments.push_back({kind, piece, move});
    row_.blank = false;
    if (kind != OpKind::kEqual) row_.changed = true;
    Touch(old_side, new_side);
    if (old_side) old_at_line_start_ = false;
    if (new_side) new_at_line_start_ = false;
  }

  // A split: the note where the old space was, then the new rows its break starts. A
  // merge: the note, the old lines it joins, then the new space as unchanged text.
  void AddBlockChange(const DiffOp& op) {
    if (op.kind == OpKind::kDelete) {
      row_.segments.push_back({OpKind::kDelete, {}, -1, op.block_change});
      row_.blank = false;
      row_.changed = true;
      Touch(true, false);
      for (const char c : op.text) {
        if (c != '\n') continue;
        ++old_line_;
        Touch(true, false);
      }
      old_at_line_start_ = op.text.back() == '\n';
      return;
    }
    std::string_view text = op.text;
    while (!text.empty()) {
      const std::size_t newline = text.find('\n');
      const std::string_view piece = text.substr(0, newline);
      if (!piece.empty() && op.block_change == BlockChange::kMerge) AddPiece(OpKind::kEqual, piece, -1, false, true);
      if (newline == std::string_view::npos) break;
      Touch(false, true);
      row_.changed = true;
      ++new_line_;
      new_at_line_start_ = true;
      rows_.push_back(std::move(row_));
      StartRow();
      text.remove_prefix(newline + 1);
    }
    row_.changed = true;
  }

  void EndRow(OpKind kind, bool old_side, bool new_side) {
    Touch(old_side, new_side);
    if (kind != OpKind::kEqual) {
      row_.changed = true;
      // Show a lone changed line break, unless the row already ends with that change.
      if (!row_.blank && row_.segments.back().kind != kind) row_.segments.push_back({kind, {}});
    }
    if (old_side) {
      ++old_line_;
      old_at_line_start_ = true;
    }
    if (new_side) {
      ++new_line_;
      new_at_line_start_ = true;
    }
    rows_.push_back(std::move(row_));
    StartRow();
  }
};

}  // namespace

std::vector<Row> BuildRows(const std::vector<DiffOp>& ops, bool block_marks) {
  return RowBuilder().Build(ops, block_marks);
}

std::size_t SpanChangedRun(const std::vector<Row>& rows, std::size_t begin, std::size_t end, LineSpan* old_lines,
                           LineSpan* new_lines) {
  const auto widen = [](LineSpan* span, const LineSpan& lines) {
    if (lines.first == 0) return;
    if (span->first == 0) span->first = lines.first;
    span->last = std::max(span->last, lines.last);
  };
  std::size_t i = begin;
  for (; i < end && rows[i].changed; ++i) {
    widen(old_lines, rows[i].old_lines);
    widen(new_lines, rows[i].new_lines);
  }
  return i;
}

}  // namespace redline::diff
