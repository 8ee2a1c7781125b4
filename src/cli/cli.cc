#include "cli/cli.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/version.h"
#include "base/nearest.h"

namespace redline::cli {
namespace {

std::vector<Command> AllCommands() {
  std::vector<Command> all;
  for (auto group : {ArchiveCommands(), SnapshotCommands(), ImportCommands(), DiffCommands(), WebCommands(), ReportCommands(), MaintainCommands(),
                      HelpCommands(), GitCommands(),
                      DoctorCommands()}) {
    for (auto& command : group) all.push_back(std::move(command));
  }
  return all;
}

// The first argument that is not a global option or its value: the command name.
std::string FindCommandName(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-C" || arg == "--archive" || arg == "--color") {
      ++i;
      continue;
    }
    if (!arg.empty() && arg[0] == '-') continue;
    return arg;
  }
  return "";
}

std::string FirstLine(std::string text) {
  const auto newline = text.find('\n');
  if (newline != std::string::npos) text.resize(newline);
  return text;
}

}  // namespace

Outcome Run(int argc, char** argv) {
  const std::vector<Command> commands = AllCommands();

  const std::string name = FindCommandName(argc, argv);
  if (!name.empty()) {
    std::vector<std::string> names;
    for (const auto& c : commands) names.emplace_back(c.name);
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      std::string message = "'" + name + "' is not a redline command";
      const std::string suggestion = DidYouMean(NearestNames(name, names));
      if (!suggestion.empty()) message += "; " + suggestion;
      else message += "; see 'redline --help'";
      return {Status::Usage(message)};
    }
  }

  CLI::App app("redline: record news story revisions in a git archive and show what changed.",
               "redline");
  app.set_version_flag("--version", VersionText, "print the versions of redline and the libraries it uses");
  app.require_subcommand(1, 1);
  app.fallthrough();
  // Commands inherit this footer when they are added (CLI11): only diff and diff-files have
  // --exit-code, so the 1 is added after them (and commands with their own say theirs).
  app.footer("Exit status: 0 ok, 2 usage, 3 bad input, 4 archive, 5 network.");

  auto globals = std::make_unique<GlobalOptions>();
  app.add_option("-C,--archive", globals->archive_dir, "use the archive in DIR")->option_text("DIR");
  std::string color = "auto";
  app.add_option("--color", color, "colored output: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->option_text("WHEN");
  app.add_flag("--no-pager", globals->no_pager, "never pipe output through a pager");

  std::vector<std::pair<CLI::App*, Runner>> runners;
  for (const Command& command : commands) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    if (command.hidden) Hide(sub);
    // Only the command named registers its options: `redline --help` lists the others by
    // their summaries alone, and registering every command's options cost every start-up
    // about 2 million instructions (a sixth of `redline --version`; docs/benchmarks.md).
    // help, the man pages and the completions read every command's definitions back.
    const bool reads_every_command = name == "help" || name == "__man" || name == "__complete";
    if (command.name != name && !reads_every_command) continue;
    runners.emplace_back(sub, command.setup(sub, globals.get()));
  }
  app.footer("Exit status: 0 ok, 1 differences (--exit-code), 2 usage, 3 bad input, 4 archive, 5 network.");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    app.exit(e);
    return {Status::Ok()};
  } catch (const CLI::CallForAllHelp& e) {
    app.exit(e);
    return {Status::Ok()};
  } catch (const CLI::CallForVersion& e) {
    app.exit(e);
    return {Status::Ok()};
  } catch (const CLI::ParseError& e) {
    // The hint names the command's own help when the mistake is in a command's arguments.
    const std::string help = name.empty() ? "redline --help" : "redline " + name + " --help";
    return {Status::Usage(FirstLine(e.what()) + " (see '" + help + "')")};
  }
  globals->color = color == "always" ? ColorChoice::kAlways
                   : color == "never" ? ColorChoice::kNever
                                      : ColorChoice::kAuto;

  for (auto& [sub, runner] : runners) {
    if (!sub->parsed()) continue;
    Outcome outcome = runner();
    // A usage error found by the command itself points to the command's own help too.
    if (outcome.status.kind() == ErrorKind::kUsage && outcome.status.message().find("--help") == std::string::npos) {
      outcome.status = Status::Usage(outcome.status.message() + " (see 'redline " + sub->get_name() + " --help')");
    }
    return outcome;
  }
  return {Status::Usage("no command given; see 'redline --help'")};
}

int ExitCode(const Outcome& outcome) {
  switch (outcome.status.kind()) {
    case ErrorKind::kOk: return outcome.differences ? 1 : 0;
    case ErrorKind::kUsage: return 2;
    case ErrorKind::kBadInput: return 3;
    case ErrorKind::kNotFound: return 3;
    case ErrorKind::kArchive: return 4;
    case ErrorKind::kNetwork: return 5;
    case ErrorKind::kInternal: return 4;
  }
  return 4;
}

}  // namespace redline::cli
