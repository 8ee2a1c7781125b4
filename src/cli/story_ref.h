#ifndef REDLINE_CLI_STORY_REF_H_
#define REDLINE_CLI_STORY_REF_H_

#include <string>

#include "redline/status.h"

// Returns an Outcome holding `expr`'s Status from the enclosing runner when it is not ok.
#define REDLINE_RETURN_OUTCOME_IF_ERROR(expr)          \
  do {                                                 \
    ::redline::Status redline_status_ = (expr);        \
    if (!redline_status_.ok()) return {redline_status_}; \
  } while (0)

namespace redline::cli {

// STORY[@REV] as given on the command line; revision is "latest" when absent.
struct StoryRef {
  std::string story;
  std::string revision;
};

// Splits at the first '@' and validates the story id.
Result<StoryRef> ParseStoryRef(const std::string& text);

}  // namespace redline::cli

#endif  // REDLINE_CLI_STORY_REF_H_
