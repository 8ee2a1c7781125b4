// Thin main: the run, the one error line and the exit code. (libgit2's global state is set
// up by the archive module on first use: see src/archive/library.h.)
#include <cstdio>
#include <string>

#include "cli/cli.h"

int main(int argc, char** argv) {
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
