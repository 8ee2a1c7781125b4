// fetch and watch (cmd_fetch.cc); WebCommands() in cmd_web.cc lists them with the others.
#ifndef REDLINE_CLI_CMD_FETCH_H_
#define REDLINE_CLI_CMD_FETCH_H_

#include <vector>

#include "cli/command.h"
#include "web/fetcher.h"

namespace redline::cli {

std::vector<Command> FetchCommands();

// The fetch options of `fetch` and `watch` given no network option ($REDLINE_USER_AGENT
// applies): what `track` and `feed add` check a new URL with.
web::FetchOptions DefaultFetchOptions();

}  // namespace redline::cli

#endif  // REDLINE_CLI_CMD_FETCH_H_
