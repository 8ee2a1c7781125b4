#include "report/timeline.h"

#include <algorithm>
#include <cstdio>

#include "report/safe_link.h"

namespace redline::report {
namespace {

constexpr double kWidth = 640, kHeight = 180;
constexpr double kLeft = 48, kRight = 16, kTop = 16, kBottom = 32;

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f", value);
  return buffer;
}

}  // namespace

std::string TimelineSvg(const StoryReport& story) {
  const auto& revisions = story.revisions;
  std::string svg =
      "<svg class=\"timeline\" viewBox=\"0 0 640 180\" role=\"img\" "
      "aria-label=\"Timeline: words changed per revision over time\">";
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  const double base_y = kTop + plot_h;
  svg += "<line class=\"tl-axis\" x1=\"" + Number(kLeft) + "\" y1=\"" + Number(base_y) + "\" x2=\"" +
         Number(kWidth - kRight) + "\" y2=\"" + Number(base_y) + "\"/>";
  svg += "<line class=\"tl-axis\" x1=\"" + Number(kLeft) + "\" y1=\"" + Number(kTop) + "\" x2=\"" + Number(kLeft) +
         "\" y2=\"" + Number(base_y) + "\"/>";
  if (revisions.empty()) return svg + "</svg>";

  const std::int64_t t0 = revisions.front().revision.time.seconds;
  const std::int64_t t1 = revisions.back().revision.time.seconds;
  std::size_t most = 1;
  for (const ReportRevision& r : revisions) most = std::max(most, r.words_changed());
  auto x_of = [&](std::int64_t t) {
    if (t1 <= t0) return kLeft + plot_w / 2;
    return kLeft + plot_w * static_cast<double>(t - t0) / static_cast<double>(t1 - t0);
  };
  auto y_of = [&](std::size_t words) { return base_y - plot_h * static_cast<double>(words) / static_cast<double>(most); };

  svg += "<text class=\"tl-label\" x=\"" + Number(kLeft - 6) + "\" y=\"" + Number(kTop + 4) +
         "\" text-anchor=\"end\">" + std::to_string(most) + "</text>";
  svg += "<text class=\"tl-label\" x=\"" + Number(kLeft - 6) + "\" y=\"" + Number(base_y) +
         "\" text-anchor=\"end\">0</text>";
  svg += "<text class=\"tl-label\" x=\"" + Number(kLeft) + "\" y=\"" + Number(kHeight - 8) + "\">" +
         EscapeHtml(FormatTime(revisions.front().revision.time)) + "</text>";
  if (t1 > t0) {
    svg += "<text class=\"tl-label\" x=\"" + Number(kWidth - kRight) + "\" y=\"" + Number(kHeight - 8) +
           "\" text-anchor=\"end\">" + EscapeHtml(FormatTime(revisions.back().revision.time)) + "</text>";
  }
  // Many revisions: thin the marks so the chart stays a chart (and the page small).
  const bool dense = revisions.size() > 200;
  std::string path;
  for (const ReportRevision& r : revisions) {
    const double x = x_of(r.revision.time.seconds), y = y_of(r.words_changed());
    path += (path.empty() ? "M" : " L") + Number(x) + " " + Number(y);
  }
  svg += "<path class=\"tl-line\" d=\"" + path + "\"/>";
  for (const ReportRevision& r : revisions) {
    if (dense && !r.headline_changed) continue;
    const double x = x_of(r.revision.time.seconds), y = y_of(r.words_changed());
    const std::string title = "<title>Revision " + std::to_string(r.revision.number) + ", " +
                              EscapeHtml(FormatTime(r.revision.time)) + ": +" +
                              std::to_string(r.revision.added_words) + " \xE2\x88\x92" +
                              std::to_string(r.revision.removed_words) + " words" +
                              (r.headline_changed ? ", headline changed" : "") + "</title>";
    svg += "<a href=\"#" + EscapeHtml(story.story) + "-rev-" + std::to_string(r.revision.number) + "\">";
    if (r.headline_changed) {
      svg += "<path class=\"tl-headline\" d=\"M" + Number(x) + " " + Number(y - 7) + " L" + Number(x + 7) + " " +
             Number(y) + " L" + Number(x) + " " + Number(y + 7) + " L" + Number(x - 7) + " " + Number(y) + " Z\">" +
             title + "</path>";
    } else {
      svg += "<circle class=\"tl-dot\" cx=\"" + Number(x) + "\" cy=\"" + Number(y) + "\" r=\"4.5\">" + title + "</circle>";
    }
    svg += "</a>";
  }
  return svg + "</svg>";
}

}  // namespace redline::report
