// `redline git-setup` (issue 26): after it, the real git shows redline's diffs in an archive:
// `git diff` (the external diff driver) redline's word diff, `git log -p` and `git show`
// (textconv) one changed sentence per line, and word diffs with --ext-diff. docs/git.md.
#include <filesystem>

#include "e2e/e2e.h"

namespace redline::testing {
namespace {

// Revision 3 of the fixture story changes two words in place ("Bachlet" -> "Bachelet",
// "about" -> "more than") and adds paragraphs of several sentences.
const std::string kEditedSentenceOld =
    "Beijing has always strongly denied accusations that it had detained about a million Uygurs and other members "
    "of mainly Muslim minority groups, and argued its “re-education camps” are designed to eradicate extremism and "
    "terrorism.";
const std::string kSecondSentenceAdded =
    "“There was intense Western pressure to make concessions, which tragically reflects that the UN has been "
    "completely hijacked by the West at the highest level.”";

class GitSetupTest : public ArchiveTest {
 protected:
  void SetUp() override {
    ArchiveTest::SetUp();
    RecordRevisions(3);
    const ProcessResult hash = RunCommand({"sh", "-c", "printf %s " + kStory + " | git hash-object --stdin"});
    ASSERT_EQ(hash.exit_code, 0);
    article_ = "stories/";
    for (int i = 0; i < 4; ++i) article_ += hash.out.substr(i, 1) + "/";
    article_ += kStory + "/article.txt";
  }
  // git in the archive, with no config but the archive's own: a person's ~/.gitconfig
  // (color.ui, diff.external, ...) does not change what the test sees.
  ProcessResult GitIn(std::vector<std::string> args) {
    args.insert(args.begin(), {"git", "-C", archive_});
    ProcessOptions options;
    options.env.emplace("GIT_CONFIG_GLOBAL", "/dev/null");
    options.env.emplace("GIT_PAGER", "cat");
    return RunCommand(args, options);
  }
  ProcessResult GitSetup(std::vector<std::string> args = {}) {
    args.insert(args.begin(), "git-setup");
    return InArchive(args);
  }
  std::string Blob(const std::string& spec) { return GitIn({"rev-parse", "--short=7", spec}).out.substr(0, 7); }
  std::string GitDir() { return archive_ + "/.git"; }
  // What git-setup may change: the config, info/attributes and the refs.
  std::string GitState() {
    const std::string attributes = GitDir() + "/info/attributes";
    return ReadFileOrDie(GitDir() + "/config") + "\n--\n" +
           (std::filesystem::exists(attributes) ? ReadFileOrDie(attributes) : "(no info/attributes)") + "\n--\n" +
           GitIn({"for-each-ref"}).out;
  }
  // redline diff's plain word diff of revisions A and B, without its "---"/"+++" lines.
  std::string RedlineWordDiff(const std::string& a, const std::string& b) {
    const ProcessResult r = InArchive({"diff", kStory, a, b, "--format", "plain"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out.substr(r.out.find('\n', r.out.find("\n+++ ") + 1) + 1);
  }

  std::string article_;  // stories/a/b/c/d/un-xinjiang-report/article.txt
};

TEST_F(GitSetupTest, GitDiffShowsRedlinesWordDiff) {
  const ProcessResult setup = GitSetup();
  ASSERT_EQ(setup.exit_code, 0) << setup.err;
  EXPECT_EQ(setup.out.substr(0, 13), "Set up git in");
  EXPECT_EQ(setup.err, "");

  const ProcessResult diff = GitIn({"diff", "main~1", "main"});
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  const std::string raw = article_.substr(0, article_.size() - 11) + "raw.html";
  EXPECT_EQ(diff.out, "diff --git a/" + article_ + " b/" + article_ + "\nindex " + Blob("main~1:" + article_) + ".." + Blob("main:" + article_) +
                          " 100644\n--- a/" + article_ + "\n+++ b/" + article_ + "\n" + RedlineWordDiff("2", "3") +
                          "diff --git a/" + raw + " b/" + raw + "\nindex " + Blob("main~1:" + raw) + ".." +
                          Blob("main:" + raw) + " 100644\nBinary files a/" + raw + " and b/" + raw + " differ\n");
  // The two words edited in place, marked as redline marks them.
  EXPECT_NE(diff.out.find("[-Bachlet’s-]{+Bachelet’s+}"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("[-about-]{+more than+}"), std::string::npos) << diff.out;

  // A new story: git's "new file" header, the whole text inserted.
  const ProcessResult created = GitIn({"diff", "main~3", "main~2", "--", article_});
  EXPECT_EQ(created.out.substr(0, created.out.find("@@")),
            "diff --git a/" + article_ + " b/" + article_ + "\nnew file mode 100644\nindex 0000000.." + Blob("main~2:" + article_) +
                "\n--- /dev/null\n+++ b/" +
                article_ + "\n");
  EXPECT_NE(created.out.find("{+# UN’s Xinjiang"), std::string::npos) << created.out;
}

TEST_F(GitSetupTest, ARemovedStoryIsADeletedFileWithItsWholeTextRemoved) {
  ASSERT_EQ(GitSetup().exit_code, 0);
  ASSERT_EQ(InArchive({"rm", kStory}).exit_code, 0);
  const ProcessResult diff = GitIn({"diff", "main~1", "main", "--", article_});
  EXPECT_EQ(diff.out.substr(0, diff.out.find("@@")),
            "diff --git a/" + article_ + " b/" + article_ + "\ndeleted file mode 100644\nindex " +
                Blob("main~1:" + article_) + "..0000000\n--- a/" + article_ + "\n+++ /dev/null\n");
  EXPECT_NE(diff.out.find("\n[-# UN’s Xinjiang"), std::string::npos) << diff.out;
  EXPECT_EQ(diff.out.find("{+"), std::string::npos) << diff.out;
}

TEST_F(GitSetupTest, LogAndShowShowChangedSentencesAndWordDiffsWithExtDiff) {
  ASSERT_EQ(GitSetup().exit_code, 0);
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"log", "-p", "-1", "main"}, std::vector<std::string>{"show", "main"}}) {
    const ProcessResult r = GitIn(command);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // git's own line diff of the text one sentence per line: the edited sentence as a whole
    // line, and the second sentence of an added paragraph on a line of its own.
    EXPECT_NE(r.out.find("\n-" + kEditedSentenceOld + "\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\n+" + kSecondSentenceAdded + "\n"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("{+"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Binary files a/"), std::string::npos) << r.out;  // raw.html in one line

    // --ext-diff: the word diff git diff shows.
    std::vector<std::string> ext = command;
    ext.insert(ext.begin() + 1, "--ext-diff");
    const ProcessResult words = GitIn(ext);
    ASSERT_EQ(words.exit_code, 0) << words.err;
    EXPECT_NE(words.out.find(RedlineWordDiff("2", "3")), std::string::npos) << words.out;
  }
  // --word-diff marks words in the sentence lines, by the driver's wordRegex.
  const ProcessResult word_diff = GitIn({"log", "-p", "-1", "--word-diff", "main"});
  EXPECT_NE(word_diff.out.find("[-about-]{+more than+}"), std::string::npos) << word_diff.out;
}

TEST_F(GitSetupTest, NoExtDiffIsGitsOwnDiff) {
  const std::string article_before = GitIn({"diff", "main~1", "main", "--", article_}).out;
  ASSERT_EQ(GitSetup().exit_code, 0);
  // git's line diff of the sentences, no word marks.
  const ProcessResult lines = GitIn({"diff", "--no-ext-diff", "main~1", "main", "--", article_});
  EXPECT_NE(lines.out.find("\n@@ -"), std::string::npos) << lines.out;
  EXPECT_NE(lines.out.find("\n-" + kEditedSentenceOld + "\n"), std::string::npos) << lines.out;
  EXPECT_EQ(lines.out.find("[-"), std::string::npos) << lines.out;
  // And without the text conversion, the stored bytes' diff exactly as before git-setup.
  EXPECT_EQ(GitIn({"diff", "--no-ext-diff", "--no-textconv", "main~1", "main", "--", article_}).out, article_before);
}

TEST_F(GitSetupTest, RemoveRestoresPlainGit) {
  const std::string state_before = GitState();
  const std::string diff_before = GitIn({"diff", "main~1", "main"}).out;
  const std::string log_before = GitIn({"log", "-p", "main"}).out;
  ASSERT_EQ(GitSetup().exit_code, 0);
  ASSERT_NE(GitIn({"diff", "main~1", "main"}).out, diff_before);
  // A person turns git's textconv cache on; git writes it as a commit, under a name.
  ASSERT_EQ(GitIn({"config", "diff.redline.cachetextconv", "true"}).exit_code, 0);
  ASSERT_NE(GitIn({"-c", "user.name=A", "-c", "user.email=a@example.com", "log", "-p", "main"}).out, log_before);
  ASSERT_NE(GitIn({"for-each-ref", "refs/notes/textconv/redline"}).out, "");

  const ProcessResult removed = GitSetup({"--remove"});
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(removed.out, "Removed redline's git setup from " + archive_ +
                             ": git diff, git log -p and git show are git's own again\n");
  EXPECT_EQ(GitState(), state_before);
  EXPECT_EQ(GitIn({"diff", "main~1", "main"}).out, diff_before);
  EXPECT_EQ(GitIn({"log", "-p", "main"}).out, log_before);

  const ProcessResult again = GitSetup({"--remove"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out, "No redline git setup in " + archive_ + "; nothing to remove\n");
  EXPECT_EQ(GitState(), state_before);
}

TEST_F(GitSetupTest, SecondRunChangesNothing) {
  ASSERT_EQ(GitSetup().exit_code, 0);
  const std::string after_first = RepositoryFingerprint(archive_);
  const ProcessResult second = GitSetup();
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out.substr(0, second.out.find(" (using")), "git in " + archive_ + " is set up already");
  EXPECT_EQ(RepositoryFingerprint(archive_), after_first);
}

TEST_F(GitSetupTest, KeepsWhatAPersonWroteInInfoAttributes) {
  const std::string own = "*.json diff=json\n";
  std::filesystem::create_directories(GitDir() + "/info");
  WriteFileOrDie(GitDir() + "/info/attributes", own);
  ASSERT_EQ(GitSetup().exit_code, 0);
  const std::string attributes = ReadFileOrDie(GitDir() + "/info/attributes");
  EXPECT_EQ(attributes.substr(0, own.size()), own);
  EXPECT_NE(attributes.find("\nstories/**/article.txt diff=redline\n"), std::string::npos) << attributes;
  ASSERT_EQ(GitSetup({"--remove"}).exit_code, 0);
  EXPECT_EQ(ReadFileOrDie(GitDir() + "/info/attributes"), own);
}

TEST_F(GitSetupTest, GitRunsThisBinaryByItsAbsolutePath) {
  ASSERT_EQ(GitSetup().exit_code, 0);
  const std::string binary = std::filesystem::canonical(REDLINE_BINARY).string();
  EXPECT_EQ(GitIn({"config", "diff.redline.command"}).out, "'" + binary + "' git-diff-driver\n");
  EXPECT_EQ(GitIn({"config", "diff.redline.textconv"}).out, "'" + binary + "' git-textconv\n");
  // Found with a PATH that has no redline on it.
  ProcessOptions options;
  options.env.emplace("PATH", "/usr/bin:/bin");
  options.env.emplace("GIT_CONFIG_GLOBAL", "/dev/null");
  const ProcessResult diff = RunCommand({"git", "-C", archive_, "diff", "main~1", "main"}, options);
  EXPECT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_NE(diff.out.find("[-about-]{+more than+}"), std::string::npos) << diff.out;
}

TEST_F(GitSetupTest, ColorsFollowGitsConfig) {
  ASSERT_EQ(GitSetup().exit_code, 0);
  // Not a terminal and no pager: no color, as git.
  EXPECT_EQ(GitIn({"diff", "main~1", "main"}).out.find('\x1b'), std::string::npos);
  const ProcessResult always = GitIn({"-c", "color.diff=always", "diff", "main~1", "main"});
  EXPECT_NE(always.out.find("\x1b[1mdiff --git a/" + article_), std::string::npos) << always.out;
  EXPECT_NE(always.out.find("\x1b[31mabout\x1b[m\x1b[32mmore than\x1b[m"), std::string::npos) << always.out;
}

TEST_F(GitSetupTest, RefusesOutsideAnArchive) {
  TempDir elsewhere;
  ProcessOptions options;
  options.cwd = elsewhere.path();
  const ProcessResult r = Redline({"git-setup"}, options);
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(r.err.substr(0, 16), "redline: error: ") << r.err;
  EXPECT_EQ(r.out, "");

  // A git repository that is not an archive is not one either; nothing is written to it.
  ASSERT_EQ(RunCommand({"git", "init", "-q", elsewhere / "plain"}).exit_code, 0);
  const std::string before = RepositoryFingerprint(elsewhere / "plain");
  const ProcessResult plain = Redline({"-C", elsewhere / "plain", "git-setup"});
  EXPECT_EQ(plain.exit_code, 4);
  EXPECT_EQ(RepositoryFingerprint(elsewhere / "plain"), before);
}

}  // namespace
}  // namespace redline::testing
