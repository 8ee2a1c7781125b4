// Recording revisions and reading them back, checked with the real git binary.
#include <gtest/gtest.h>

#include <vector>

#include <filesystem>
#include <optional>
#include <sstream>

#include "archive/test_util.h"
#include "redline/archive.h"

namespace redline {
namespace {

using test::Git;
using test::TempDir;

constexpr std::int64_t kSeptemberFirst = 1661990400;  // 2022-09-01T00:00:00Z

NewRevision MakeRevision(const std::string& story, const std::string& text, std::int64_t hour) {
  NewRevision revision;
  revision.story = story;
  revision.text = "# Headline of " + story + "\n\n" + text + "\n";
  revision.raw = "<html><body><h1>" + story + "</h1><p>" + text + "</p></body></html>\n";
  revision.raw_extension = "html";
  revision.headline = "Headline of " + story;
  revision.source_url = "https://news.example/" + story;
  revision.captured_at = {kSeptemberFirst + hour * 3600, 120};
  revision.added_words = 3;
  revision.removed_words = 1;
  revision.total_words = 5;
  return revision;
}

class RecordTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto archive = Archive::Init(tmp_ / "archive");
    ASSERT_OK(archive);
    archive_.emplace(std::move(archive).value());
    dir_ = archive_->path();
  }

  Revision MustRecord(const NewRevision& revision) {
    auto recorded = archive_->Record(revision);
    EXPECT_TRUE(recorded.ok()) << recorded.status().message();
    return recorded.ok() ? *recorded : Revision{};
  }

  // `git fsck --strict` silent (or, when `allow_dangling`, reporting only unreachable
  // objects, which are harmless), no work tree, and the revision index equal to one rebuilt
  // from the history.
  void ExpectGitHappy(bool allow_dangling = false) {
    EXPECT_EQ(Git(dir_, "rev-parse --is-bare-repository"), "true\n");
    const test::CommandResult fsck = test::RunShell("git -C '" + dir_ + "' fsck --strict --no-progress");
    EXPECT_EQ(fsck.exit_code, 0) << fsck.output;
    if (!allow_dangling) {
      EXPECT_EQ(fsck.output, "");
    } else {
      std::istringstream lines(fsck.output);
      for (std::string line; std::getline(lines, line);) EXPECT_EQ(line.rfind("dangling ", 0), 0u) << line;
    }
    auto check = archive_->CheckIndex();
    ASSERT_OK(check);
    EXPECT_TRUE(check->matches) << check->difference;
  }

  TempDir tmp_;
  std::optional<Archive> archive_;
  std::string dir_;
};

TEST_F(RecordTest, ThreeRevisionsFormAChainOnMain) {
  const Revision r1 = MustRecord(MakeRevision("un-report", "one", 10));
  const Revision r2 = MustRecord(MakeRevision("un-report", "one two", 11));
  const Revision r3 = MustRecord(MakeRevision("un-report", "one two three", 12));
  EXPECT_EQ(r1.number, 1);
  EXPECT_EQ(r2.number, 2);
  EXPECT_EQ(r3.number, 3);
  EXPECT_EQ(r1.previous_commit, "");
  EXPECT_EQ(r2.previous_commit, r1.commit);
  EXPECT_EQ(r3.previous_commit, r2.commit);
  EXPECT_EQ(r3.commit.size(), 40u);

  // main: init commit plus three, each the parent of the next.
  EXPECT_EQ(Git(dir_, "rev-list --count main"), "4\n");
  EXPECT_EQ(Git(dir_, "rev-parse main main~1 main~2"), r3.commit + "\n" + r2.commit + "\n" + r1.commit + "\n");
  EXPECT_EQ(Git(dir_, "for-each-ref refs/redline"), "");  // format 2 keeps no ref per story
  EXPECT_EQ(Git(dir_, "log --format='%(trailers:key=Redline-Revision,valueonly)' -3 main"),
            "3\n\n2\n\n1\n\n");

  const std::string path = StoryDirectory("un-report") + "/article.txt";
  EXPECT_EQ(Git(dir_, "show main:" + path), "# Headline of un-report\n\none two three\n");
  EXPECT_EQ(Git(dir_, "show main~2:" + path), "# Headline of un-report\n\none\n");
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/stories"));  // no work tree to keep up
  ExpectGitHappy();

  auto log = archive_->Log("un-report");
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ((*log)[i].number, i + 1);
    EXPECT_EQ((*log)[i].time.seconds, kSeptemberFirst + (10 + i) * 3600);
    EXPECT_EQ((*log)[i].time.offset_minutes, 120);
    EXPECT_EQ((*log)[i].headline, "Headline of un-report");
    EXPECT_EQ((*log)[i].source_url, "https://news.example/un-report");
    EXPECT_EQ((*log)[i].added_words, 3u);
    EXPECT_EQ((*log)[i].removed_words, 1u);
    EXPECT_EQ((*log)[i].total_words, 5u);
  }
  EXPECT_EQ((*log)[0].commit, r1.commit);
  EXPECT_EQ((*log)[2].commit, r3.commit);
  EXPECT_EQ((*log)[2].previous_commit, r2.commit);

  auto latest = archive_->Latest("un-report");
  ASSERT_OK(latest);
  ASSERT_TRUE(latest->has_value());
  EXPECT_EQ((*latest)->commit, r3.commit);
  EXPECT_EQ((*latest)->number, 3);
}

TEST_F(RecordTest, CommitMessageAuthorAndDate) {
  const Revision r1 = MustRecord(MakeRevision("un-report", "one", 10));
  NewRevision second = MakeRevision("un-report", "two", 11);
  second.source_url = "";
  second.headline = "  Two\nlines\t here ";
  const Revision r2 = MustRecord(second);
  EXPECT_EQ(r2.headline, "Two lines here");
  EXPECT_EQ(Git(dir_, "log -1 --format=%B main~1"),
            "Headline of un-report\n\n"
            "Redline-Story: un-report\n"
            "Redline-Revision: 1\n"
            "Redline-Source: https://news.example/un-report\n"
            "Redline-Captured: 2022-09-01T12:00:00+02:00\n"
            "Redline-Words: +3 -1\n"
            "Redline-Total-Words: 5\n\n");
  EXPECT_EQ(Git(dir_, "log -1 --format=%B main"),
            "Two lines here\n\n"
            "Redline-Story: un-report\n"
            "Redline-Revision: 2\n"
            "Redline-Previous: " + r1.commit + "\n"
            "Redline-Captured: 2022-09-01T13:00:00+02:00\n"
            "Redline-Words: +3 -1\n"
            "Redline-Total-Words: 5\n\n");
  EXPECT_EQ(Git(dir_, "log -1 --format='%an <%ae> %aI|%cn <%ce> %cI' main"),
            "redline <redline@localhost> 2022-09-01T13:00:00+02:00|"
            "redline <redline@localhost> 2022-09-01T13:00:00+02:00\n");
  ExpectGitHappy();
}

TEST_F(RecordTest, EmptyHeadlineAndAuthorFromEnvironment) {
  NewRevision revision = MakeRevision("quiet", "text", 1);
  revision.headline = "";
  ::setenv("REDLINE_AUTHOR_NAME", "Desk Bot", 1);
  ::setenv("REDLINE_AUTHOR_EMAIL", "desk@example.org", 1);
  const Revision recorded = MustRecord(revision);
  ::unsetenv("REDLINE_AUTHOR_NAME");
  ::unsetenv("REDLINE_AUTHOR_EMAIL");
  EXPECT_EQ(recorded.headline, "(no headline)");
  EXPECT_EQ(Git(dir_, "log -1 --format='%s|%an <%ae>' main"),
            "(no headline)|Desk Bot <desk@example.org>\n");
}

TEST_F(RecordTest, StoriesKeepSeparateChainsOnOneMain) {
  const Revision a1 = MustRecord(MakeRevision("alpha", "a one", 1));
  const Revision b1 = MustRecord(MakeRevision("beta", "b one", 2));
  const Revision a2 = MustRecord(MakeRevision("alpha", "a two", 3));
  const Revision b2 = MustRecord(MakeRevision("beta", "b two", 4));
  EXPECT_EQ(a2.number, 2);
  EXPECT_EQ(a2.previous_commit, a1.commit);
  EXPECT_EQ(b2.previous_commit, b1.commit);

  auto alpha = archive_->Log("alpha");
  ASSERT_OK(alpha);
  ASSERT_EQ(alpha->size(), 2u);
  EXPECT_EQ((*alpha)[0].commit, a1.commit);
  EXPECT_EQ((*alpha)[1].commit, a2.commit);

  // Both stories' files are in main's tree, each at its latest text.
  EXPECT_EQ(Git(dir_, "show main:" + StoryDirectory("alpha") + "/article.txt"),
            "# Headline of alpha\n\na two\n");
  EXPECT_EQ(Git(dir_, "show main:" + StoryDirectory("beta") + "/article.txt"),
            "# Headline of beta\n\nb two\n");
  auto text = archive_->ReadText((*alpha)[0]);
  ASSERT_OK(text);
  EXPECT_EQ(*text, "# Headline of alpha\n\na one\n");
  ExpectGitHappy();
}

TEST_F(RecordTest, RawExtensionSwitchRemovesTheOtherRawFile) {
  const Revision r1 = MustRecord(MakeRevision("switch", "html first", 1));
  NewRevision text_input = MakeRevision("switch", "then text", 2);
  text_input.raw = "plain input\r\nwith CRLF\r\n";
  text_input.raw_extension = "txt";
  const Revision r2 = MustRecord(text_input);

  const std::string story_dir = StoryDirectory("switch");
  EXPECT_EQ(Git(dir_, "ls-tree --name-only main:" + story_dir), "article.txt\nraw.txt\n");
  EXPECT_EQ(Git(dir_, "ls-tree --name-only main~1:" + story_dir), "article.txt\nraw.html\n");
  ExpectGitHappy();

  auto raw1 = archive_->ReadRaw(r1);
  ASSERT_OK(raw1);
  EXPECT_EQ(*raw1, MakeRevision("switch", "html first", 1).raw);
  auto raw2 = archive_->ReadRaw(r2);
  ASSERT_OK(raw2);
  EXPECT_EQ(*raw2, text_input.raw);  // bytes exactly, CRLF kept

  const Revision r3 = MustRecord(MakeRevision("switch", "html again", 3));
  EXPECT_EQ(Git(dir_, "ls-tree --name-only main:" + story_dir), "article.txt\nraw.html\n");
  EXPECT_EQ(r3.number, 3);
  ExpectGitHappy();
}

TEST_F(RecordTest, FailedRecordLeavesTheArchiveUntouched) {
  MustRecord(MakeRevision("kept", "text", 1));
  const auto before = test::Snapshot(dir_);
  const std::string main_before = Git(dir_, "rev-parse main");

  for (const std::string& story : std::vector<std::string>{"Bad Id", "", "-dash", "a..b", "x.lock", "a/b", "../up"}) {
    auto recorded = archive_->Record(MakeRevision(story, "text", 2));
    ASSERT_FALSE(recorded.ok()) << story;
    EXPECT_EQ(recorded.status().kind(), ErrorKind::kBadInput) << story;
  }
  NewRevision bad_extension = MakeRevision("kept", "text", 2);
  bad_extension.raw_extension = "pdf";
  EXPECT_EQ(archive_->Record(bad_extension).status().kind(), ErrorKind::kBadInput);
  NewRevision before_epoch = MakeRevision("kept", "text", 2);
  before_epoch.captured_at.seconds = -1;
  EXPECT_EQ(archive_->Record(before_epoch).status().kind(), ErrorKind::kBadInput);

  EXPECT_EQ(test::Snapshot(dir_), before);  // every file: refs, objects, revision index
  EXPECT_EQ(Git(dir_, "rev-parse main"), main_before);
  auto log = archive_->Log("kept");
  ASSERT_OK(log);
  EXPECT_EQ(log->size(), 1u);
}

TEST_F(RecordTest, MissingStoriesAreNotFound) {
  auto latest = archive_->Latest("nothing");
  ASSERT_OK(latest);
  EXPECT_FALSE(latest->has_value());

  auto log = archive_->Log("nothing");
  ASSERT_FALSE(log.ok());
  EXPECT_EQ(log.status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(log.status().message(), "no story 'nothing' in the archive");
  EXPECT_EQ(archive_->Resolve("nothing", "latest").status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(archive_->Log("Not Valid").status().kind(), ErrorKind::kBadInput);
  EXPECT_EQ(archive_->Latest("Not Valid").status().kind(), ErrorKind::kBadInput);
}

TEST_F(RecordTest, StoriesListsOneSummaryPerStorySortedById) {
  MustRecord(MakeRevision("zeta", "z", 1));
  MustRecord(MakeRevision("alpha", "a", 2));
  MustRecord(MakeRevision("zeta", "z two", 3));
  NewRevision mid = MakeRevision("mid.story_1", "m", 4);
  mid.headline = "Middle";
  MustRecord(mid);

  auto stories = archive_->Stories();
  ASSERT_OK(stories);
  ASSERT_EQ(stories->size(), 3u);
  EXPECT_EQ((*stories)[0].story, "alpha");
  EXPECT_EQ((*stories)[0].revisions, 1);
  EXPECT_EQ((*stories)[1].story, "mid.story_1");
  EXPECT_EQ((*stories)[1].headline, "Middle");
  EXPECT_EQ((*stories)[2].story, "zeta");
  EXPECT_EQ((*stories)[2].revisions, 2);
  EXPECT_EQ((*stories)[2].last_change.seconds, kSeptemberFirst + 3 * 3600);
  EXPECT_EQ((*stories)[2].headline, "Headline of zeta");
}

TEST_F(RecordTest, ReopenedArchiveContinuesTheChain) {
  const Revision r1 = MustRecord(MakeRevision("story", "one", 1));
  archive_.reset();
  auto reopened = Archive::Open(dir_);
  ASSERT_OK(reopened);
  archive_.emplace(std::move(reopened).value());
  const Revision r2 = MustRecord(MakeRevision("story", "two", 2));
  EXPECT_EQ(r2.number, 2);
  EXPECT_EQ(r2.previous_commit, r1.commit);
  ExpectGitHappy();
}

TEST_F(RecordTest, ContinuesAfterPlainGitMovedMain) {
  MustRecord(MakeRevision("story", "one", 1));
  // Someone commits a file by hand in a clone and pushes it to the archive.
  const std::string clone = tmp_ / "clone";
  ASSERT_EQ(test::RunShell("git clone -q '" + dir_ + "' '" + clone + "'").exit_code, 0);
  test::WriteFile(clone + "/NOTES.md", "hand-written\n");
  ASSERT_EQ(test::RunShell("cd '" + clone + "' && git add NOTES.md && git -c user.name=x -c user.email=x@y commit -q -m notes && "
                           "git push -q origin main")
                .exit_code,
            0);

  const Revision r2 = MustRecord(MakeRevision("story", "two", 2));
  EXPECT_EQ(r2.number, 2);
  EXPECT_EQ(Git(dir_, "ls-tree --name-only main"), ".gitattributes\n.redline-archive\nNOTES.md\nREADME.md\nstories\n");
  EXPECT_EQ(Git(dir_, "log --format=%s -2 main"), "Headline of story\nnotes\n");
  ExpectGitHappy();
}

TEST_F(RecordTest, LockedMainFailsWithoutChangingMainOrTheIndex) {
  MustRecord(MakeRevision("story", "one", 1));
  test::WriteFile(dir_ + "/.git/refs/heads/main.lock", "");  // plain git holds main
  const auto refs_before = test::Snapshot(dir_ + "/.git/refs");
  auto index_before = archive_->CheckIndex();
  ASSERT_OK(index_before);

  auto recorded = archive_->Record(MakeRevision("story", "two", 2));
  ASSERT_FALSE(recorded.ok());
  EXPECT_EQ(recorded.status().kind(), ErrorKind::kArchive);
  EXPECT_NE(recorded.status().message().find("refs/heads/main"), std::string::npos)
      << recorded.status().message();
  EXPECT_EQ(test::Snapshot(dir_ + "/.git/refs"), refs_before);
  auto index_after = archive_->CheckIndex();
  ASSERT_OK(index_after);
  EXPECT_TRUE(index_after->matches) << index_after->difference;
  EXPECT_EQ(index_after->revisions, 1u);

  std::filesystem::remove(dir_ + "/.git/refs/heads/main.lock");
  const Revision r2 = MustRecord(MakeRevision("story", "two", 2));
  EXPECT_EQ(r2.number, 2);
  ExpectGitHappy(/*allow_dangling=*/true);  // the failed attempts' objects
}

TEST_F(RecordTest, KeepsWorkingAfterGitGcPacksRefsAndObjects) {
  MustRecord(MakeRevision("alpha", "one", 1));
  MustRecord(MakeRevision("beta", "one", 2));
  ASSERT_EQ(test::RunShell("git -C '" + dir_ + "' gc -q").exit_code, 0);
  ASSERT_TRUE(std::filesystem::exists(dir_ + "/.git/packed-refs"));
  const Revision a2 = MustRecord(MakeRevision("alpha", "two", 3));
  EXPECT_EQ(a2.number, 2);
  auto log = archive_->Log("alpha");
  ASSERT_OK(log);
  EXPECT_EQ(log->size(), 2u);
  auto stories = archive_->Stories();
  ASSERT_OK(stories);
  EXPECT_EQ(stories->size(), 2u);
  ExpectGitHappy();
}

TEST_F(RecordTest, ManyStoriesStayConsistent) {
  for (int round = 0; round < 3; ++round) {
    for (int story = 0; story < 40; ++story) {
      MustRecord(MakeRevision("s" + std::to_string(story),
                              "round " + std::to_string(round), round * 100 + story));
    }
  }
  EXPECT_EQ(Git(dir_, "rev-list --count main"), "121\n");
  auto stories = archive_->Stories();
  ASSERT_OK(stories);
  ASSERT_EQ(stories->size(), 40u);
  for (const StorySummary& summary : *stories) EXPECT_EQ(summary.revisions, 3);
  EXPECT_EQ(Git(dir_, "show main:" + StoryDirectory("s7") + "/article.txt"),
            "# Headline of s7\n\nround 2\n");
  ExpectGitHappy();
}

}  // namespace
}  // namespace redline
