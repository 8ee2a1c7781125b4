// State files (committed, outside stories/), the local state folder, and the trailers of
// fetched revisions and flip-flops.
#include "archive/state_files.h"

#include <git2.h>
#include <gtest/gtest.h>

#include <optional>

#include "archive/test_util.h"
#include "archive/trailers.h"
#include "redline/archive.h"

namespace redline {
namespace {

using test::Git;
using test::TempDir;

class StateFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    git_libgit2_init();
    auto archive = Archive::Init(tmp_ / "archive");
    ASSERT_OK(archive);
    archive_.emplace(std::move(archive).value());
    dir_ = archive_->path();
  }
  void ExpectClean() {
    EXPECT_EQ(test::ArchiveProblems(dir_), "");
    const test::CommandResult fsck = test::RunShell("git -C '" + dir_ + "' fsck --strict --no-progress");
    EXPECT_EQ(fsck.exit_code, 0) << fsck.output;
    EXPECT_EQ(fsck.output, "");
  }
  TempDir tmp_;
  std::optional<Archive> archive_;
  std::string dir_;
};

TEST_F(StateFilesTest, WritesOneCommitAndReadsBack) {
  auto missing = archive_->ReadStateFile("tracking/tracked.json");
  ASSERT_OK(missing);
  EXPECT_FALSE(missing->has_value());
  ASSERT_OK(archive_->WriteStateFile("tracking/tracked.json", "{\"version\":1}\n", "Track un-report"));
  auto read = archive_->ReadStateFile("tracking/tracked.json");
  ASSERT_OK(read);
  ASSERT_TRUE(read->has_value());
  EXPECT_EQ(**read, "{\"version\":1}\n");
  EXPECT_EQ(Git(dir_, "log --format=%s"), "Track un-report\nInitialize redline archive\n");
  EXPECT_EQ(Git(dir_, "show main:tracking/tracked.json"), "{\"version\":1}\n");
  ExpectClean();
}

TEST_F(StateFilesTest, SameContentMakesNoCommit) {
  ASSERT_OK(archive_->WriteStateFile("tracking/tracked.json", "a\n", "first"));
  ASSERT_OK(archive_->WriteStateFile("tracking/tracked.json", "a\n", "second"));
  EXPECT_EQ(Git(dir_, "rev-list --count main"), "2\n");
}

TEST_F(StateFilesTest, LivesAlongsideRevisions) {
  NewRevision revision;
  revision.story = "un-report";
  revision.text = "# Headline\n\nBody.\n";
  revision.raw = "Headline\n\nBody.\n";
  revision.raw_extension = "txt";
  revision.headline = "Headline";
  revision.captured_at = {1662026400, 0};
  ASSERT_OK(archive_->Record(revision));
  ASSERT_OK(archive_->WriteStateFile("tracking/tracked.json", "x\n", "Track"));
  revision.text = "# Headline\n\nBody changed.\n";
  revision.captured_at.seconds += 60;
  ASSERT_OK(archive_->Record(revision));
  auto log = archive_->Log("un-report");
  ASSERT_OK(log);
  EXPECT_EQ(log->size(), 2u);
  auto read = archive_->ReadStateFile("tracking/tracked.json");
  ASSERT_OK(read);
  EXPECT_EQ(read->value_or(""), "x\n");
  ExpectClean();
}

TEST_F(StateFilesTest, RefusedDuringABatch) {
  ASSERT_OK(archive_->BeginBatch());
  const Status status = archive_->WriteStateFile("tracking/tracked.json", "x\n", "Track");
  EXPECT_EQ(status.kind(), ErrorKind::kInternal);
  archive_->AbortBatch();
}

TEST_F(StateFilesTest, LocalStateDirectoryIsInsideGitDir) {
  EXPECT_EQ(archive_->LocalStateDirectory(), dir_ + "/.git/redline");
}

TEST(ValidateStateFilePath, Rules) {
  for (const char* good : {"tracking/tracked.json", "a", "x/y-z_1.txt"}) {
    EXPECT_TRUE(ValidateStateFilePath(good).ok()) << good;
  }
  for (const char* bad :
       {"", "/abs", "stories/x", ".git/config", "a/../b", "a//b", "a/.hidden", "sp ace", "tracking/"}) {
    EXPECT_FALSE(ValidateStateFilePath(bad).ok()) << bad;
  }
}

TEST(FetchTrailers, RoundTrip) {
  RevisionTrailers trailers;
  trailers.story = "un-report";
  trailers.number = 3;
  trailers.previous_commit = "0123456789abcdef0123456789abcdef01234567";
  trailers.source_url = "https://news.example/un";
  trailers.captured_at = {1662026400, 0};
  trailers.returns_to = 1;
  trailers.http_status = 200;
  trailers.content_type = "text/html; charset=windows-1252";
  trailers.fetched_at = Timestamp{1662026400, 0};
  const std::string message = FormatRevisionMessage("Headline", trailers);
  EXPECT_NE(message.find("Redline-Returns-To: 1\nRedline-HTTP-Status: 200\n"
                         "Redline-Content-Type: text/html; charset=windows-1252\n"
                         "Redline-Fetched: 2022-09-01T10:00:00Z\n"),
            std::string::npos)
      << message;
  auto parsed = ParseRevisionMessage(message.c_str());
  ASSERT_OK(parsed);
  EXPECT_EQ(parsed->returns_to, 1);
  EXPECT_EQ(parsed->http_status, 200);
  EXPECT_EQ(parsed->content_type, trailers.content_type);
  ASSERT_TRUE(parsed->fetched_at.has_value());
  EXPECT_EQ(parsed->fetched_at->seconds, 1662026400);
}

TEST(FetchTrailers, AbsentForOtherInputAndCheckedWhenPresent) {
  RevisionTrailers trailers;
  trailers.story = "un-report";
  trailers.number = 1;
  const std::string message = FormatRevisionMessage("Headline", trailers);
  EXPECT_EQ(message.find("Returns-To"), std::string::npos);
  EXPECT_EQ(message.find("HTTP-Status"), std::string::npos);
  EXPECT_EQ(message.find("Fetched"), std::string::npos);
  const std::string base =
      "H\n\nRedline-Story: s\nRedline-Revision: 2\nRedline-Previous: "
      "0123456789abcdef0123456789abcdef01234567\n";
  EXPECT_FALSE(ParseRevisionMessage((base + "Redline-Returns-To: 2\n").c_str()).ok());
  EXPECT_FALSE(ParseRevisionMessage((base + "Redline-Returns-To: x\n").c_str()).ok());
  EXPECT_FALSE(ParseRevisionMessage((base + "Redline-HTTP-Status: 20\n").c_str()).ok());
  EXPECT_FALSE(ParseRevisionMessage((base + "Redline-Fetched: yesterday\n").c_str()).ok());
  EXPECT_TRUE(ParseRevisionMessage((base + "Redline-Returns-To: 1\n").c_str()).ok());
}

}  // namespace
}  // namespace redline
