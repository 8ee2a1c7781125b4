// Side-by-side: old lines on the left, new lines on the right, wrapped to the width.
#include <utf8proc.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "diff/hunks.h"
#include "diff/render_formats.h"
#include "diff/rows.h"
#include "diff/safe_text.h"

namespace redline::diff {
namespace {

enum class Look { kNormal, kDeleted, kInserted, kMovedOut, kMovedIn, kMovedText };

struct Piece {
  Look look;
  std::string text;
};

using Cell = std::vector<Piece>;  // one line of one side

const char* ColorOf(Look look) {
  switch (look) {
    case Look::kDeleted: return "\x1b[31m";
    case Look::kInserted: return "\x1b[32m";
    case Look::kMovedOut: return "\x1b[1;35m";
    case Look::kMovedIn: return "\x1b[1;36m";
    case Look::kMovedText: return "\x1b[36m";
    case Look::kNormal: break;
  }
  return "";
}

// Splits ops into the lines of one side.
class SideBuilder {
 public:
  SideBuilder(const WordDiff& diff, bool old_side) : diff_(diff), old_side_(old_side) { cells_.emplace_back(); }

  std::vector<Cell> Build() {
    for (const DiffOp& op : diff_.ops) {
      if (op.kind == (old_side_ ? OpKind::kInsert : OpKind::kDelete)) continue;
      if (op.move >= 0) {
        AddMove(op);
        continue;
      }
      // A paragraph split or merge: a note on the old side where the break went or came;
      // its spaces and breaks are not marked.
      const bool block_change = op.block_change != BlockChange::kNone && !op.ignored;
      if (block_change && op.kind == OpKind::kDelete) {
        Add(Look::kMovedIn, "{>>" + BlockChangeNote(op.block_change) + "<<}");
      }
      const Look look = op.kind == OpKind::kEqual || op.ignored || block_change ? Look::kNormal
                        : op.kind == OpKind::kDelete                            ? Look::kDeleted
                                                                                : Look::kInserted;
      std::string_view text = op.text;
      while (true) {
        const std::size_t newline = text.find('\n');
        Add(look, text.substr(0, newline));
        if (newline == std::string_view::npos) break;
        cells_.emplace_back();
        text.remove_prefix(newline + 1);
      }
    }
    return std::move(cells_);
  }

 private:
  const WordDiff& diff_;
  bool old_side_;
  std::vector<Cell> cells_;

  void Add(Look look, std::string_view text) {
    if (text.empty()) return;
    std::string safe;
    AppendSafe(text, &safe);
    cells_.back().push_back({look, std::move(safe)});
  }

  void AddMove(const DiffOp& op) {
    Add(old_side_ ? Look::kMovedOut : Look::kMovedIn, "{>>" + MoveNote(diff_, op.move, op.kind) + "<<}");
    if (old_side_) return;
    for (const DiffOp& inner : diff_.moves[static_cast<std::size_t>(op.move)].ops) {
      if (inner.ignored && inner.kind == OpKind::kDelete) continue;
      Add(inner.kind == OpKind::kEqual || inner.ignored ? Look::kMovedText
          : inner.kind == OpKind::kDelete               ? Look::kDeleted
                                                        : Look::kInserted,
          inner.text);
    }
  }
};

struct Atom {
  Look look;
  std::string_view bytes;  // into the cell's text
  int width;
  bool space;
};

// Without color, marks stand for the looks: [-deleted-], {+inserted+}.
Cell Plain(const Cell& cell) {
  Cell out;
  for (const Piece& piece : cell) {
    switch (piece.look) {
      case Look::kDeleted: out.push_back({Look::kNormal, "[-" + piece.text + "-]"}); break;
      case Look::kInserted: out.push_back({Look::kNormal, "{+" + piece.text + "+}"}); break;
      default: out.push_back({Look::kNormal, piece.text}); break;
    }
  }
  return out;
}

std::vector<Atom> Atoms(const Cell& cell) {
  std::vector<Atom> atoms;
  for (const Piece& piece : cell) {
    std::size_t pos = 0;
    while (pos < piece.text.size()) {
      const auto byte = static_cast<unsigned char>(piece.text[pos]);
      if (byte >= 0x20 && byte < 0x7F) {  // ASCII: one cell
        atoms.push_back({piece.look, std::string_view(piece.text).substr(pos, 1), 1, byte == ' '});
        ++pos;
        continue;
      }
      std::size_t length = 0;
      const char32_t c = utf8::Decode(piece.text, pos, &length);
      int width = utf8proc_charwidth(static_cast<utf8proc_int32_t>(c));
      if (width < 0) width = 0;
      atoms.push_back({piece.look, std::string_view(piece.text).substr(pos, length), width, c == ' '});
      pos += length;
    }
  }
  return atoms;
}

// Wraps a cell into lines of at most `width` cells, breaking after a space when one is
// on the line, and pads each line to `width` (when `pad`).
std::vector<std::string> Wrap(const Cell& cell, int width, bool color, bool pad) {
  const Cell plain = color ? Cell() : Plain(cell);
  const std::vector<Atom> atoms = Atoms(color ? cell : plain);
  std::vector<std::vector<const Atom*>> lines(1);
  int used = 0;
  for (const Atom& atom : atoms) {
    if (used + atom.width > width && !lines.back().empty()) {
      std::vector<const Atom*>& line = lines.back();
      std::size_t cut = line.size();
      for (std::size_t k = line.size(); k > 1; --k) {
        if (line[k - 1]->space) {
          cut = k;
          break;
        }
      }
      std::vector<const Atom*> carried(line.begin() + static_cast<std::ptrdiff_t>(cut), line.end());
      line.resize(cut);
      lines.push_back(std::move(carried));
      used = 0;
      for (const Atom* a : lines.back()) used += a->width;
    }
    lines.back().push_back(&atom);
    used += atom.width;
  }
  std::vector<std::string> out;
  for (const auto& line : lines) {
    std::string text;
    Look current = Look::kNormal;
    int cells = 0;
    for (const Atom* atom : line) {
      if (color && atom->look != current) {
        if (current != Look::kNormal) text.append("\x1b[m");
        text.append(ColorOf(atom->look));
        current = atom->look;
      }
      text.append(atom->bytes);
      cells += atom->width;
    }
    if (current != Look::kNormal) text.append("\x1b[m");
    if (pad && cells < width) text.append(static_cast<std::size_t>(width - cells), ' ');
    out.push_back(std::move(text));
  }
  return out;
}

void AppendPair(const Cell* left, const Cell* right, const char* separator, int width, bool color,
                std::string* out) {
  static const Cell kEmpty;
  const std::vector<std::string> l = Wrap(left != nullptr ? *left : kEmpty, width, color, true);
  const std::vector<std::string> r = Wrap(right != nullptr ? *right : kEmpty, width, color, false);
  const std::string blank(static_cast<std::size_t>(width), ' ');
  for (std::size_t k = 0; k < std::max(l.size(), r.size()); ++k) {
    std::string line = k < l.size() ? l[k] : blank;
    line.append(separator);
    if (k < r.size()) line.append(r[k]);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out->append(line);
    out->push_back('\n');
  }
}

const Cell* CellAt(const std::vector<Cell>& cells, std::size_t line) {
  return line >= 1 && line <= cells.size() ? &cells[line - 1] : nullptr;
}

}  // namespace

std::string RenderSideBySide(const WordDiff& diff, const RenderOptions& options) {
  if (!diff.has_changes) return {};
  const int width = std::max(10, (options.width - 3) / 2);
  const bool color = options.color;
  const std::vector<Cell> old_cells = SideBuilder(diff, true).Build();
  const std::vector<Cell> new_cells = SideBuilder(diff, false).Build();
  const std::vector<Row> rows = BuildRows(diff.ops);
  std::string out;
  for (const Hunk& hunk : ChooseHunks(rows, options.context_blocks)) {
    out.append(color ? "\x1b[36m" : "");
    out.append(HunkHeader(hunk));
    out.append(color ? "\x1b[m\n" : "\n");
    std::size_t i = hunk.first_row;
    while (i < hunk.end_row) {
      if (!rows[i].changed) {
        AppendPair(CellAt(old_cells, rows[i].old_lines.first), CellAt(new_cells, rows[i].new_lines.first), "   ",
                   width, color, &out);
        ++i;
        continue;
      }
      LineSpan old_lines, new_lines;
      i = SpanChangedRun(rows, i, hunk.end_row, &old_lines, &new_lines);
      const std::size_t old_count = old_lines.first == 0 ? 0 : old_lines.last - old_lines.first + 1;
      const std::size_t new_count = new_lines.first == 0 ? 0 : new_lines.last - new_lines.first + 1;
      for (std::size_t k = 0; k < std::max(old_count, new_count); ++k) {
        const Cell* left = k < old_count ? CellAt(old_cells, old_lines.first + k) : nullptr;
        const Cell* right = k < new_count ? CellAt(new_cells, new_lines.first + k) : nullptr;
        AppendPair(left, right, left != nullptr && right != nullptr ? " | " : left != nullptr ? " < " : " > ",
                   width, color, &out);
      }
    }
  }
  return out;
}

}  // namespace redline::diff
