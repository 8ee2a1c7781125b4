// Line-oriented formats: git's word-diff porcelain, and a unified diff for patch tools.
#include <algorithm>
#include <string_view>
#include <vector>

#include "diff/hunks.h"
#include "diff/render_formats.h"
#include "diff/rows.h"
#include "diff/safe_text.h"

namespace redline::diff {
namespace {

// Lines of one side of the diff, each without its '\n'; `terminated` says which had one.
struct SideLines {
  std::string text;
  std::vector<std::string_view> lines;
  std::vector<bool> terminated;
};

SideLines Side(const WordDiff& diff, OpKind skip) {
  SideLines side;
  for (const DiffOp& op : diff.ops) {
    if (op.kind != skip) side.text += op.text;
  }
  std::string_view rest = side.text;
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    side.lines.push_back(rest.substr(0, newline));
    side.terminated.push_back(newline != std::string_view::npos);
    if (newline == std::string_view::npos) break;
    rest.remove_prefix(newline + 1);
  }
  return side;
}

void AppendLine(char mark, const SideLines& side, std::size_t line, std::string* out) {
  if (line == 0 || line > side.lines.size()) return;
  out->push_back(mark);
  AppendSafe(side.lines[line - 1], out);
  out->push_back('\n');
  if (!side.terminated[line - 1]) out->append("\\ No newline at end of file\n");
}

}  // namespace

std::string RenderPorcelain(const WordDiff& diff, int context) {
  if (!diff.has_changes) return {};
  const std::vector<Row> rows = BuildRows(diff.ops);
  const std::vector<Hunk> hunks = ChooseHunks(rows, context);
  // One allocation: the size before any replacement characters.
  std::size_t size = 0;
  for (const Hunk& hunk : hunks) {
    size += 64;
    for (std::size_t i = hunk.first_row; i < hunk.end_row; ++i) {
      for (const Segment& segment : rows[i].segments) size += segment.text.size() + 2;
      size += 2;
    }
  }
  std::string out;
  out.reserve(size);
  for (const Hunk& hunk : hunks) {
    out.append(HunkHeader(hunk));
    out.push_back('\n');
    for (std::size_t i = hunk.first_row; i < hunk.end_row; ++i) {
      for (const Segment& segment : rows[i].segments) {
        if (segment.text.empty()) continue;
        out.push_back(segment.kind == OpKind::kEqual ? ' ' : segment.kind == OpKind::kDelete ? '-' : '+');
        AppendSafe(segment.text, &out);
        out.push_back('\n');
      }
      out.append("~\n");
    }
  }
  return out;
}

std::string RenderUnified(const WordDiff& diff, const RenderOptions& options) {
  if (!diff.has_changes) return {};
  const SideLines old_side = Side(diff, OpKind::kInsert);
  const SideLines new_side = Side(diff, OpKind::kDelete);
  const std::vector<Row> rows = BuildRows(diff.ops);
  std::string out = "--- ";
  AppendSafe(options.old_label, &out);
  out.append("\n+++ ");
  AppendSafe(options.new_label, &out);
  out.push_back('\n');
  for (const Hunk& hunk : ChooseHunks(rows, options.context_blocks)) {
    out.append(HunkHeader(hunk));
    out.push_back('\n');
    std::size_t i = hunk.first_row;
    while (i < hunk.end_row) {
      if (!rows[i].changed) {
        AppendLine(' ', old_side, rows[i].old_lines.first, &out);
        ++i;
        continue;
      }
      LineSpan old_lines, new_lines;
      i = SpanChangedRun(rows, i, hunk.end_row, &old_lines, &new_lines);
      for (std::size_t k = old_lines.first; k != 0 && k <= old_lines.last; ++k) AppendLine('-', old_side, k, &out);
      for (std::size_t k = new_lines.first; k != 0 && k <= new_lines.last; ++k) AppendLine('+', new_side, k, &out);
    }
  }
  return out;
}

}  // namespace redline::diff
