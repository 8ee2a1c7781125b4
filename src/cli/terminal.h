// Terminal habits borrowed from git: color decisions, NO_COLOR, and a pager on a terminal.
#ifndef REDLINE_CLI_TERMINAL_H_
#define REDLINE_CLI_TERMINAL_H_

#include <chrono>
#include <string>
#include <sys/types.h>

namespace redline::cli {

enum class ColorChoice { kAuto, kAlways, kNever };

bool StdoutIsTerminal();

// The pager command: $REDLINE_PAGER, else $PAGER, else "less" ("" or "cat": none).
std::string PagerCommand();

// always -> true; never -> false; auto -> stdout is a terminal, NO_COLOR unset and TERM is
// not "dumb".
bool UseColor(ColorChoice choice);

// Pipes stdout through $REDLINE_PAGER, else $PAGER, else "less" (with LESS=FRX when LESS is
// unset), like git. Started only when stdout is a terminal; a pager of "" or "cat" means
// none. The destructor flushes, closes the pipe and waits for the pager to exit.
class Pager {
 public:
  Pager() = default;
  Pager(const Pager&) = delete;
  Pager& operator=(const Pager&) = delete;
  ~Pager();

  // Starts the pager if the conditions hold; otherwise does nothing.
  void StartIfTerminal();

 private:
  pid_t pid_ = -1;
};

// A progress line on stderr ("fetching 12/40 ..."), redrawn at most ten times a second and
// only when stderr is a terminal, as git shows progress.
class ProgressLine {
 public:
  ProgressLine();
  // Draws `text` over the last line; `last` draws it even when the last was just drawn.
  void Show(const std::string& text, bool last = false);
  void Clear();  // erases the line if one was drawn

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace redline::cli

#endif  // REDLINE_CLI_TERMINAL_H_
