// fetch and watch (cmd_fetch.cc); WebCommands() in cmd_web.cc lists them with the others.
#ifndef REDLINE_CLI_CMD_FETCH_H_
#define REDLINE_CLI_CMD_FETCH_H_

#include <vector>

#include "cli/command.h"

namespace redline::cli {

std::vector<Command> FetchCommands();

}  // namespace redline::cli

#endif  // REDLINE_CLI_CMD_FETCH_H_
