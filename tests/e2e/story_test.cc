// The fixture story end to end: init, four snapshots, log, show, diff, and plain git on the
// archive.
#include <nlohmann/json.hpp>

#include <regex>

#include "e2e/e2e.h"

namespace redline::testing {
namespace {

using nlohmann::json;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

// Rebuilds one side of a diff from its JSON ops.
std::string Rebuild(const json& diff, const std::string& skip) {
  std::string text;
  for (const auto& op : diff["ops"]) {
    if (op["op"] != skip) text += op["text"].get<std::string>();
  }
  return text;
}

TEST_F(ArchiveTest, SnapshotsReportRevisionsAndWordCounts) {
  const std::regex line(kStory + R"(: revision (\d) \(\+(\d+) -(\d+) words\)\n)");
  for (int i = 1; i <= 4; ++i) {
    const ProcessResult r = InArchive({"snapshot", kStory, StoryRevisionPath(i), "--at", kRevisionTimes[i - 1]});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::smatch m;
    ASSERT_TRUE(std::regex_match(r.out, m, line)) << r.out;
    EXPECT_EQ(m[1], std::to_string(i));
    EXPECT_GT(std::stoi(m[2]), 0);
    if (i == 1) {
      EXPECT_EQ(m[3], "0");
    }
    EXPECT_EQ(r.err, "");
  }
}

TEST_F(ArchiveTest, UnchangedSnapshotMakesNoCommit) {
  RecordRevisions(2);
  const std::string before = RepositoryFingerprint(archive_);
  const ProcessResult again = InArchive({"snapshot", kStory, StoryRevisionPath(2)});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, kStory + ": unchanged (revision 2)\n");
  EXPECT_EQ(Git({"rev-list", "--count", "main"}).out, "3\n");  // init + 2 revisions
  EXPECT_EQ(RepositoryFingerprint(archive_), before);
}

TEST_F(ArchiveTest, LogListsFourRevisionsOldestFirst) {
  RecordRevisions(4);
  const ProcessResult log = InArchive({"log", kStory});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  const auto lines = Lines(log.out);
  ASSERT_EQ(lines.size(), 4u) << log.out;
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(std::stoi(lines[i]), i + 1) << lines[i];
  }
  EXPECT_NE(lines[0].find("2022-09-01T08:00:00Z"), std::string::npos) << lines[0];
  EXPECT_NE(lines[3].find("2022-09-02T09:00:00+08:00"), std::string::npos) << lines[3];

  const json parsed = json::parse(InArchive({"log", kStory, "--json"}).out);
  ASSERT_EQ(parsed["revisions"].size(), 4u);
  EXPECT_EQ(parsed["revisions"][0]["removed_words"], 0);
  EXPECT_EQ(parsed["revisions"][2]["url"], "https://harbourpost.example/news/un-xinjiang-report");

  const json stories = json::parse(InArchive({"stories", "--json"}).out);
  ASSERT_EQ(stories["stories"].size(), 1u);
  EXPECT_EQ(stories["stories"][0]["story"], kStory);
  EXPECT_EQ(stories["stories"][0]["revisions"], 4);
  EXPECT_EQ(stories["stories"][0]["headline"], parsed["revisions"][3]["headline"]);
}

TEST_F(ArchiveTest, ShowPrintsCanonicalTextAndRawInput) {
  RecordRevisions(4);
  for (int i = 1; i <= 4; ++i) {
    const std::string rev = std::to_string(i);
    const ProcessResult text = InArchive({"show", kStory + "@" + rev});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_EQ(text.out, ReadFileOrDie(FixturePath("stories/un-xinjiang-report/rev-" + rev + ".expected.txt")));
    const ProcessResult raw = InArchive({"show", kStory + "@" + rev, "--raw"});
    ASSERT_EQ(raw.exit_code, 0) << raw.err;
    EXPECT_EQ(raw.out, ReadFileOrDie(StoryRevisionPath(i)));
  }
  EXPECT_EQ(InArchive({"show", kStory}).out, InArchive({"show", kStory + "@4"}).out);
}

TEST_F(ArchiveTest, EveryRevisionSpecFormResolves) {
  RecordRevisions(4);
  const std::string third = InArchive({"show", kStory + "@3"}).out;
  ASSERT_FALSE(third.empty());
  const json log = json::parse(InArchive({"log", kStory, "--json"}).out);
  const std::string commit = log["revisions"][2]["commit"];
  for (const std::string& spec : std::vector<std::string>{"3", "~1", commit.substr(0, 7), commit, "2022-09-01T20:00:00Z",
                                 "2022-09-02T00:59:59Z"}) {
    const ProcessResult r = InArchive({"show", kStory + "@" + spec});
    EXPECT_EQ(r.exit_code, 0) << spec << ": " << r.err;
    EXPECT_EQ(r.out, third) << spec;
  }
  EXPECT_EQ(InArchive({"show", kStory + "@latest"}).out, InArchive({"show", kStory + "@4"}).out);
  EXPECT_EQ(InArchive({"show", kStory + "@~3"}).out, InArchive({"show", kStory + "@1"}).out);
}

TEST_F(ArchiveTest, DiffShowsTheNewsroomsEditsAndNoTemplateNoise) {
  RecordRevisions(4);
  const ProcessResult fix = InArchive({"diff", kStory, "2", "3", "--format", "plain"});
  ASSERT_EQ(fix.exit_code, 0) << fix.err;
  EXPECT_NE(fix.out.find("[-Bachlet\u2019s-]{+Bachelet\u2019s+}"), std::string::npos) << fix.out;

  const ProcessResult latest = InArchive({"diff", kStory, "--format", "plain"});
  ASSERT_EQ(latest.exit_code, 0) << latest.err;
  EXPECT_NE(latest.out.find("# UN\u2019s Xinjiang [-human rights report expected to further strain relations -]"
                            "{+report set to deepen rift +}between China and {+the +}West\n"),
            std::string::npos)
      << "headline rewrite missing:\n" << latest.out;
  EXPECT_NE(latest.out.find("[-completely -]hijacked by the West at [-the highest-]{+a high+} level"), std::string::npos)
      << "softened quote missing:\n" << latest.out;
  EXPECT_EQ(latest.out, InArchive({"diff", kStory, "3", "4", "--format", "plain"}).out);

  for (int a = 1; a <= 4; ++a) {
    for (int b = 1; b <= 4; ++b) {
      const std::string out = InArchive({"diff", kStory, std::to_string(a), std::to_string(b), "--format", "plain"}).out;
      for (const char* noise : {"Advertisement", "myNEWS", "03:47", "02:04", "ago", "Read more", "Harbour Post"}) {
        EXPECT_EQ(out.find(noise), std::string::npos) << a << ".." << b << " shows template text '" << noise << "'";
      }
      if (a == b) {
        EXPECT_EQ(out, "");
      }
    }
  }
}

TEST_F(ArchiveTest, ColorDiffUsesGitsColors) {
  RecordRevisions(3);
  const ProcessResult r = InArchive({"--color", "always", "diff", kStory});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\x1b[31mBachlet\u2019s\x1b[m"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\x1b[32mBachelet\u2019s\x1b[m"), std::string::npos) << r.out;
  const ProcessResult never = InArchive({"--color", "never", "diff", kStory});
  EXPECT_EQ(never.out.find('\x1b'), std::string::npos);
}

TEST_F(ArchiveTest, JsonOpsRebuildBothRevisionsByteForByte) {
  RecordRevisions(4);
  for (const auto& [a, b] : std::vector<std::pair<int, int>>{{1, 2}, {2, 3}, {3, 4}, {1, 4}, {4, 1}}) {
    const ProcessResult r = InArchive({"diff", kStory, std::to_string(a), std::to_string(b), "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json diff = json::parse(r.out);
    EXPECT_EQ(Rebuild(diff, "insert"), InArchive({"show", kStory + "@" + std::to_string(a)}).out);
    EXPECT_EQ(Rebuild(diff, "delete"), InArchive({"show", kStory + "@" + std::to_string(b)}).out);
    EXPECT_GT(diff["stats"]["added_words"].get<int>() + diff["stats"]["removed_words"].get<int>(), 0);
    EXPECT_GT(diff["stats"]["changed_blocks"].get<int>(), 0);
  }
}

TEST_F(ArchiveTest, ExitCodeFlagReportsDifferences) {
  RecordRevisions(3);
  EXPECT_EQ(InArchive({"diff", kStory, "--exit-code", "--format", "plain"}).exit_code, 1);
  EXPECT_EQ(InArchive({"diff", kStory, "2", "2", "--exit-code"}).exit_code, 0);
  EXPECT_EQ(InArchive({"diff", kStory, "2", "3"}).exit_code, 0);
}

TEST_F(ArchiveTest, PlainGitReadsTheArchive) {
  RecordRevisions(4);
  const ProcessResult fsck = Git({"fsck", "--strict"});
  EXPECT_EQ(fsck.exit_code, 0) << fsck.out << fsck.err;
  const ProcessResult log = Git({"log", "--format=%s%n%(trailers:key=Redline-Revision,valueonly)", "main"});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  EXPECT_NE(log.out.find("4\n"), std::string::npos) << log.out;
  EXPECT_EQ(Git({"rev-list", "--count", "main"}).out, "5\n");
  EXPECT_EQ(Git({"rev-parse", "--is-bare-repository"}).out, "true\n");  // no work tree to fall behind
  const ProcessResult dates = Git({"log", "-1", "--format=%aI %cI", "main"});
  EXPECT_EQ(dates.out, "2022-09-02T09:00:00+08:00 2022-09-02T09:00:00+08:00\n");
  // The canonical text is a plain file in the tree, at a path log --json can't hide.
  const ProcessResult files = Git({"ls-tree", "-r", "--name-only", "main"});
  EXPECT_NE(files.out.find("/un-xinjiang-report/article.txt\n"), std::string::npos) << files.out;
  EXPECT_NE(files.out.find("/un-xinjiang-report/raw.html\n"), std::string::npos) << files.out;

  TempDir clone_root;
  const std::string copy = clone_root / "clone";
  const ProcessResult clone = RunCommand({"git", "clone", "-q", archive_, copy});
  ASSERT_EQ(clone.exit_code, 0) << clone.err;
  // A clone has main but no refs/redline/* and no config: redline adopts it as it is.
  const ProcessResult clone_log = RunCommand({REDLINE_BINARY, "-C", copy, "log", kStory, "--json"});
  ASSERT_EQ(clone_log.exit_code, 0) << clone_log.err;
  EXPECT_EQ(clone_log.out, InArchive({"log", kStory, "--json"}).out);
  EXPECT_EQ(RunCommand({REDLINE_BINARY, "-C", copy, "stories"}).out, InArchive({"stories"}).out);
  EXPECT_EQ(RunCommand({REDLINE_BINARY, "-C", copy, "show", kStory + "@2"}).out, InArchive({"show", kStory + "@2"}).out);
  // The clone's work tree holds the canonical text as a file a person can open.
  const std::size_t end = files.out.find("/un-xinjiang-report/article.txt\n");
  const std::string article = files.out.substr(files.out.rfind('\n', end) + 1, end - files.out.rfind('\n', end) - 1) +
                              "/un-xinjiang-report/article.txt";
  EXPECT_EQ(ReadFileOrDie(copy + "/" + article), InArchive({"show", kStory}).out);
  // Recording in it would leave its work tree behind: redline says how to drop it first.
  const ProcessResult refused = RunCommand({REDLINE_BINARY, "-C", copy, "snapshot", kStory, StoryRevisionPath(1)});
  EXPECT_EQ(refused.exit_code, 4);
  EXPECT_NE(refused.err.find("run 'redline upgrade'"), std::string::npos) << refused.err;
  const ProcessResult upgraded = RunCommand({REDLINE_BINARY, "-C", copy, "upgrade"});
  ASSERT_EQ(upgraded.exit_code, 0) << upgraded.err;
  const ProcessResult more = RunCommand({REDLINE_BINARY, "-C", copy, "snapshot", kStory, StoryRevisionPath(1)});
  ASSERT_EQ(more.exit_code, 0) << more.err;
  EXPECT_EQ(more.out.rfind(kStory + ": revision 5 (", 0), 0u) << more.out;
  EXPECT_EQ(RunCommand({"git", "-C", copy, "fsck", "--strict"}).exit_code, 0);
  EXPECT_EQ(RunCommand({REDLINE_BINARY, "-C", copy, "reindex", "--check"}).exit_code, 0);
}

TEST_F(ArchiveTest, TextInputIsRecordedToo) {
  const ProcessResult r = InArchive({"snapshot", "seed-text", FixturePath("text/un-xinjiang-report-article.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(InArchive({"show", "seed-text"}).out,
            ReadFileOrDie(FixturePath("text/un-xinjiang-report-article.expected.txt")));
  EXPECT_EQ(InArchive({"show", "seed-text", "--raw"}).out,
            ReadFileOrDie(FixturePath("text/un-xinjiang-report-article.txt")));
}

TEST_F(ArchiveTest, SnapshotReadsStandardInput) {
  ProcessOptions options;
  options.stdin_data = ReadFileOrDie(StoryRevisionPath(1));
  const ProcessResult r = InArchive({"snapshot", kStory, "-", "--at", "2022-09-01T08:00:00Z"}, options);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(InArchive({"show", kStory}).out,
            ReadFileOrDie(FixturePath("stories/un-xinjiang-report/rev-1.expected.txt")));
}

}  // namespace
}  // namespace redline::testing
