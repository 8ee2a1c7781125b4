// Helpers for the report tests: the fixture story recorded through the Archive API with
// fixed times (as tests/e2e/e2e.h does through the binary), and small archives of
// hand-written texts. Test-only.
#ifndef REDLINE_REPORT_TEST_UTIL_H_
#define REDLINE_REPORT_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "archive/test_util.h"
#include "redline/archive.h"
#include "redline/diff.h"
#include "report/report.h"

namespace redline::report::test {

inline const std::string kStory = "un-xinjiang-report";
inline const std::string kSourceUrl = "https://harbourpost.example/news/un-xinjiang-report";
inline const std::vector<std::string> kRevisionTimes = {
    "2022-09-01T08:00:00Z", "2022-09-01T10:30:00Z", "2022-09-01T15:00:00Z", "2022-09-02T09:00:00+08:00"};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::string SourcePath(const std::string& relative) { return std::string(REDLINE_SOURCE_DIR) + "/" + relative; }

// Records `text` as the next revision of `story`, with word counts against `previous`.
inline Status RecordText(Archive& archive, const std::string& story, const std::string& previous,
                         const std::string& text, const std::string& time, const std::string& url) {
  NewRevision r;
  r.story = story;
  r.text = text;
  r.raw = text;
  r.raw_extension = "txt";
  const std::string first_line = text.substr(0, text.find('\n'));
  r.headline = first_line.rfind("# ", 0) == 0 ? first_line.substr(2) : first_line;
  r.source_url = url;
  auto at = ParseTime(time);
  if (!at.ok()) return at.status();
  r.captured_at = *at;
  DiffOptions options;
  options.label_sentences = false;
  options.summarize = false;
  const WordDiff diff = DiffWords(previous, text, options);
  r.added_words = diff.stats.added_words;
  r.removed_words = diff.stats.removed_words;
  r.total_words = CountWords(text);
  return archive.Record(r).status();
}

// The four fixture revisions (their expected canonical texts) at their fixed times.
inline Status RecordFixtureStory(Archive& archive) {
  std::string previous;
  for (int i = 1; i <= 4; ++i) {
    const std::string text =
        ReadFile(SourcePath("fixtures/stories/un-xinjiang-report/rev-" + std::to_string(i) + ".expected.txt"));
    if (text.empty()) return Status::Internal("missing fixture text " + std::to_string(i));
    REDLINE_RETURN_IF_ERROR(RecordText(archive, kStory, previous, text, kRevisionTimes[i - 1], kSourceUrl));
    previous = text;
  }
  return Status::Ok();
}

}  // namespace redline::report::test

#endif  // REDLINE_REPORT_TEST_UTIL_H_
