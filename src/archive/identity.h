// Who writes archive commits: "redline <redline@localhost>", unless the environment says
// otherwise (REDLINE_AUTHOR_NAME, REDLINE_AUTHOR_EMAIL).
#ifndef REDLINE_ARCHIVE_IDENTITY_H_
#define REDLINE_ARCHIVE_IDENTITY_H_

#include <cstdint>

#include "archive/git_handles.h"
#include "redline/status.h"

namespace redline {

// A signature at `seconds` since the epoch, shown at `offset_minutes` from UTC.
Result<git::SignaturePtr> RedlineSignature(std::int64_t seconds, int offset_minutes);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_IDENTITY_H_
