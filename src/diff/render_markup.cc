// Markdown and HTML: the summary, then the changed blocks with their context blocks.
#include <string>
#include <vector>

#include "diff/hunks.h"
#include "diff/render_formats.h"
#include "diff/rows.h"
#include "diff/safe_text.h"

namespace redline::diff {
namespace {

// How a markup language writes things.
struct Markup {
  std::string (*escape)(std::string_view text, bool line_start);
  const char* open_doc;
  const char* close_doc;
  const char* open_list;
  const char* item_open;
  const char* item_close;
  const char* close_list;
  const char* para_open;
  const char* para_close;
  const char* elided;
  const char* del_open;
  const char* del_close;
  const char* ins_open;
  const char* ins_close;
  const char* note_open;
  const char* note_close;
  const char* break_open;  // a paragraph split or merge note (closed by note_close)
  const char* moved_open;
  const char* moved_close;
  const char* no_changes;
  bool spaces_outside_marks;  // "**a** b", not "**a **b" (Markdown emphasis rules)
};

std::string EscapeMarkdown(std::string_view text, bool line_start) {
  std::string safe;
  AppendSafe(text, &safe);
  std::string out;
  for (std::size_t i = 0; i < safe.size(); ++i) {
    const char c = safe[i];
    const bool at_start = line_start && i == 0;
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '~': case '|':
      case '&':
        out.push_back('\\');
        break;
      case '#': case '-': case '+':
        if (at_start) out.push_back('\\');
        break;
      default:
        if (at_start && c >= '0' && c <= '9') {
          // "1. " would start an ordered list.
          std::size_t k = i;
          while (k < safe.size() && safe[k] >= '0' && safe[k] <= '9') ++k;
          if (k < safe.size() && (safe[k] == '.' || safe[k] == ')')) {
            out.append(safe, i, k - i);
            out.push_back('\\');
            i = k - 1;
            continue;
          }
        }
        break;
    }
    out.push_back(c);
  }
  return out;
}

std::string EscapeHtml(std::string_view text, bool /*line_start*/) {
  std::string safe;
  AppendSafe(text, &safe);
  std::string out;
  for (const char c : safe) {
    switch (c) {
      case '&': out.append("&amp;"); break;
      case '<': out.append("&lt;"); break;
      case '>': out.append("&gt;"); break;
      case '"': out.append("&quot;"); break;
      case '\'': out.append("&#39;"); break;
      default: out.push_back(c); break;
    }
  }
  return out;
}

constexpr Markup kMarkdown{EscapeMarkdown, "", "", "", "- ", "\n", "\n", "", "\n\n", "\xE2\x80\xA6\n\n",
                           "~~", "~~", "**", "**", "*(", ")*", "*(", "", "", "No changes.\n", true};
constexpr Markup kHtml{EscapeHtml,
                       "<div class=\"redline-diff\">\n",
                       "</div>\n",
                       "<ul class=\"redline-summary\">\n",
                       "<li>",
                       "</li>\n",
                       "</ul>\n",
                       "<p>",
                       "</p>\n",
                       "<p class=\"redline-elided\">\xE2\x80\xA6</p>\n",
                       "<del>",
                       "</del>",
                       "<ins>",
                       "</ins>",
                       "<span class=\"redline-move\">",
                       "</span>",
                       "<span class=\"redline-break\">",
                       "<span class=\"redline-moved\">",
                       "</span>",
                       "<p>No changes.</p>\n",
                       false};

std::string Count(std::size_t n) { return std::to_string(n); }

std::string Changes(const std::vector<TextChange>& changes) {
  std::string out;
  for (const TextChange& c : changes) {
    if (!out.empty()) out += "; ";
    if (c.old_text.empty()) {
      out += c.new_text + " (new)";
    } else if (c.new_text.empty()) {
      out += c.old_text + " (removed)";
    } else {
      out += c.old_text + " \xE2\x86\x92 " + c.new_text;
    }
  }
  return out;
}

// The summary as lines of plain text.
std::vector<std::string> SummaryLines(const WordDiff& diff) {
  const ChangeSummary& s = diff.summary;
  std::vector<std::string> lines;
  lines.push_back("Words: +" + Count(s.added_words) + " \xE2\x88\x92" + Count(s.removed_words) +
                  (s.moved_words > 0 ? ", " + Count(s.moved_words) + " moved" : ""));
  if (!diff.sentences.empty()) {
    lines.push_back("Sentences: " + Count(s.sentences_edited) + " edited, " + Count(s.sentences_added) + " added, " +
                    Count(s.sentences_deleted) + " deleted, " + Count(s.sentences_moved) + " moved, " +
                    Count(s.sentences_unchanged) + " unchanged");
  }
  lines.push_back("Blocks: " + Count(s.blocks_edited) + " edited, " + Count(s.blocks_added) + " added, " +
                  Count(s.blocks_deleted) + " deleted, " + Count(s.blocks_moved) + " moved" +
                  (s.blocks_split > 0 ? ", " + Count(s.blocks_split) + " split" : "") +
                  (s.blocks_merged > 0 ? ", " + Count(s.blocks_merged) + " merged" : ""));
  if (s.headline_changed) lines.push_back("Headline changed");
  if (s.byline_changed) lines.push_back("Byline changed");
  if (!s.quotes.empty()) lines.push_back("Quotes changed (" + Count(s.quotes.size()) + "): " + Changes(s.quotes));
  if (!s.numbers.empty()) lines.push_back("Numbers changed (" + Count(s.numbers.size()) + "): " + Changes(s.numbers));
  if (s.minor) lines.push_back("Minor change: punctuation, case or whitespace only");
  if (diff.approximate) lines.push_back("Approximate: a changed stretch was too large for an exact word alignment");
  return lines;
}

void AppendMarked(const Markup& m, const char* open, const char* close, std::string_view text, std::string* out) {
  std::size_t begin = 0, end = text.size();
  if (m.spaces_outside_marks) {
    while (begin < end && text[begin] == ' ') ++begin;
    while (end > begin && text[end - 1] == ' ') --end;
    out->append(text.substr(0, begin));
  }
  if (end > begin) {
    out->append(open);
    out->append(m.escape(text.substr(begin, end - begin), false));
    out->append(close);
  }
  if (m.spaces_outside_marks) out->append(text.substr(end));
}

void AppendSegment(const Markup& m, const WordDiff& diff, const Segment& segment, bool line_start, std::string* out) {
  if (segment.block_change != BlockChange::kNone) {
    out->append(m.break_open);
    out->append(m.escape(BlockChangeNote(segment.block_change), false));
    out->append(m.note_close);
    return;
  }
  if (segment.move >= 0) {
    out->append(m.note_open);
    out->append(m.escape(MoveNote(diff, segment.move, segment.kind), false));
    out->append(m.note_close);
    if (segment.kind == OpKind::kDelete) return;
    out->push_back(' ');
    out->append(m.moved_open);
    for (const DiffOp& op : diff.moves[static_cast<std::size_t>(segment.move)].ops) {
      if (op.kind == OpKind::kEqual || op.ignored) {
        if (op.kind != OpKind::kDelete) out->append(m.escape(op.text, false));
      } else {
        AppendMarked(m, op.kind == OpKind::kDelete ? m.del_open : m.ins_open,
                     op.kind == OpKind::kDelete ? m.del_close : m.ins_close, op.text, out);
      }
    }
    out->append(m.moved_close);
    return;
  }
  if (segment.kind == OpKind::kEqual) {
    out->append(m.escape(segment.text, line_start));
  } else if (segment.kind == OpKind::kDelete) {
    AppendMarked(m, m.del_open, m.del_close, segment.text, out);
  } else {
    AppendMarked(m, m.ins_open, m.ins_close, segment.text, out);
  }
}

std::string Render(const Markup& m, const WordDiff& diff, int context) {
  std::string out = m.open_doc;
  if (!diff.has_changes) {
    out.append(m.no_changes);
    out.append(m.close_doc);
    return out;
  }
  out.append(m.open_list);
  for (const std::string& line : SummaryLines(diff)) {
    out.append(m.item_open);
    out.append(m.escape(line, false));
    out.append(m.item_close);
  }
  out.append(m.close_list);
  const std::vector<Row> rows = BuildRows(diff.ops, /*block_marks=*/true);
  const std::vector<Hunk> hunks = ChooseHunks(rows, context);
  for (std::size_t h = 0; h < hunks.size(); ++h) {
    if (h > 0 || hunks[h].first_row > 0) out.append(m.elided);
    for (std::size_t i = hunks[h].first_row; i < hunks[h].end_row; ++i) {
      bool empty = true;
      for (const Segment& segment : rows[i].segments) {
        empty = empty && segment.text.empty() && segment.move < 0 && segment.block_change == BlockChange::kNone;
      }
      if (empty) continue;
      out.append(m.para_open);
      bool line_start = true;
      const std::vector<Segment>& segments = rows[i].segments;
      for (std::size_t k = 0; k < segments.size(); ++k) {
        // A moved block is a paragraph of its own, even where other text shares its row.
        const bool block_move = segments[k].move >= 0 &&
                                diff.moves[static_cast<std::size_t>(segments[k].move)].level == MoveLevel::kBlock;
        if (block_move && !line_start) {
          out.append(m.para_close);
          out.append(m.para_open);
        }
        AppendSegment(m, diff, segments[k], line_start, &out);
        line_start = false;
        if (block_move && k + 1 < segments.size()) {
          out.append(m.para_close);
          out.append(m.para_open);
          line_start = true;
        }
      }
      out.append(m.para_close);
    }
  }
  if (!hunks.empty() && hunks.back().end_row < rows.size()) out.append(m.elided);
  out.append(m.close_doc);
  return out;
}

}  // namespace

std::string RenderMarkdown(const WordDiff& diff, const RenderOptions& options) {
  std::string out = Render(kMarkdown, diff, options.context_blocks);
  // One blank line between blocks is enough; no trailing blank line.
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

std::string RenderHtml(const WordDiff& diff, const RenderOptions& options) {
  return Render(kHtml, diff, options.context_blocks);
}

}  // namespace redline::diff
