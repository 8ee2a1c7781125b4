// Reading the command line's own definitions back: the CLI11 apps that parse the arguments
// and print --help are also what the man pages and the shell completions are made from,
// so the three cannot drift apart.
#ifndef REDLINE_CLI_COMMAND_LINE_H_
#define REDLINE_CLI_COMMAND_LINE_H_

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace redline::cli {

// A hidden command (`__complete`) has an empty group: no --help, man page or completion.
bool IsHidden(const CLI::App* command);
void Hide(CLI::App* command);

// The commands under `app` that a user sees, in the order they were added.
std::vector<const CLI::App*> VisibleCommands(const CLI::App* app);

// The command named `name` under `app` (visible ones only), or nullptr.
const CLI::App* FindVisibleCommand(const CLI::App* app, const std::string& name);

// The options that take names (-C, --archive, --help, ...), in the order they were added.
std::vector<const CLI::Option*> NamedOptions(const CLI::App* app);
// The positionals (STORY, FILE, ...), in order.
std::vector<const CLI::Option*> Positionals(const CLI::App* app);

// "-C", "--archive": every name of the option, short ones first.
std::vector<std::string> OptionNames(const CLI::Option* option);
// What the option's value is called ("DIR", "TEXT"), "" for a flag.
std::string ValueName(const CLI::Option* option);
// The values an IsMember check allows ({"auto", "always", "never"}), else empty.
std::vector<std::string> AllowedValues(const CLI::Option* option);
// A positional that takes any number of values (STORY...).
bool TakesMany(const CLI::Option* option);

// "redline log", "redline feed add": the words that run `command`.
std::string CommandPath(const CLI::App* command);

}  // namespace redline::cli

#endif  // REDLINE_CLI_COMMAND_LINE_H_
