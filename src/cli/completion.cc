#include "cli/completion.h"

#include <algorithm>
#include <optional>

#include "cli/command.h"
#include "cli/command_line.h"
#include "redline/document.h"

namespace redline::cli {
namespace {

bool StartsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

bool IsArchiveOption(const CLI::Option* option) {
  for (const std::string& name : OptionNames(option)) {
    if (name == "--archive") return true;
  }
  return false;
}

// The option `name` of `app`, or of a command above it (options fall through, as in parsing).
const CLI::Option* FindOption(const CLI::App* app, const std::string& name) {
  for (; app != nullptr; app = app->get_parent()) {
    for (const CLI::Option* option : NamedOptions(app)) {
      for (const std::string& option_name : OptionNames(option)) {
        if (option_name == name) return option;
      }
    }
  }
  return nullptr;
}

// The positional that the word after `given` positional words fills, or nullptr.
const CLI::Option* NextPositional(const CLI::App* app, std::size_t given) {
  for (const CLI::Option* positional : Positionals(app)) {
    if (TakesMany(positional)) return positional;
    const auto takes = static_cast<std::size_t>(std::max(1, positional->get_items_expected_max()));
    if (given < takes) return positional;
    given -= takes;
  }
  return nullptr;
}

// A value named like a path is completed with file names.
bool NamesAPath(const std::string& value_name) {
  for (const char* word : {"DIR", "FILE", "PATH", "OUT", "MANIFEST", "REPO"}) {
    if (value_name.find(word) != std::string::npos) return true;
  }
  return false;
}

// Opened on first need: completing a command or an option never touches the archive.
class ArchiveSource {
 public:
  explicit ArchiveSource(std::string dir) { globals_.archive_dir = std::move(dir); }

  std::vector<Candidate> Stories(const std::string& prefix) {
    std::vector<Candidate> out;
    if (Archive* archive = Get()) {
      if (auto stories = archive->StoriesStartingWith(prefix); stories.ok()) {
        for (const StorySummary& story : *stories) out.push_back({story.story, story.headline});
      }
    }
    return out;
  }

  // The story's revisions as `prefix` + N (and + "latest"), those that start with `typed`.
  std::vector<Candidate> Revisions(const std::string& story, const std::string& prefix, const std::string& typed) {
    std::vector<Candidate> out;
    Archive* archive = Get();
    if (archive == nullptr || !ValidateStoryId(story).ok()) return out;
    auto log = archive->Log(story);
    if (!log.ok() || log->empty()) return out;
    for (const Revision& revision : *log) {
      out.push_back({prefix + std::to_string(revision.number),
                     FormatTime(revision.time) + " +" + std::to_string(revision.added_words) + " -" +
                         std::to_string(revision.removed_words) + " " + revision.headline});
    }
    out.push_back({prefix + "latest", "revision " + std::to_string(log->back().number)});
    std::erase_if(out, [&](const Candidate& c) { return !StartsWith(c.word, typed); });
    return out;
  }

 private:
  Archive* Get() {
    if (!tried_) {
      tried_ = true;
      if (auto opened = OpenArchive(globals_); opened.ok()) archive_.emplace(std::move(*opened));
    }
    return archive_ ? &*archive_ : nullptr;
  }

  GlobalOptions globals_;
  bool tried_ = false;
  std::optional<Archive> archive_;
};

void CompletePositional(const CLI::App* root, const CLI::Option* positional, const std::vector<std::string>& given,
                        const std::string& current, ArchiveSource& source, Completion* out) {
  const std::string name = positional->get_name();
  if (StartsWith(name, "STORY")) {
    const auto at = current.find('@');
    if (at != std::string::npos && name.find("@REV") != std::string::npos) {
      const std::string story = current.substr(0, at);
      out->candidates = source.Revisions(story, story + "@", current);
    } else {
      out->candidates = source.Stories(current);
    }
  } else if (name == "REV") {
    if (!given.empty()) out->candidates = source.Revisions(given.front(), "", current);
  } else if (name == "COMMAND") {  // help COMMAND
    for (const CLI::App* command : VisibleCommands(root)) {
      if (StartsWith(command->get_name(), current)) out->candidates.push_back({command->get_name(), command->get_description()});
    }
  } else if (name.find("URL") == std::string::npos) {
    out->files = true;  // FILE, DIR, MANIFEST, diff-files' A and B
  }
}

}  // namespace

Completion Complete(const CLI::App* root, std::vector<std::string> words) {
  const std::string current = words.empty() ? "" : words.back();
  if (!words.empty()) words.pop_back();

  const CLI::App* app = root;
  std::string archive_dir;
  std::vector<std::string> given;  // the command's positional words so far
  const CLI::Option* awaiting = nullptr;  // an option whose value comes next
  bool only_positionals = false;
  for (const std::string& word : words) {
    if (awaiting != nullptr) {
      if (IsArchiveOption(awaiting)) archive_dir = word;
      awaiting = nullptr;
    } else if (!only_positionals && word == "--") {
      only_positionals = true;
    } else if (!only_positionals && word.size() > 1 && word[0] == '-') {
      const auto equals = word.find('=');
      const CLI::Option* option = FindOption(app, word.substr(0, equals));
      if (option == nullptr || ValueName(option).empty()) continue;
      if (equals == std::string::npos) {
        awaiting = option;
      } else if (IsArchiveOption(option)) {
        archive_dir = word.substr(equals + 1);
      }
    } else if (const CLI::App* command = given.empty() ? FindVisibleCommand(app, word) : nullptr) {
      app = command;
    } else {
      given.push_back(word);
    }
  }

  Completion out;
  ArchiveSource source(archive_dir);
  if (awaiting != nullptr) {
    for (const std::string& value : AllowedValues(awaiting)) {
      if (StartsWith(value, current)) out.candidates.push_back({value, ""});
    }
    out.files = out.candidates.empty() && NamesAPath(ValueName(awaiting));
    return out;
  }
  if (!only_positionals && StartsWith(current, "-")) {
    for (const CLI::Option* option : NamedOptions(app)) {
      for (const std::string& name : OptionNames(option)) {
        if (StartsWith(name, current)) {
          out.candidates.push_back({name, option->get_description()});
        }
      }
    }
    return out;
  }
  if (given.empty()) {
    for (const CLI::App* command : VisibleCommands(app)) {
      if (StartsWith(command->get_name(), current)) {
        out.candidates.push_back({command->get_name(), command->get_description()});
      }
    }
  }
  if (const CLI::Option* positional = NextPositional(app, given.size())) {
    Completion values;
    CompletePositional(root, positional, given, current, source, &values);
    out.candidates.insert(out.candidates.end(), values.candidates.begin(), values.candidates.end());
    out.files = values.files;
  }
  return out;
}

std::string FormatCompletion(const Completion& completion) {
  std::string out;
  for (const Candidate& candidate : completion.candidates) {
    out += candidate.word;
    if (!candidate.description.empty()) {
      std::string description = candidate.description;
      for (char& c : description) {
        if (c == '\n' || c == '\t') c = ' ';
      }
      out += "\t" + description;
    }
    out += "\n";
  }
  if (completion.files) out += ":files\n";
  return out;
}

}  // namespace redline::cli
