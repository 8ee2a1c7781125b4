#include "cli/man_page.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <vector>

#include "cli/command_line.h"

namespace redline::cli {
namespace {

// One line of text as roff: backslashes escaped, line breaks as spaces (--help wraps its
// footers by hand; man fills), characters beyond ASCII as \[uXXXX] (groff reads its input
// as Latin-1), and a leading dot or quote kept from reading as a request.
std::string Roff(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) {
      const int length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      char32_t code = length == 1 ? 0xfffd : byte & (0x7f >> length);
      for (int k = 1; k < length && i + 1 < text.size(); ++k) code = (code << 6) | (text[++i] & 0x3f);
      char escape[16];
      std::snprintf(escape, sizeof escape, "\\[u%04X]", static_cast<unsigned>(code));
      out += escape;
    } else if (byte == '\\') {
      out += "\\e";
    } else if (byte == '\n') {
      out += ' ';
    } else {
      out += static_cast<char>(byte);
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

// A name typed at the shell (option, command): its hyphens are minus signs, not hyphens.
std::string Typed(const std::string& name) {
  std::string out;
  for (const char c : Roff(name)) {
    if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string Sentence(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  if (!text.empty() && text.back() != '.') text += '.';
  return Roff(text);
}

// An option's help: one sentence, or, when --help lays it out in lines (a table of values),
// those lines unfilled.
std::string Description(const std::string& text) {
  if (text.find('\n') == std::string::npos) return Sentence(text);
  std::string out = ".nf\n";
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    const std::string line = Roff(text.substr(start, end - start));
    out += (line.empty() ? "\\&" : line) + "\n";
    start = end + 1;
  }
  return out + ".fi";
}

std::string Header(const std::string& name, int section, const std::string& version) {
  return ".TH " + Typed(Upper(name)) + " " + std::to_string(section) + " \"\" \"" + Roff(version) +
         "\" \"redline manual\"\n";
}

// "[-C DIR]", "STORY", "[FILE]", "STORY..." as in a synopsis.
std::string SynopsisWord(const CLI::Option* option) {
  std::string word;
  if (option->nonpositional()) {
    word = "\\fB" + Typed(OptionNames(option).front()) + "\\fR";
    if (!ValueName(option).empty()) word += " \\fI" + Roff(ValueName(option)) + "\\fR";
  } else {
    word = "\\fI" + Roff(option->get_name()) + "\\fR";
    if (TakesMany(option)) word += "...";
  }
  return option->get_required() ? word : "[" + word + "]";
}

std::string Synopsis(const CLI::App* command) {
  std::string line = ".B " + Typed(CommandPath(command)) + "\n";
  std::vector<std::string> words;
  if (!NamedOptions(command).empty()) words.push_back("[\\fIOPTIONS\\fR]");
  for (const CLI::Option* positional : Positionals(command)) words.push_back(SynopsisWord(positional));
  if (!VisibleCommands(command).empty()) words.push_back("\\fICOMMAND\\fR");
  for (std::size_t i = 0; i < words.size(); ++i) line += (i == 0 ? "" : " ") + words[i];
  return line + (words.empty() ? "" : "\n");
}

std::string OptionEntries(const CLI::App* command) {
  std::string out;
  for (const CLI::Option* option : NamedOptions(command)) {
    out += ".TP\n";
    const std::vector<std::string> names = OptionNames(option);
    for (std::size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : ", ") + ("\\fB" + Typed(names[i]) + "\\fR");
    if (!ValueName(option).empty()) out += " \\fI" + Roff(ValueName(option)) + "\\fR";
    out += "\n" + Description(option->get_description()) + "\n";
  }
  return out;
}

std::string PositionalEntries(const CLI::App* command) {
  std::string out;
  for (const CLI::Option* positional : Positionals(command)) {
    out += ".TP\n\\fI" + Roff(positional->get_name()) + "\\fR" + (TakesMany(positional) ? "..." : "") + "\n" +
           Sentence(positional->get_description()) + "\n";
  }
  return out;
}

// "Exit status: 0 ok, 2 usage." -> "0 ok, 2 usage."
std::string ExitStatus(const CLI::App* command) {
  std::string footer = command->get_footer();
  const std::string label = "Exit status:";
  if (const auto at = footer.find(label); at != std::string::npos) footer = footer.substr(at + label.size());
  while (!footer.empty() && std::isspace(static_cast<unsigned char>(footer.front()))) footer.erase(0, 1);
  return Roff(footer);
}

constexpr const char* kEnvironment = R"(.TP
.B REDLINE_ARCHIVE
The archive to use when \fB\-C\fR is not given (else the nearest archive above the current directory).
.TP
.B NO_COLOR
When set, \fB\-\-color=auto\fR never colors (nor does \fBTERM=dumb\fR).
.TP
.BR REDLINE_PAGER ", " PAGER
The pager for long output on a terminal (default \fBless\fR with \fBLESS=FRX\fR); empty or \fBcat\fR for none.
.TP
.BR REDLINE_AUTHOR_NAME ", " REDLINE_AUTHOR_EMAIL
The identity of the commits redline writes (default \fBredline <redline@localhost>\fR).
.TP
.B REDLINE_USER_AGENT
The User-Agent of fetches.
.TP
.B REDLINE_FSYNC
\fB0\fR skips fsync when recording (tests and benchmarks only).
.TP
.B COLUMNS
The width of side-by-side diffs when the terminal does not say.
)";

std::string SeeAlso(const CLI::App* root, const CLI::App* except) {
  std::vector<std::string> pages;
  if (except != root) pages.push_back(".BR redline (1)");
  for (const CLI::App* command : VisibleCommands(root)) {
    if (command != except) pages.push_back(".BR " + Typed(ManPageName(command)) + " (1)");
  }
  pages.push_back(".BR redline\\-archive (5)");
  pages.push_back(".BR git (1)");
  std::string out = ".SH SEE ALSO\n";
  for (std::size_t i = 0; i < pages.size(); ++i) out += pages[i] + (i + 1 < pages.size() ? " ,\n" : "\n");
  return out;
}

const CLI::App* Root(const CLI::App* command) {
  while (command->get_parent() != nullptr) command = command->get_parent();
  return command;
}

}  // namespace

std::string ManPageName(const CLI::App* command) {
  std::string name = CommandPath(command);
  for (char& c : name) {
    if (c == ' ') c = '-';
  }
  return name;
}

std::string RootManPage(const CLI::App* root, const std::string& version) {
  std::string summary = root->get_description();
  if (summary.rfind("redline: ", 0) == 0) summary.erase(0, 9);
  if (!summary.empty() && summary.back() == '.') summary.pop_back();
  std::string page = Header("redline", 1, version);
  page += ".SH NAME\nredline \\- " + Roff(summary) + "\n";
  page += ".SH SYNOPSIS\n.B redline\n";
  for (const CLI::Option* option : NamedOptions(root)) page += SynopsisWord(option) + "\n";
  page += "\\fICOMMAND\\fR [\\fIARGS\\fR]\n";
  page += ".SH DESCRIPTION\n" + Sentence(summary) + "\n";
  page += ".PP\nEach command has its own page, \\fBredline\\-\\fR\\fICOMMAND\\fR(1), which "
          "\\fBredline help\\fR \\fICOMMAND\\fR opens; \\fBredline\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR "
          "prints the same options. The archive's format is \\fBredline\\-archive\\fR(5).\n";
  page += ".SH COMMANDS\n";
  for (const CLI::App* command : VisibleCommands(root)) {
    page += ".TP\n\\fB" + Typed(command->get_name()) + "\\fR\n" + Sentence(command->get_description()) +
            " See \\fB" + Typed(ManPageName(command)) + "\\fR(1).\n";
  }
  page += ".SH OPTIONS\nThese come before the command (or after it, before its own arguments).\n";
  page += OptionEntries(root);
  page += ".SH EXIT STATUS\n" + ExitStatus(root) + "\n";
  page += ".PP\nErrors are one line on standard error, \\fBredline: error: \\fR\\fIMESSAGE\\fR, and a failed "
          "command leaves the archive as it was.\n";
  page += ".SH ENVIRONMENT\n";
  page += kEnvironment;
  page += SeeAlso(root, root);
  return page;
}

std::string CommandManPage(const CLI::App* command, const std::string& version) {
  const std::string name = ManPageName(command);
  const std::vector<const CLI::App*> subcommands = VisibleCommands(command);
  std::string page = Header(name, 1, version);
  page += ".SH NAME\n" + Typed(name) + " \\- " + Roff(command->get_description()) + "\n";
  page += ".SH SYNOPSIS\n" + Synopsis(command);
  for (const CLI::App* subcommand : subcommands) page += ".br\n" + Synopsis(subcommand);
  page += ".SH DESCRIPTION\n" + Sentence(command->get_description()) + "\n";
  page += ".PP\nThe global options of \\fBredline\\fR(1) (\\fB\\-C\\fR \\fIDIR\\fR, \\fB\\-\\-color\\fR "
          "\\fIWHEN\\fR, \\fB\\-\\-no\\-pager\\fR) apply too.\n";
  for (const CLI::App* subcommand : subcommands) {
    page += ".TP\n\\fB" + Typed(CommandPath(subcommand)) + "\\fR\n" + Sentence(subcommand->get_description()) + "\n";
  }
  if (!Positionals(command).empty()) page += ".SH ARGUMENTS\n" + PositionalEntries(command);
  page += ".SH OPTIONS\n" + OptionEntries(command);
  for (const CLI::App* subcommand : subcommands) {
    page += ".SS " + Typed(CommandPath(subcommand)) + "\n" + PositionalEntries(subcommand) + OptionEntries(subcommand);
  }
  page += ".SH EXIT STATUS\n";
  if (subcommands.empty()) {
    page += ExitStatus(command) + "\n";
  } else {
    for (const CLI::App* subcommand : subcommands) {
      page += ".TP\n\\fB" + Typed(CommandPath(subcommand)) + "\\fR\n" + ExitStatus(subcommand) + "\n";
    }
  }
  page += ".SH ENVIRONMENT\n";
  page += kEnvironment;
  page += SeeAlso(Root(command), command);
  return page;
}

}  // namespace redline::cli
