#include "cli/story_ref.h"

#include "redline/document.h"

namespace redline::cli {

Result<StoryRef> ParseStoryRef(const std::string& text) {
  StoryRef ref;
  const auto at = text.find('@');
  ref.story = text.substr(0, at);
  ref.revision = at == std::string::npos ? "latest" : text.substr(at + 1);
  REDLINE_RETURN_IF_ERROR(ValidateStoryId(ref.story));
  if (ref.revision.empty()) return Status::BadInput("missing revision after '@' in '" + text + "'");
  return ref;
}

}  // namespace redline::cli
