// The environment checks of `redline doctor`: programs on PATH and the libcurl in use.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <vector>

#include "record/doctor.h"
#include "web/curl_handles.h"

extern char** environ;

namespace redline::record {
namespace {

// The executable `name` would run as: itself when it holds a '/', else the first match in
// `path` (an empty entry is the current folder, as for execvp). Empty when there is none.
std::string FindOnPath(const std::string& name, const std::string& path) {
  const auto runnable = [](const std::string& file) {
    struct stat info;
    return ::stat(file.c_str(), &info) == 0 && S_ISREG(info.st_mode) && ::access(file.c_str(), X_OK) == 0;
  };
  if (name.find('/') != std::string::npos) return runnable(name) ? name : "";
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = path.find(':', start);
    std::string dir = path.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (dir.empty()) dir = ".";
    const std::string file = dir + "/" + name;
    if (runnable(file)) return file;
    if (end == std::string::npos) return "";
    start = end + 1;
  }
}

class Pipe {
 public:
  Pipe() { ok_ = ::pipe2(fds_, O_CLOEXEC) == 0; }
  ~Pipe() {
    CloseRead();
    CloseWrite();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  bool ok() const { return ok_; }
  int read_end() const { return fds_[0]; }
  int write_end() const { return fds_[1]; }
  void CloseRead() { Close(fds_[0]); }
  void CloseWrite() { Close(fds_[1]); }

 private:
  static void Close(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
  int fds_[2] = {-1, -1};
  bool ok_ = false;
};

class SpawnActions {
 public:
  SpawnActions() { ::posix_spawn_file_actions_init(&actions_); }
  ~SpawnActions() { ::posix_spawn_file_actions_destroy(&actions_); }
  SpawnActions(const SpawnActions&) = delete;
  SpawnActions& operator=(const SpawnActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

// The first line `program ARG` prints on stdout, or empty when it does not run or fails.
std::string FirstLineOf(const std::string& program, const char* arg) {
  Pipe out;
  if (!out.ok()) return "";
  SpawnActions actions;
  ::posix_spawn_file_actions_adddup2(actions.get(), out.write_end(), STDOUT_FILENO);
  ::posix_spawn_file_actions_addopen(actions.get(), STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv = {const_cast<char*>(program.c_str()), const_cast<char*>(arg), nullptr};
  pid_t pid = 0;
  if (::posix_spawn(&pid, program.c_str(), actions.get(), nullptr, argv.data(), environ) != 0) return "";
  out.CloseWrite();
  std::string text;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = ::read(out.read_end(), buffer, sizeof buffer)) != 0) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "";
  return text.substr(0, text.find('\n'));
}

Finding CheckGit(const std::string& path) {
  const std::string git = FindOnPath("git", path);
  if (git.empty()) {
    return {Health::kWarning, "git",
            "not found on PATH; redline records and reads without it (libgit2), but plain git commands "
            "on the archive and 'redline gc''s delta compression need it: install git (apt-get install git)"};
  }
  const std::string version = FirstLineOf(git, "--version");
  if (version.empty()) {
    return {Health::kWarning, "git", git + " does not run ('" + git + " --version' failed): reinstall git"};
  }
  return {Health::kOk, "git", version + " (" + git + ")"};
}

Finding CheckPager(const std::string& pager, const std::string& path) {
  if (pager.empty() || pager == "cat") return {Health::kOk, "pager", "none (output is never paged)"};
  const std::string program = pager.substr(0, pager.find_first_of(" \t"));
  const std::string found = FindOnPath(program, path);
  if (found.empty()) {
    return {Health::kWarning, "pager",
            "'" + program + "' (from $REDLINE_PAGER, $PAGER or the default, less) is not on PATH, so long output "
            "is not paged: install it or set PAGER"};
  }
  return {Health::kOk, "pager", pager + " (" + found + ")"};
}

Finding CheckBrowser(const std::string& path) {
  const std::string chromium = FindOnPath("chromium", path);
  if (chromium.empty()) {
    return {Health::kWarning, "browser",
            "no chromium on PATH: HTML reports ('redline report -o FILE.html') open in any browser, but "
            "tools/browser-check needs chromium (apt-get install chromium)"};
  }
  return {Health::kOk, "browser", "chromium (" + chromium + ")"};
}

Finding CheckCurl() {
  const std::string version = "libcurl " + web::CurlVersion();
  if (!web::CurlSupports("https")) {
    return {Health::kWarning, "libcurl",
            version + " cannot fetch https:// pages: install a libcurl with TLS (apt-get install libcurl4)"};
  }
  return {Health::kOk, "libcurl", version + ", with HTTPS"};
}

}  // namespace

std::vector<Finding> CheckEnvironment(const EnvironmentFacts& facts) {
  return {CheckGit(facts.path), CheckPager(facts.pager, facts.path), CheckBrowser(facts.path), CheckCurl()};
}

const char* HealthName(Health health) {
  switch (health) {
    case Health::kOk: return "ok";
    case Health::kWarning: return "warning";
    case Health::kError: return "error";
  }
  return "error";
}

}  // namespace redline::record
