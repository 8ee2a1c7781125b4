// git-setup, and git-textconv, one of the two commands it tells git to run (the other,
// git-diff-driver, is in git_diff_driver.cc). docs/git.md says what each git command shows.
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <memory>
#include <string>

#include "archive/git_setup.h"
#include "cli/command.h"
#include "redline/diff.h"

namespace redline::cli {

Runner SetupGitDiffDriver(CLI::App* app, const GlobalOptions* globals);  // git_diff_driver.cc

namespace {

// The running binary's absolute path: git finds the driver even when redline is not on
// PATH, and re-running git-setup after moving redline points git at the new place.
Result<std::string> OwnExecutable() {
  char path[PATH_MAX];
  const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
  if (length <= 0) return Status::Internal(std::string("cannot find redline's own path: ") + std::strerror(errno));
  return std::string(path, static_cast<std::size_t>(length));
}

// git runs diff.*.command and diff.*.textconv through the shell: the path is quoted so
// that spaces and other shell characters in it stay part of it.
std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) {
    if (c == '\'') quoted += "'\\''";
    else quoted += c;
  }
  return quoted + "'";
}

struct GitSetupOptions {
  bool remove = false;
};

Outcome RunGitSetup(const GitSetupOptions& o, const GlobalOptions& globals) {
  auto archive = OpenArchive(globals);
  if (!archive.ok()) return {archive.status()};
  const std::string& dir = archive->path();
  if (o.remove) {
    auto removed = RemoveGitDiff(dir);
    if (!removed.ok()) return {removed.status()};
    std::printf(*removed ? "Removed redline's git setup from %s: git diff, git log -p and git show are git's own again\n"
                         : "No redline git setup in %s; nothing to remove\n",
                dir.c_str());
    return {Status::Ok()};
  }
  auto executable = OwnExecutable();
  if (!executable.ok()) return {executable.status()};
  const std::string self = ShellQuote(*executable);
  auto change = InstallGitDiff(dir, {self + " git-diff-driver", self + " git-textconv"});
  if (!change.ok()) return {change.status()};
  if (*change == GitSetupChange::kUnchanged) {
    std::printf("git in %s is set up already (using %s)\n", dir.c_str(), executable->c_str());
  } else {
    std::printf("%s git in %s (using %s): git diff shows word diffs of stories; git log -p and git show, "
                "changed sentences (word diffs with --ext-diff)\n",
                *change == GitSetupChange::kAdded ? "Set up" : "Updated", dir.c_str(), executable->c_str());
  }
  return {Status::Ok()};
}

Runner SetupGitSetup(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<GitSetupOptions>();
  app->add_flag("--remove", o->remove, "take out what git-setup added; git diff is git's own again");
  app->footer(
      "In an archive, sets up a git diff driver: plain 'git diff' shows redline's word diffs of\n"
      "stories, 'git log -p' and 'git show' one changed sentence per line ('--ext-diff': word\n"
      "diffs). Writes diff.redline.* to the repository's config and a marked block to\n"
      "<git dir>/info/attributes; running it again updates them.\n"
      "Exit status: 0 ok, 2 usage, 4 archive.");
  return [o, globals]() { return RunGitSetup(*o, *globals); };
}

// Canonical text with each sentence on a line of its own and blank lines between blocks
// kept: git's line diff of this shows the sentences that changed, not whole paragraphs.
std::string SentencePerLine(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    for (std::string_view sentence : SplitSentences(text.substr(start, end - start))) {
      while (!sentence.empty() && sentence.back() == ' ') sentence.remove_suffix(1);
      out.append(sentence);
      out += '\n';
    }
    if (start == end) out += '\n';  // a blank line between blocks
    start = end + 1;
  }
  return out;
}

struct TextconvOptions {
  std::string file;
};

Runner SetupGitTextconv(CLI::App* app, const GlobalOptions*) {
  auto o = std::make_shared<TextconvOptions>();
  app->add_option("FILE", o->file, "a story's article.txt (git passes a temporary copy)")->required();
  app->footer("Prints the text one sentence per line, for git's own diff (git-setup).\n"
              "Exit status: 0 ok, 2 usage, 3 bad input.");
  return [o]() -> Outcome {
    auto text = ReadInput(o->file);
    if (!text.ok()) return {text.status()};
    WriteOut(SentencePerLine(*text));
    return {Status::Ok()};
  };
}

}  // namespace

std::vector<Command> GitCommands() {
  return {
      {"git-setup", "make plain git diff, log -p and show print redline's diffs in an archive", SetupGitSetup},
      {"git-diff-driver", "the external diff git runs after git-setup", SetupGitDiffDriver, /*hidden=*/true},
      {"git-textconv", "the text conversion git runs after git-setup", SetupGitTextconv, /*hidden=*/true},
  };
}

}  // namespace redline::cli
