#include "diff/stats.h"

#include <string_view>

namespace redline::diff {
namespace {

// Calls on_piece(piece) for each stretch between line breaks and on_newline() for each
// '\n' of `text`, in order. Empty pieces are skipped.
template <typename OnPiece, typename OnNewline>
void SplitLines(std::string_view text, OnPiece on_piece, OnNewline on_newline) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t newline = text.find('\n', pos);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
    if (end > pos) on_piece(text.substr(pos, end - pos));
    if (newline == std::string_view::npos) break;
    on_newline();
    pos = newline + 1;
  }
}

// New lines (0-based) holding inserted bytes other than their line break.
std::vector<bool> MarkInsertedLines(const std::vector<DiffOp>& ops) {
  std::vector<bool> marked(1, false);
  std::size_t line = 0;
  for (const DiffOp& op : ops) {
    if (op.kind == OpKind::kDelete) continue;
    const bool insert = op.kind == OpKind::kInsert && !op.ignored;
    SplitLines(
        op.text, [&](std::string_view) { if (insert) marked[line] = true; },
        [&] {
          ++line;
          marked.push_back(false);
        });
  }
  return marked;
}

std::size_t CountChangedBlocks(const std::vector<DiffOp>& ops) {
  const std::vector<bool> inserted = MarkInsertedLines(ops);
  std::size_t blocks = 0;
  for (const bool b : inserted) blocks += b ? 1 : 0;

  // Old lines that lost text and whose surviving text is not in an already counted line.
  std::size_t new_line = 0;
  bool lost_text = false;
  bool survives_in_counted_line = false;
  const auto end_old_line = [&] {
    if (lost_text && !survives_in_counted_line) ++blocks;
    lost_text = survives_in_counted_line = false;
  };
  for (const DiffOp& op : ops) {
    if (op.ignored) {  // counts as no change: only the line numbers move on
      if (op.kind == OpKind::kDelete) SplitLines(op.text, [](std::string_view) {}, end_old_line);
      if (op.kind == OpKind::kInsert) SplitLines(op.text, [](std::string_view) {}, [&] { ++new_line; });
      continue;
    }
    switch (op.kind) {
      case OpKind::kEqual:
        SplitLines(
            op.text, [&](std::string_view) { survives_in_counted_line |= inserted[new_line]; },
            [&] {
              end_old_line();
              ++new_line;
            });
        break;
      case OpKind::kDelete:
        SplitLines(op.text, [&](std::string_view) { lost_text = true; }, end_old_line);
        break;
      case OpKind::kInsert:
        SplitLines(op.text, [](std::string_view) {}, [&] { ++new_line; });
        break;
    }
  }
  end_old_line();
  return blocks;
}

}  // namespace

DiffStats ComputeStats(const std::vector<DiffOp>& ops, const std::vector<Move>& moves) {
  DiffStats stats;
  for (const DiffOp& op : ops) {
    // Moved text is counted once, below, through its move; a split or merge is only spaces.
    if (op.ignored || op.move >= 0 || op.block_change != BlockChange::kNone) continue;
    if (op.kind == OpKind::kInsert) stats.added_words += CountWords(op.text);
    if (op.kind == OpKind::kDelete) stats.removed_words += CountWords(op.text);
  }
  for (const Move& move : moves) {
    if (move.exact) {  // one equal op
      stats.moved_words += move.words;
      continue;
    }
    for (const DiffOp& op : move.ops) {
      if (op.kind == OpKind::kEqual || (op.ignored && op.kind == OpKind::kInsert)) {
        stats.moved_words += CountWords(op.text);
      } else if (!op.ignored) {
        (op.kind == OpKind::kInsert ? stats.added_words : stats.removed_words) += CountWords(op.text);
      }
    }
  }
  stats.changed_blocks = CountChangedBlocks(ops);
  return stats;
}

}  // namespace redline::diff
