// `redline rm STORY` (issue 25, item 9): a story recorded by mistake goes in one commit that
// removes its files, as `git rm` does; its history stays readable with git, the revision
// index stops listing it, and the id can be recorded again, starting at revision 1.
#include <filesystem>
#include <regex>

#include "e2e/e2e.h"

namespace redline::testing {
namespace {

const std::string kHeadline =
    "UN’s Xinjiang human rights report expected to further strain relations between China and West";

class RemoveTest : public ArchiveTest {
 protected:
  void SetUp() override {
    ArchiveTest::SetUp();
    RecordRevisions(2);
    ASSERT_EQ(InArchive({"snapshot", "city-budget", StoryRevisionPath(3)}).exit_code, 0);
    const ProcessResult hash = RunCommand({"sh", "-c", "printf %s " + kStory + " | git hash-object --stdin"});
    ASSERT_EQ(hash.exit_code, 0);
    folder_ = "stories/";
    for (int i = 0; i < 4; ++i) folder_ += hash.out.substr(i, 1) + "/";
    folder_ += kStory;
  }
  void ExpectIndexMatchesHistory() {
    const ProcessResult check = InArchive({"reindex", "--check"});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  }
  void ExpectFsckClean() {
    const ProcessResult fsck = Git({"fsck", "--strict", "--no-progress"});
    EXPECT_EQ(fsck.exit_code, 0) << fsck.out << fsck.err;
  }
  std::string folder_;  // stories/a/b/c/d/un-xinjiang-report
};

TEST_F(RemoveTest, RemovesTheFilesInOneCommitAndKeepsTheHistory) {
  const std::string head_before = Git({"rev-parse", "main"}).out;
  const ProcessResult r = InArchive({"rm", kStory});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, kStory + ": removed (2 revisions stay in the history: git log main -- " + folder_ + ")\n");
  EXPECT_EQ(r.err, "");

  // One commit on top of main, removing exactly the story's files.
  EXPECT_EQ(Git({"rev-parse", "main~1"}).out, head_before);
  EXPECT_EQ(Git({"log", "-1", "--format=%B", "main"}).out,
            "Remove story " + kStory + "\n\nRedline-Story: " + kStory + "\nRedline-Removed: 2\nRedline-Previous: " +
                Git({"rev-parse", "main~2"}).out + "\n");
  EXPECT_EQ(Git({"diff", "--name-status", "main~1", "main"}).out,
            "D\t" + folder_ + "/article.txt\nD\t" + folder_ + "/raw.html\n");
  EXPECT_EQ(Git({"ls-tree", "-r", "--name-only", "main", "--", folder_.substr(0, 9)}).out, "");  // no empty folders
  ExpectFsckClean();

  // The command the message names shows the story's history with plain git.
  ProcessOptions in_archive;
  in_archive.cwd = archive_;
  const ProcessResult history = RunCommand({"git", "log", "--format=%s", "main", "--", folder_}, in_archive);
  EXPECT_EQ(history.out,
            "Remove story " + kStory + "\n" + kHeadline + "\n" + kHeadline + "\n")
      << history.out;

  // Listed no more; read as removed; the index agrees with the history, also rebuilt.
  ProcessResult stories = InArchive({"stories"});
  EXPECT_EQ(stories.out.find(kStory), std::string::npos) << stories.out;
  EXPECT_NE(stories.out.find("city-budget"), std::string::npos);
  const std::regex removed("redline: error: story 'un-xinjiang-report' was removed in commit [0-9a-f]{7} "
                           "\\(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\); its 2 revisions stay in the history: "
                           "git log main -- " + folder_ + "\n");
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"log", kStory}, {"show", kStory + "@1"}, {"diff", kStory}, {"blame", kStory}, {"rm", kStory}}) {
    const ProcessResult read = InArchive(args);
    EXPECT_EQ(read.exit_code, 3) << args[0];
    EXPECT_TRUE(std::regex_match(read.err, removed)) << args[0] << ": " << read.err;
  }
  ExpectIndexMatchesHistory();
  std::filesystem::remove_all(archive_ + "/.git/redline");
  stories = InArchive({"stories"});
  EXPECT_EQ(stories.out.find(kStory), std::string::npos) << stories.out;
  EXPECT_TRUE(std::regex_match(InArchive({"log", kStory}).err, removed));

  // A clone has no files of it.
  ASSERT_EQ(RunCommand({"git", "clone", "-q", archive_, root_ / "clone"}).exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(root_ / ("clone/" + folder_)));
  EXPECT_TRUE(std::filesystem::exists(root_ / "clone/.redline-archive"));
}

TEST_F(RemoveTest, TheIdCanBeRecordedAgainFromRevisionOne) {
  ASSERT_EQ(InArchive({"rm", kStory}).exit_code, 0);
  const ProcessResult again = InArchive({"snapshot", kStory, StoryRevisionPath(4)});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(std::regex_match(again.out, std::regex(kStory + ": revision 1 \\(\\+\\d+ -0 words\\)\n"))) << again.out;
  const ProcessResult log = InArchive({"log", kStory});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  EXPECT_EQ(std::count(log.out.begin(), log.out.end(), '\n'), 1) << log.out;
  EXPECT_NE(InArchive({"stories"}).out.find(kStory), std::string::npos);
  EXPECT_EQ(Git({"log", "-1", "--format=%(trailers:key=Redline-Previous)", "main"}).out, "\n");
  ExpectIndexMatchesHistory();
  ASSERT_EQ(InArchive({"reindex"}).exit_code, 0);
  EXPECT_EQ(InArchive({"log", kStory}).out, log.out);
  // And removed again.
  const ProcessResult second = InArchive({"rm", kStory});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out, kStory + ": removed (1 revision stays in the history: git log main -- " + folder_ + ")\n");
  ExpectIndexMatchesHistory();
  ExpectFsckClean();
}

TEST_F(RemoveTest, RefusesWhatCannotBeRemovedAndChangesNothing) {
  const std::string before = RepositoryFingerprint(archive_);
  ProcessResult r = InArchive({"rm", "city-budgte"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "redline: error: no story 'city-budgte' in the archive; did you mean 'city-budget'?\n");
  r = InArchive({"rm"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "redline: error: STORY is required (see 'redline rm --help')\n");
  r = InArchive({"rm", "City-Budget"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("did you mean 'city-budget'?"), std::string::npos) << r.err;
  EXPECT_EQ(RepositoryFingerprint(archive_), before);
}

// A tracked story would be fetched again at once: untracking says the revisions stay, and
// rm asks for the untracking first.
TEST_F(RemoveTest, UntrackKeepsTheRevisionsAndRmWantsTheStoryUntracked) {
  ASSERT_EQ(InArchive({"track", "http://127.0.0.1:9/budget", "--story", "city-budget", "--no-check"}).exit_code, 0);
  ASSERT_EQ(InArchive({"track", "http://127.0.0.1:9/later", "--story", "not-yet-fetched", "--no-check"}).exit_code, 0);
  const std::string before = RepositoryFingerprint(archive_);
  ProcessResult r = InArchive({"rm", "city-budget"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err,
            "redline: error: story 'city-budget' is tracked (http://127.0.0.1:9/budget); run 'redline untrack "
            "city-budget' first, or the next fetch records it again\n");
  EXPECT_EQ(RepositoryFingerprint(archive_), before);
  r = InArchive({"untrack", "city-budget"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "city-budget: no longer tracking http://127.0.0.1:9/budget; its 1 revision stays ('redline rm "
            "city-budget' removes the story)\n");
  r = InArchive({"untrack", "not-yet-fetched"});
  EXPECT_EQ(r.out, "not-yet-fetched: no longer tracking http://127.0.0.1:9/later; it has no revisions\n");
  r = InArchive({"rm", "city-budget"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("city-budget: removed (1 revision stays in the history: git log main -- stories/", 0), 0u);
}

}  // namespace
}  // namespace redline::testing
