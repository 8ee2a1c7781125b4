// Hostile input against the built binary: each case ends in a clear error (or a
// best-effort result), never a crash, hang or raw terminal escape, and a refused input
// leaves the archive byte for byte as it was. docs/reliability.md tabulates these cases.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "e2e/e2e.h"

namespace redline::testing {
namespace {

class HostileInputTest : public ArchiveTest {
 protected:
  void SetUp() override {
    ArchiveTest::SetUp();
    RecordRevisions(1);
    before_ = RepositoryFingerprint(archive_);
  }
  std::string WriteInput(const std::string& name, const std::string& bytes) {
    const std::string path = root_ / name;
    WriteFileOrDie(path, bytes);
    return path;
  }
  // Snapshots `path` into a story of its own and expects a clean refusal with exit `code`.
  void ExpectRefusedSnapshot(const std::string& path, int code, const std::string& mentions) {
    const ProcessResult r = InArchive({"snapshot", "hostile", path});
    EXPECT_EQ(r.exit_code, code) << r.err;
    EXPECT_EQ(r.err.rfind("redline: error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(mentions), std::string::npos) << r.err;
    EXPECT_EQ(RepositoryFingerprint(archive_), before_) << "archive changed after: " << r.err;
  }
  std::string before_;
};

TEST_F(HostileInputTest, EmptyAndBinaryAreRefused) {
  ExpectRefusedSnapshot(WriteInput("empty.html", ""), 3, "empty");
  ExpectRefusedSnapshot(WriteInput("binary.bin", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16) +
                                                     std::string(4096, '\0')),
                        3, "binary");
}

TEST_F(HostileInputTest, TwoHundredMegabytesAreRefusedQuickly) {
  const std::string path = root_ / "huge.html";
  {
    std::ofstream out(path, std::ios::binary);
    const std::string chunk = "<p>" + std::string(1 << 20, 'a') + "</p>\n";
    for (int i = 0; i < 200; ++i) out << chunk;
  }
  const auto started = std::chrono::steady_clock::now();
  ExpectRefusedSnapshot(path, 3, "over the limit");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
}

TEST_F(HostileInputTest, TheSizeLimitIsConfigurableForFilesAndStandardInput) {
  std::string text = "A headline about the limit\n\n";
  while (text.size() < 20'000) text += "Every sentence of this story is ordinary prose about the council budget. ";
  const std::string path = WriteInput("story.txt", text);
  for (const bool from_stdin : {false, true}) {
    ProcessOptions options;
    if (from_stdin) options.stdin_data = text;
    const ProcessResult r =
        InArchive({"snapshot", "limited", from_stdin ? "-" : path, "--max-bytes", "10000"}, options);
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_EQ(r.err.rfind("redline: error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("over the limit of 10000 bytes (--max-bytes)"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(RepositoryFingerprint(archive_), before_);
  }
  // The same input under a higher limit is recorded.
  EXPECT_EQ(InArchive({"snapshot", "limited", path, "--max-bytes", "30000"}).exit_code, 0);
}

TEST_F(HostileInputTest, DeepNestingNeverCrashes) {
  std::string page = "<html><body>";
  for (int i = 0; i < 100'000; ++i) page += "<div>";
  page += "<p>Deep down there is one sentence of text.</p>";
  const ProcessResult r = InArchive({"snapshot", "hostile", WriteInput("deep.html", page)});
  // A clean refusal (nesting limit) or a best-effort revision, never a signal.
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 3) << r.exit_code << " " << r.err;
  if (r.exit_code != 0) {
    EXPECT_EQ(RepositoryFingerprint(archive_), before_);
  }
  EXPECT_EQ(Git({"fsck", "--strict"}).exit_code, 0);
}

TEST_F(HostileInputTest, FiftyMegabyteTextNodeIsHandled) {
  std::string page = "<html><head><title>Long</title></head><body><article><h1>Long</h1><p>";
  page.reserve(52 << 20);
  while (page.size() < (50u << 20)) page += "word ";
  page += "</p></article></body></html>";
  const auto started = std::chrono::steady_clock::now();
  const ProcessResult r = Redline({"normalize", WriteInput("long.html", page)});
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 3) << r.exit_code << " " << r.err;
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(60));
}

TEST_F(HostileInputTest, StoryIdsThatArePathsAreRefused) {
  const std::string page = StoryRevisionPath(2);
  for (const std::string& id : std::vector<std::string>{"../evil", "../../etc/passwd", "/tmp/absolute", "a/b", ".hidden", "UPPER",
                               std::string("ctl\x01id"), std::string("new\nline"), std::string("esc\x1b[31m")}) {
    const ProcessResult r = InArchive({"snapshot", id, page});
    EXPECT_EQ(r.exit_code, 3) << id << ": " << r.err;
    EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << "raw escape echoed: " << r.err;
    EXPECT_EQ(RepositoryFingerprint(archive_), before_) << id;
  }
  EXPECT_FALSE(std::filesystem::exists(root_ / "evil"));
}

TEST_F(HostileInputTest, TerminalEscapesInPageTextNeverReachTheTerminalRaw) {
  const std::string page =
      "<html><head><title>Esc\x1b]0;owned\x07 title</title></head><body><article><h1>Escape \x1b[2J headline</h1>"
      "<p>Body with \x1b[31mred\x1b[0m text, a bell \x07 and NUL-free controls \x01\x02 here.</p>"
      "</article></body></html>";
  const ProcessResult snapshot = InArchive({"snapshot", "escapes", WriteInput("esc.html", page)});
  ASSERT_EQ(snapshot.exit_code, 0) << snapshot.err;
  const ProcessResult second = InArchive({"snapshot", "escapes", StoryRevisionPath(1)});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"show", "escapes@1"},
                                             {"log", "escapes"},
                                             {"stories"},
                                             {"diff", "escapes", "1", "2"},
                                             {"blame", "escapes@1"}}) {
    const ProcessResult r = InArchive(args);
    EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    const std::string& out = r.out;  // NO_COLOR: any escape would come from the page
    EXPECT_EQ(out.find('\x1b'), std::string::npos) << args[0] << ": " << r.out;
    EXPECT_EQ(out.find('\x07'), std::string::npos) << args[0];
  }
}

}  // namespace
}  // namespace redline::testing
