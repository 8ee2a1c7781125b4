// Every command example in the README and docs/*.md runs (issue 25), so none goes stale.
//
// The convention: a fenced block marked ```sh holds commands for users, and this test runs
// them; blocks for developers (building, benchmarking; they need the source tree, Debian
// packages or ../shared) and blocks that are not commands use a plain ``` fence. Other shell
// info strings (bash, shell, console) are refused, so that no example escapes the test.
//
// The ```sh blocks of one file run in order in one shell (a `cd` carries over), starting in
// an empty temporary folder that holds the files the examples name: page.html,
// page-later.html, old.html and new.html (the fixture story's revisions 1 to 4) and
// saved.tsv (a manifest recording revision 3); the same files are in news/, the archive
// the README creates and enters. Each command must exit 0 and print something on standard
// output (`cd` and `redline watch` excepted: its rounds print only what changed). Rewritten, because they need the network (nothing is skipped):
//   - in `redline track` and `redline feed`, https://example.com/ becomes a server on
//     127.0.0.1 serving the fixture pages and an RSS feed;
//   - `redline watch` gets `--rounds 1` (it runs until Ctrl-C otherwise).
#include <gtest/gtest-spi.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "e2e/e2e.h"
#include "support/http_server.h"

namespace redline::testing {
namespace {

namespace fs = std::filesystem;

struct ShownCommand {
  std::string where;  // FILE:LINE
  std::string text;   // as the doc shows it (continuation lines joined)
};

struct DocExamples {
  std::vector<ShownCommand> commands;
  std::vector<std::string> problems;  // blocks that break the convention
};

std::string Trim(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

// The commands of the file's ```sh blocks, in order.
DocExamples ReadExamples(const std::string& path, const std::string& shown_name) {
  DocExamples out;
  std::istringstream in(ReadFileOrDie(path));
  std::string line;
  int number = 0;
  bool in_block = false;
  bool runnable = false;
  std::string pending;  // a command continued with a backslash
  int pending_line = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string trimmed = Trim(line);
    if (trimmed.starts_with("```")) {
      if (in_block) {
        in_block = false;
        continue;
      }
      in_block = true;
      const std::string info = Trim(trimmed.substr(3));
      const std::string language = info.substr(0, info.find_first_of(" \t{"));
      runnable = language == "sh";
      if (language == "bash" || language == "shell" || language == "console" || language == "zsh") {
        out.problems.push_back(shown_name + ":" + std::to_string(number) + ": a ```" + language +
                               " block: mark examples ```sh (they are run) or use a plain fence");
      }
      continue;
    }
    if (!in_block || !runnable) continue;
    if (pending.empty() && (trimmed.empty() || trimmed.starts_with("#"))) continue;
    if (pending.empty()) pending_line = number;
    if (!trimmed.empty() && trimmed.back() == '\\') {
      pending += line.substr(0, line.find_last_of('\\')) + "\n";
      continue;
    }
    pending += line;
    out.commands.push_back({shown_name + ":" + std::to_string(pending_line), pending});
    pending.clear();
  }
  return out;
}

// `cd`, and `redline fetch` and `watch`, which print only what changed when piped (after
// the README's first `fetch`, the pages are unchanged and nothing is due).
bool MayPrintNothing(const std::string& command) {
  return std::regex_search(command, std::regex(R"(^\s*(cd\b|redline\s+(watch|fetch\s+--all)\b))"));
}

// The command as the test runs it (see the top of the file).
std::string Rewritten(const std::string& command, const std::string& server) {
  std::string out = command;
  if (std::regex_search(out, std::regex(R"(^\s*redline\s+(track|feed)\b)"))) {
    out = std::regex_replace(out, std::regex("https://example\\.com/"), server + "/");
  }
  if (std::regex_search(out, std::regex(R"(^\s*redline\s+watch\b)"))) {
    // Before any comment: the rounds option must not be commented out.
    const auto comment = out.find(" #");
    out.insert(comment == std::string::npos ? out.size() : comment, " --rounds 1");
  }
  return out;
}

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return buffer;
}

void SupplyFiles(const std::string& dir) {
  fs::create_directories(dir);
  const char* names[] = {"page.html", "page-later.html", "old.html", "new.html"};
  for (int i = 0; i < 4; ++i) fs::copy_file(StoryRevisionPath(i + 1), dir + "/" + names[i]);
  WriteFileOrDie(dir + "/saved.tsv", "# story\ttime\tfile\n" + kStory + "\t" + UtcNow() + "\told.html\n");
}

class DocsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Route("/news/story", [](const HttpRequest&) {
      return HtmlResponse(ReadFileOrDie(StoryRevisionPath(1)));
    });
    server_.Route("/news/from-the-feed", [](const HttpRequest&) {
      return HtmlResponse(ReadFileOrDie(StoryRevisionPath(2)));
    });
    const std::string item = server_.Url("/news/from-the-feed");
    server_.Route("/rss.xml", [item](const HttpRequest&) {
      HttpResponse response;
      response.headers.emplace_back("Content-Type", "application/rss+xml");
      response.body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title>"
                      "<link>" + item + "</link><item><title>From the feed</title><link>" + item +
                      "</link></item></channel></rss>";
      return response;
    });
    fs::create_directories(root_ / "bin");
    fs::create_symlink(REDLINE_BINARY, root_ / "bin/redline");
  }

  // Runs the commands in one shell in a fresh folder; one failure per command that fails.
  void RunExamples(const std::vector<ShownCommand>& commands) {
    const std::string work = root_ / "work";
    const std::string results = root_ / "results";
    fs::remove_all(work);
    fs::remove_all(results);
    fs::create_directories(results);
    SupplyFiles(work);
    SupplyFiles(work + "/news");
    std::string script = "cd '" + work + "' || exit 99\n";
    for (std::size_t i = 0; i < commands.size(); ++i) {
      const std::string n = results + "/" + std::to_string(i);
      // The newline before '}' ends any comment on the command's last line.
      script += "{ " + Rewritten(commands[i].text, server_.Url("")) + "\n} >'" + n + ".out' 2>'" + n +
                ".err' </dev/null\necho $? >'" + n + ".rc'\n";
    }
    ProcessOptions options;
    options.env.emplace("PATH", (root_ / "bin") + ":" + std::getenv("PATH"));
    for (const char* name : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
                             "GIT_DIR", "GIT_WORK_TREE", "REDLINE_PAGER"}) {
      options.env.emplace(name, "");
    }
    const ProcessResult shell = RunCommand({"bash", "-c", script}, options);
    ASSERT_EQ(shell.exit_code, 0) << shell.err;
    for (std::size_t i = 0; i < commands.size(); ++i) {
      const std::string n = results + "/" + std::to_string(i);
      const ShownCommand& c = commands[i];
      ASSERT_TRUE(fs::exists(n + ".rc")) << c.where << ": did not run: " << c.text;
      const int rc = std::stoi(ReadFileOrDie(n + ".rc"));
      const std::string out = ReadFileOrDie(n + ".out");
      const std::string err = ReadFileOrDie(n + ".err");
      EXPECT_EQ(rc, 0) << c.where << ": `" << c.text << "` failed:\n" << err << out;
      if (rc == 0 && !MayPrintNothing(c.text)) {
        EXPECT_NE(out, "") << c.where << ": `" << c.text << "` printed nothing\n" << err;
      }
    }
  }

  TempDir root_;
  HttpServer server_;
};

std::vector<std::pair<std::string, std::string>> DocFiles() {
  const std::string source = REDLINE_SOURCE_DIR;
  std::vector<std::pair<std::string, std::string>> files = {{source + "/README.md", "README.md"}};
  std::vector<std::string> docs;
  for (const auto& entry : fs::directory_iterator(source + "/docs")) {
    if (entry.path().extension() == ".md") docs.push_back(entry.path().filename().string());
  }
  std::sort(docs.begin(), docs.end());
  for (const std::string& name : docs) files.emplace_back(source + "/docs/" + name, "docs/" + name);
  return files;
}

TEST_F(DocsTest, EveryShellBlockFollowsTheConvention) {
  for (const auto& [path, name] : DocFiles()) {
    const DocExamples examples = ReadExamples(path, name);
    for (const std::string& problem : examples.problems) ADD_FAILURE() << problem;
  }
}

TEST_F(DocsTest, EveryCommandInTheReadmeRuns) {
  const DocExamples examples = ReadExamples(std::string(REDLINE_SOURCE_DIR) + "/README.md", "README.md");
  // The README shows recording, reading, tracking and plain git on the archive.
  ASSERT_GE(examples.commands.size(), 20u);
  RunExamples(examples.commands);
}

TEST_F(DocsTest, EveryCommandInTheDocsRuns) {
  for (const auto& [path, name] : DocFiles()) {
    if (name == "README.md") continue;
    const DocExamples examples = ReadExamples(path, name);
    if (examples.commands.empty()) continue;
    SCOPED_TRACE(name);
    RunExamples(examples.commands);
  }
}

// The convention's own check: a command that fails or prints nothing is caught, with the
// file and line it is shown at.
TEST_F(DocsTest, AFailingOrSilentExampleIsCaught) {
  const std::string doc = root_ / "example.md";
  WriteFileOrDie(doc, "Text.\n\n```sh\nredline init news   # prints\ncd news\nredline log nothing\n"
                      "git log main -- stories/*/*/*/*/nothing\n```\n\n```\nnot run\n```\n\n```bash\nls\n```\n");
  const DocExamples examples = ReadExamples(doc, "example.md");
  ASSERT_EQ(examples.commands.size(), 4u);
  EXPECT_EQ(examples.commands[2].where, "example.md:6");
  ASSERT_EQ(examples.problems.size(), 1u);
  EXPECT_EQ(examples.problems[0], "example.md:14: a ```bash block: mark examples ```sh (they are run) or use a plain fence");
  ::testing::TestPartResultArray failures;
  {
    ::testing::ScopedFakeTestPartResultReporter reporter(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &failures);
    RunExamples(examples.commands);
  }
  ASSERT_EQ(failures.size(), 2) << "expected: the failing log, the silent git log";
  EXPECT_NE(std::string(failures.GetTestPartResult(0).message()).find("example.md:6: `redline log nothing` failed"),
            std::string::npos)
      << failures.GetTestPartResult(0).message();
  EXPECT_NE(std::string(failures.GetTestPartResult(1).message()).find("example.md:7: `git log main -- "
                                                                        "stories/*/*/*/*/nothing` printed nothing"),
            std::string::npos)
      << failures.GetTestPartResult(1).message();
}

}  // namespace
}  // namespace redline::testing
