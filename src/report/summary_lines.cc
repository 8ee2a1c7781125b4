#include "report/summary_lines.h"

namespace redline::report {

std::string WordCounts(std::size_t added, std::size_t removed) {
  return "+" + std::to_string(added) + " \xE2\x88\x92" + std::to_string(removed) + " words";
}

std::vector<std::string> SummaryLines(const ReportRevision& r) {
  std::vector<std::string> lines;
  if (r.first) {
    lines.push_back("First recorded revision: " + std::to_string(r.revision.total_words) + " words");
    return lines;
  }
  if (r.headline_changed && !r.diff.summary.headline_changed) lines.push_back("Headline (commit subject) changed");
  if (r.revision.returns_to > 0) {
    lines.push_back("Text returns to revision " + std::to_string(r.revision.returns_to));
  }
  if (!r.diff.has_changes) lines.push_back("No text changes");
  return lines;
}

std::vector<const ReportRevision*> HeadlineHistory(const StoryReport& story) {
  std::vector<const ReportRevision*> out;
  for (const ReportRevision& r : story.revisions) {
    if (out.empty() || r.headline_changed) out.push_back(&r);
  }
  return out;
}

}  // namespace redline::report
