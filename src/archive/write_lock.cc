#include "archive/write_lock.h"

#include <fcntl.h>
#include <git2.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <random>
#include <system_error>
#include <thread>

namespace redline {
namespace {

constexpr const char* kLockFileName = "redline-write.lock";

// Git lock files a writer may leave behind when it dies: the index's, packed-refs' and
// every loose ref's.
void RemoveCrashedWritersLocks(const std::string& git_dir) {
  std::error_code error;
  std::filesystem::remove(git_dir + "index.lock", error);
  std::filesystem::remove(git_dir + "packed-refs.lock", error);
  std::filesystem::recursive_directory_iterator it(git_dir + "refs", error), end;
  for (; !error && it != end; it.increment(error)) {
    const std::filesystem::path& file = it->path();
    if (file.extension() == ".lock" && it->is_regular_file(error)) {
      std::error_code ignored;
      std::filesystem::remove(file, ignored);
    }
  }
}

std::string ReadSmallFile(int fd) {
  char buffer[64];
  const ssize_t n = ::pread(fd, buffer, sizeof buffer, 0);
  return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
}

}  // namespace

bool DurableWritesWanted() {
  const char* setting = std::getenv("REDLINE_FSYNC");
  return setting == nullptr || std::string(setting) != "0";
}

void EnableDurableWrites() { git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, DurableWritesWanted() ? 1 : 0); }

void BackOff(int attempt) {
  thread_local std::mt19937 random(static_cast<unsigned>(::getpid()) ^
                                   static_cast<unsigned>(std::chrono::steady_clock::now().time_since_epoch().count()));
  const int cap_us = std::min(200'000, 2'000 << std::min(attempt, 7));
  std::uniform_int_distribution<int> jitter(cap_us / 2, cap_us);
  std::this_thread::sleep_for(std::chrono::microseconds(jitter(random)));
}

bool RemoveIfStale(const std::string& lock_file, int stale_seconds) {
  struct stat info;
  if (::stat(lock_file.c_str(), &info) != 0) return errno == ENOENT;
  if (std::time(nullptr) - info.st_mtime < stale_seconds) return false;
  return ::unlink(lock_file.c_str()) == 0 || errno == ENOENT;
}

WriteLock::~WriteLock() { Release(); }

Status WriteLock::Acquire(const std::string& git_dir, double timeout_seconds) {
  if (held()) return Status::Internal("the archive's write lock is already held");
  const std::string file = git_dir + kLockFileName;
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) return Status::Archive("cannot open " + file + ": " + std::strerror(errno));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
  for (int attempt = 0;; ++attempt) {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) break;
    const int error = errno;
    if (error != EWOULDBLOCK && error != EINTR) {
      ::close(fd);
      return Status::Archive("cannot lock " + file + ": " + std::strerror(error));
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ::close(fd);
      return Status::Archive("the archive is busy: another redline process has been writing it for over " +
                             std::to_string(static_cast<int>(timeout_seconds)) + " seconds; try again");
    }
    BackOff(std::min(attempt, 4));  // waiters poll at most every ~32 ms
  }
  // A pid left in the file: its writer died while holding the lock.
  if (!ReadSmallFile(fd).empty()) RemoveCrashedWritersLocks(git_dir);
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
    const int error = errno;
    ::close(fd);
    return Status::Archive("cannot write " + file + ": " + std::strerror(error));
  }
  fd_ = fd;
  return Status::Ok();
}

void WriteLock::Release() {
  if (fd_ < 0) return;
  if (::ftruncate(fd_, 0) != 0) {
    // Next holder will think we crashed and clear git lock files; harmless.
  }
  ::close(fd_);  // drops the flock
  fd_ = -1;
}

}  // namespace redline
