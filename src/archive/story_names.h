// Where a story lives inside the archive: its files in main's tree.
#ifndef REDLINE_ARCHIVE_STORY_NAMES_H_
#define REDLINE_ARCHIVE_STORY_NAMES_H_

#include <string>
#include <string_view>

#include "redline/status.h"

namespace redline {

inline constexpr std::string_view kMainRef = "refs/heads/main";
// Format 1 kept one ref per story here; format 2 keeps none (the revision index knows each
// story's latest revision), and `redline upgrade` removes them.
inline constexpr std::string_view kLegacyStoryRefPrefix = "refs/redline/stories/";
inline constexpr std::string_view kArticleFile = "article.txt";

// ValidateStoryId plus git's ref-name rules, which refuse a few ids the contract's pattern
// allows ("a..b", "x.lock", "x."): format 1 archives named a ref after every story, and an
// id must mean the same in every archive. BadInput for either.
Status ValidateArchiveStoryId(std::string_view story);

// Format 2: stories/<h1>/<h2>/<h3>/<h4>/<story>, where h1..h4 are the first four hex digits
// of the git blob id of the story id. Sixteen-way folders keep every tree a recording
// rewrites small (at most 16 entries down to the story's folder, whatever the number of
// stories), so the cost of a revision does not grow with the archive.
std::string StoryDirectory(std::string_view story);
// Format 1: stories/<first two hex digits>/<story>. Revisions recorded before an upgrade
// keep their files there.
std::string LegacyStoryDirectory(std::string_view story);

// <directory>/<file>.
std::string StoryFilePath(std::string_view story, std::string_view file);
std::string LegacyStoryFilePath(std::string_view story, std::string_view file);

// "raw.html" or "raw.txt".
std::string RawFileName(std::string_view extension);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_STORY_NAMES_H_
