// Helpers for the archive tests: temporary folders, running the real git binary, Status
// assertions. Test-only; not part of the library.
#ifndef REDLINE_ARCHIVE_TEST_UTIL_H_
#define REDLINE_ARCHIVE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "redline/archive.h"
#include "redline/status.h"

// Works for Status and Result<T>.
#define ASSERT_OK(expr)                                                          \
  do {                                                                           \
    const ::redline::Status assert_ok_status_ = ::redline::test::StatusOf(expr); \
    ASSERT_TRUE(assert_ok_status_.ok()) << assert_ok_status_.message();          \
  } while (0)

namespace redline::test {

inline Status StatusOf(const Status& status) { return status; }
template <typename T>
Status StatusOf(const Result<T>& result) {
  return result.status();
}

// A fresh folder under $TMPDIR (or /tmp), removed with everything in it.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && base[0] ? base : "/tmp") + "/redline-archive-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) std::abort();
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

// Runs a shell command, capturing its output. Git is kept away from the user's and the
// system's config so tests see git's defaults.
inline CommandResult RunShell(const std::string& command) {
  const std::string full = "GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null " + command + " 2>&1";
  CommandResult result;
  FILE* pipe = ::popen(full.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, read);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// `git -C dir <args>`; the output of a successful command, or "<git failed ...>".
inline std::string Git(const std::string& dir, const std::string& args) {
  const CommandResult result = RunShell("git -C '" + dir + "' " + args);
  if (result.exit_code != 0) {
    return "<git failed (" + std::to_string(result.exit_code) + "): " + result.output + ">";
  }
  return result.output;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

inline void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

// Every file under `dir` (recursively) with its bytes, for before/after comparisons. The
// revision index's -shm file is left out: it is SQLite's shared-memory table of readers,
// which merely reading the index changes.
inline std::map<std::string, std::string> Snapshot(const std::string& dir) {
  std::map<std::string, std::string> files;
  std::error_code ignored;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ignored)) {
    if (entry.path().string().ends_with("-shm")) continue;
    if (entry.is_regular_file()) files[entry.path().string()] = ReadFile(entry.path().string());
  }
  return files;
}

// "" when the archive in `dir` is consistent: `git fsck --strict` passes, it keeps no work
// tree, and its revision index holds exactly what its history says; else what is wrong.
inline std::string ArchiveProblems(const std::string& dir) {
  std::string problems;
  const CommandResult fsck = RunShell("git -C '" + dir + "' fsck --strict --no-progress");
  if (fsck.exit_code != 0) problems += "git fsck: " + fsck.output;
  if (Git(dir, "rev-parse --is-bare-repository") != "true\n") problems += "the archive has a work tree; ";
  auto archive = Archive::Open(dir);
  if (!archive.ok()) return problems + archive.status().message();
  auto check = archive->CheckIndex();
  if (!check.ok()) return problems + check.status().message();
  if (!check->matches) problems += "revision index: " + check->difference;
  return problems;
}

}  // namespace redline::test

#endif  // REDLINE_ARCHIVE_TEST_UTIL_H_
