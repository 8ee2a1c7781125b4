// Bad input and bad archives: one error line, the contract's exit code, and an archive left
// byte for byte as it was.
#include "e2e/e2e.h"

namespace redline::testing {
namespace {

void ExpectOneErrorLine(const ProcessResult& r) {
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.rfind("redline: error: ", 0), 0u) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "more than one line: " << r.err;
  EXPECT_EQ(r.out, "");
}

class BadInputTest : public ArchiveTest {
 protected:
  void SetUp() override {
    ArchiveTest::SetUp();
    RecordRevisions(1);
    before_ = RepositoryFingerprint(archive_);
  }
  void ExpectRefused(const std::vector<std::string>& args, int code, const std::string& mentions,
                     ProcessOptions options = {}) {
    const ProcessResult r = InArchive(args, std::move(options));
    EXPECT_EQ(r.exit_code, code) << r.err;
    ExpectOneErrorLine(r);
    EXPECT_NE(r.err.find(mentions), std::string::npos) << r.err;
    EXPECT_EQ(RepositoryFingerprint(archive_), before_) << "archive changed after: " << r.err;
  }
  std::string before_;
};

TEST_F(BadInputTest, MissingFile) {
  ExpectRefused({"snapshot", kStory, root_ / "no-such-file.html"}, 3, "no-such-file.html");
}

TEST_F(BadInputTest, EmptyFile) {
  WriteFileOrDie(root_ / "empty.html", "");
  ExpectRefused({"snapshot", kStory, root_ / "empty.html"}, 3, "empty");
  ExpectRefused({"snapshot", kStory, "-"}, 3, "empty");
}

TEST_F(BadInputTest, WhitespaceOnlyFile) {
  WriteFileOrDie(root_ / "blank.txt", " \n\n\t\n");
  ExpectRefused({"snapshot", kStory, root_ / "blank.txt"}, 3, "empty");
}

TEST_F(BadInputTest, BinaryFile) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  for (int i = 0; i < 4000; ++i) png.push_back(static_cast<char>((i * 7919) % 256));
  WriteFileOrDie(root_ / "photo.png", png);
  ExpectRefused({"snapshot", kStory, root_ / "photo.png"}, 3, "binary");
}

// Stray bytes are an encoding slip, not a reason to lose the page (issue 23): recorded with
// U+FFFD, as a browser shows them, and said on stderr and in the health object.
TEST_F(BadInputTest, StrayBytesAreRecordedAsReplacementCharactersWithAWarning) {
  WriteFileOrDie(root_ / "bad.txt", "Headline\n\nBachelet said \xff\xfe the report\xc3 was final.\n");
  const ProcessResult r = InArchive({"snapshot", "stray-bytes", root_ / "bad.txt", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("redline: warning: stray-bytes: 3 invalid UTF-8 byte(s)"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"replaced_bytes\":3"), std::string::npos) << r.out;
  const ProcessResult shown = InArchive({"show", "stray-bytes"});
  EXPECT_NE(shown.out.find("Bachelet said \uFFFD\uFFFD the report\uFFFD was final."), std::string::npos) << shown.out;
}

TEST_F(BadInputTest, APageWithTextButNoArticleIsRecordedFlagged) {
  WriteFileOrDie(root_ / "notice.html",
                 "<html><body><nav><a href=/>Home</a></nav><footer>Opening hours: Monday to Friday, 9 to 5."
                 "</footer></body></html>");
  const ProcessResult r = InArchive({"normalize", root_ / "notice.html", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("redline: warning: no article was recognized with confidence"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"confident\": false"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"source\": \"dom\""), std::string::npos) << r.out;
}

TEST_F(BadInputTest, InvalidStoryIds) {
  for (const std::string& id : std::vector<std::string>{"../etc", "Upper", "_under", ".dot", "a/b", "", std::string(129, 'a'), "a\x1b[31mb"}) {
    ExpectRefused({"snapshot", id, StoryRevisionPath(2)}, 3, "story id");
  }
  ExpectRefused({"log", "../x"}, 3, "story id");
  ExpectRefused({"show", "BAD@1"}, 3, "story id");
}

TEST_F(BadInputTest, MissingStoryAndRevision) {
  ExpectRefused({"show", kStory + "@9"}, 3, "revision");
  ExpectRefused({"show", kStory + "@~5"}, 3, "revision");
  ExpectRefused({"show", kStory + "@deadbeef00"}, 3, "revision");
  ExpectRefused({"show", kStory + "@not-a-rev"}, 3, "revision");
  ExpectRefused({"show", kStory + "@1999-01-01"}, 3, "revision");
  ExpectRefused({"diff", kStory, "1", "7"}, 3, "revision");
  ExpectRefused({"log", "no-such-story"}, 3, "no-such-story");
  ExpectRefused({"show", "no-such-story"}, 3, "no-such-story");
}

TEST_F(BadInputTest, BadTimeAndUsage) {
  ExpectRefused({"snapshot", kStory, StoryRevisionPath(2), "--at", "yesterday"}, 3, "--at");
  ExpectRefused({"snapshot", kStory, StoryRevisionPath(2), "--at", "2022-13-01"}, 3, "--at");
  ExpectRefused({"snapshot", kStory, StoryRevisionPath(2), "--from", "pdf"}, 2, "--from");
  ExpectRefused({"snapshot"}, 2, "STORY");
  ExpectRefused({"diff", kStory, "--format", "rainbow"}, 2, "--format");
  ExpectRefused({"snapshot", kStory, StoryRevisionPath(2), "--bogus"}, 2, "--bogus");
}

TEST(Archive, FolderThatIsNotAnArchive) {
  TempDir dir;
  const ProcessResult r = RunCommand({REDLINE_BINARY, "-C", dir.path(), "log", kStory});
  EXPECT_EQ(r.exit_code, 4);
  ExpectOneErrorLine(r);
  EXPECT_NE(r.err.find("redline init"), std::string::npos) << r.err;

  // A plain git repository is not an archive either, and is left alone.
  ASSERT_EQ(RunCommand({"git", "init", "-q", dir / "plain"}).exit_code, 0);
  const std::string before = RepositoryFingerprint(dir / "plain");
  const ProcessResult s = RunCommand({REDLINE_BINARY, "-C", dir / "plain", "snapshot", kStory, StoryRevisionPath(1)});
  EXPECT_EQ(s.exit_code, 4);
  ExpectOneErrorLine(s);
  EXPECT_EQ(RepositoryFingerprint(dir / "plain"), before);

  // No archive anywhere above the current directory.
  ProcessOptions options;
  options.cwd = dir.path();
  const ProcessResult nowhere = RunCommand({REDLINE_BINARY, "stories"}, options);
  EXPECT_EQ(nowhere.exit_code, 4);
  ExpectOneErrorLine(nowhere);
}

// As `git init` does (issue 25): an existing archive is reinitialized, which changes nothing.
TEST(Archive, InitOnAnExistingArchiveChangesNothing) {
  TempDir dir;
  ASSERT_EQ(RunCommand({REDLINE_BINARY, "init", dir / "a"}).exit_code, 0);
  const std::string before = RepositoryFingerprint(dir / "a");
  const ProcessResult again = RunCommand({REDLINE_BINARY, "init", dir / "a"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "Reinitialized existing redline archive in " + (dir / "a") + "\n");
  EXPECT_EQ(RepositoryFingerprint(dir / "a"), before);
}

TEST(Archive, DiscoveryByFlagEnvironmentAndUpwardSearch) {
  TempDir dir;
  const std::string archive = dir / "archive";
  ASSERT_EQ(RunCommand({REDLINE_BINARY, "init", archive}).exit_code, 0);
  ASSERT_EQ(RunCommand({REDLINE_BINARY, "--archive", archive, "snapshot", kStory, StoryRevisionPath(1)}).exit_code, 0);

  ProcessOptions env;
  env.env["REDLINE_ARCHIVE"] = archive;
  env.cwd = dir.path();
  ProcessResult r = RunProcess({REDLINE_BINARY, "stories"}, env);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(kStory), std::string::npos);

  ASSERT_EQ(RunCommand({"mkdir", "-p", archive + "/deep/er"}).exit_code, 0);
  ProcessOptions nested;
  nested.cwd = archive + "/deep/er";
  r = RunCommand({REDLINE_BINARY, "log", kStory}, nested);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, 3), "  1") << r.out;
}

TEST(Cli, EveryCommandHasHelp) {
  for (const char* command : {"init", "normalize", "snapshot", "stories", "log", "show", "diff", "diff-files"}) {
    const ProcessResult r = RunCommand({REDLINE_BINARY, command, "--help"});
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << command << ": " << r.out;
  }
  const ProcessResult top = RunCommand({REDLINE_BINARY, "--help"});
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_NE(top.out.find("snapshot"), std::string::npos);
}

TEST(Cli, UnknownCommandSuggestsTheClosest) {
  const ProcessResult r = RunCommand({REDLINE_BINARY, "snapshto", "x"});
  EXPECT_EQ(r.exit_code, 2);
  ExpectOneErrorLine(r);
  EXPECT_NE(r.err.find("did you mean 'snapshot'"), std::string::npos) << r.err;
  EXPECT_EQ(RunCommand({REDLINE_BINARY}).exit_code, 2);
}

}  // namespace
}  // namespace redline::testing
