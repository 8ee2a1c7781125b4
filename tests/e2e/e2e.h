// Shared fixture for end-to-end tests: a fresh archive and the built redline binary.
#ifndef REDLINE_TESTS_E2E_E2E_H_
#define REDLINE_TESTS_E2E_E2E_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/process.h"

namespace redline::testing {

inline const std::string kStory = "un-xinjiang-report";
inline const std::vector<std::string> kRevisionTimes = {
    "2022-09-01T08:00:00Z", "2022-09-01T10:30:00Z", "2022-09-01T15:00:00Z", "2022-09-02T09:00:00+08:00"};

inline std::string FixturePath(const std::string& relative) {
  return std::string(REDLINE_SOURCE_DIR) + "/fixtures/" + relative;
}
inline std::string StoryRevisionPath(int n) {
  return FixturePath("stories/un-xinjiang-report/rev-" + std::to_string(n) + ".html");
}

// Runs a program with a clean environment for redline: no REDLINE_ARCHIVE, no pager.
inline ProcessResult RunCommand(const std::vector<std::string>& argv, ProcessOptions options = {}) {
  options.env.emplace("REDLINE_ARCHIVE", "");
  options.env.emplace("NO_COLOR", "");
  options.env.emplace("PAGER", "cat");
  options.env.emplace("GIT_CONFIG_NOSYSTEM", "1");
  return RunProcess(argv, options);
}

class ArchiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = root_ / "archive";
    const ProcessResult init = Redline({"init", archive_});
    ASSERT_EQ(init.exit_code, 0) << init.err;
  }

  // redline -C <archive> args...
  ProcessResult Redline(std::vector<std::string> args, ProcessOptions options = {}) {
    args.insert(args.begin(), REDLINE_BINARY);
    return RunCommand(args, std::move(options));
  }
  ProcessResult InArchive(std::vector<std::string> args, ProcessOptions options = {}) {
    args.insert(args.begin(), {"-C", archive_});
    return Redline(std::move(args), std::move(options));
  }
  ProcessResult Git(std::vector<std::string> args) {
    args.insert(args.begin(), {"git", "-C", archive_});
    return RunCommand(args);
  }
  // Records fixture revisions 1..n at their fixed times.
  void RecordRevisions(int n) {
    for (int i = 1; i <= n; ++i) {
      const ProcessResult r = InArchive({"snapshot", kStory, StoryRevisionPath(i), "--at", kRevisionTimes[i - 1],
                                         "--url", "https://harbourpost.example/news/un-xinjiang-report"});
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
  }

  TempDir root_;
  std::string archive_;
};

}  // namespace redline::testing

#endif  // REDLINE_TESTS_E2E_E2E_H_
