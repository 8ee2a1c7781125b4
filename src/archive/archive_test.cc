// Creating, opening and finding archives, checked with the real git binary.
#include "redline/archive.h"

#include <git2.h>
#include <gtest/gtest.h>

#include <vector>

#include <filesystem>

#include "archive/test_util.h"

namespace redline {
namespace {

using test::Git;
using test::RunShell;
using test::TempDir;

// libgit2 is initialised once per process, as main does for the tool.
class LibGit2Environment : public ::testing::Environment {
 public:
  void SetUp() override { git_libgit2_init(); }
  void TearDown() override { git_libgit2_shutdown(); }
};
const ::testing::Environment* const kLibGit2 =
    ::testing::AddGlobalTestEnvironment(new LibGit2Environment);

TEST(ArchiveInit, CreatesACleanRepositoryThatGitAccepts) {
  TempDir tmp;
  const std::string dir = tmp / "new/archive";  // neither folder exists yet
  auto archive = Archive::Init(dir);
  ASSERT_OK(archive);
  EXPECT_EQ(archive->path(), dir);

  EXPECT_EQ(Git(dir, "symbolic-ref HEAD"), "refs/heads/main\n");
  EXPECT_EQ(Git(dir, "rev-parse --is-bare-repository"), "true\n");
  EXPECT_EQ(Git(dir, "config redline.archiveversion"), "2\n");
  EXPECT_EQ(Git(dir, "log --format=%s%n%an%n%ae main"),
            "Initialize redline archive\nredline\nredline@localhost\n");
  EXPECT_EQ(Git(dir, "ls-tree --name-only main"), ".gitattributes\n.redline-archive\nREADME.md\n");
  EXPECT_NE(Git(dir, "show main:README.md").find("stories/<a>/<b>/<c>/<d>/<story>/article.txt"), std::string::npos);
  EXPECT_EQ(Git(dir, "show main:.redline-archive"), "redline archive, version 2\n");
  // Nothing but the repository: no work tree to keep up with each revision.
  std::vector<std::string> entries;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) entries.push_back(entry.path().filename());
  EXPECT_EQ(entries, std::vector<std::string>{".git"});
  EXPECT_TRUE(std::filesystem::exists(dir + "/.git/redline/revisions.sqlite"));
  EXPECT_EQ(Git(dir, "fsck --strict --no-progress"), "");
  // A clone gives files a person can open.
  EXPECT_EQ(RunShell("git clone -q '" + dir + "' '" + (tmp / "clone") + "'").exit_code, 0);
  EXPECT_EQ(test::ReadFile(tmp / "clone/README.md"), Git(dir, "show main:README.md"));
}

TEST(ArchiveInit, UsesAnExistingEmptyFolder) {
  TempDir tmp;
  ASSERT_OK(Archive::Init(tmp.path()));
  EXPECT_EQ(test::ArchiveProblems(tmp.path()), "");
}

TEST(ArchiveInit, RefusesAFolderThatHoldsARepository) {
  TempDir tmp;
  ASSERT_OK(Archive::Init(tmp / "a"));
  const std::string head = Git(tmp / "a", "rev-parse main");
  auto again = Archive::Init(tmp / "a");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().kind(), ErrorKind::kArchive);
  EXPECT_EQ(again.status().message(), "a git repository already exists in " + (tmp / "a"));
  EXPECT_EQ(Git(tmp / "a", "rev-parse main"), head);  // untouched

  ASSERT_EQ(RunShell("git init -q '" + (tmp / "plain") + "'").exit_code, 0);
  auto plain = Archive::Init(tmp / "plain");
  ASSERT_FALSE(plain.ok());
  EXPECT_NE(plain.status().message().find("already exists"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(tmp / "plain/README.md"));

  ASSERT_EQ(RunShell("git init -q --bare '" + (tmp / "bare") + "'").exit_code, 0);
  EXPECT_FALSE(Archive::Init(tmp / "bare").ok());
}

TEST(ArchiveInit, RefusesAFile) {
  TempDir tmp;
  test::WriteFile(tmp / "file", "x");
  auto archive = Archive::Init(tmp / "file");
  ASSERT_FALSE(archive.ok());
  EXPECT_EQ(archive.status().kind(), ErrorKind::kArchive);
  EXPECT_EQ(test::ReadFile(tmp / "file"), "x");
}

TEST(ArchiveOpen, OpensAnArchive) {
  TempDir tmp;
  ASSERT_OK(Archive::Init(tmp / "a"));
  auto archive = Archive::Open(tmp / "a");
  ASSERT_OK(archive);
  EXPECT_EQ(archive->path(), tmp / "a");
  auto stories = archive->Stories();
  ASSERT_OK(stories);
  EXPECT_TRUE(stories->empty());
}

TEST(ArchiveOpen, RefusesWhatIsNotAnArchive) {
  TempDir tmp;
  std::filesystem::create_directories(tmp / "empty");
  ASSERT_EQ(RunShell("git init -q '" + (tmp / "plain") + "'").exit_code, 0);
  ASSERT_OK(Archive::Init(tmp / "archive"));
  std::filesystem::create_directories(tmp / "archive/sub");

  for (const std::string& dir :
       {tmp / "empty", tmp / "plain", tmp / "missing", tmp / "archive/sub"}) {
    auto archive = Archive::Open(dir);
    ASSERT_FALSE(archive.ok()) << dir;
    EXPECT_EQ(archive.status().kind(), ErrorKind::kArchive);
    EXPECT_EQ(archive.status().message(),
              "not a redline archive: " + dir + " (run 'redline init')");
  }
}

TEST(ArchiveOpen, IgnoresTheMarkerInGlobalConfig) {
  TempDir tmp;
  ASSERT_EQ(RunShell("git init -q '" + (tmp / "plain") + "'").exit_code, 0);
  test::WriteFile(tmp / ".gitconfig", "[redline]\n\tarchiveversion = 1\n");
  ASSERT_EQ(git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, tmp.path().c_str()), 0);
  // The key is visible through the repository's full config...
  git_repository* repo = nullptr;
  ASSERT_EQ(git_repository_open(&repo, (tmp / "plain").c_str()), 0);
  git_config* config = nullptr;
  ASSERT_EQ(git_repository_config_snapshot(&config, repo), 0);
  int32_t version = 0;
  EXPECT_EQ(git_config_get_int32(&version, config, "redline.archiveversion"), 0);
  git_config_free(config);
  git_repository_free(repo);
  // ...but only the repository's own config marks an archive.
  auto archive = Archive::Open(tmp / "plain");
  git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_GLOBAL, nullptr);
  EXPECT_FALSE(archive.ok());
}

TEST(ArchiveOpen, RefusesANewerArchiveVersion) {
  TempDir tmp;
  ASSERT_OK(Archive::Init(tmp / "a"));
  ASSERT_EQ(Git(tmp / "a", "config redline.archiveversion 3"), "");
  auto archive = Archive::Open(tmp / "a");
  ASSERT_FALSE(archive.ok());
  EXPECT_EQ(archive.status().kind(), ErrorKind::kArchive);
  EXPECT_NE(archive.status().message().find("format 3, newer than this redline reads (2)"), std::string::npos)
      << archive.status().message();
}

TEST(ArchiveOpen, AClonesWorkTreeIsReadButNotWritten) {
  TempDir tmp;
  auto archive = Archive::Init(tmp / "a");
  ASSERT_OK(archive);
  NewRevision revision;
  revision.story = "story";
  revision.text = "# Story\n\nText.\n";
  revision.raw = "Text.\n";
  revision.raw_extension = "txt";
  revision.captured_at = {1661990400, 0};
  ASSERT_OK(archive->Record(revision));
  ASSERT_EQ(RunShell("git clone -q '" + (tmp / "a") + "' '" + (tmp / "clone") + "'").exit_code, 0);
  auto clone = Archive::Open(tmp / "clone");
  ASSERT_OK(clone);
  auto log = clone->Log("story");
  ASSERT_OK(log);
  EXPECT_EQ(log->size(), 1u);
  revision.text = "# Story\n\nText, edited.\n";
  auto recorded = clone->Record(revision);
  ASSERT_FALSE(recorded.ok());
  EXPECT_EQ(recorded.status().kind(), ErrorKind::kArchive);
  EXPECT_NE(recorded.status().message().find("redline upgrade"), std::string::npos) << recorded.status().message();
  auto upgraded = Archive::Upgrade(tmp / "clone");
  ASSERT_OK(upgraded);
  EXPECT_TRUE(upgraded->upgraded);
  EXPECT_EQ(upgraded->files_removed, 5u);  // README.md, .gitattributes, marker, article, raw
  auto reopened = Archive::Open(tmp / "clone");
  ASSERT_OK(reopened);
  ASSERT_OK(reopened->Record(revision));
  EXPECT_EQ(test::ArchiveProblems(tmp / "clone"), "");
}

TEST(ArchiveDiscover, FindsTheNearestArchiveAbove) {
  TempDir tmp;
  ASSERT_OK(Archive::Init(tmp / "archive"));
  std::filesystem::create_directories(tmp / "archive/a/b/c");
  // A plain repository inside the archive is skipped over.
  ASSERT_EQ(RunShell("git init -q '" + (tmp / "archive/a/plain") + "'").exit_code, 0);
  std::filesystem::create_directories(tmp / "archive/a/plain/x");

  for (const std::string& start :
       {tmp / "archive", tmp / "archive/", tmp / "archive/a/b/c", tmp / "archive/a/b/../b/c",
        tmp / "archive/a/plain/x"}) {
    auto found = Archive::Discover(start);
    ASSERT_OK(found);
    EXPECT_EQ(*found, tmp / "archive") << start;
  }
}

TEST(ArchiveDiscover, SuggestsInitWhenThereIsNone) {
  TempDir tmp;
  ASSERT_EQ(RunShell("git init -q '" + (tmp / "plain") + "'").exit_code, 0);
  auto found = Archive::Discover(tmp / "plain");
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.status().kind(), ErrorKind::kArchive);
  EXPECT_NE(found.status().message().find("redline init"), std::string::npos);
}

TEST(StoryDirectory, FansOutByTheGitBlobIdOfTheStoryId) {
  const std::string id = RunShell("printf %s un-report | git hash-object --stdin").output;
  EXPECT_EQ(StoryDirectory("un-report"), "stories/" + id.substr(0, 1) + "/" + id.substr(1, 1) + "/" + id.substr(2, 1) +
                                             "/" + id.substr(3, 1) + "/un-report");
  EXPECT_EQ(StoryDirectory("a"), "stories/2/e/6/5/a");  // git hash-object: 2e65efe2...
  // The README's recipe gives the same folder.
  EXPECT_EQ(RunShell("printf %s a | git hash-object --stdin | cut -c1-4 | sed 's|.|&/|g'").output, "2/e/6/5/\n");
}

}  // namespace
}  // namespace redline
