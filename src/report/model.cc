// BuildReport: reads each story's log and texts from the archive and diffs every revision
// in the window against the one before it (which may lie before the window).
#include <algorithm>

#include "report/report.h"

namespace redline::report {

bool StoryReport::headline_changed() const {
  return std::any_of(revisions.begin(), revisions.end(), [](const ReportRevision& r) { return r.headline_changed; });
}

std::size_t StoryReport::largest_edit() const {
  std::size_t largest = 0;
  for (const ReportRevision& r : revisions) largest = std::max(largest, r.words_changed());
  return largest;
}

std::size_t StoryReport::added_words() const {
  std::size_t n = 0;
  for (const ReportRevision& r : revisions) n += r.revision.added_words;
  return n;
}

std::size_t StoryReport::removed_words() const {
  std::size_t n = 0;
  for (const ReportRevision& r : revisions) n += r.revision.removed_words;
  return n;
}

namespace {

bool InWindow(const Timestamp& time, const ReportOptions& options) {
  if (options.since && time.seconds < options.since->seconds) return false;
  if (options.until && time.seconds > options.until->seconds) return false;
  return true;
}

Result<StoryReport> BuildStory(Archive& archive, const std::string& story, const ReportOptions& options) {
  REDLINE_ASSIGN_OR_RETURN(std::vector<Revision> log, archive.Log(story));
  StoryReport out;
  out.story = story;
  out.revisions_in_archive = static_cast<int>(log.size());
  std::string previous_text;
  bool have_previous = false;
  for (std::size_t i = 0; i < log.size(); ++i) {
    const bool shown = InWindow(log[i].time, options);
    const bool next_shown = i + 1 < log.size() && InWindow(log[i + 1].time, options);
    if (!shown && !next_shown) {
      have_previous = false;
      continue;
    }
    REDLINE_ASSIGN_OR_RETURN(std::string text, archive.ReadText(log[i]));
    if (shown) {
      ReportRevision r;
      r.revision = log[i];
      r.first = i == 0;
      r.headline_changed = i > 0 && log[i].headline != log[i - 1].headline;
      if (!r.first) {
        if (!have_previous) {
          REDLINE_ASSIGN_OR_RETURN(previous_text, archive.ReadText(log[i - 1]));
        }
        r.diff = DiffWords(previous_text, text);
      }
      out.headline = log[i].headline;
      out.revisions.push_back(std::move(r));
    }
    previous_text = std::move(text);
    have_previous = true;
  }
  if (out.revisions.empty() && !log.empty()) out.headline = log.back().headline;
  return out;
}

}  // namespace

Result<Report> BuildReport(Archive& archive, const ReportOptions& options) {
  Report report;
  report.since = options.since;
  report.until = options.until;
  report.digest = options.stories.empty();
  if (!report.digest) {
    for (const std::string& story : options.stories) {
      REDLINE_ASSIGN_OR_RETURN(StoryReport s, BuildStory(archive, story, options));
      report.stories.push_back(std::move(s));
    }
    return report;
  }
  REDLINE_ASSIGN_OR_RETURN(std::vector<StorySummary> summaries, archive.Stories());
  for (const StorySummary& summary : summaries) {
    // The index says when each story last changed: a story quiet since before the window
    // has nothing to show, and its history is not read (its latest revision is its newest
    // capture unless snapshots were imported out of time order).
    if (options.since && summary.last_change.seconds < options.since->seconds) continue;
    REDLINE_ASSIGN_OR_RETURN(StoryReport s, BuildStory(archive, summary.story, options));
    if (!s.revisions.empty()) report.stories.push_back(std::move(s));
  }
  std::stable_sort(report.stories.begin(), report.stories.end(), [](const StoryReport& a, const StoryReport& b) {
    if (a.headline_changed() != b.headline_changed()) return a.headline_changed();
    return a.largest_edit() > b.largest_edit();
  });
  return report;
}

}  // namespace redline::report
