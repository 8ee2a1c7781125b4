// Commit messages of revisions: a subject line and Redline-* git trailers.
//
//   Headline of the story
//
//   Redline-Story: un-report
//   Redline-Revision: 2
//   Redline-Previous: <full commit id of revision 1>   (absent for revision 1)
//   Redline-Source: https://...                       (absent when unknown)
//   Redline-Captured: 2022-09-01T12:00:00+02:00
//   Redline-Words: +12 -3                             (moved text left out)
//   Redline-Moved-Words: 240                          (words moved; absent when none)
//   Redline-Total-Words: 840
//   Redline-Returns-To: 2                             (the text equals revision 2's again)
//   Redline-HTTP-Status: 200                          (pages fetched from the web only)
//   Redline-Content-Type: text/html; charset=utf-8    (as the server sent it, when it did)
//   Redline-Fetched: 2022-09-01T10:00:00Z             (when the response arrived)
#ifndef REDLINE_ARCHIVE_TRAILERS_H_
#define REDLINE_ARCHIVE_TRAILERS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "redline/archive.h"
#include "redline/status.h"

namespace redline {

struct RevisionTrailers {
  std::string story;
  int number = 0;
  std::string previous_commit;  // empty for revision 1
  std::string source_url;
  Timestamp captured_at;
  std::size_t added_words = 0;
  std::size_t removed_words = 0;
  std::size_t moved_words = 0;  // 0: absent
  std::size_t total_words = 0;
  int returns_to = 0;     // 0: absent
  int http_status = 0;    // 0: absent
  std::string content_type;
  std::optional<Timestamp> fetched_at;
};

// The revision a commit with these trailers records. Values are flattened to one line, as
// reading them back from the message would give them.
Revision RevisionFromTrailers(RevisionTrailers trailers, std::string commit_hex, Timestamp time, std::string headline);

// The full commit message; an empty headline becomes "(no headline)". Headline and values
// are flattened to one line each so they cannot break the message's structure.
std::string FormatRevisionMessage(std::string_view headline, const RevisionTrailers& trailers);

// Reads the trailers back. Archive error when the message is not a well-formed revision
// (no Redline-Story or Redline-Revision, bad numbers, revision > 1 without a previous).
Result<RevisionTrailers> ParseRevisionMessage(const char* message);

// Commit messages of removals (`redline rm`): the story's files leave main's tree, its
// history stays.
//
//   Remove story un-report
//
//   Redline-Story: un-report
//   Redline-Removed: 3                                (the revisions it had)
//   Redline-Previous: <full commit id of revision 3>
struct RemovalTrailers {
  std::string story;
  int revisions = 0;
  std::string previous_commit;
};
std::string FormatRemovalMessage(const RemovalTrailers& trailers);
// Archive error when the message is not a well-formed removal (a revision is not one).
Result<RemovalTrailers> ParseRemovalMessage(const char* message);

// Valid UTF-8 on one line: control characters become spaces, runs of spaces collapse,
// ends trimmed.
std::string SingleLine(std::string_view text);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_TRAILERS_H_
