// Man pages and `redline help` (issue 26): every page is written from the command
// definitions that --help prints, renders without a groff warning, and `redline help
// COMMAND` opens it through man, or prints --help where man or the page is missing.
#include <fstream>
#include <set>
#include <sstream>

#include "e2e/e2e.h"

namespace redline::testing {
namespace {

const std::string kManDir = REDLINE_MAN_DIR;

ProcessResult RunRedline(std::vector<std::string> args, ProcessOptions options = {}) {
  args.insert(args.begin(), REDLINE_BINARY);
  options.env.emplace("LANG", "C");
  options.env.emplace("MANPAGER", "cat");
  return RunCommand(args, std::move(options));
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::size_t Indent(const std::string& line) { return line.find_first_not_of(' '); }

// "-C,--archive DIR  ..." (CLI11) or "-C, --archive DIR" (man): the names before the value.
void AddOptionNames(const std::string& line, std::set<std::string>* names) {
  std::istringstream words(line);
  for (std::string word; words >> word && word[0] == '-';) {
    std::istringstream parts(word);
    for (std::string name; std::getline(parts, name, ',');) {
      if (!name.empty()) names->insert(name);
    }
  }
}

// The command names in the "Subcommands:" section of a --help text.
std::vector<std::string> HelpCommands(const std::string& help) {
  std::vector<std::string> names;
  bool in_section = false;
  for (const std::string& line : Lines(help)) {
    if (line.rfind("Subcommands:", 0) == 0) {
      in_section = true;
    } else if (in_section && Indent(line) == 2) {
      names.push_back(line.substr(2, line.find(' ', 2) - 2));
    } else if (in_section && !line.empty() && Indent(line) == 0) {
      in_section = false;
    }
  }
  return names;
}

// The option names of the "Options:" section of a --help text.
std::set<std::string> HelpOptions(const std::string& help) {
  std::set<std::string> names;
  bool in_section = false;
  for (const std::string& line : Lines(help)) {
    if (line.rfind("Options:", 0) == 0) {
      in_section = true;
    } else if (!line.empty() && Indent(line) == 0) {
      in_section = false;
    } else if (in_section && Indent(line) == 2 && line[2] == '-') {
      AddOptionNames(line, &names);
    }
  }
  return names;
}

// The page rendered as plain text; no groff warning (-ww) is allowed.
std::string Render(const std::string& page) {
  const ProcessResult r = RunCommand({"groff", "-man", "-Tutf8", "-ww", "-P-cbou", page});
  EXPECT_EQ(r.exit_code, 0) << page;
  EXPECT_EQ(r.err, "") << page;
  return r.out;
}

// The option names a rendered page lists: the tags of its option entries.
std::set<std::string> PageOptions(const std::string& rendered) {
  std::set<std::string> names;
  for (const std::string& line : Lines(rendered)) {
    if (line.size() > 7 && Indent(line) == 7 && line[7] == '-') AddOptionNames(line, &names);
  }
  return names;
}

TEST(ManPageTest, EveryCommandsPageListsTheOptionsOfItsHelp) {
  const ProcessResult root_help = RunRedline({"--help"});
  ASSERT_EQ(root_help.exit_code, 0);
  for (const char* hidden : {"__complete", "__man", "git-diff-driver", "git-textconv"}) {
    EXPECT_EQ(root_help.out.find(hidden), std::string::npos) << hidden << " shows in --help";
  }
  EXPECT_EQ(PageOptions(Render(kManDir + "/man1/redline.1")), HelpOptions(root_help.out));
  const std::vector<std::string> commands = HelpCommands(root_help.out);
  ASSERT_GT(commands.size(), 20u);
  for (const std::string& command : commands) {
    const ProcessResult help = RunRedline({command, "--help"});
    ASSERT_EQ(help.exit_code, 0) << command;
    std::set<std::string> options = HelpOptions(help.out);
    for (const std::string& subcommand : HelpCommands(help.out)) {  // feed add, feed list, ...
      const std::set<std::string> more = HelpOptions(RunRedline({command, subcommand, "--help"}).out);
      options.insert(more.begin(), more.end());
    }
    EXPECT_FALSE(options.empty()) << command;
    const std::string rendered = Render(kManDir + "/man1/redline-" + command + ".1");
    EXPECT_EQ(PageOptions(rendered), options) << command;
    for (const char* section : {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "ENVIRONMENT", "SEE ALSO"}) {
      EXPECT_NE(rendered.find("\n" + std::string(section) + "\n"), std::string::npos) << command << ": " << section;
    }
  }
  // The hidden commands have no page; the archive format has one in section 5.
  EXPECT_FALSE(std::ifstream(kManDir + "/man1/redline-__complete.1").good());
  EXPECT_NE(Render(kManDir + "/man5/redline-archive.5").find("CANONICAL TEXT"), std::string::npos);
}

TEST(HelpCommandTest, OpensTheManPage) {
  const ProcessResult log = RunRedline({"help", "log"});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  EXPECT_EQ(log.out.rfind("REDLINE-LOG(1)", 0), 0u) << log.out;
  EXPECT_NE(log.out.find("redline-log - list a story's revisions"), std::string::npos) << log.out;
  EXPECT_NE(log.out.find("--json"), std::string::npos);
  const ProcessResult root = RunRedline({"help"});
  ASSERT_EQ(root.exit_code, 0) << root.err;
  EXPECT_EQ(root.out.rfind("REDLINE(1)", 0), 0u) << root.out;
  EXPECT_NE(root.out.find("redline-archive(5)"), std::string::npos) << root.out;
}

TEST(HelpCommandTest, WithoutManPrintsTheCommandsHelp) {
  ProcessOptions no_man;
  no_man.env.emplace("PATH", "/nonexistent");
  const ProcessResult help = RunRedline({"help", "diff"}, no_man);
  ASSERT_EQ(help.exit_code, 0) << help.err;
  EXPECT_EQ(help.out, RunRedline({"diff", "--help"}).out);
  ProcessOptions no_man_root = no_man;
  EXPECT_EQ(RunRedline({"help"}, no_man_root).out, RunRedline({"--help"}).out);
}

TEST(HelpCommandTest, AnUnknownCommandIsAUsageErrorWithASuggestion) {
  const ProcessResult r = RunRedline({"help", "lgo"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("redline: error: 'lgo' is not a redline command; did you mean 'log'?", 0), 0u) << r.err;
  EXPECT_EQ(RunRedline({"help", "__complete"}).exit_code, 2);  // hidden commands have no page
}

}  // namespace
}  // namespace redline::testing
