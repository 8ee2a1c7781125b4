// Man pages written from the command line's CLI11 definitions (command_line.h): the names,
// options, values and exit statuses that --help prints, as roff for man(1).
#ifndef REDLINE_CLI_MAN_PAGE_H_
#define REDLINE_CLI_MAN_PAGE_H_

#include <CLI/CLI.hpp>

#include <string>

namespace redline::cli {

// redline(1): the global options and every visible command. `version` goes in the footer.
std::string RootManPage(const CLI::App* root, const std::string& version);

// redline-COMMAND(1) for a command of `root` (its subcommands, as feed's, on the same page).
std::string CommandManPage(const CLI::App* command, const std::string& version);

// "redline-log": the page's name (without section) for a command path such as "redline log".
std::string ManPageName(const CLI::App* command);

}  // namespace redline::cli

#endif  // REDLINE_CLI_MAN_PAGE_H_
