// libredline: redline for other programs. Open or create an archive, record snapshots of
// stories, list their revisions, diff two revisions, normalize a page.
//
// This header and status.h are the whole installed API (find_package(redline), target
// redline::redline; or pkg-config redline). The library is libredline.so.MAJOR: everything
// here keeps working, source and binary, for the lifetime of a major version; a change that
// breaks either bumps REDLINE_VERSION_MAJOR and the SONAME. The other headers in
// include/redline/ are redline's own and are not exported from the library.
//
// Errors travel as values, as in redline itself: every call that can fail returns a
// Result or Status (status.h) whose ErrorKind says what kind of failure it was.
#ifndef REDLINE_REDLINE_H_
#define REDLINE_REDLINE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "redline/status.h"

// The version of these headers; Version() is the library's, which may be newer.
#define REDLINE_VERSION_MAJOR 0
#define REDLINE_VERSION_MINOR 1
#define REDLINE_VERSION_PATCH 0
#define REDLINE_VERSION_STRING "0.1.0"

// Only what is marked is exported from libredline.so.
#if defined(__GNUC__)
#define REDLINE_API __attribute__((visibility("default")))
#else
#define REDLINE_API
#endif

namespace redline::lib {

// The library's version, "MAJOR.MINOR.PATCH".
REDLINE_API const char* Version();

enum class Format { kAuto, kHtml, kText };  // kAuto: HTML or text, guessed from the bytes

// A page as redline keeps it.
struct Page {
  std::string headline;
  std::string byline;  // may be empty
  std::string text;    // the canonical text: "# headline", the byline, the body blocks
};

// The page's article, as `redline normalize` finds it. BadInput when there is no text.
REDLINE_API Result<Page> Normalize(std::string_view bytes, Format format = Format::kAuto);

struct Snapshot {
  Snapshot(std::string story, std::string bytes, Format format = Format::kAuto)
      : story(std::move(story)), bytes(std::move(bytes)), format(format) {}
  std::string story;  // the story id, e.g. "un-xinjiang-report" (redline's id rules)
  std::string bytes;  // the page: HTML or text
  Format format = Format::kAuto;
  std::string url;          // where it came from; may be empty
  std::string captured_at;  // ISO-8601 ("2024-05-01T09:30:00Z"); empty: now
};

struct RevisionInfo {
  int number = 0;           // 1-based, per story
  std::string commit;       // the git commit's full hex id
  std::string captured_at;  // ISO-8601, in the offset it was given in
  std::string headline;
  std::string source_url;
  std::size_t added_words = 0;    // against the revision before
  std::size_t removed_words = 0;
  std::size_t moved_words = 0;
  std::size_t total_words = 0;
  int returns_to = 0;  // the earlier revision whose text this one has again, or 0
};

struct Recorded {
  bool changed = false;   // false: the text equals the latest revision's; nothing was written
  RevisionInfo revision;  // the new revision, or the latest one when unchanged
};

enum class DiffFormat { kPlain, kColor, kUnified, kMarkdown, kHtml, kJson };  // as `redline diff --format`

// An archive (a git repository; see redline-archive(5)). Movable, not copyable; one
// Archive is used by one thread at a time. Other processes may record into the same
// archive meanwhile: writers take turns under its write lock.
class REDLINE_API Archive {
 public:
  // Creates an archive in `dir` (created if missing), as `redline init`. Refuses a
  // directory that already holds a git repository.
  static Result<Archive> Create(const std::string& dir);
  // Opens the archive in `dir`. Archive error when there is none.
  static Result<Archive> Open(const std::string& dir);

  Archive(Archive&&) noexcept;
  Archive& operator=(Archive&&) noexcept;
  ~Archive();

  // Records `snapshot` as its story's next revision unless its text is the latest one's,
  // as `redline snapshot` does (the archive's site rules apply).
  Result<Recorded> Record(const Snapshot& snapshot);
  // Story ids, sorted.
  Result<std::vector<std::string>> Stories();
  // The story's revisions, oldest first. NotFound for a story without any.
  Result<std::vector<RevisionInfo>> Revisions(const std::string& story);
  // The canonical text of one revision. `revision`: N, latest, ~K, a commit id or an
  // ISO-8601 time, as on redline's command line.
  Result<std::string> Text(const std::string& story, const std::string& revision = "latest");
  // The word diff from revision `from` to revision `to`, as `redline diff STORY FROM TO
  // --format F` prints it, without the ---/+++ header kPlain and kColor get on a terminal:
  // "" when nothing changed (kPlain, kColor, kUnified).
  Result<std::string> Diff(const std::string& story, const std::string& from, const std::string& to,
                           DiffFormat format = DiffFormat::kPlain);

 private:
  struct Impl;
  explicit Archive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The word diff of two canonical texts (as Text gives them), as `redline diff-files
// --no-normalize` prints it without its ---/+++ header: "" when nothing changed (kPlain,
// kColor, kUnified).
REDLINE_API std::string DiffTexts(std::string_view old_text, std::string_view new_text,
                                  DiffFormat format = DiffFormat::kPlain);

}  // namespace redline::lib

#endif  // REDLINE_REDLINE_H_
