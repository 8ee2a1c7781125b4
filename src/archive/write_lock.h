// Serializes the processes that write one archive. Every write (a Record, a batch's commit)
// holds an flock on <git dir>/redline-write.lock while it reads main, writes the commit,
// moves the refs and mirrors the work tree and index. The kernel drops an flock when its
// holder dies, so a crashed writer never blocks the next one; the holder's pid, written
// into the file while held, tells the next holder that the previous one crashed, and that
// any git lock files it left (index.lock, ref .lock files) are stale.
#ifndef REDLINE_ARCHIVE_WRITE_LOCK_H_
#define REDLINE_ARCHIVE_WRITE_LOCK_H_

#include <string>

#include "redline/status.h"

namespace redline {

// Seconds after which a git lock file nobody is writing counts as stale (plain git or a
// writer that crashed without leaving its pid behind).
inline constexpr int kStaleGitLockSeconds = 10;

class WriteLock {
 public:
  WriteLock() = default;
  ~WriteLock();
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;

  // Takes the lock of the repository whose git dir is `git_dir` (with a trailing slash),
  // waiting with backoff up to `timeout_seconds`; Archive error "archive is busy" after
  // that. Removes git lock files a crashed previous holder left behind.
  Status Acquire(const std::string& git_dir, double timeout_seconds = 300);
  bool held() const { return fd_ >= 0; }
  void Release();

 private:
  int fd_ = -1;
};

// Removes `lock_file` if it exists and was last modified more than `stale_seconds` ago.
// True if it removed it (or it was already gone).
bool RemoveIfStale(const std::string& lock_file, int stale_seconds);

// Makes libgit2 fsync objects, refs and the index before a write counts as done, so that a
// power loss after "revision N" keeps it (kill -9 alone needs no fsync). Process-wide.
// REDLINE_FSYNC=0 in the environment turns it off (tests, throwaway bulk imports).
void EnableDurableWrites();

// Whether writes should be fsynced (REDLINE_FSYNC is not "0"), for files redline writes itself.
bool DurableWritesWanted();

// Sleeps before retry number `attempt` (0-based): exponential from 2 ms, capped at 200 ms,
// with jitter so that racing processes spread out.
void BackOff(int attempt);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_WRITE_LOCK_H_
