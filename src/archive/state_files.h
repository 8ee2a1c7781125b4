// Rules for state file paths (see Archive::ReadStateFile).
#ifndef REDLINE_ARCHIVE_STATE_FILES_H_
#define REDLINE_ARCHIVE_STATE_FILES_H_

#include <string_view>

#include "redline/status.h"

namespace redline {

// BadInput unless `path` is relative, made of segments [A-Za-z0-9._-] separated by single
// '/', no segment starting with '.', at most 200 bytes, and not under stories/.
Status ValidateStateFilePath(std::string_view path);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_STATE_FILES_H_
