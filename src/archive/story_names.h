// Where a story lives inside the archive: its ref and its files.
#ifndef REDLINE_ARCHIVE_STORY_NAMES_H_
#define REDLINE_ARCHIVE_STORY_NAMES_H_

#include <string>
#include <string_view>

#include "redline/status.h"

namespace redline {

inline constexpr std::string_view kMainRef = "refs/heads/main";
inline constexpr std::string_view kStoryRefPrefix = "refs/redline/stories/";
inline constexpr std::string_view kArticleFile = "article.txt";

// ValidateStoryId plus git's ref-name rules, which refuse a few ids the contract's pattern
// allows ("a..b", "x.lock", "x."). BadInput for either.
Status ValidateArchiveStoryId(std::string_view story);

// refs/redline/stories/<story>. REQUIRES: a valid story id.
std::string StoryRefName(std::string_view story);

// stories/<fan>/<story>/<file>.
std::string StoryFilePath(std::string_view story, std::string_view file);

// "raw.html" or "raw.txt".
std::string RawFileName(std::string_view extension);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_STORY_NAMES_H_
