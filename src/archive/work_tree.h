// Staging files in the index and mirroring them in the work tree, so that plain
// `git status` in an archive stays clean without rehashing anything.
#ifndef REDLINE_ARCHIVE_WORK_TREE_H_
#define REDLINE_ARCHIVE_WORK_TREE_H_

#include <git2.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "redline/status.h"

namespace redline {

// Stores `content` as a blob and stages it at `path` (a regular, non-executable file).
// Touches neither the index file nor the work tree.
Status StageFile(git_index* index, const std::string& path, std::string_view content);

// As StageFile, with the blob stored straight into a batch's in-memory backend
// (memory_odb.h): the same blob and index entry, without libgit2's slower write path.
Status StageFileInMemory(git_index* index, git_odb_backend* memory, const std::string& path, std::string_view content);

// Unstages `path` if it is staged.
Status UnstageFile(git_index* index, const std::string& path);

// Writes `content` to <root>/<path>, creating folders, and copies the file's stat data into
// its index entry so git sees it unchanged. When `mtime` (seconds since the epoch) is not
// in the future it becomes the file's modification time: a file older than the index is not
// "racily clean", so neither libgit2's next index write nor git status rehashes it.
// REQUIRES: `path` is staged with exactly `content`.
Status CheckOutFile(const std::string& root, git_index* index, const std::string& path,
                    std::string_view content, std::int64_t mtime);

// Writes `index` to its file, waiting out another process's index.lock (plain git) with
// backoff and removing it once stale (write_lock.h); gives up after about 15 seconds.
Status WriteIndexFile(git_repository* repo, git_index* index);

// Removes <root>/<path> if it exists.
Status RemoveWorkTreeFile(const std::string& root, const std::string& path);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_WORK_TREE_H_
