// help, and the hidden commands behind the man pages and the shell completions:
// __man (run by the build) and __complete (run by completions/*).
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "base/nearest.h"
#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/completion.h"
#include "cli/man_page.h"
#include "cli/story_ref.h"

extern char** environ;

namespace redline::cli {
namespace {

// Runs a program found on PATH and waits; its exit status, 127 when it cannot be started.
// `quiet` sends its output to /dev/null.
int RunProgram(const std::vector<std::string>& args, bool quiet) {
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (quiet) {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  }
  pid_t pid = -1;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return 127;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return 127;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Run from a build tree, whose man/ holds the pages this binary was built with, man looks
// there first (MANPATH ending in ':' keeps the system's pages after it).
void PreferBuildTreePages() {
  std::error_code error;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return;
  const std::filesystem::path pages = exe.parent_path() / "man";
  if (!std::filesystem::exists(pages / "man1" / "redline.1", error)) return;
  const char* old = std::getenv("MANPATH");
  const std::string manpath = pages.string() + ":" + (old != nullptr ? old : "");
  setenv("MANPATH", manpath.c_str(), 1);
}

Status NotACommand(const CLI::App* root, const std::string& name) {
  std::vector<std::string> names;
  for (const CLI::App* command : VisibleCommands(root)) names.push_back(command->get_name());
  const std::string suggestion = DidYouMean(NearestNames(name, names));
  return Status::Usage("'" + name + "' is not a redline command; " +
                       (suggestion.empty() ? std::string("see 'redline --help'") : suggestion));
}

Runner SetupHelp(CLI::App* app, const GlobalOptions*) {
  auto name = std::make_shared<std::string>();
  app->add_option("COMMAND", *name, "the command whose manual page to open (default: redline(1))");
  return [app, name]() -> Outcome {
    const CLI::App* root = app->get_parent();
    const CLI::App* command = name->empty() ? root : FindVisibleCommand(root, *name);
    if (command == nullptr) return {NotACommand(root, *name)};
    // As `git help`: the manual page through man, else (no man, or no page installed) the
    // same options as --help prints.
    const std::string page = command == root ? "redline" : ManPageName(command);
    PreferBuildTreePages();
    std::fflush(stdout);
    if (RunProgram({"man", "-w", page}, true) == 0) {
      const int code = RunProgram({"man", page}, false);
      if (code == 0) return {};
      return {Status::Internal("'man " + page + "' failed with exit status " + std::to_string(code))};
    }
    // Not App::help(), which prints the help of the command being run (this one).
    WriteOut(command->get_formatter()->make_help(command, CommandPath(command), CLI::AppFormatMode::Normal));
    return {};
  };
}

Runner SetupComplete(CLI::App* app, const GlobalOptions*) {
  auto words = std::make_shared<std::vector<std::string>>();
  app->add_option("WORDS", *words, "the words after 'redline', the last one being completed");
  return [app, words]() -> Outcome {
    WriteOut(FormatCompletion(Complete(app->get_parent(), *words)));
    return {};
  };
}

Status WritePage(const std::filesystem::path& path, const std::string& roff) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << roff;
  out.close();
  if (!out) return Status::BadInput("cannot write " + path.string());
  return Status::Ok();
}

Runner SetupMan(CLI::App* app, const GlobalOptions*) {
  auto dir = std::make_shared<std::string>();
  auto title = std::make_shared<std::string>("redline");
  app->add_option("DIR", *dir, "where to write man1/*.1")->required();
  app->add_option("--title", *title, "the version shown in each page's footer");
  return [app, dir, title]() -> Outcome {
    const CLI::App* root = app->get_parent();
    const std::filesystem::path section = std::filesystem::path(*dir) / "man1";
    std::error_code error;
    std::filesystem::create_directories(section, error);
    if (error) return {Status::BadInput("cannot create " + section.string() + ": " + error.message())};
    REDLINE_RETURN_OUTCOME_IF_ERROR(WritePage(section / "redline.1", RootManPage(root, *title)));
    for (const CLI::App* command : VisibleCommands(root)) {
      REDLINE_RETURN_OUTCOME_IF_ERROR(WritePage(section / (ManPageName(command) + ".1"), CommandManPage(command, *title)));
    }
    return {};
  };
}

}  // namespace

std::vector<Command> HelpCommands() {
  return {
      {"help", "open a command's manual page (or print its --help without man)", SetupHelp},
      {"__complete", "", SetupComplete, /*hidden=*/true},
      {"__man", "", SetupMan, /*hidden=*/true},
  };
}

}  // namespace redline::cli
