// The HTML report: one self-contained page. Inline CSS only, no scripts (the CSP meta
// forbids them and any outside fetch), every piece of page text escaped, links only to
// http(s) sources.
#include <string>

#include "report/html_style.h"
#include "report/report.h"
#include "report/safe_link.h"
#include "report/summary_lines.h"
#include "report/timeline.h"

namespace redline::report {
namespace {

constexpr const char kCsp[] =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'; "
    "object-src 'none'; base-uri 'none'; form-action 'none'";

std::string Anchor(const std::string& story) { return "story-" + EscapeHtml(story); }

std::string RevisionAnchor(const std::string& story, int number) {
  return EscapeHtml(story) + "-rev-" + std::to_string(number);
}

std::string WindowText(const Report& report) {
  if (!report.since && !report.until) return "All revisions";
  std::string text = "Revisions";
  if (report.since) text += " from " + FormatTime(*report.since);
  if (report.until) text += " until " + FormatTime(*report.until);
  return text;
}

std::string SourceLink(const std::string& url) {
  if (url.empty()) return "";
  if (IsWebLink(url)) {
    return "<p>Source: <a class=\"source\" rel=\"noopener noreferrer nofollow\" href=\"" + EscapeHtml(url) + "\">" +
           EscapeHtml(url) + "</a></p>";
  }
  return "<p>Source (not a web link): <span class=\"source\">" + EscapeHtml(url) + "</span></p>";
}

void AppendRevision(const StoryReport& story, const ReportRevision& r, std::string* out) {
  const Revision& rev = r.revision;
  *out += "<article class=\"revision\" id=\"" + RevisionAnchor(story.story, rev.number) + "\">";
  *out += "<div class=\"rev-head\"><h4>Revision " + std::to_string(rev.number) + " \xC2\xB7 <time datetime=\"" +
          EscapeHtml(FormatTime(rev.time)) + "\">" + EscapeHtml(FormatTime(rev.time)) + "</time>";
  if (r.headline_changed) *out += "<span class=\"badge\">headline changed</span>";
  *out += "</h4><p>" + EscapeHtml(WordCounts(rev.added_words, rev.removed_words)) + " \xC2\xB7 " +
          std::to_string(rev.total_words) + " words in all \xC2\xB7 <q>" + EscapeHtml(rev.headline) + "</q></p>";
  *out += SourceLink(rev.source_url) + "</div>";
  const std::vector<std::string> notes = SummaryLines(r);
  if (!notes.empty()) {
    *out += "<ul class=\"summary\">";
    for (const std::string& line : notes) *out += "<li>" + EscapeHtml(line) + "</li>";
    *out += "</ul>";
  }
  if (!r.first && r.diff.has_changes) {
    RenderOptions options;
    options.format = DiffFormat::kHtml;
    options.context_blocks = 1;
    *out += RenderDiff(r.diff, options);  // escaped by the diff renderer
  }
  *out += "</article>";
}

void AppendStory(const StoryReport& story, std::string* out) {
  *out += "<section class=\"story\" id=\"" + Anchor(story.story) + "\">";
  *out += "<h2>" + EscapeHtml(story.headline) + "</h2>";
  *out += "<p class=\"meta\">Story <code>" + EscapeHtml(story.story) + "</code> \xC2\xB7 " +
          std::to_string(story.revisions.size()) + " of " + std::to_string(story.revisions_in_archive) +
          " revisions shown \xC2\xB7 " + EscapeHtml(WordCounts(story.added_words(), story.removed_words())) + "</p>";
  if (story.revisions.empty()) {
    *out += "<p>No revisions in this window.</p></section>";
    return;
  }
  *out += "<h3>Headline history</h3><ol class=\"headlines\">";
  for (const ReportRevision* r : HeadlineHistory(story)) {
    *out += "<li><span class=\"when\">Revision " + std::to_string(r->revision.number) + ", " +
            EscapeHtml(FormatTime(r->revision.time)) + "</span>" + EscapeHtml(r->revision.headline) + "</li>";
  }
  *out += "</ol>";
  *out += "<h3>Timeline</h3><figure>" + TimelineSvg(story) +
          "<figcaption>Words changed per revision over time: <span class=\"legend-dot\"></span>revision "
          "<span class=\"legend-diamond\"></span>headline changed</figcaption></figure>";
  *out += "<h3>Revisions</h3>";
  for (const ReportRevision& r : story.revisions) AppendRevision(story, r, out);
  *out += "</section>";
}

}  // namespace

std::string RenderHtml(const Report& report) {
  std::string out;
  out.reserve(1 << 16);
  const std::string title = report.stories.size() == 1 && !report.digest
                                ? "Changes: " + report.stories.front().headline
                                : "redline change report";
  out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"";
  out += kCsp;
  out += "\"><meta name=\"referrer\" content=\"no-referrer\">";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  out += "<meta name=\"color-scheme\" content=\"light dark\">";
  out += "<title>" + EscapeHtml(title) + "</title><style>";
  out += kReportCss;
  out += "</style></head>\n<body><main><header class=\"report\"><h1>" +
         EscapeHtml(report.digest ? "Change digest" : "Change report") + "</h1><p class=\"window\">" +
         EscapeHtml(WindowText(report)) + " \xC2\xB7 " + std::to_string(report.stories.size()) +
         (report.stories.size() == 1 ? " story" : " stories") + "</p></header>";
  if (report.stories.size() > 1) {
    out += "<nav class=\"contents\"><ol>";
    for (const StoryReport& s : report.stories) {
      out += "<li><a href=\"#" + Anchor(s.story) + "\">" + EscapeHtml(s.headline) + "</a> " +
             EscapeHtml(WordCounts(s.added_words(), s.removed_words())) +
             (s.headline_changed() ? " \xC2\xB7 headline changed" : "") + "</li>";
    }
    out += "</ol></nav>";
  }
  if (report.stories.empty()) out += "<p>No story changed in this window.</p>";
  for (const StoryReport& s : report.stories) AppendStory(s, &out);
  out += "</main></body></html>\n";
  return out;
}

}  // namespace redline::report
