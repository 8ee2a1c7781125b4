#include "archive/git_setup.h"

#include <git2.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "archive/git_handles.h"
#include "archive/library.h"

namespace redline {
namespace {

namespace fs = std::filesystem;

constexpr const char* kBlockBegin =
    "# redline git-setup: story text in git diff, git log -p and git show "
    "('redline git-setup --remove' takes these lines out)";
constexpr const char* kBlockEnd = "# end of redline git-setup";
// raw.html and raw.txt are marked binary: git says "Binary files ... differ" in one line
// instead of diffing page markup, whose change the story's article.txt already shows.
constexpr const char* kAttributes =
    "stories/**/article.txt diff=redline\n"
    "stories/**/raw.html -diff\n"
    "stories/**/raw.txt -diff\n";
constexpr const char* kCacheRef = "refs/notes/textconv/redline";
// What `git log -p --word-diff` and `git show --word-diff` take as a word when they diff
// the textconv output: a run of letters and digits (and non-ASCII characters, which the
// C locale's classes do not name), or one punctuation character, close to redline's tokens.
constexpr const char* kWordRegex = "[^[:space:][:punct:]]+|[[:punct:]]";

Result<git::RepositoryPtr> OpenRepository(const std::string& archive_dir) {
  EnsureLibgit2();
  git_repository* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(
      git_repository_open_ext(&raw, archive_dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr),
      "opening the archive's repository"));
  return git::RepositoryPtr(raw);
}

// The repository's own config file (.git/config), where `git config` writes by default.
Result<git::ConfigPtr> LocalConfig(git_repository* repo) {
  git_config* raw_all = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_repository_config(&raw_all, repo), "reading the repository's config"));
  git::ConfigPtr all(raw_all);
  git_config* raw_local = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_config_open_level(&raw_local, all.get(), GIT_CONFIG_LEVEL_LOCAL),
                                     "opening the repository's config"));
  return git::ConfigPtr(raw_local);
}

Result<std::optional<std::string>> ConfigValue(git_config* config, const char* key) {
  git::Buf value;
  const int code = git_config_get_string_buf(value.get(), config, key);
  if (code == GIT_ENOTFOUND) return std::optional<std::string>();
  REDLINE_RETURN_IF_ERROR(git::Check(code, std::string("reading ") + key));
  return std::optional<std::string>(std::string(value.view()));
}

std::vector<std::pair<const char*, std::string>> DriverConfig(const GitDiffCommands& commands) {
  return {{"diff.redline.command", commands.diff_command},
          {"diff.redline.textconv", commands.textconv_command},
          {"diff.redline.wordregex", kWordRegex}};
}

fs::path AttributesPath(git_repository* repo) { return fs::path(git_repository_path(repo)) / "info" / "attributes"; }

// The file's bytes, or "" when there is no such file.
Result<std::string> ReadFile(const fs::path& path) {
  std::error_code error;
  if (!fs::exists(path, error)) return std::string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Archive("cannot read " + path.string() + ": " + std::strerror(errno));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// `text` without the lines from kBlockBegin to kBlockEnd; `*found` says whether they were there.
std::string WithoutBlock(const std::string& text, bool* found) {
  std::string kept;
  bool inside = false;
  *found = false;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    const std::string_view line(text.data() + start, end - start);
    const std::string_view bare = line.substr(0, line.find('\n'));
    if (!inside && bare == kBlockBegin) {
      inside = true;
      *found = true;
    } else if (inside && bare == kBlockEnd) {
      inside = false;
    } else if (!inside) {
      kept.append(line);
    }
    start = end;
  }
  return kept;
}

// Replaces the file through a temporary beside it, so git never reads half of it.
Status ReplaceFile(const fs::path& path, const std::string& text) {
  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  if (error) return Status::Archive("cannot create " + path.parent_path().string() + ": " + error.message());
  const fs::path temporary = path.string() + ".redline-tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) return Status::Archive("cannot write " + temporary.string());
  }
  fs::rename(temporary, path, error);
  if (error) {
    fs::remove(temporary);
    return Status::Archive("cannot write " + path.string() + ": " + error.message());
  }
  return Status::Ok();
}

// info/attributes with `text`; an empty `text` removes the file.
Status WriteAttributes(const fs::path& path, const std::string& text) {
  if (!text.empty()) return ReplaceFile(path, text);
  std::error_code error;
  fs::remove(path, error);
  if (error) return Status::Archive("cannot remove " + path.string() + ": " + error.message());
  return Status::Ok();
}

// libgit2 deletes a section's keys but keeps its header line: `git config --remove-section`
// would not, so the emptied [diff "redline"] line goes too (with blank lines after it).
Status DropEmptyDriverSection(const fs::path& config_path) {
  REDLINE_ASSIGN_OR_RETURN(const std::string text, ReadFile(config_path));
  const std::string header = "[diff \"redline\"]";
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    start = end == std::string::npos ? text.size() : end + 1;
  }
  std::string kept;
  bool dropped = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] == header) {
      std::size_t next = i + 1;
      while (next < lines.size() && lines[next].find_first_not_of(" \t") == std::string::npos) ++next;
      if (next == lines.size() || lines[next].starts_with("[")) {
        i = next - 1;
        dropped = true;
        continue;
      }
    }
    kept += lines[i] + "\n";
  }
  return dropped ? ReplaceFile(config_path, kept) : Status::Ok();
}

// Drops git's cached textconv output (kept only when a person turned cachetextconv on): it
// was made by the conversion as it was, and git checks only that the textconv command line
// is the same.
Status DropTextconvCache(git_repository* repo, bool* dropped) {
  git_oid target;
  const int found = git_reference_name_to_id(&target, repo, kCacheRef);
  *dropped = false;
  if (found == GIT_ENOTFOUND) return Status::Ok();  // git_reference_remove says 0 for it too
  REDLINE_RETURN_IF_ERROR(git::Check(found, std::string("reading ") + kCacheRef));
  REDLINE_RETURN_IF_ERROR(git::Check(git_reference_remove(repo, kCacheRef), std::string("removing ") + kCacheRef));
  *dropped = true;
  return Status::Ok();
}

}  // namespace

Result<GitSetupChange> InstallGitDiff(const std::string& archive_dir, const GitDiffCommands& commands) {
  REDLINE_ASSIGN_OR_RETURN(git::RepositoryPtr repo, OpenRepository(archive_dir));
  REDLINE_ASSIGN_OR_RETURN(git::ConfigPtr config, LocalConfig(repo.get()));
  bool had_any = false;
  bool changed = false;
  for (const auto& [key, value] : DriverConfig(commands)) {
    REDLINE_ASSIGN_OR_RETURN(const std::optional<std::string> current, ConfigValue(config.get(), key));
    had_any = had_any || current.has_value();
    if (current == value) continue;
    REDLINE_RETURN_IF_ERROR(git::Check(git_config_set_string(config.get(), key, value.c_str()),
                                       std::string("setting ") + key));
    changed = true;
  }
  const fs::path path = AttributesPath(repo.get());
  REDLINE_ASSIGN_OR_RETURN(const std::string old_text, ReadFile(path));
  bool had_block = false;
  std::string new_text = WithoutBlock(old_text, &had_block);
  if (!new_text.empty() && new_text.back() != '\n') new_text += '\n';
  new_text += std::string(kBlockBegin) + "\n" + kAttributes + kBlockEnd + "\n";
  if (new_text != old_text) {
    REDLINE_RETURN_IF_ERROR(WriteAttributes(path, new_text));
    changed = true;
  }
  if (!changed) return GitSetupChange::kUnchanged;
  // A changed command may convert differently: what git cached from the old one goes.
  bool dropped = false;
  REDLINE_RETURN_IF_ERROR(DropTextconvCache(repo.get(), &dropped));
  return had_any || had_block ? GitSetupChange::kUpdated : GitSetupChange::kAdded;
}

Result<bool> RemoveGitDiff(const std::string& archive_dir) {
  REDLINE_ASSIGN_OR_RETURN(git::RepositoryPtr repo, OpenRepository(archive_dir));
  REDLINE_ASSIGN_OR_RETURN(git::ConfigPtr config, LocalConfig(repo.get()));
  // The whole driver goes, with anything a person added to it (cachetextconv, say).
  std::vector<std::string> keys;
  // git_config_foreach and a prefix test, not git_config_foreach_match: libgit2 1.5's regex
  // match leaks its PCRE2 match data (LeakSanitizer, tools/test-sanitize).
  REDLINE_RETURN_IF_ERROR(git::Check(git_config_foreach(
                                         config.get(),
                                         [](const git_config_entry* entry, void* names) {
                                           if (std::string_view(entry->name).starts_with("diff.redline.")) {
                                             static_cast<std::vector<std::string>*>(names)->emplace_back(entry->name);
                                           }
                                           return 0;
                                         },
                                         &keys),
                                     "reading the repository's config"));
  bool removed = false;
  for (const std::string& key : keys) {
    const int code = git_config_delete_entry(config.get(), key.c_str());
    if (code == GIT_ENOTFOUND) continue;  // a key given twice: its first deletion took both
    REDLINE_RETURN_IF_ERROR(git::Check(code, "removing " + key));
    removed = true;
  }
  if (removed) {
    config.reset();  // libgit2 has written the file: the section's header line is all that is left
    REDLINE_RETURN_IF_ERROR(DropEmptyDriverSection(fs::path(git_repository_path(repo.get())) / "config"));
  }
  const fs::path path = AttributesPath(repo.get());
  REDLINE_ASSIGN_OR_RETURN(const std::string old_text, ReadFile(path));
  bool had_block = false;
  const std::string new_text = WithoutBlock(old_text, &had_block);
  if (had_block) {
    REDLINE_RETURN_IF_ERROR(WriteAttributes(path, new_text));
    removed = true;
  }
  bool dropped = false;
  REDLINE_RETURN_IF_ERROR(DropTextconvCache(repo.get(), &dropped));
  return removed || dropped;
}

}  // namespace redline
