// Internal: a revision's change summary as short plain-text lines, shared by the HTML and
// Markdown renderers (each escapes them for its format).
#ifndef REDLINE_REPORT_SUMMARY_LINES_H_
#define REDLINE_REPORT_SUMMARY_LINES_H_

#include <string>
#include <vector>

#include "report/report.h"

namespace redline::report {

// What the diff renderer's own summary list (words, sentences, blocks, headline, quotes,
// numbers, minor) cannot say: first revision, return to an earlier text, no changes.
std::vector<std::string> SummaryLines(const ReportRevision& revision);

// Revisions that start a headline: the first shown and every headline change.
std::vector<const ReportRevision*> HeadlineHistory(const StoryReport& story);

// "+A −R words" style counts.
std::string WordCounts(std::size_t added, std::size_t removed);

}  // namespace redline::report

#endif  // REDLINE_REPORT_SUMMARY_LINES_H_
