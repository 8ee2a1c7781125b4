// Lines that only say when: video durations, relative and absolute times, publication
// labels, and bylines followed by a date.
#ifndef REDLINE_NORMALIZE_DATE_LINES_H_
#define REDLINE_NORMALIZE_DATE_LINES_H_

#include <string_view>

namespace redline::normalize {

// A video duration alone: "03:47", "1:02:03".
bool IsDuration(std::string_view text);
// Dates and times alone or with their labels: "5 minutes ago", "Published: 8:00pm, 1 Sep,
// 2022", "Updated 2 hours ago", "5 min read".
bool IsDateTimeLine(std::string_view text);
// A byline with the date and time after it: "By HNN Staff | November 18, 2019 at 2:26 PM".
bool IsBylineLine(std::string_view text);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_DATE_LINES_H_
