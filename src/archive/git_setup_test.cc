// The diff driver git-setup writes into an archive's repository: config and attributes,
// read back by the real git. tests/e2e/git_setup_test.cc runs git diff, log and show.
#include "archive/git_setup.h"

#include <git2.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

#include "archive/test_util.h"
#include "redline/archive.h"

namespace redline {
namespace {

using test::Git;
using test::TempDir;

const GitDiffCommands kCommands = {"'/opt/redline' git-diff-driver", "'/opt/redline' git-textconv"};

class GitSetupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    git_libgit2_init();
    auto archive = Archive::Init(tmp_ / "archive");
    ASSERT_OK(archive);
    dir_ = archive->path();
    config_before_ = test::ReadFile(dir_ + "/.git/config");
  }
  std::string Attributes() { return test::ReadFile(dir_ + "/.git/info/attributes"); }
  // What git itself reads: the attribute and the config key.
  std::string DiffAttribute(const std::string& path) { return Git(dir_, "check-attr diff -- " + path); }

  TempDir tmp_;
  std::string dir_;
  std::string config_before_;
};

TEST_F(GitSetupTest, GitReadsTheDriverAndItsAttributes) {
  auto change = InstallGitDiff(dir_, kCommands);
  ASSERT_OK(change);
  EXPECT_EQ(*change, GitSetupChange::kAdded);
  EXPECT_EQ(Git(dir_, "config diff.redline.command"), "'/opt/redline' git-diff-driver\n");
  EXPECT_EQ(Git(dir_, "config diff.redline.textconv"), "'/opt/redline' git-textconv\n");
  EXPECT_EQ(Git(dir_, "config diff.redline.wordRegex"), "[^[:space:][:punct:]]+|[[:punct:]]\n");
  EXPECT_EQ(DiffAttribute("stories/4/b/d/8/s/article.txt"), "stories/4/b/d/8/s/article.txt: diff: redline\n");
  EXPECT_EQ(DiffAttribute("stories/4/b/d/8/s/raw.html"), "stories/4/b/d/8/s/raw.html: diff: unset\n");
  EXPECT_EQ(DiffAttribute("stories/4/b/d/8/s/raw.txt"), "stories/4/b/d/8/s/raw.txt: diff: unset\n");
  EXPECT_EQ(DiffAttribute("README.md"), "README.md: diff: unspecified\n");
  EXPECT_EQ(DiffAttribute("tracking/tracked.json"), "tracking/tracked.json: diff: unspecified\n");
}

TEST_F(GitSetupTest, AgainChangesNothingAndANewPathUpdates) {
  ASSERT_OK(InstallGitDiff(dir_, kCommands));
  const std::string config = test::ReadFile(dir_ + "/.git/config");
  const std::string attributes = Attributes();
  auto again = InstallGitDiff(dir_, kCommands);
  ASSERT_OK(again);
  EXPECT_EQ(*again, GitSetupChange::kUnchanged);
  EXPECT_EQ(test::ReadFile(dir_ + "/.git/config"), config);
  EXPECT_EQ(Attributes(), attributes);

  auto moved = InstallGitDiff(dir_, {"'/usr/bin/redline' git-diff-driver", "'/usr/bin/redline' git-textconv"});
  ASSERT_OK(moved);
  EXPECT_EQ(*moved, GitSetupChange::kUpdated);
  EXPECT_EQ(Git(dir_, "config --get-all diff.redline.command"), "'/usr/bin/redline' git-diff-driver\n");
  EXPECT_EQ(Attributes(), attributes);  // one block, not two
}

TEST_F(GitSetupTest, RemoveTakesOutExactlyWhatWasAdded) {
  // Lines of a person's own before, in a file without a final newline.
  std::filesystem::create_directories(dir_ + "/.git/info");
  test::WriteFile(dir_ + "/.git/info/attributes", "*.json diff=json");
  ASSERT_OK(InstallGitDiff(dir_, kCommands));
  EXPECT_EQ(Attributes().substr(0, 17), "*.json diff=json\n");
  // A key a person added to the driver goes with it.
  EXPECT_EQ(Git(dir_, "config diff.redline.cachetextconv true"), "");

  auto removed = RemoveGitDiff(dir_);
  ASSERT_OK(removed);
  EXPECT_TRUE(*removed);
  EXPECT_EQ(test::ReadFile(dir_ + "/.git/config"), config_before_);  // no empty [diff "redline"] left
  EXPECT_EQ(Attributes(), "*.json diff=json\n");
  EXPECT_EQ(DiffAttribute("stories/4/b/d/8/s/article.txt"), "stories/4/b/d/8/s/article.txt: diff: unspecified\n");

  auto nothing = RemoveGitDiff(dir_);
  ASSERT_OK(nothing);
  EXPECT_FALSE(*nothing);
}

TEST_F(GitSetupTest, RemoveKeepsOtherDriversAndSections) {
  EXPECT_EQ(Git(dir_, "config diff.json.textconv 'jq .'"), "");
  ASSERT_OK(InstallGitDiff(dir_, kCommands));
  EXPECT_EQ(Git(dir_, "config user.name Someone"), "");
  ASSERT_OK(RemoveGitDiff(dir_));
  EXPECT_EQ(Git(dir_, "config diff.json.textconv"), "jq .\n");
  EXPECT_EQ(Git(dir_, "config user.name"), "Someone\n");
  EXPECT_EQ(Git(dir_, "config --get-regexp '^diff[.]redline[.]' || echo none"), "none\n");
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/.git/info/attributes"));
}

}  // namespace
}  // namespace redline
