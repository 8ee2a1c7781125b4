// git-diff-driver: the external diff that git-setup names in diff.redline.command. git runs
// it once per changed article.txt with the 7 arguments of GIT_EXTERNAL_DIFF (git(1)), or 9
// for a rename or copy, and prints nothing of its own for that file: the driver prints the
// whole entry, git's header lines and then redline's word diff (the plain or color format
// of `redline diff`).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "cli/command.h"
#include "redline/diff.h"

namespace redline::cli {
namespace {

struct DriverOptions {
  std::string path;
  std::string old_file, old_hex, old_mode;
  std::string new_file, new_hex, new_mode;
  std::string new_path;  // renames and copies only
  std::string extended_header;  // "similarity index ...\nrename from ...\n...index ...\n"
};

// Whether git would color this diff. git tells an external diff nothing of its colors, so
// the driver asks git's config as git would: color.diff, else color.ui, else auto, where
// auto means stdout is a terminal or git's pager (git sets GIT_PAGER_IN_USE for it), and
// NO_COLOR turns auto off. `git -c color.diff=...` reaches here too: git passes -c
// settings on to the processes it starts.
bool GitWantsColor(ColorChoice choice) {
  if (choice != ColorChoice::kAuto) return choice == ColorChoice::kAlways;
  const char* pager = std::getenv("GIT_PAGER_IN_USE");
  const char* no_color = std::getenv("NO_COLOR");
  const bool terminal = isatty(STDOUT_FILENO) != 0 || (pager != nullptr && pager[0] != '\0');
  const bool auto_on = terminal && (no_color == nullptr || no_color[0] == '\0');
  // GIT_PAGER_IN_USE emptied: git config would take it for a terminal and override "false".
  const std::string command = std::string("GIT_PAGER_IN_USE= git config --get-colorbool color.diff ") +
                              (auto_on ? "true" : "false") + " 2>/dev/null";
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> git(popen(command.c_str(), "r"), &pclose);
  if (git == nullptr) return false;
  char answer[16] = {};
  const bool read = std::fgets(answer, sizeof answer, git.get()) != nullptr;
  return read && std::strncmp(answer, "true", 4) == 0;
}

std::string Abbreviated(const std::string& hex) {
  return hex == "." ? std::string(7, '0') : hex.substr(0, 7);
}

// git's header of one file's entry: "diff --git", the mode and index lines, "---", "+++".
std::string Header(const DriverOptions& o) {
  const bool created = o.old_file == "/dev/null";
  const bool deleted = o.new_file == "/dev/null";
  const std::string& new_path = o.new_path.empty() ? o.path : o.new_path;
  std::string header = "diff --git a/" + o.path + " b/" + new_path + "\n";
  if (!o.extended_header.empty()) {
    header += o.extended_header;  // git's own lines for a rename or copy, index line included
    if (header.back() != '\n') header += '\n';
  } else {
    if (created) header += "new file mode " + o.new_mode + "\n";
    if (deleted) header += "deleted file mode " + o.old_mode + "\n";
    const bool same_mode = !created && !deleted && o.old_mode == o.new_mode;
    if (!created && !deleted && !same_mode) header += "old mode " + o.old_mode + "\nnew mode " + o.new_mode + "\n";
    header += "index " + Abbreviated(o.old_hex) + ".." + Abbreviated(o.new_hex);
    header += same_mode ? " " + o.old_mode + "\n" : "\n";
  }
  header += created ? std::string("--- /dev/null\n") : "--- a/" + o.path + "\n";
  header += deleted ? std::string("+++ /dev/null\n") : "+++ b/" + new_path + "\n";
  return header;
}

// git's default color for header lines (color.diff.meta): bold, line by line.
std::string Bold(const std::string& lines) {
  std::string out;
  std::size_t start = 0;
  while (start < lines.size()) {
    const std::size_t end = lines.find('\n', start);
    out += "\x1b[1m" + lines.substr(start, end - start) + "\x1b[m\n";
    start = end + 1;
  }
  return out;
}

Outcome RunDriver(const DriverOptions& o, const GlobalOptions& globals) {
  auto old_text = ReadInput(o.old_file);
  if (!old_text.ok()) return {old_text.status()};
  auto new_text = ReadInput(o.new_file);
  if (!new_text.ok()) return {new_text.status()};
  DiffOptions options;  // what `redline diff` computes for its plain and color formats
  options.label_sentences = false;
  options.summarize = false;
  const WordDiff diff = DiffWords(*old_text, *new_text, options);
  RenderOptions render;
  const bool color = GitWantsColor(globals.color);
  render.format = color ? DiffFormat::kColor : DiffFormat::kPlain;
  const std::string header = TerminalSafe(Header(o));
  WriteOut(color ? Bold(header) : header);
  WriteOut(RenderDiff(diff, render));
  // Differences are no failure here: git stops at an external diff that exits non-zero.
  return {Status::Ok()};
}

}  // namespace

Runner SetupGitDiffDriver(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<DriverOptions>();
  app->add_option("PATH", o->path, "the file's path in the repository")->required();
  app->add_option("OLD-FILE", o->old_file, "the old text (/dev/null for a new file)")->required();
  app->add_option("OLD-HEX", o->old_hex, "the old blob id (. for none)")->required();
  app->add_option("OLD-MODE", o->old_mode, "the old file mode (. for none)")->required();
  app->add_option("NEW-FILE", o->new_file, "the new text (/dev/null for a deleted file)")->required();
  app->add_option("NEW-HEX", o->new_hex, "the new blob id")->required();
  app->add_option("NEW-MODE", o->new_mode, "the new file mode")->required();
  app->add_option("NEW-PATH", o->new_path, "renames and copies: the new path");
  app->add_option("HEADER", o->extended_header, "renames and copies: git's extended header lines");
  app->footer("git's external diff (GIT_EXTERNAL_DIFF arguments): prints the file's diff header and\n"
              "redline's word diff, colored as git would color it (color.diff, color.ui, the pager).\n"
              "Exit status: 0 ok (with or without differences), 2 usage, 3 bad input.");
  return [o, globals]() { return RunDriver(*o, *globals); };
}

}  // namespace redline::cli
