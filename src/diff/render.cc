// RenderDiff: picks the renderer; plain and color hunks live here.
#include "diff/hunks.h"
#include "diff/render_formats.h"
#include "diff/rows.h"
#include "diff/safe_text.h"
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
  const char* moved_out_open;  // the note at the old place
  const char* moved_in_open;   // the note at the new place
  const char* moved_close;
  const char* moved_text_open;  // unchanged words of moved text
  const char* moved_text_close;
  bool show_empty_markers;  // a colored empty span would be invisible
};

constexpr Style kPlainStyle{"[-", "-]", "{+", "+}", "", "", "", "", "", "", "", true};
constexpr Style kColorStyle{"\x1b[31m", "\x1b[m", "\x1b[32m", "\x1b[m", "\x1b[36m", "\x1b[m", "\x1b[1;35m",
                            "\x1b[1;36m", "\x1b[m", "\x1b[36m", "\x1b[m", false};

void AppendSpan(const char* open, std::string_view text, const char* close, std::string* out) {
  out->append(open);
  AppendSafe(text, out);
  out->append(close);
}

void AppendMove(const WordDiff& diff, const Segment& segment, const Style& style, std::string* out) {
  const bool arrived = segment.kind == OpKind::kInsert;
  out->append(arrived ? style.moved_in_open : style.moved_out_open);
  out->append("{>>" + MoveNote(diff, segment.move, segment.kind) + "<<}");
  out->append(style.moved_close);
  if (!arrived) return;
  for (const DiffOp& op : diff.moves[static_cast<std::size_t>(segment.move)].ops) {
    if (op.kind == OpKind::kEqual || op.ignored) {
      if (op.kind != OpKind::kDelete) AppendSpan(style.moved_text_open, op.text, style.moved_text_close, out);
    } else if (op.kind == OpKind::kDelete) {
      AppendSpan(style.delete_open, op.text, style.delete_close, out);
    } else {
      AppendSpan(style.insert_open, op.text, style.insert_close, out);
    }
  }
}

bool IsBlockMove(const WordDiff& diff, const Segment& segment) {
  return segment.move >= 0 && diff.moves[static_cast<std::size_t>(segment.move)].level == MoveLevel::kBlock;
}

void AppendRow(const WordDiff& diff, const Row& row, const Style& style, std::string* out) {
  const std::size_t row_start = out->size();
  for (std::size_t k = 0; k < row.segments.size(); ++k) {
    const Segment& segment = row.segments[k];
    if (segment.kind == OpKind::kEqual) {
      AppendSafe(segment.text, out);
      continue;
    }
    if (segment.block_change != BlockChange::kNone) {
      out->append(style.moved_in_open);
      out->append("{>>" + BlockChangeNote(segment.block_change) + "<<}");
      out->append(style.moved_close);
      continue;
    }
    if (segment.move >= 0) {
      // A moved block gets a line of its own, even where other text shares its row.
      const bool own_line = IsBlockMove(diff, segment);
      if (own_line && out->size() > row_start) out->push_back('\n');
      AppendMove(diff, segment, style, out);
      if (own_line && k + 1 < row.segments.size()) out->push_back('\n');
      continue;
    }
    if (segment.text.empty() && !style.show_empty_markers) continue;
    const bool deleted = segment.kind == OpKind::kDelete;
    // Spans never hold '\n': rows end at each line break.
    AppendSpan(deleted ? style.delete_open : style.insert_open, segment.text,
               deleted ? style.delete_close : style.insert_close, out);
  }
  out->push_back('\n');
}

}  // namespace

std::string MoveNote(const WordDiff& diff, int move, OpKind kind) {
  const Move& m = diff.moves[static_cast<std::size_t>(move)];
  return kind == OpKind::kDelete ? "moved to \xC2\xB6" + std::to_string(m.to_block + 1)
                                 : "moved from \xC2\xB6" + std::to_string(m.from_block + 1);
}

std::string BlockChangeNote(BlockChange change) {
  return change == BlockChange::kSplit ? "\xC2\xB6 split" : "\xC2\xB6 merged";
}

std::string RenderHunks(const WordDiff& diff, int context, bool color) {
  if (!diff.has_changes) return {};
  const Style& style = color ? kColorStyle : kPlainStyle;
  const std::vector<Row> rows = BuildRows(diff.ops, /*block_marks=*/true);
  std::string out;
  for (const Hunk& hunk : ChooseHunks(rows, context)) {
    out.append(style.header_open);
    out.append(HunkHeader(hunk));
    out.append(style.header_close);
    out.push_back('\n');
    for (std::size_t i = hunk.first_row; i < hunk.end_row; ++i) AppendRow(diff, rows[i], style, &out);
  }
  return out;
}

}  // namespace diff

const char* DiffFormatName(DiffFormat format) {
  switch (format) {
    case DiffFormat::kColor: return "color";
    case DiffFormat::kJson: return "json";
    case DiffFormat::kPorcelain: return "porcelain";
    case DiffFormat::kUnified: return "unified";
    case DiffFormat::kSideBySide: return "side-by-side";
    case DiffFormat::kMarkdown: return "markdown";
    case DiffFormat::kHtml: return "html";
    case DiffFormat::kPlain: break;
  }
  return "plain";
}

bool ParseDiffFormat(std::string_view name, DiffFormat* format) {
  for (const DiffFormat f : {DiffFormat::kColor, DiffFormat::kPlain, DiffFormat::kJson, DiffFormat::kPorcelain,
                             DiffFormat::kUnified, DiffFormat::kSideBySide, DiffFormat::kMarkdown, DiffFormat::kHtml}) {
    if (name == DiffFormatName(f)) {
      *format = f;
      return true;
    }
  }
  return false;
}

std::string RenderDiff(const WordDiff& diff, const RenderOptions& options) {
  switch (options.format) {
    case DiffFormat::kJson: return diff::RenderJson(diff);
    case DiffFormat::kColor: return diff::RenderHunks(diff, options.context_blocks, true);
    case DiffFormat::kPorcelain: return diff::RenderPorcelain(diff, options.context_blocks);
    case DiffFormat::kUnified: return diff::RenderUnified(diff, options);
    case DiffFormat::kSideBySide: return diff::RenderSideBySide(diff, options);
    case DiffFormat::kMarkdown: return diff::RenderMarkdown(diff, options);
    case DiffFormat::kHtml: return diff::RenderHtml(diff, options);
    case DiffFormat::kPlain: break;
  }
  return diff::RenderHunks(diff, options.context_blocks, false);
}

}  // namespace redline
