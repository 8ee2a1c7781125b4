// The archive checks of `redline doctor`: ownership, format, write access, revision index.
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "record/doctor.h"
#include "redline/archive.h"

namespace redline::record {
namespace {

namespace fs = std::filesystem;

std::string UserName(uid_t user) {
  const passwd* entry = ::getpwuid(user);
  const std::string id = "uid " + std::to_string(user);
  return entry != nullptr ? std::string(entry->pw_name) + " (" + id + ")" : id;
}

// Empty when a file can be created in `dir` (and is removed again), else why not.
std::string WriteProblem(const std::string& dir) {
  const std::string probe = dir + "/.redline-doctor-" + std::to_string(::getpid());
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return "cannot write in " + dir + ": " + std::strerror(errno);
  ::close(fd);
  ::unlink(probe.c_str());
  return "";
}

Finding CheckWriteAccess(const std::string& git_dir, const std::string& state_dir) {
  std::vector<std::string> dirs = {git_dir, git_dir + "/objects", git_dir + "/refs/heads"};
  std::error_code error;
  if (fs::is_directory(state_dir, error)) dirs.push_back(state_dir);
  for (const std::string& dir : dirs) {
    const std::string problem = WriteProblem(dir);
    if (!problem.empty()) {
      return {Health::kError, "write",
              problem + "; recording needs write access to all of " + git_dir +
                  ": fix its permissions (chmod -R u+w " + git_dir + ") or run redline as its owner"};
    }
  }
  return {Health::kOk, "write", "can write to " + git_dir};
}

bool LooksLikeSqlite(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  return in.gcount() == 0 || std::string_view(header, static_cast<std::size_t>(in.gcount())) ==
                                 std::string_view("SQLite format 3\0", 16);
}

Finding CheckIndex(Archive& archive, bool writable) {
  const std::string index_file = archive.LocalStateDirectory() + "/revisions.sqlite";
  std::error_code error;
  if (!fs::exists(index_file, error)) {
    return {Health::kWarning, "index",
            "no revision index (" + index_file + "): the next command rebuilds it from the history, "
            "'redline reindex' does it now"};
  }
  // An index that is no SQLite database is derived data that the next open replaces: say so
  // before CheckIndex would replace it.
  if (!LooksLikeSqlite(index_file)) {
    return {Health::kWarning, "index",
            "unreadable (not an SQLite database): the next command rebuilds it from the history, "
            "'redline reindex' does it now"};
  }
  if (!writable) return {Health::kWarning, "index", "not checked: comparing it with the history takes the write lock"};
  const Result<IndexCheck> check = archive.CheckIndex();
  if (!check.ok()) {
    return {Health::kError, "index",
            "cannot read the revision index: " + check.status().message() +
                "; 'redline reindex' rebuilds it from the history"};
  }
  if (check->matches) {
    return {Health::kOk, "index",
            std::to_string(check->revisions) + (check->revisions == 1 ? " revision" : " revisions") +
                ", as the history has them"};
  }
  // The index names the head of main it was brought up to first: a different head alone is
  // an index that main moved past (plain git), which the next command catches up.
  if (check->difference.rfind("history has: head ", 0) == 0) {
    return {Health::kWarning, "index",
            "behind main (moved by plain git?): the next command catches it up, 'redline reindex' rebuilds it now"};
  }
  return {Health::kError, "index",
          "does not match the history (" + check->difference + "): run 'redline reindex' to rebuild it"};
}

}  // namespace

std::string FindArchiveCandidate(const std::string& start) {
  std::error_code error;
  fs::path dir = fs::absolute(start, error).lexically_normal();
  if (error) return "";
  if (!dir.has_filename() && dir != dir.root_path()) dir = dir.parent_path();
  for (;;) {
    if (fs::exists(dir / ".git", error)) return dir.string();
    if (dir == dir.parent_path() || dir.parent_path().empty()) return "";
    dir = dir.parent_path();
  }
}

Finding CheckOwnership(const std::string& dir, uid_t owner, uid_t user, bool opens) {
  if (owner == user) return {Health::kOk, "ownership", "owned by you"};
  if (opens) {
    return {Health::kWarning, "ownership",
            "owned by " + UserName(owner) + ", not by you; git's safe.directory lets you in, but files you "
            "write would be yours: run redline as " + UserName(owner)};
  }
  return {Health::kError, "ownership",
          "owned by " + UserName(owner) + ", not by you (" + UserName(user) +
              "): git refuses it (\"detected dubious ownership in repository at '" + dir +
              "'\") and so does redline; if you trust it: git config --global --add safe.directory " + dir +
              ", or run redline as its owner"};
}

std::vector<Finding> CheckArchive(const ArchiveLocation& location) {
  if (location.dir.empty()) {
    return {{Health::kOk, "archive",
             "none here or above: only the environment was checked (-C DIR checks an archive)"}};
  }
  const std::string git_dir = location.dir + "/.git";
  struct stat info;
  if (::stat(git_dir.c_str(), &info) != 0) {
    return {{Health::kError, "archive", "not a redline archive: " + location.dir + " (run 'redline init')"}};
  }
  Result<Archive> archive = Archive::Open(location.dir);
  const Finding ownership = CheckOwnership(location.dir, info.st_uid, location.user, archive.ok());
  if (!archive.ok()) {
    const std::string message = archive.status().message();
    if (ownership.health == Health::kError) return {ownership};
    if (!location.named && message.rfind("not a redline archive", 0) == 0) {
      return {{Health::kOk, "archive",
               "none here or above (" + location.dir + " is a git repository, not an archive): only the environment "
               "was checked (-C DIR checks an archive)"}};
    }
    return {{Health::kError, "archive", message}};
  }
  std::vector<Finding> findings = {{Health::kOk, "archive", archive->path()}, ownership};
  const Status format = archive->CheckFormatForWriting();
  findings.push_back(format.ok() ? Finding{Health::kOk, "format", "2, the current format"}
                                 : Finding{Health::kError, "format", format.message()});
  findings.push_back(CheckWriteAccess(git_dir, archive->LocalStateDirectory()));
  const bool writable = findings.back().health == Health::kOk;
  findings.push_back(CheckIndex(*archive, writable));
  return findings;
}

}  // namespace redline::record
