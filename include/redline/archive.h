// The archive: an ordinary git repository (branch main) written in process with libgit2.
// Knows stories, revisions and their text; nothing of HTML or diffs.
//
// Layout (documented in README): stories/<fan>/<story>/article.txt holds the canonical text
// and stories/<fan>/<story>/raw.html or raw.txt the recorded input, where <fan> is the
// first two hex digits of the SHA-1 of the story id. Each revision is one commit on main;
// refs/redline/stories/<story> points at the story's latest commit and every commit names
// the story's previous commit in a trailer, so one story's history is read without walking
// other stories' commits.
#ifndef REDLINE_ARCHIVE_H_
#define REDLINE_ARCHIVE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "redline/status.h"

namespace redline {

// A point in time with the UTC offset it was given in.
struct Timestamp {
  std::int64_t seconds = 0;  // since the Unix epoch
  int offset_minutes = 0;
};

// Parses ISO-8601 times: 2022-09-01, 2022-09-01T10:00, 2022-09-01T10:00:00Z, ...+02:00.
Result<Timestamp> ParseTime(std::string_view text);
std::string FormatTime(const Timestamp& time);  // 2022-09-01T10:00:00Z / ...+02:00

struct NewRevision {
  std::string story;
  std::string text;          // canonical text
  std::string raw;           // the input bytes as given
  std::string raw_extension; // "html" or "txt"
  std::string headline;      // commit subject
  std::string source_url;    // may be empty
  Timestamp captured_at;
  std::size_t added_words = 0;
  std::size_t removed_words = 0;
  std::size_t total_words = 0;
};

struct Revision {
  std::string story;
  int number = 0;  // 1-based
  std::string commit;  // full hex id
  Timestamp time;
  std::string headline;
  std::string source_url;
  std::size_t added_words = 0;
  std::size_t removed_words = 0;
  std::size_t total_words = 0;
  std::string previous_commit;  // empty for revision 1
};

struct StorySummary {
  std::string story;
  int revisions = 0;
  Timestamp last_change;
  std::string headline;
};

class Archive {
 public:
  // Creates an archive in `dir` (created if missing). Refuses a directory that already
  // holds a git repository. Makes the first commit (a README describing the layout).
  static Result<Archive> Init(const std::string& dir);
  // Opens the archive whose work tree is `dir`. Archive error if it is not one.
  static Result<Archive> Open(const std::string& dir);
  // Finds the nearest archive at or above `start_dir`.
  static Result<std::string> Discover(const std::string& start_dir);

  Archive(Archive&&) noexcept;
  Archive& operator=(Archive&&) noexcept;
  ~Archive();

  const std::string& path() const;

  // The latest revision of `story`, or nullopt if the story has none.
  Result<std::optional<Revision>> Latest(const std::string& story);
  // Records one revision as a commit on main. The caller has checked that the text changed.
  Result<Revision> Record(const NewRevision& revision);
  // All revisions of `story`, oldest first. NotFound if the story does not exist.
  Result<std::vector<Revision>> Log(const std::string& story);
  Result<std::vector<StorySummary>> Stories();
  // REV: N, latest, ~K, a commit id prefix (7+ hex), or an ISO-8601 time.
  Result<Revision> Resolve(const std::string& story, const std::string& spec);
  Result<std::string> ReadText(const Revision& revision);
  Result<std::string> ReadRaw(const Revision& revision);

 private:
  struct Impl;
  explicit Archive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Story ids' fan-out folder and paths inside the archive.
std::string StoryDirectory(std::string_view story);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_H_
