// Shell completion (issue 26): the scripts in completions/ run as bash, zsh and fish run
// them, against a real archive: commands, a command's options, option values, story ids by
// prefix and revision specs, with -C on the line or $REDLINE_ARCHIVE.
#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "e2e/e2e.h"

namespace redline::testing {
namespace {

using Words = std::vector<std::string>;

const std::string kCompletions = std::string(REDLINE_SOURCE_DIR) + "/completions/";

class CompletionTest : public ArchiveTest {
 protected:
  void SetUp() override {
    ArchiveTest::SetUp();
    Record("harbour-plan", "# Harbour plan approved\n\nThe council approved the plan.\n");
    Record("harbour-plan", "# Harbour plan approved\n\nThe council approved the plan on Monday.\n");
    Record("harbour-strike", "# Dock workers strike\n\nWorkers walked out.\n");
    Record("weather", "# Rain\n\nRain all week.\n");
  }

  void Record(const std::string& story, const std::string& text) {
    ProcessOptions input;
    input.stdin_data = text;
    const ProcessResult r = InArchive({"snapshot", story, "-", "--from", "text"}, input);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // redline on PATH (as the scripts call it), the archive named only when asked.
  ProcessOptions Shell(bool archive_from_environment = false) {
    ProcessOptions options;
    std::string bin = REDLINE_BINARY;
    bin.resize(bin.rfind('/'));
    options.env.emplace("PATH", bin + ":" + std::getenv("PATH"));
    if (archive_from_environment) options.env["REDLINE_ARCHIVE"] = archive_;
    options.cwd = root_.path();  // no archive above it
    return options;
  }

  static Words Sorted(const std::string& out) {
    Words words;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
      line = line.substr(0, line.find('\t'));  // fish prints "word<TAB>description"
      if (!line.empty()) words.push_back(line);
    }
    std::sort(words.begin(), words.end());
    return words;
  }

  // The candidates bash offers for "redline WORDS..." (the last word being completed).
  Words Bash(const Words& words, bool archive_from_environment = false) {
    Words argv = {"bash", "-c",
                  "source \"$0\"; COMP_WORDS=(redline \"$@\"); COMP_CWORD=$#; _redline; "
                  "printf '%s\\n' \"${COMPREPLY[@]}\"",
                  kCompletions + "redline.bash"};
    argv.insert(argv.end(), words.begin(), words.end());
    const ProcessResult r = RunCommand(argv, Shell(archive_from_environment));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    return Sorted(r.out);
  }

  // zsh: the completion function run with compadd and _files stubbed to print what they get.
  Words Zsh(const Words& words) {
    Words argv = {"zsh", "-f", "-c",
                  "fpath=(\"$0\" $fpath); autoload -Uz _redline; "
                  "compadd() { print -rl -- \"${@[${@[(i)--]}+1,-1]}\" }; _files() { print -r -- '(files)' }; "
                  "words=(redline \"$@\"); CURRENT=${#words}; _redline",
                  kCompletions};
    argv.insert(argv.end(), words.begin(), words.end());
    const ProcessResult r = RunCommand(argv, Shell());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    return Sorted(r.out);
  }

  // fish: `complete -C` with the line as typed.
  Words Fish(const std::string& line) {
    const ProcessResult r = RunCommand(
        {"fish", "--no-config", "-c", "source $argv[1]; complete -C $argv[2]", kCompletions + "redline.fish", line},
        Shell());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    return Sorted(r.out);
  }
};

TEST_F(CompletionTest, BashCompletesCommandsOptionsStoriesAndRevisions) {
  EXPECT_EQ(Bash({"lo"}), (Words{"log"}));
  EXPECT_EQ(Bash({"dif"}), (Words{"diff", "diff-files"}));
  EXPECT_EQ(Bash({"log", "--j"}), (Words{"--json"}));
  EXPECT_EQ(Bash({"--color", "a"}), (Words{"always", "auto"}));
  EXPECT_EQ(Bash({"feed", ""}), (Words{"add", "list", "remove"}));
  EXPECT_EQ(Bash({"-C", archive_, "log", "harb"}), (Words{"harbour-plan", "harbour-strike"}));
  EXPECT_EQ(Bash({"log", "w"}, true), (Words{"weather"}));  // $REDLINE_ARCHIVE
  EXPECT_EQ(Bash({"-C", archive_, "show", "harbour-plan@"}),
            (Words{"harbour-plan@1", "harbour-plan@2", "harbour-plan@latest"}));
  EXPECT_EQ(Bash({"-C", archive_, "diff", "harbour-plan", ""}), (Words{"1", "2", "latest"}));
  EXPECT_EQ(Bash({"-C", archive_, "diff", "harbour-plan", "l"}), (Words{"latest"}));
  EXPECT_EQ(Bash({"log", "harb"}), Words{});  // no archive here: nothing, and no error
  EXPECT_EQ(Bash({"__"}), Words{});           // hidden commands are never offered
  // A FILE argument: file names from the current directory.
  WriteFileOrDie(root_ / "page.html", "<p>x</p>");
  EXPECT_EQ(Bash({"normalize", "pag"}), (Words{"page.html"}));
}

TEST_F(CompletionTest, ZshCompletesCommandsOptionsStoriesAndRevisions) {
  EXPECT_EQ(Zsh({"lo"}), (Words{"log"}));
  EXPECT_EQ(Zsh({"log", "--j"}), (Words{"--json"}));
  EXPECT_EQ(Zsh({"-C", archive_, "log", "harb"}), (Words{"harbour-plan", "harbour-strike"}));
  EXPECT_EQ(Zsh({"-C", archive_, "blame", "harbour-plan@"}),
            (Words{"harbour-plan@1", "harbour-plan@2", "harbour-plan@latest"}));
  EXPECT_EQ(Zsh({"-C", archive_, "diff", "harbour-plan", ""}), (Words{"1", "2", "latest"}));
  EXPECT_EQ(Zsh({"normalize", ""}), (Words{"(files)"}));
}

TEST_F(CompletionTest, FishCompletesCommandsOptionsStoriesAndRevisions) {
  EXPECT_EQ(Fish("redline lo"), (Words{"log"}));
  EXPECT_EQ(Fish("redline log --j"), (Words{"--json"}));
  EXPECT_EQ(Fish("redline -C " + archive_ + " log harb"), (Words{"harbour-plan", "harbour-strike"}));
  EXPECT_EQ(Fish("redline -C " + archive_ + " show harbour-plan@"),
            (Words{"harbour-plan@1", "harbour-plan@2", "harbour-plan@latest"}));
  EXPECT_EQ(Fish("redline -C " + archive_ + " diff harbour-plan "), (Words{"1", "2", "latest"}));
}

TEST_F(CompletionTest, StoriesComeWithTheirHeadlines) {
  const ProcessResult r = Redline({"__complete", "--", "-C", archive_, "log", "harbour-s"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("harbour-strike\t", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("Dock workers strike\n"), std::string::npos) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
}

}  // namespace
}  // namespace redline::testing
