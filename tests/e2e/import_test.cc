// redline import on the real binary: a manifest of the fixture story's revisions must give
// the history that four `redline snapshot` commands give, and a bad manifest nothing at all.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

#include "e2e/e2e.h"

namespace redline::testing {
namespace {

constexpr char kUrl[] = "https://harbourpost.example/news/un-xinjiang-report";

void WriteText(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

class ImportTest : public ArchiveTest {
 protected:
  // The four fixture revisions, by absolute path, as tab-separated manifest lines.
  static std::string FixtureManifest() {
    std::string manifest = "# story\ttime\tfile\turl\n";
    for (int i = 1; i <= 4; ++i) {
      manifest += kStory + "\t" + kRevisionTimes[i - 1] + "\t" + StoryRevisionPath(i) + "\t" + kUrl + "\n";
    }
    return manifest;
  }

  // What plain git shows of an archive: the history with trees, dates and trailers, and
  // every ref.
  static std::string History(const std::string& archive) {
    const ProcessResult log =
        RunCommand({"git", "-C", archive, "log", "--format=%T %at %ct %an <%ae>%n%B", "main"});
    const ProcessResult refs =
        RunCommand({"git", "-C", archive, "for-each-ref", "--format=%(refname) %(objectname)"});
    return log.out + refs.out;
  }

  void ExpectRefused(const std::string& manifest, const std::string& mentions) {
    const std::string before = RepositoryFingerprint(archive_);
    WriteText(root_ / "bad.tsv", manifest);
    const ProcessResult r = InArchive({"import", root_ / "bad.tsv"});
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.rfind("redline: error: ", 0), 0u) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "more than one line: " << r.err;
    EXPECT_NE(r.err.find(mentions), std::string::npos) << r.err;
    EXPECT_EQ(RepositoryFingerprint(archive_), before) << "archive changed after: " << r.err;
  }
};

TEST_F(ImportTest, RecordsWhatSnapshotsOneByOneRecord) {
  // A copy of the fresh archive: the same first commit (its time comes from the clock).
  const std::string one_by_one = root_ / "one-by-one";
  ASSERT_EQ(RunCommand({"cp", "-a", archive_, one_by_one}).exit_code, 0);
  WriteText(root_ / "list.tsv", FixtureManifest());
  const ProcessResult imported = InArchive({"import", root_ / "list.tsv"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;

  std::string printed;
  for (int i = 1; i <= 4; ++i) {
    const ProcessResult r = Redline({"-C", one_by_one, "snapshot", kStory, StoryRevisionPath(i), "--at",
                                     kRevisionTimes[i - 1], "--url", kUrl});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    printed += r.out;
  }
  EXPECT_EQ(imported.out, printed);
  EXPECT_EQ(imported.out.rfind(kStory + ": revision 1 (+", 0), 0u) << imported.out;
  EXPECT_EQ(History(archive_), History(one_by_one));
  EXPECT_EQ(InArchive({"log", kStory}).out, Redline({"-C", one_by_one, "log", kStory}).out);

  const ProcessResult fsck = Git({"fsck", "--strict", "--no-progress"});
  EXPECT_EQ(fsck.exit_code, 0) << fsck.err;
  EXPECT_EQ(InArchive({"reindex", "--check"}).exit_code, 0);
  const ProcessResult diff = InArchive({"diff", kStory, "2", "3", "--format", "plain"});
  EXPECT_NE(diff.out.find("[-Bachlet\u2019s-]{+Bachelet\u2019s+}"), std::string::npos) << diff.out;
}

TEST_F(ImportTest, ReadsStandardInputAndFilesRelativeToTheManifest) {
  ASSERT_EQ(RunCommand({"cp", StoryRevisionPath(1), root_ / "first.html"}).exit_code, 0);
  WriteText(root_ / "list.tsv", kStory + "\t2022-09-01T08:00:00Z\tfirst.html\n");
  const ProcessResult relative = InArchive({"import", root_ / "list.tsv", "--json"});
  ASSERT_EQ(relative.exit_code, 0) << relative.err;
  EXPECT_NE(relative.out.find("\"changed\":true"), std::string::npos) << relative.out;
  EXPECT_NE(relative.out.find("\"revision\":1"), std::string::npos) << relative.out;

  ProcessOptions input;
  input.stdin_data = kStory + "\t2022-09-01T10:30:00Z\t" + StoryRevisionPath(2) + "\n" + kStory +
                     "\t2022-09-01T11:00:00Z\t" + StoryRevisionPath(2) + "\n";
  const ProcessResult piped = InArchive({"import"}, input);
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_NE(piped.out.find(kStory + ": revision 2 ("), std::string::npos) << piped.out;
  EXPECT_NE(piped.out.find(kStory + ": unchanged (revision 2)"), std::string::npos) << piped.out;
  EXPECT_EQ(Git({"rev-list", "--count", "main"}).out, "3\n");  // init + 2 revisions
}

TEST_F(ImportTest, ABadLineRecordsNothing) {
  RecordRevisions(1);
  const std::string good = kStory + "\t2022-09-01T10:30:00Z\t" + StoryRevisionPath(2) + "\n";
  ExpectRefused(good + "Bad Id\t2022-09-01T10:30:00Z\t" + StoryRevisionPath(3) + "\n", "bad.tsv:2: invalid story id");
  ExpectRefused(good + kStory + "\tyesterday\t" + StoryRevisionPath(3) + "\n", "bad.tsv:2: invalid time");
  ExpectRefused(good + kStory + "\t2022-09-02T00:00:00Z\t" + (root_ / "missing.html") + "\n", "bad.tsv:2: cannot read");
  ExpectRefused(good + kStory + "\t2022-09-02T00:00:00Z\n", "bad.tsv:2: expected STORY<TAB>TIME<TAB>FILE");
  // Only normalizing finds that a page has no text: the batch is dropped then.
  WriteText(root_ / "blank.html", "<html><body><nav>Home</nav></body></html>");
  ExpectRefused(good + "other-story\t2022-09-02T00:00:00Z\t" + (root_ / "blank.html") + "\n", "bad.tsv:2:");
  WriteText(root_ / "binary.html", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 11));
  ExpectRefused(good + "other-story\t2022-09-02T00:00:00Z\t" + (root_ / "binary.html") + "\n", "bad.tsv:2:");
}

// Many new stories in one import: objects go into one pack per batch and only main moves,
// so no file is held open per story; the same under a small descriptor limit.
TEST_F(ImportTest, ThousandsOfNewStoriesUnderASmallFileLimit) {
  constexpr int kStories = 3000;
  std::string manifest;
  for (int i = 0; i < kStories; ++i) {
    const std::string page = root_ / ("page-" + std::to_string(i) + ".txt");
    WriteText(page, "Story number " + std::to_string(i) + "\n\nThe council met on day " + std::to_string(i) +
                        " and passed a budget.\n");
    manifest += "story-" + std::to_string(i) + "\t2022-09-01T08:00:00Z\t" + page + "\n";
  }
  WriteText(root_ / "many.tsv", manifest);
  const ProcessResult r = RunCommand({"sh", "-c", "ulimit -n 256 && exec '" + std::string(REDLINE_BINARY) + "' -C '" +
                                                      archive_ + "' import '" + (root_ / "many.tsv") +
                                                      "' --from text --min-words 0"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), kStories);
  EXPECT_EQ(Git({"rev-list", "--count", "main"}).out, std::to_string(kStories + 1) + "\n");
  const ProcessResult stories = InArchive({"stories", "--json"});
  EXPECT_EQ(nlohmann::json::parse(stories.out)["stories"].size(), static_cast<std::size_t>(kStories));
  EXPECT_EQ(InArchive({"show", "story-2999"}).out, "# Story number 2999\n\nThe council met on day 2999 and passed a budget.\n");
  EXPECT_EQ(Git({"fsck", "--strict", "--no-progress"}).exit_code, 0);
  EXPECT_EQ(InArchive({"reindex", "--check"}).exit_code, 0);
}

// An import stopped by a bad page keeps the batches before it; running it again, once the
// page is fixed, records only what is missing.
TEST_F(ImportTest, AnInterruptedImportIsResumed) {
  constexpr int kLines = 2500;  // three batches of at most 1,000 (--batch 1000)
  std::string manifest;
  for (int i = 0; i < kLines; ++i) {
    const std::string page = root_ / ("page-" + std::to_string(i) + ".txt");
    WriteText(page, "Story " + std::to_string(i % 50) + "\n\nVersion " + std::to_string(i / 50) + " of the story.\n");
    manifest += "story-" + std::to_string(i % 50) + "\t2022-09-01T08:" + std::to_string(10 + i / 50 % 50) +
                ":00Z\t" + page + "\n";
  }
  WriteText(root_ / "list.tsv", manifest);
  WriteText(root_ / "page-2200.txt", "<html><body><nav>Home</nav></body></html>");  // no text
  const ProcessResult first = InArchive({"import", root_ / "list.tsv", "--min-words", "0", "--batch", "1000"});
  EXPECT_EQ(first.exit_code, 3) << first.err;
  EXPECT_NE(first.err.find("stopped after 2000 of the snapshots were recorded"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("list.tsv:2201"), std::string::npos) << first.err;
  EXPECT_EQ(std::count(first.out.begin(), first.out.end(), '\n'), 2000);  // what it reported, it kept
  EXPECT_EQ(Git({"rev-list", "--count", "main"}).out, "2001\n");

  WriteText(root_ / "page-2200.txt", "Story 0\n\nVersion 44 of the story.\n");
  const ProcessResult second = InArchive({"import", root_ / "list.tsv", "--min-words", "0", "--batch", "1000"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(std::count(second.out.begin(), second.out.end(), '\n'), kLines);
  std::size_t again = 0;
  for (std::size_t at = 0; (at = second.out.find(": already recorded (revision ", at)) != std::string::npos; ++at) ++again;
  EXPECT_EQ(again, 2000u);
  EXPECT_EQ(Git({"rev-list", "--count", "main"}).out, std::to_string(kLines + 1) + "\n");
  // A third run finds everything there.
  const ProcessResult third = InArchive({"import", root_ / "list.tsv", "--min-words", "0"});
  ASSERT_EQ(third.exit_code, 0) << third.err;
  EXPECT_EQ(Git({"rev-list", "--count", "main"}).out, std::to_string(kLines + 1) + "\n");
  const ProcessResult log = InArchive({"log", "story-7", "--json"});
  EXPECT_EQ(nlohmann::json::parse(log.out)["revisions"].size(), 50u);
  EXPECT_EQ(InArchive({"reindex", "--check"}).exit_code, 0);
}

}  // namespace
}  // namespace redline::testing
