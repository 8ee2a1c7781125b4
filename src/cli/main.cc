// Thin main: the run, the one error line and the exit code. (libgit2's global state is set
// up by the archive module on first use: see src/archive/library.h.)
#include <malloc.h>

#include <cstdio>
#include <string>

#include "cli/cli.h"

int main(int argc, char** argv) {
  // A command is short-lived and its large buffers (documents, token tables, diff tables)
  // come and go: keep them on the heap instead of mapping and unmapping each one, which
  // costs a page fault per page every time (about a sixth of a large diff's time).
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  const redline::cli::Outcome outcome = redline::cli::Run(argc, argv);
  if (!outcome.status.ok()) {
    std::fflush(stdout);
    std::string message = outcome.status.message();
    for (char& c : message) {
      if (c == '\n' || c == '\r') c = ' ';  // one line, always
    }
    std::fprintf(stderr, "redline: error: %s\n", message.c_str());
  }
  return redline::cli::ExitCode(outcome);
}
