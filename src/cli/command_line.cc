#include "cli/command_line.h"

namespace redline::cli {

bool IsHidden(const CLI::App* command) { return command->get_group().empty(); }

void Hide(CLI::App* command) { command->group(""); }

std::vector<const CLI::App*> VisibleCommands(const CLI::App* app) {
  return app->get_subcommands([](const CLI::App* command) { return !IsHidden(command); });
}

const CLI::App* FindVisibleCommand(const CLI::App* app, const std::string& name) {
  for (const CLI::App* command : VisibleCommands(app)) {
    if (command->get_name() == name) return command;
  }
  return nullptr;
}

std::vector<const CLI::Option*> NamedOptions(const CLI::App* app) {
  return app->get_options([](const CLI::Option* option) {
    return option->nonpositional() && !option->get_group().empty();
  });
}

std::vector<const CLI::Option*> Positionals(const CLI::App* app) {
  return app->get_options([](const CLI::Option* option) {
    return !option->nonpositional() && option->get_positional();
  });
}

std::vector<std::string> OptionNames(const CLI::Option* option) {
  std::vector<std::string> names;
  for (const std::string& name : option->get_snames()) names.push_back("-" + name);
  for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
  return names;
}

std::string ValueName(const CLI::Option* option) {
  if (option->get_type_size() == 0) return "";
  if (!option->get_option_text().empty()) return option->get_option_text();
  return option->get_type_name();
}

std::vector<std::string> AllowedValues(const CLI::Option* option) {
  // IsMember describes itself as "{a,b,c}" in the type name ("TEXT:{a,b,c}").
  const std::string type = option->get_type_name();
  const auto open = type.find('{');
  const auto close = type.find('}', open == std::string::npos ? 0 : open);
  std::vector<std::string> values;
  if (open == std::string::npos || close == std::string::npos) return values;
  std::string current;
  for (std::size_t i = open + 1; i <= close; ++i) {
    if (type[i] == ',' || i == close) {
      if (!current.empty()) values.push_back(current);
      current.clear();
    } else {
      current += type[i];
    }
  }
  return values;
}

bool TakesMany(const CLI::Option* option) {
  return option->get_items_expected_max() >= CLI::detail::expected_max_vector_size;
}

std::string CommandPath(const CLI::App* command) {
  std::string path = command->get_name();
  for (const CLI::App* parent = command->get_parent(); parent != nullptr; parent = parent->get_parent()) {
    path = parent->get_name() + " " + path;
  }
  return path;
}

}  // namespace redline::cli
