// Internal: the inline SVG timeline of one story (time against words changed).
#ifndef REDLINE_REPORT_TIMELINE_H_
#define REDLINE_REPORT_TIMELINE_H_

#include <string>

#include "report/report.h"

namespace redline::report {

// An <svg> element (no scripts, no outside references): one bar and dot per revision,
// headline changes drawn as diamonds; each mark has a <title> for readers and tooltips.
// Colors come from the page's CSS (classes tl-*), so dark mode and print apply.
std::string TimelineSvg(const StoryReport& story);

}  // namespace redline::report

#endif  // REDLINE_REPORT_TIMELINE_H_
