// The archive: an ordinary, non-bare git repository (branch main) written in process with
// libgit2. Knows stories, revisions and their text; nothing of HTML or diffs.
//
// Layout (also explained by the README.md of every archive):
//   stories/<fan>/<story>/article.txt   canonical text
//   stories/<fan>/<story>/raw.html      the recorded input (raw.txt for text input; only the
//                                       one matching the latest revision is kept)
// where <fan> is the first two hex digits of the git blob id of the story id, i.e.
// `printf %s STORY | git hash-object --stdin | cut -c1-2`. Each revision is one commit on
// main whose subject is the headline and whose trailers (Redline-Story, -Revision,
// -Previous, -Source, -Captured, -Words, -Total-Words) describe it.
// refs/redline/stories/<story> points at the story's latest commit and every commit names
// the story's previous commit in Redline-Previous, so one story's history is read without
// walking other stories' commits. The repository config key redline.archiveversion = 1
// marks a repository as an archive.
//
// Errors: BadInput for a malformed story id, revision spec or time; NotFound for a story or
// revision that does not exist; Archive for a missing or damaged archive and libgit2
// failures (with libgit2's message). REQUIRES: git_libgit2_init() has been called.
#ifndef REDLINE_ARCHIVE_H_
#define REDLINE_ARCHIVE_H_

#include <cstdint>
#include <functional>
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

// Parses ISO-8601 dates and times: a date alone (midnight UTC), or date, 'T' or ' ', HH:MM,
// optional :SS with an optional fraction (dropped), and an optional zone 'Z', +HH:MM or
// +HHMM (or '-'); a time without a zone is UTC. Strict: invalid dates, hours or offsets,
// and anything else, are BadInput.
Result<Timestamp> ParseTime(std::string_view text);
// 2022-09-01T10:00:00Z for offset 0, else 2022-09-01T12:00:00+02:00.
std::string FormatTime(const Timestamp& time);

struct NewRevision {
  std::string story;
  std::string text;          // canonical text
  std::string raw;           // the input bytes as given
  std::string raw_extension; // "html" or "txt"
  std::string headline;      // commit subject (flattened to one line; "(no headline)" if empty)
  std::string source_url;    // may be empty
  Timestamp captured_at;     // commit author and committer time, in its offset; >= 1970
  std::size_t added_words = 0;
  std::size_t removed_words = 0;
  std::size_t total_words = 0;
  // Pages fetched from the web (Redline-HTTP-Status, -Content-Type, -Fetched); 0, empty
  // and nullopt for other input.
  int http_status = 0;
  std::string content_type;
  std::optional<Timestamp> fetched_at;
  // The earlier revision whose text this one has again (Redline-Returns-To), or 0.
  int returns_to = 0;
};

struct Revision {
  std::string story;
  int number = 0;  // 1-based
  std::string commit;  // full hex id
  Timestamp time;
  std::string headline;  // the commit subject
  std::string source_url;
  std::size_t added_words = 0;
  std::size_t removed_words = 0;
  std::size_t total_words = 0;
  std::string previous_commit;  // empty for revision 1
  int http_status = 0;          // as in NewRevision
  std::string content_type;
  std::optional<Timestamp> fetched_at;
  int returns_to = 0;
};

struct StorySummary {
  std::string story;
  int revisions = 0;
  Timestamp last_change;
  std::string headline;
};

class Archive {
 public:
  // Creates an archive in `dir` (created if missing): repository, config marker and a
  // first commit "Initialize redline archive" with README.md and .gitattributes, checked out
  // so `git status` is clean. Refuses a directory that already holds a git repository.
  static Result<Archive> Init(const std::string& dir);
  // Opens the archive whose work tree is `dir`; "not a redline archive: DIR (run 'redline
  // init')" otherwise. Opens the repository and its index once for the object's lifetime.
  static Result<Archive> Open(const std::string& dir);
  // The nearest archive at or above `start_dir` (its work tree path).
  static Result<std::string> Discover(const std::string& start_dir);

  Archive(Archive&&) noexcept;
  Archive& operator=(Archive&&) noexcept;
  ~Archive();

  const std::string& path() const;  // the work tree, without a trailing slash

  // The latest revision of `story`, or nullopt if the story has none.
  Result<std::optional<Revision>> Latest(const std::string& story);
  // Records one revision as a commit on main (parent: main's head) and moves main and the
  // story's ref together. Writers take turns under the archive's write lock; when something
  // else moves main meanwhile (plain git), the revision is recorded again on top of it, and
  // after repeated lost races Record gives up with an Archive error ("... try again"). The
  // work tree and index follow, so `git status` stays clean. A failure before the refs
  // move changes no ref, index or work tree file. The caller has checked that the text
  // changed.
  Result<Revision> Record(const NewRevision& revision);
  // Decides, under the write lock and against the story's latest revision at that moment
  // (nullopt for a new story), what depends on it: fills in the word counts and returns_to
  // of `revision`, or returns false to record nothing (the text is unchanged). May be
  // called more than once when a race is lost.
  using PrepareRevision = std::function<Result<bool>(const std::optional<Revision>& latest, NewRevision* revision)>;
  // Record, with `prepare` deciding against the latest revision as it is when the revision
  // is written, so that two processes recording one story at once never count words
  // against a stale revision or record the same text twice. nullopt: prepare declined.
  Result<std::optional<Revision>> RecordIf(NewRevision revision, const PrepareRevision& prepare);
  // All revisions of `story`, oldest first. NotFound if the story does not exist.
  Result<std::vector<Revision>> Log(const std::string& story);
  // One summary per story, sorted by id.
  Result<std::vector<StorySummary>> Stories();
  // REV: N (1-based), latest, ~K (K before latest), a commit id prefix (7+ hex digits) of
  // one of the story's revisions, or an ISO-8601 time (the newest revision captured at or
  // before it). An all-digit spec is a number, or a prefix when out of range.
  // BadInput: "invalid revision 'X' (use N, latest, ~K, a commit id or a time)", or an
  // ambiguous prefix. NotFound: "story 'ID' has no revision X (it has N)", or a time before
  // the story's first capture.
  Result<Revision> Resolve(const std::string& story, const std::string& spec);
  // The canonical text, and the raw input (NotFound if none), as of `revision`.
  // Batches record many revisions as one unit of work (a fetch round, a bulk import).
  // Between BeginBatch and CommitBatch, Record keeps objects in memory and moves no ref;
  // Latest, Log, Resolve and ReadText see the pending revisions, Stories does not.
  // CommitBatch writes one pack, moves main and every touched story's ref in one
  // transaction, then writes the index and work tree once. If main or a story ref moved
  // meanwhile, or anything fails, nothing is recorded. AbortBatch (or destroying the
  // Archive) drops the pending revisions.
  Status BeginBatch();
  Status CommitBatch();
  void AbortBatch();
  bool InBatch() const;

  // Whether any revision of any story ever recorded exactly this canonical text: one hash
  // and one object lookup, so the search for a flip-flop runs only when it can succeed.
  Result<bool> TextRecordedBefore(std::string_view text);

  Result<std::string> ReadText(const Revision& revision);
  Result<std::string> ReadRaw(const Revision& revision);

  // State files: small committed files outside stories/ (e.g. tracking/tracked.json) that
  // clones carry. `path` is relative, of segments [A-Za-z0-9._-] separated by '/', not
  // starting with '.' and not under stories/ (BadInput otherwise).
  // ReadStateFile: the file as of main's head; nullopt when absent.
  Result<std::optional<std::string>> ReadStateFile(const std::string& path);
  // Commits `content` at `path` on main with `message` (nothing when the file already
  // holds it), under the write lock as Record does (a main moved meanwhile by plain git is
  // tried again on top, then "... try again"); the work tree and index follow. Not during
  // a batch (Internal error).
  Status WriteStateFile(const std::string& path, std::string_view content, const std::string& message);
  // <git dir>/redline: for archive-local files that are never committed (created on
  // demand by the caller).
  std::string LocalStateDirectory() const;

 private:
  struct Impl;
  explicit Archive(std::unique_ptr<Impl> impl);
  Status WriteStateFileOnce(const std::string& path, std::string_view content, const std::string& message,
                            bool* lost_race);
  std::unique_ptr<Impl> impl_;
};

// "stories/<fan>/<story>", the story's folder inside the archive.
std::string StoryDirectory(std::string_view story);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_H_
