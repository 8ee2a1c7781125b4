// The Markdown report, for pasting into issues and newsletters: page text escaped so it
// cannot open emphasis, links or raw HTML; links only to http(s) sources.
#include <string>

#include "report/report.h"
#include "report/safe_link.h"
#include "report/summary_lines.h"

namespace redline::report {
namespace {

// Backslash-escapes every character that could start Markdown syntax or raw HTML, and
// flattens line breaks (every use here is inline).
std::string EscapeMarkdownText(std::string_view text) {
  const std::string safe = TerminalSafe(text);
  std::string out;
  out.reserve(safe.size() + 8);
  for (const char c : safe) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '~': case '|':
      case '&': case '#': case '!': case '(': case ')':
        out.push_back('\\');
        out.push_back(c);
        break;
      case '\n':
        out.push_back(' ');
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string SourceLine(const std::string& url) {
  if (url.empty()) return "";
  if (IsWebLink(url)) return "- Source: <" + url + ">\n";  // IsWebLink excludes < > and spaces
  return "- Source (not a web link): " + EscapeMarkdownText(url) + "\n";
}

void AppendRevision(const ReportRevision& r, std::string* out) {
  const Revision& rev = r.revision;
  *out += "### Revision " + std::to_string(rev.number) + " \xC2\xB7 " + FormatTime(rev.time) +
          (r.headline_changed ? " \xC2\xB7 headline changed" : "") + "\n\n";
  *out += "- Headline: " + EscapeMarkdownText(rev.headline) + "\n";
  *out += "- " + std::to_string(rev.total_words) + " words in all\n";
  *out += SourceLine(rev.source_url);
  for (const std::string& line : SummaryLines(r)) *out += "- " + EscapeMarkdownText(line) + "\n";
  if (!r.first && r.diff.has_changes) {  // starts with the summary list: same list as above
    RenderOptions options;
    options.format = DiffFormat::kMarkdown;
    options.context_blocks = 1;
    std::string diff = RenderDiff(r.diff, options);  // escaped by the diff renderer
    while (!diff.empty() && diff.back() == '\n') diff.pop_back();
    *out += diff + "\n\n";
  } else {
    *out += "\n";
  }
}

void AppendStory(const StoryReport& story, std::string* out) {
  *out += "## " + EscapeMarkdownText(story.headline) + "\n\n";
  *out += "Story `" + story.story + "` \xC2\xB7 " + std::to_string(story.revisions.size()) + " of " +
          std::to_string(story.revisions_in_archive) + " revisions shown \xC2\xB7 " +
          WordCounts(story.added_words(), story.removed_words()) + "\n\n";
  if (story.revisions.empty()) {
    *out += "No revisions in this window.\n\n";
    return;
  }
  *out += "**Headline history**\n\n";
  for (const ReportRevision* r : HeadlineHistory(story)) {
    *out += "1. " + EscapeMarkdownText(r->revision.headline) + " (revision " + std::to_string(r->revision.number) +
            ", " + FormatTime(r->revision.time) + ")\n";
  }
  *out += "\n";
  for (const ReportRevision& r : story.revisions) AppendRevision(r, out);
}

}  // namespace

std::string RenderMarkdown(const Report& report) {
  std::string out = report.digest ? "# Change digest\n\n" : "# Change report\n\n";
  if (report.since || report.until) {
    out += "Window:";
    if (report.since) out += " from " + FormatTime(*report.since);
    if (report.until) out += " until " + FormatTime(*report.until);
    out += "\n\n";
  }
  if (report.stories.empty()) out += "No story changed in this window.\n";
  for (const StoryReport& s : report.stories) AppendStory(s, &out);
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace redline::report
