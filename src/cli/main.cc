// Thin main: libgit2's global state, the run, the error line and the exit code.
#include <git2.h>

#include <cstdio>

#include "cli/cli.h"

int main(int argc, char** argv) {
  git_libgit2_init();
  const redline::cli::Outcome outcome = redline::cli::Run(argc, argv);
  if (!outcome.status.ok()) {
    std::fflush(stdout);
    std::fprintf(stderr, "redline: error: %s\n", outcome.status.message().c_str());
  }
  const int code = redline::cli::ExitCode(outcome);
  git_libgit2_shutdown();
  return code;
}
