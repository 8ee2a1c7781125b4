// An archive written by format 1 (redline at 9e691b8: a work tree, an index of every file,
// one ref per story, stories/<fan>/<story>) is read as it is, refused for writing with a
// hint, and upgraded in place by `redline upgrade` with every revision id and every
// output kept.
#include <filesystem>
#include <fstream>

#include "e2e/e2e.h"

namespace redline::testing {
namespace {

class UpgradeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ProcessResult unpacked =
        RunCommand({"tar", "-xzf", FixturePath("archive-v1/archive-v1.tar.gz"), "-C", root_.path()});
    ASSERT_EQ(unpacked.exit_code, 0) << unpacked.err;
    archive_ = root_ / "archive";
  }
  ProcessResult InArchive(std::vector<std::string> args) {
    args.insert(args.begin(), {REDLINE_BINARY, "-C", archive_});
    return RunCommand(args);
  }
  static std::string Expected(const std::string& name) {
    return ReadFileOrDie(FixturePath("archive-v1/expected/" + name));
  }
  // Every output the fixture recorded from the version that wrote it.
  void ExpectTheSameOutputs() {
    EXPECT_EQ(InArchive({"log", kStory, "--json"}).out, Expected("log-un-xinjiang-report.json"));
    EXPECT_EQ(InArchive({"log", "council", "--json"}).out, Expected("log-council.json"));
    EXPECT_EQ(InArchive({"stories", "--json"}).out, Expected("stories.json"));
    for (int n = 1; n <= 4; ++n) {
      EXPECT_EQ(InArchive({"show", kStory + "@" + std::to_string(n)}).out,
                Expected("show-un-xinjiang-report-" + std::to_string(n) + ".txt"))
          << n;
    }
    EXPECT_EQ(InArchive({"show", "council@1"}).out, Expected("show-council-1.txt"));
    EXPECT_EQ(InArchive({"show", "council", "--raw"}).out, Expected("show-council-raw.txt"));
    EXPECT_EQ(InArchive({"diff", kStory, "1", "4", "--format", "json"}).out,
              Expected("diff-un-xinjiang-report-1-4.json"));
  }

  TempDir root_;
  std::string archive_;
};

TEST_F(UpgradeTest, FormatOneIsReadAsItIsThenUpgradedInPlace) {
  const std::string commits_before = RunCommand({"git", "-C", archive_, "rev-list", "main"}).out;
  ExpectTheSameOutputs();

  // Writing waits for the upgrade, and says so.
  const ProcessResult refused = InArchive({"snapshot", "council", StoryRevisionPath(1)});
  EXPECT_EQ(refused.exit_code, 4);
  EXPECT_NE(refused.err.find("format 1"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("redline upgrade"), std::string::npos) << refused.err;

  const ProcessResult upgraded = InArchive({"upgrade"});
  ASSERT_EQ(upgraded.exit_code, 0) << upgraded.err;
  EXPECT_NE(upgraded.out.find("from format 1 to 2: 2 stories (2 folders moved, 2 refs"), std::string::npos)
      << upgraded.out;
  // Every commit kept, plus the one that moves the folders.
  const std::string commits_after = RunCommand({"git", "-C", archive_, "rev-list", "main~1"}).out;
  EXPECT_EQ(commits_after, commits_before);
  EXPECT_EQ(RunCommand({"git", "-C", archive_, "rev-parse", "--is-bare-repository"}).out, "true\n");
  EXPECT_EQ(RunCommand({"git", "-C", archive_, "for-each-ref", "refs/redline"}).out, "");
  EXPECT_FALSE(std::filesystem::exists(archive_ + "/stories"));
  EXPECT_EQ(RunCommand({"git", "-C", archive_, "config", "redline.archiveversion"}).out, "2\n");
  const ProcessResult fsck = RunCommand({"git", "-C", archive_, "fsck", "--strict", "--no-progress"});
  EXPECT_EQ(fsck.exit_code, 0) << fsck.err;
  ExpectTheSameOutputs();

  // Recording continues the chains; the old revisions stay where format 1 put them.
  const ProcessResult more = InArchive({"snapshot", kStory, StoryRevisionPath(4), "--at", "2022-09-03T00:00:00Z"});
  ASSERT_EQ(more.exit_code, 0) << more.err;
  EXPECT_EQ(more.out.rfind(kStory + ": revision 5 (", 0), 0u) << more.out;
  EXPECT_EQ(InArchive({"show", kStory + "@1"}).out, Expected("show-un-xinjiang-report-1.txt"));
  EXPECT_EQ(InArchive({"reindex", "--check"}).exit_code, 0);
  const ProcessResult tree = RunCommand({"git", "-C", archive_, "ls-tree", "-r", "--name-only", "main"});
  EXPECT_EQ(tree.out.find("stories/" + RunCommand({"sh", "-c", "printf %s un-xinjiang-report | git hash-object "
                                                                    "--stdin | cut -c1-2"})
                                           .out.substr(0, 2) +
                          "/"),
            std::string::npos)
      << tree.out;

  // Nothing to do the second time.
  const ProcessResult again = InArchive({"upgrade"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("nothing to do"), std::string::npos) << again.out;
}

TEST_F(UpgradeTest, ChangesInTheWorkTreeStopTheUpgrade) {
  std::string article;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(archive_ + "/stories")) {
    if (entry.path().filename() == "article.txt") article = entry.path();
  }
  ASSERT_FALSE(article.empty());
  {
    std::ofstream(article, std::ios::app) << "A line typed by hand.\n";
  }
  const std::string before = RepositoryFingerprint(archive_);
  const ProcessResult refused = InArchive({"upgrade"});
  EXPECT_EQ(refused.exit_code, 4);
  EXPECT_NE(refused.err.find("changes that are not recorded"), std::string::npos) << refused.err;
  EXPECT_EQ(RepositoryFingerprint(archive_), before);
}

}  // namespace
}  // namespace redline::testing
