// The revision index: derived from the history, rebuilt equal, and never trusted when it is
// missing, behind, damaged or wrong.
#include "archive/revision_index.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

#include "archive/test_util.h"
#include "redline/archive.h"

namespace redline {
namespace {

using test::Git;
using test::TempDir;

NewRevision MakeRevision(const std::string& story, int n) {
  NewRevision revision;
  revision.story = story;
  revision.text = "# " + story + "\n\nVersion " + std::to_string(n % 3) + " of the text.\n";
  revision.raw = "Version " + std::to_string(n) + "\n";
  revision.raw_extension = "txt";
  revision.headline = story + " headline";
  revision.source_url = "https://news.example/" + story;
  revision.captured_at = {1661990400 + n * 60, 60};
  revision.total_words = 6;
  revision.moved_words = n % 4 == 0 ? static_cast<std::size_t>(n) * 10 : 0;  // Redline-Moved-Words, sometimes
  if (n % 2 == 0) {
    revision.http_status = 200;
    revision.content_type = "text/html";
    revision.fetched_at = Timestamp{1661990400 + n * 60 + 1, 0};
  }
  return revision;
}

class RevisionIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto archive = Archive::Init(tmp_ / "archive");
    ASSERT_OK(archive);
    archive_.emplace(std::move(archive).value());
    dir_ = archive_->path();
    index_ = dir_ + "/.git/redline/revisions.sqlite";
    // Several stories, a flip-flop, a state file between revisions.
    for (int n = 1; n <= 12; ++n) {
      for (const char* story : {"alpha", "beta"}) {
        NewRevision revision = MakeRevision(story, n);
        auto latest = archive_->Latest(story);
        ASSERT_OK(latest);
        if (latest->has_value()) {
          auto text = archive_->ReadText(**latest);
          ASSERT_OK(text);
          if (*text == revision.text) continue;
          auto first = archive_->FirstRevisionWithText(story, revision.text);
          ASSERT_OK(first);
          revision.returns_to = *first;
        }
        ASSERT_OK(archive_->Record(revision));
      }
      if (n == 5) ASSERT_OK(archive_->WriteStateFile("tracking/tracked.json", "{}\n", "Track"));
    }
  }

  // What `redline log` would show for every story, read through a fresh Archive.
  std::string Everything() {
    auto archive = Archive::Open(dir_);
    EXPECT_TRUE(archive.ok());
    std::string out;
    auto stories = archive->Stories();
    EXPECT_TRUE(stories.ok());
    for (const StorySummary& story : *stories) {
      out += story.story + " " + std::to_string(story.revisions) + " " + story.headline + "\n";
      auto log = archive->Log(story.story);
      EXPECT_TRUE(log.ok());
      for (const Revision& r : *log) {
        out += std::to_string(r.number) + " " + r.commit + " " + FormatTime(r.time) + " " + r.previous_commit + " " +
               std::to_string(r.returns_to) + " " + std::to_string(r.http_status) + " " +
               std::to_string(r.moved_words) + "\n";
      }
    }
    return out;
  }

  std::string SqliteDump() { return test::RunShell("sqlite3 '" + index_ + "' .dump").output; }

  TempDir tmp_;
  std::optional<Archive> archive_;
  std::string dir_;
  std::string index_;
};

TEST_F(RevisionIndexTest, RebuildEqualsTheIncrementalIndex) {
  const std::string incremental = SqliteDump();
  ASSERT_NE(incremental.find("CREATE TABLE revisions"), std::string::npos) << incremental;
  const std::string seen = Everything();
  auto check = archive_->CheckIndex();
  ASSERT_OK(check);
  EXPECT_TRUE(check->matches) << check->difference;
  EXPECT_EQ(check->revisions, 24u);  // 12 captures of each story, each text unlike the one before
  ASSERT_OK(archive_->Reindex());
  EXPECT_EQ(SqliteDump(), incremental);  // row for row, read by the sqlite3 CLI
  EXPECT_EQ(Everything(), seen);
  // The flip-flops survive the rebuild: revision 4 of alpha has revision 1's text.
  auto log = archive_->Log("alpha");
  ASSERT_OK(log);
  ASSERT_GE(log->size(), 4u);
  EXPECT_EQ((*log)[3].returns_to, 1);
}

TEST_F(RevisionIndexTest, StoriesStartingWithAPrefixAreOneRangeOfIds) {
  for (const char* story : {"al", "alpha-2", "alphabet", "alpi", "am"}) ASSERT_OK(archive_->Record(MakeRevision(story, 1)));
  const auto ids = [&](const std::string& prefix) {
    auto stories = archive_->StoriesStartingWith(prefix);
    EXPECT_TRUE(stories.ok());
    std::vector<std::string> out;
    for (const StorySummary& s : *stories) out.push_back(s.story + ":" + std::to_string(s.revisions));
    return out;
  };
  EXPECT_EQ(ids("alph"), (std::vector<std::string>{"alpha:12", "alpha-2:1", "alphabet:1"}));
  EXPECT_EQ(ids("alpha"), (std::vector<std::string>{"alpha:12", "alpha-2:1", "alphabet:1"}));
  EXPECT_EQ(ids("b"), (std::vector<std::string>{"beta:12"}));
  EXPECT_EQ(ids("alphaz"), std::vector<std::string>{});
  EXPECT_EQ(ids("").size(), 7u);
}

TEST_F(RevisionIndexTest, AMissingIndexIsRebuilt) {
  const std::string seen = Everything();
  archive_.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(index_ + suffix);
  EXPECT_EQ(Everything(), seen);
  EXPECT_TRUE(std::filesystem::exists(index_));
  EXPECT_EQ(test::ArchiveProblems(dir_), "");
}

TEST_F(RevisionIndexTest, AnIndexBehindMainCatchesUp) {
  // Keep a copy of the index as it is now (closed, so that it is all in one file)...
  archive_.reset();
  std::filesystem::copy_file(index_, tmp_ / "old.sqlite");
  auto other = Archive::Open(dir_);
  ASSERT_OK(other);
  ASSERT_OK(other->Record(MakeRevision("gamma", 20)));
  ASSERT_OK(other->Record(MakeRevision("alpha", 22)));
  other = Status::Internal("closed");
  const std::string seen = Everything();
  // ...and put it back, as if the writers had been killed after moving main.
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(index_ + suffix);
  std::filesystem::copy_file(tmp_ / "old.sqlite", index_);
  EXPECT_EQ(Everything(), seen);
  EXPECT_EQ(test::ArchiveProblems(dir_), "");
}

TEST_F(RevisionIndexTest, ADamagedIndexIsReplaced) {
  const std::string seen = Everything();
  archive_.reset();
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(index_ + suffix);
  test::WriteFile(index_, "this is not an SQLite database, whatever its name says\n");
  EXPECT_EQ(Everything(), seen);
  EXPECT_EQ(test::ArchiveProblems(dir_), "");
}

TEST_F(RevisionIndexTest, AWrongLatestRevisionIsNotTrusted) {
  archive_.reset();
  // Someone edits the index by hand: alpha's latest row now names beta's commit.
  const std::string beta_tip = Git(dir_, "log -1 --format=%H main -- " + StoryDirectory("beta"));
  ASSERT_EQ(beta_tip.size(), 41u);
  const test::CommandResult edited = test::RunShell(
      "sqlite3 '" + index_ + "' \"UPDATE revisions SET commit_id = '" + beta_tip.substr(0, 40) +
      "' WHERE story = 'alpha' AND number = (SELECT max(number) FROM revisions WHERE story = 'alpha')\"");
  ASSERT_EQ(edited.exit_code, 0) << edited.output;
  auto archive = Archive::Open(dir_);
  ASSERT_OK(archive);
  auto check = archive->CheckIndex();
  ASSERT_OK(check);
  EXPECT_FALSE(check->matches);
  EXPECT_NE(check->difference.find("alpha"), std::string::npos) << check->difference;
  // Recording checks the latest revision against the history and rebuilds the index first.
  auto latest = archive->Latest("alpha");
  ASSERT_OK(latest);
  EXPECT_EQ((*latest)->commit + "\n", Git(dir_, "log -1 --format=%H main -- " + StoryDirectory("alpha")));
  EXPECT_EQ(test::ArchiveProblems(dir_), "");
}

// A removal (issue 25) is history like a revision: an index behind main catches it up, a
// rebuild gives the same rows, and a revision 1 of the id afterwards starts it again.
TEST_F(RevisionIndexTest, ARemovalIsCaughtUpAndRebuiltLikeARevision) {
  archive_.reset();
  std::filesystem::copy_file(index_, tmp_ / "old.sqlite");
  auto other = Archive::Open(dir_);
  ASSERT_OK(other);
  auto removed = other->Remove("alpha");
  ASSERT_OK(removed);
  EXPECT_EQ(removed->revisions, 12);
  EXPECT_EQ(other->Remove("alpha").status().kind(), ErrorKind::kNotFound);
  other = Status::Internal("closed");
  const std::string seen = Everything();
  EXPECT_EQ(seen.find("alpha"), std::string::npos) << seen;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(index_ + suffix);
  std::filesystem::copy_file(tmp_ / "old.sqlite", index_);  // behind main by the removal
  EXPECT_EQ(Everything(), seen);
  auto archive = Archive::Open(dir_);
  ASSERT_OK(archive);
  auto removal = archive->RemovalOf("alpha");
  ASSERT_OK(removal);
  ASSERT_TRUE(removal->has_value());
  EXPECT_EQ((*removal)->commit, removed->commit);
  EXPECT_EQ((*removal)->revisions, 12);
  auto log = archive->Log("alpha");
  EXPECT_EQ(log.status().kind(), ErrorKind::kNotFound);
  EXPECT_NE(log.status().message().find("was removed in commit " + removed->commit.substr(0, 7)), std::string::npos)
      << log.status().message();
  auto check = archive->CheckIndex();
  ASSERT_OK(check);
  EXPECT_TRUE(check->matches) << check->difference;
  auto again = archive->Record(MakeRevision("alpha", 30));
  ASSERT_OK(again);
  EXPECT_EQ(again->number, 1);
  EXPECT_EQ(again->previous_commit, "");
  removal = archive->RemovalOf("alpha");
  ASSERT_OK(removal);
  EXPECT_FALSE(removal->has_value());
  check = archive->CheckIndex();
  ASSERT_OK(check);
  EXPECT_TRUE(check->matches) << check->difference;
  EXPECT_EQ(test::ArchiveProblems(dir_), "");
}

// An index of schema 1 (before moved_words) is replaced and rebuilt with the moved words
// the history's trailers hold.
TEST_F(RevisionIndexTest, AnIndexOfAnEarlierSchemaIsRebuilt) {
  const std::string seen = Everything();
  ASSERT_NE(seen.find(" 40\n"), std::string::npos) << seen;  // revision 4's moved words
  archive_.reset();
  const test::CommandResult old = test::RunShell(
      "sqlite3 '" + index_ + "' 'ALTER TABLE revisions DROP COLUMN moved_words; PRAGMA user_version=1;'");
  ASSERT_EQ(old.exit_code, 0) << old.output;
  EXPECT_EQ(Everything(), seen);
  EXPECT_EQ(test::RunShell("sqlite3 '" + index_ + "' 'PRAGMA user_version'").output, "3\n");
  EXPECT_EQ(test::ArchiveProblems(dir_), "");
}

TEST_F(RevisionIndexTest, AnIndexFromAnotherArchiveIsRebuilt) {
  const std::string seen = Everything();
  auto other = Archive::Init(tmp_ / "other");
  ASSERT_OK(other);
  ASSERT_OK(other->Record(MakeRevision("zeta", 1)));
  other = Status::Internal("closed");
  archive_.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(index_ + suffix);
  std::filesystem::copy_file(tmp_ / "other/.git/redline/revisions.sqlite", index_);
  EXPECT_EQ(Everything(), seen);
  EXPECT_EQ(test::ArchiveProblems(dir_), "");
}

}  // namespace
}  // namespace redline
