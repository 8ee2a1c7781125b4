// RenderDiff: plain and color hunks; JSON lives in render_json.cc.
#include "diff/hunks.h"
#include "diff/render_json.h"
#include "diff/rows.h"
#include "redline/diff.h"

namespace redline {
namespace diff {

namespace {

struct Style {
  const char* delete_open;
  const char* delete_close;
  const char* insert_open;
  const char* insert_close;
  const char* header_open;
  const char* header_close;
  bool show_empty_markers;  // a colored empty span would be invisible
};

constexpr Style kPlainStyle{"[-", "-]", "{+", "+}", "", "", true};
constexpr Style kColorStyle{"\x1b[31m", "\x1b[m", "\x1b[32m", "\x1b[m", "\x1b[36m", "\x1b[m", false};

void AppendRow(const Row& row, const Style& style, std::string* out) {
  for (const Segment& segment : row.segments) {
    if (segment.kind == OpKind::kEqual) {
      out->append(segment.text);
      continue;
    }
    if (segment.text.empty() && !style.show_empty_markers) continue;
    const bool deleted = segment.kind == OpKind::kDelete;
    out->append(deleted ? style.delete_open : style.insert_open);
    out->append(segment.text);  // never holds '\n': spans close before each line break
    out->append(deleted ? style.delete_close : style.insert_close);
  }
  out->push_back('\n');
}

std::string RenderHunks(const WordDiff& diff, int context, const Style& style) {
  if (!diff.has_changes) return {};
  const std::vector<Row> rows = BuildRows(diff.ops);
  std::string out;
  for (const Hunk& hunk : ChooseHunks(rows, context)) {
    out.append(style.header_open);
    out.append(HunkHeader(hunk));
    out.append(style.header_close);
    out.push_back('\n');
    for (std::size_t i = hunk.first_row; i < hunk.end_row; ++i) AppendRow(rows[i], style, &out);
  }
  return out;
}

}  // namespace
}  // namespace diff

std::string RenderDiff(const WordDiff& diff, const RenderOptions& options) {
  switch (options.format) {
    case DiffFormat::kJson: return diff::RenderJson(diff);
    case DiffFormat::kColor: return diff::RenderHunks(diff, options.context_blocks, diff::kColorStyle);
    case DiffFormat::kPlain: break;
  }
  return diff::RenderHunks(diff, options.context_blocks, diff::kPlainStyle);
}

}  // namespace redline
