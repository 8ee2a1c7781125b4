// What every command shares: global options, the command table entry, and helpers for
// opening the archive and reading input.
#ifndef REDLINE_CLI_COMMAND_H_
#define REDLINE_CLI_COMMAND_H_

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/terminal.h"
#include "redline/archive.h"
#include "redline/normalize.h"
#include "redline/status.h"

namespace redline::cli {

struct GlobalOptions {
  std::string archive_dir;  // -C / --archive
  ColorChoice color = ColorChoice::kAuto;
  bool no_pager = false;
};

using Runner = std::function<Outcome()>;

// One row of the command table: registers its options on `app` and returns the code that
// runs it once parsing succeeded. `globals` outlives the runner.
struct Command {
  const char* name;
  const char* summary;
  std::function<Runner(CLI::App* app, const GlobalOptions* globals)> setup;
  // Run by programs (git, the shell completions, the build), not by people: left out of
  // --help, the man pages and the completions. Known before setup, which runs only for the
  // command named.
  bool hidden = false;
};

std::vector<Command> ArchiveCommands();   // init, stories, log, show, rm
std::vector<Command> SnapshotCommands();  // normalize, snapshot
std::vector<Command> ImportCommands();    // import
std::vector<Command> DiffCommands();      // diff, diff-files
std::vector<Command> WebCommands();       // track, untrack, tracked, feed, fetch, watch
std::vector<Command> ReportCommands();    // report
std::vector<Command> MaintainCommands();  // reindex, upgrade, gc
std::vector<Command> HelpCommands();      // help; hidden: __complete, __man
std::vector<Command> GitCommands();       // git-setup, git-diff-driver, git-textconv
std::vector<Command> DoctorCommands();    // doctor

// -C/--archive, else $REDLINE_ARCHIVE, else the nearest archive above the current directory.
Result<Archive> OpenArchive(const GlobalOptions& globals);

// Reads a file, or standard input for "-". BadInput for a missing or unreadable file, or
// for input over `max_bytes` (refused before it is read into memory).
Result<std::string> ReadInput(const std::string& path, std::size_t max_bytes = SIZE_MAX);

// "html", "text" or "auto".
Result<InputFormat> ParseInputFormat(const std::string& name);

// Writes bytes to stdout exactly as given.
void WriteOut(std::string_view bytes);

// Starts the pager unless --no-pager; call before writing long output.
void MaybeStartPager(const GlobalOptions& globals, Pager* pager);

}  // namespace redline::cli

#endif  // REDLINE_CLI_COMMAND_H_
