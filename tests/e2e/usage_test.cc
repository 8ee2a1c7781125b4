// Mistakes on the command line get a hint that leads somewhere (issue 25): the command's own
// help, the story id or command most likely meant, a usage error for a story id left out;
// `init` on an archive and a text without a body say what they mean. Messages and exit
// codes are docs/cli-contract.md's.
#include <regex>

#include "e2e/e2e.h"

namespace redline::testing {
namespace {

class UsageTest : public ArchiveTest {
 protected:
  // The error line of a command that must fail with `code`, the archive unchanged.
  std::string Refused(const std::vector<std::string>& args, int code, ProcessOptions options = {}) {
    const std::string before = RepositoryFingerprint(archive_);
    const ProcessResult r = InArchive(args, std::move(options));
    EXPECT_EQ(r.exit_code, code) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(RepositoryFingerprint(archive_), before) << "archive changed after: " << r.err;
    return r.err;
  }
  ProcessOptions InRoot() {
    ProcessOptions options;
    options.cwd = root_.path();
    return options;
  }
};

// Item 4: `snapshot page.html` left the story id out; it is not a bad one.
TEST_F(UsageTest, ASnapshotOfAFileWithoutAStoryIdIsAUsageError) {
  WriteFileOrDie(root_ / "page.html", ReadFileOrDie(StoryRevisionPath(1)));
  EXPECT_EQ(Refused({"snapshot", "page.html"}, 2, InRoot()),
            "redline: error: missing STORY: 'page.html' is a file; usage: redline snapshot STORY [FILE] "
            "(see 'redline snapshot --help')\n");
  EXPECT_EQ(Refused({"snapshot", root_ / "page.html"}, 2),
            "redline: error: missing STORY: '" + (root_ / "page.html") +
                "' is a file; usage: redline snapshot STORY [FILE] (see 'redline snapshot --help')\n");
  // Given both, the id "page.html" is a valid one, read from standard input with "-".
  ProcessOptions options = InRoot();
  options.stdin_data = "Headline\n\nA body.\n";
  const ProcessResult r = InArchive({"snapshot", "page.html", "-"}, options);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "page.html: revision 1 (+3 -0 words)\n");
}

// Item 4: an id with capitals or spaces is refused with the valid id nearest to it.
TEST_F(UsageTest, AnInvalidStoryIdSuggestsAValidOne) {
  EXPECT_EQ(Refused({"snapshot", "Harbour-Plan", StoryRevisionPath(1)}, 3),
            "redline: error: invalid story id 'Harbour-Plan': it must start with a lowercase letter or digit; "
            "did you mean 'harbour-plan'?\n");
  EXPECT_EQ(Refused({"log", "harbour Plan"}, 3),
            "redline: error: invalid story id 'harbour Plan': use only a-z, 0-9, '.', '_' and '-'; "
            "did you mean 'harbour-plan'?\n");
}

// Item 7: a mistake in a command's arguments points to that command's help.
TEST_F(UsageTest, UsageErrorsPointToTheCommandsOwnHelp) {
  EXPECT_EQ(Refused({"log"}, 2), "redline: error: STORY is required (see 'redline log --help')\n");
  EXPECT_EQ(Refused({"diff", kStory, "--format", "pdf"}, 2).rfind("redline: error: ", 0), 0u);
  EXPECT_NE(Refused({"diff", kStory, "--format", "pdf"}, 2).find("(see 'redline diff --help')\n"), std::string::npos);
  EXPECT_EQ(Refused({"snapshot", kStory, StoryRevisionPath(1), "--from", "pdf"}, 2),
            "redline: error: --from must be html, text or auto, not 'pdf' (see 'redline snapshot --help')\n");
  EXPECT_EQ(Refused({"report", "--since", "2022-09-02", "--until", "2022-09-01"}, 2),
            "redline: error: --since is after --until (see 'redline report --help')\n");
  EXPECT_EQ(Refused({}, 2), "redline: error: A subcommand is required (see 'redline --help')\n");
  const ProcessResult help = InArchive({"log", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("STORY"), std::string::npos);
}

// Item 7: `report` needs no --format: Markdown, or what -o FILE's extension names.
TEST_F(UsageTest, ReportWithoutAFormatIsMarkdownOrWhatTheFileNames) {
  RecordRevisions(2);
  const ProcessResult markdown = InArchive({"report", "--format", "markdown", kStory});
  ASSERT_EQ(markdown.exit_code, 0) << markdown.err;
  const ProcessResult plain = InArchive({"report", kStory});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out, markdown.out);
  EXPECT_EQ(plain.out.rfind("# ", 0), 0u) << plain.out;
  ASSERT_EQ(InArchive({"report", kStory, "-o", root_ / "report.html"}).exit_code, 0);
  EXPECT_EQ(ReadFileOrDie(root_ / "report.html").rfind("<!DOCTYPE html>", 0), 0u);
  ASSERT_EQ(InArchive({"report", kStory, "-o", root_ / "report.json"}).exit_code, 0);
  EXPECT_EQ(ReadFileOrDie(root_ / "report.json").rfind("{", 0), 0u);
}

// Item 8: a mistyped command gets the one meant, a swap of two letters included.
TEST_F(UsageTest, AMistypedCommandSuggestsTheNearest) {
  EXPECT_EQ(Refused({"lgo"}, 2), "redline: error: 'lgo' is not a redline command; did you mean 'log'?\n");
  EXPECT_EQ(Refused({"shwo", kStory}, 2), "redline: error: 'shwo' is not a redline command; did you mean 'show'?\n");
  EXPECT_EQ(Refused({"frobnicate"}, 2), "redline: error: 'frobnicate' is not a redline command; see 'redline --help'\n");
}

// Item 8: a story that does not exist is answered with the ids nearest to it.
TEST_F(UsageTest, AMissingStorySuggestsTheNearestStoryIds) {
  for (const char* story : {"harbour-plan", "harbour-strike", "city-budget"}) {
    ASSERT_EQ(InArchive({"snapshot", story, StoryRevisionPath(1)}).exit_code, 0);
  }
  EXPECT_EQ(Refused({"log", "harbour"}, 3),
            "redline: error: no story 'harbour' in the archive; did you mean 'harbour-plan' or 'harbour-strike'?\n");
  EXPECT_EQ(Refused({"show", "harbor-plan@1"}, 3),
            "redline: error: no story 'harbor-plan' in the archive; did you mean 'harbour-plan'?\n");
  EXPECT_EQ(Refused({"diff", "city-budgte"}, 3),
            "redline: error: no story 'city-budgte' in the archive; did you mean 'city-budget'?\n");
  EXPECT_EQ(Refused({"log", "weather"}, 3), "redline: error: no story 'weather' in the archive\n");
}

// Item 10: as `git init` in a repository, `init` on an archive changes nothing and succeeds.
TEST_F(UsageTest, InitOnAnArchiveReinitializesHarmlessly) {
  RecordRevisions(1);
  const std::string before = RepositoryFingerprint(archive_);
  ProcessResult r = Redline({"init", archive_});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Reinitialized existing redline archive in " + archive_ + "\n");
  EXPECT_EQ(r.err, "");
  ProcessOptions options;
  options.cwd = archive_;
  r = Redline({"init"}, options);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Reinitialized existing redline archive in " + archive_ + "\n");
  EXPECT_EQ(RepositoryFingerprint(archive_), before);
  // A git repository that is not an archive is still refused.
  ASSERT_EQ(RunCommand({"git", "init", "-q", root_ / "plain"}).exit_code, 0);
  r = Redline({"init", root_ / "plain"});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(r.err, "redline: error: a git repository already exists in " + (root_ / "plain") + "\n");
}

// Item 10: a text that is only a headline: its two words are counted, the body's none, and
// the warning says which is which.
TEST_F(UsageTest, ABodyWithoutWordsIsWarnedAboutConsistently) {
  WriteFileOrDie(root_ / "short.txt", "Harbour plan\n");
  const ProcessResult r = InArchive({"snapshot", "short", root_ / "short.txt"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "short: revision 1 (+2 -0 words)\n");
  EXPECT_EQ(r.err,
            "redline: warning: short: the body has no words (under --min-words 50; the 2 words of the headline "
            "and byline are not counted); the page may not have been extracted well\n");
  WriteFileOrDie(root_ / "short.txt", "Harbour plan\n\nBy Ann Lee\n\nThe council voted.\n");
  const ProcessResult more = InArchive({"snapshot", "short", root_ / "short.txt"});
  EXPECT_EQ(more.exit_code, 0) << more.err;
  EXPECT_EQ(more.err,
            "redline: warning: short: the body has only 3 words (under --min-words 50; the 5 words of the headline "
            "and byline are not counted); the page may not have been extracted well\n");
}

}  // namespace
}  // namespace redline::testing
