// The archive: an ordinary git repository (branch main) without a work tree, written in
// process with libgit2. Knows stories, revisions and their text; nothing of HTML or diffs.
// docs/archive-format.md describes it in full.
//
// Layout (format 2; also explained by the README.md of every archive):
//   DIR/.git                                   the repository (core.bare = true)
//   stories/<a>/<b>/<c>/<d>/<story>/article.txt canonical text, in main's tree
//   stories/<a>/<b>/<c>/<d>/<story>/raw.html    the recorded input (raw.txt for text input;
//                                               only the latest revision's is kept)
// where <a>..<d> are the first four hex digits of the git blob id of the story id. Each
// revision is one commit on main whose subject is the headline and whose trailers
// (Redline-Story, -Revision, -Previous, -Source, -Captured, -Words, -Total-Words) describe
// it. The revision index (<git dir>/redline/revisions.sqlite) lists every story's
// revisions; it is derived from main's history, brought up to date whenever main moved
// without it, and rebuilt by Reindex. The repository config key redline.archiveversion = 2
// marks a repository as an archive; format 1 archives (a work tree, one ref per story,
// stories/<fan>/<story>) are read as they are and converted by Upgrade.
//
// Errors: BadInput for a malformed story id, revision spec or time; NotFound for a story or
// revision that does not exist; Archive for a missing or damaged archive and libgit2
// failures (with libgit2's message).
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
  std::size_t moved_words = 0;  // words of moved paragraphs and sentences (in neither above)
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
  std::size_t moved_words = 0;  // Redline-Moved-Words; 0 when absent
  std::size_t total_words = 0;
  std::string previous_commit;  // empty for revision 1
  int http_status = 0;          // as in NewRevision
  std::string content_type;
  std::optional<Timestamp> fetched_at;
  int returns_to = 0;
  std::string text_id;  // hex id of the canonical text's blob; empty where not known
};

// What Archive::Upgrade did.
struct UpgradeSummary {
  bool upgraded = false;  // false: the archive was in format 2 already
  int from_format = 2;
  std::size_t stories = 0;        // in the archive afterwards
  std::size_t stories_moved = 0;  // folders moved to format 2's paths
  std::size_t refs_removed = 0;   // format 1's refs/redline/stories/*
  std::size_t files_removed = 0;  // checked-out copies removed with the work tree
};

// What Archive::Gc did.
struct GcSummary {
  std::size_t objects = 0;  // in the new pack
  std::size_t packs_before = 0;
  std::size_t loose_before = 0;
  std::size_t packs_after = 0;
  std::uintmax_t bytes_before = 0;  // packs and loose objects
  std::uintmax_t bytes_after = 0;
  std::string packer;  // "git repack", or "libgit2" when git is not installed
};

// What Archive::CheckIndex found.
struct IndexCheck {
  bool matches = false;    // the index holds exactly what the history says
  std::size_t revisions = 0;  // in the history
  std::string difference;  // the first difference, when it does not match
};

struct StorySummary {
  std::string story;
  int revisions = 0;
  Timestamp last_change;
  std::string headline;
};

// A story taken out of main's tree by Archive::Remove; its history stays in git.
struct StoryRemoval {
  std::string story;
  int revisions = 0;        // the revisions it had
  std::string commit;       // the removal's commit (full hex id)
  std::string last_commit;  // its last revision's commit (full hex id)
  Timestamp time;           // the removal commit's time
};

class Archive {
 public:
  // Creates an archive in `dir` (created if missing): `dir`/.git without a work tree, the
  // config marker, a first commit "Initialize redline archive" with README.md,
  // .gitattributes and .redline-archive, and an empty revision index. Refuses a directory
  // that already holds a git repository.
  static Result<Archive> Init(const std::string& dir);
  // Opens the archive in `dir`; "not a redline archive: DIR (run 'redline init')"
  // otherwise. A plain `git clone` of an archive is adopted (its marker file says what it
  // is). Archives of format 1 and clones with a work tree are read as they are; writing
  // them fails with a hint to Upgrade. A format newer than this redline's is refused.
  static Result<Archive> Open(const std::string& dir);
  // Converts the archive in `dir` to format 2 in place (see upgrade.cc): refuses a work tree
  // with unrecorded changes; every commit and revision id is kept. Nothing to do for an
  // archive in format 2 already. Safe to run again after an interruption.
  static Result<UpgradeSummary> Upgrade(const std::string& dir);
  // Whether `dir` itself holds a redline archive (of any format, or a clone of one). Reads
  // only: `redline init` on an archive changes nothing.
  static bool HoldsArchive(const std::string& dir);
  // The nearest archive at or above `start_dir` (its work tree path).
  static Result<std::string> Discover(const std::string& start_dir);

  Archive(Archive&&) noexcept;
  Archive& operator=(Archive&&) noexcept;
  ~Archive();

  const std::string& path() const;  // the archive's folder (holding .git), without a trailing slash
  // Ok, or why recording is refused as the archive is (format 1, a work tree: the message
  // says to run 'redline upgrade'). `redline doctor` reports it.
  Status CheckFormatForWriting() const;

  // The latest revision of `story`, or nullopt if the story has none.
  Result<std::optional<Revision>> Latest(const std::string& story);
  // Records one revision as a commit on main (parent: main's head): a batch of one.
  // Writers take turns under the archive's write lock; when something else moves main
  // meanwhile (plain git), the revision is recorded again on top of it, and after repeated
  // lost races Record gives up with an Archive error ("... try again"). A failure changes
  // neither main nor the revision index (only unreachable objects may remain). The caller
  // has checked that the text changed.
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
  // All revisions of `story`, oldest first. NotFound if the story does not exist: "no story
  // 'ID' in the archive" with the nearest ids ("; did you mean 'a' or 'b'?"), or, for a
  // removed story, "story 'ID' was removed in commit C (TIME); its N revisions stay in the
  // history: git log main -- stories/a/b/c/d/ID". Resolve and Latest's callers say the same.
  Result<std::vector<Revision>> Log(const std::string& story);
  // One summary per story, sorted by id (removed stories are not listed).
  Result<std::vector<StorySummary>> Stories();
  // The summaries of the stories whose id starts with `prefix`, sorted by id: one range read
  // of the revision index, whatever the archive's size (shell completion).
  Result<std::vector<StorySummary>> StoriesStartingWith(const std::string& prefix);
  // Removes `story` from main in one commit of its own that deletes the story's folder, as
  // `git rm -r` and a commit would (message: trailers.h, FormatRemovalMessage): every
  // revision stays in the history. The revision index stops listing the story; recording
  // the id again later starts a new story at revision 1. NotFound for a story that does
  // not exist or was removed already (the message says which). Not during a batch.
  Result<StoryRemoval> Remove(const std::string& story);
  // The removal of `story`, when it was removed and not recorded again since.
  Result<std::optional<StoryRemoval>> RemovalOf(const std::string& story);
  // REV: N (1-based), latest, ~K (K before latest), a commit id prefix (7+ hex digits) of
  // one of the story's revisions, or an ISO-8601 time (the newest revision captured at or
  // before it). An all-digit spec is a number, or a prefix when out of range.
  // BadInput: "invalid revision 'X' (use N, latest, ~K, a commit id or a time)", or an
  // ambiguous prefix. NotFound: "story 'ID' has no revision X (it has N)", or a time before
  // the story's first capture.
  Result<Revision> Resolve(const std::string& story, const std::string& spec);
  // Batches record many revisions as one unit of work (a fetch round, a chunk of an
  // import). BeginBatch takes the archive's write lock and holds it until CommitBatch or
  // AbortBatch; meanwhile Record keeps objects in memory and moves nothing, and Latest,
  // Log, Resolve and ReadText see the pending revisions (Stories does not). CommitBatch
  // writes one pack, then adds the revisions to the index and moves main together. If main
  // moved meanwhile (plain git), or anything fails, nothing is recorded. AbortBatch (or
  // destroying the Archive) drops the pending revisions.
  Status BeginBatch();
  // `*lost_race` (when given) is set when main had moved: recording again may succeed.
  Status CommitBatch(bool* lost_race = nullptr);
  void AbortBatch();
  bool InBatch() const;

  // The number of the first revision of `story` whose canonical text is exactly `text`, or
  // 0: one index lookup, for the flip-flop search.
  Result<int> FirstRevisionWithText(const std::string& story, std::string_view text);
  // The revision of `story` captured at `captured_at` (to the second) with exactly this
  // text, if any: a re-run of an import skips what it recorded before.
  Result<std::optional<Revision>> RevisionCapturedWith(const std::string& story, const Timestamp& captured_at,
                                                       std::string_view text);

  // The revision index rebuilt from main's history (under the write lock).
  Status Reindex();
  // The revision index compared with one rebuilt in memory from the history.
  Result<IndexCheck> CheckIndex();
  // Packs every reachable object into one pack with deltas and removes the rest (under
  // the write lock; see storage.h).
  Result<GcSummary> Gc();
  // The automatic threshold (storage.h, as git's gc.auto): delta-compresses recent packs
  // once they hold 64 MB and as much as the rest; true when it did. For long-running and
  // bulk commands (watch rounds), never on a single snapshot's path.
  Result<bool> MaybeGc();

  // The canonical text, and the raw input (NotFound if none), as of `revision`.
  Result<std::string> ReadText(const Revision& revision);
  // ReadText of each revision in order, handed to `each` as it comes; the next few are read
  // on a second thread meanwhile (at most a few texts held), so a walk of 10,000 revisions
  // overlaps reading with the caller's work. Stops at the first error, the reader's or
  // `each`'s. The archive must not be used otherwise until it returns.
  Status ReadTexts(const std::vector<Revision>& revisions, const std::function<Status(std::string text)>& each);
  Result<std::string> ReadRaw(const Revision& revision);

  // State files: small committed files outside stories/ (e.g. tracking/tracked.json) that
  // clones carry. `path` is relative, of segments [A-Za-z0-9._-] separated by '/', not
  // starting with '.' and not under stories/ (BadInput otherwise).
  // ReadStateFile: the file as of main's head; nullopt when absent.
  Result<std::optional<std::string>> ReadStateFile(const std::string& path);
  // Commits `content` at `path` on main with `message` (nothing when the file already
  // holds it), under the write lock as Record does (a main moved meanwhile by plain git is
  // tried again on top, then "... try again"). Not during a batch (Internal error).
  Status WriteStateFile(const std::string& path, std::string_view content, const std::string& message);
  // <git dir>/redline: for archive-local files that are never committed (created on
  // demand by the caller).
  std::string LocalStateDirectory() const;

 private:
  struct Impl;
  explicit Archive(std::unique_ptr<Impl> impl);
  Status WriteStateFileOnce(const std::string& path, std::string_view content, const std::string& message,
                            bool* lost_race);
  Result<std::optional<Revision>> RecordInBatch(NewRevision revision, const PrepareRevision& prepare);
  Result<StoryRemoval> RemoveOnce(const std::string& story, bool* lost_race);
  std::unique_ptr<Impl> impl_;
};

// "stories/<a>/<b>/<c>/<d>/<story>", the story's folder in main's tree.
std::string StoryDirectory(std::string_view story);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_H_
