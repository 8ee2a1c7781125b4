#include "cli/terminal.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/wait.h>
#include <unistd.h>

namespace redline::cli {

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }

bool UseColor(ColorChoice choice) {
  switch (choice) {
    case ColorChoice::kAlways: return true;
    case ColorChoice::kNever: return false;
    case ColorChoice::kAuto: break;
  }
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
  return StdoutIsTerminal();
}

std::string PagerCommand() {
  for (const char* name : {"REDLINE_PAGER", "PAGER"}) {
    const char* value = std::getenv(name);
    if (value != nullptr) return value;
  }
  return "less";
}

void Pager::StartIfTerminal() {
  if (pid_ != -1 || !StdoutIsTerminal()) return;
  const std::string command = PagerCommand();
  if (command.empty() || command == "cat") return;
  int fds[2];
  if (pipe(fds) != 0) return;
  std::fflush(stdout);
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return;
  }
  if (pid == 0) {
    dup2(fds[0], STDIN_FILENO);
    close(fds[0]);
    close(fds[1]);
    setenv("LESS", "FRX", 0);  // keeps an existing LESS, as git does
    setenv("LV", "-c", 0);
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  dup2(fds[1], STDOUT_FILENO);
  close(fds[0]);
  close(fds[1]);
  // A reader that quits early must not kill us with SIGPIPE mid-command.
  std::signal(SIGPIPE, SIG_IGN);
  pid_ = pid;
}

Pager::~Pager() {
  if (pid_ == -1) return;
  std::fflush(stdout);
  close(STDOUT_FILENO);
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
}

ProgressLine::ProgressLine() : enabled_(isatty(STDERR_FILENO) == 1) {}

void ProgressLine::Show(const std::string& text, bool last) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && !last && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  std::fprintf(stderr, "\r%s\x1b[K", text.c_str());
  std::fflush(stderr);
}

void ProgressLine::Clear() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r\x1b[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace redline::cli
