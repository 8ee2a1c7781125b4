// Change reports: a model of stories, revisions and their diffs built from the archive,
// rendered as one self-contained HTML page, Markdown, or JSON (docs/report-schema.json).
// Knows the archive and the diff engine; nothing of the command line or the web.
#ifndef REDLINE_REPORT_REPORT_H_
#define REDLINE_REPORT_REPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "redline/archive.h"
#include "redline/diff.h"
#include "redline/status.h"

namespace redline::report {

struct ReportRevision {
  Revision revision;
  bool first = false;             // revision 1: nothing to compare with
  bool headline_changed = false;  // the commit subject differs from the revision before
  WordDiff diff;                  // against the revision before (empty when `first`)
  std::size_t words_changed() const { return revision.added_words + revision.removed_words; }
};

struct StoryReport {
  std::string story;
  std::string headline;  // of the newest revision shown
  int revisions_in_archive = 0;
  std::vector<ReportRevision> revisions;  // oldest first, only those in the window
  bool headline_changed() const;          // any revision shown changed the headline
  std::size_t largest_edit() const;       // most words changed by one revision shown
  std::size_t added_words() const;
  std::size_t removed_words() const;
};

struct ReportOptions {
  std::vector<std::string> stories;  // empty: a digest of every story changed in the window
  std::optional<Timestamp> since, until;  // inclusive bounds on capture time
};

struct Report {
  bool digest = false;
  std::optional<Timestamp> since, until;
  // Stories as asked, or (digest) those with a revision in the window: headline changes
  // first, then the largest edits, then by id.
  std::vector<StoryReport> stories;
};

// NotFound for a named story that does not exist; archive errors as they come.
Result<Report> BuildReport(Archive& archive, const ReportOptions& options);

// Renderers. All page text is escaped for the target; links appear only for http(s) URLs.
std::string RenderHtml(const Report& report);
std::string RenderMarkdown(const Report& report);
std::string RenderJson(const Report& report);  // one object, pretty-printed, ending "\n"

}  // namespace redline::report

#endif  // REDLINE_REPORT_REPORT_H_
