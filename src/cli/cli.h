// The command-line front end: parses arguments, runs one command, reports its outcome.
// Only main turns the outcome into an exit code.
#ifndef REDLINE_CLI_CLI_H_
#define REDLINE_CLI_CLI_H_

#include "redline/status.h"

namespace redline::cli {

struct Outcome {
  Status status;
  bool differences = false;  // a diff found changes and --exit-code was given
};

// Runs `redline` with these arguments. Prints results to stdout; prints nothing on error
// (main prints the one-line error).
Outcome Run(int argc, char** argv);

// The contract's exit status for an outcome: 0, 1 (differences), 2 usage, 3 bad input,
// 4 archive, 5 network.
int ExitCode(const Outcome& outcome);

}  // namespace redline::cli

#endif  // REDLINE_CLI_CLI_H_
