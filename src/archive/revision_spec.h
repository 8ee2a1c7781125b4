// Picking one revision out of a story's log by a user's REV spec.
#ifndef REDLINE_ARCHIVE_REVISION_SPEC_H_
#define REDLINE_ARCHIVE_REVISION_SPEC_H_

#include <string_view>
#include <vector>

#include "redline/archive.h"
#include "redline/status.h"

namespace redline {

// `spec` is one of:
//   N          1-based revision number (all digits, 1..count)
//   latest     the newest revision
//   ~K         K revisions before the newest (~0 is latest)
//   <hex>      a commit id prefix of 7..40 hex digits naming one of the story's revisions
//              (an all-digit spec is a number first, a prefix only when out of range)
//   <time>     ISO-8601: the newest revision captured at or before that time
// BadInput for a malformed spec or an ambiguous prefix; NotFound when nothing matches.
// REQUIRES: `log` is the story's log, oldest first, log[i].number == i + 1.
Result<Revision> SelectRevision(std::string_view story, const std::vector<Revision>& log,
                                std::string_view spec);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_REVISION_SPEC_H_
