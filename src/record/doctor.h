// `redline doctor`: checks of an archive and of the environment redline runs in, each
// saying what was found and, when something is wrong, what to do. The checks read only
// (write access is tried with a file created and removed at once); the index check takes
// the write lock, as `redline reindex --check` does.
#ifndef REDLINE_RECORD_DOCTOR_H_
#define REDLINE_RECORD_DOCTOR_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace redline::record {

// kError only for archive checks: redline works without git, a pager or a browser, but it
// cannot record into (or read) an archive with an error.
enum class Health { kOk, kWarning, kError };

struct Finding {
  Health health = Health::kOk;
  std::string topic;    // "git", "pager", "browser", "libcurl", "archive", "ownership", "format", "write", "index"
  std::string message;  // what was found; unless ok, what to do
};

struct EnvironmentFacts {
  std::string path;   // $PATH, searched for git, the pager and chromium
  std::string pager;  // the pager command the CLI would start ("" or "cat": none)
};

// git (and its version), the pager, chromium for reports, libcurl (and HTTPS support).
std::vector<Finding> CheckEnvironment(const EnvironmentFacts& facts);

struct ArchiveLocation {
  std::string dir;       // the archive to check: named (-C, $REDLINE_ARCHIVE) or found
  bool named = false;    // named: a folder that is no archive is an error
  uid_t user = 0;        // the effective user (git refuses repositories owned by others)
};

// The nearest folder at or above `start` holding a .git: the archive a command would use
// (or one git refuses to open for its owner). Empty when there is none.
std::string FindArchiveCandidate(const std::string& start);

// Ownership, format, write access and the revision index of the archive in `location.dir`.
// An unnamed folder that turns out not to be an archive gives one ok finding saying so.
std::vector<Finding> CheckArchive(const ArchiveLocation& location);

// Ownership alone: `owner` of the archive's git folder against `user`; `opens` whether
// libgit2 opened it all the same (safe.directory names it).
Finding CheckOwnership(const std::string& dir, uid_t owner, uid_t user, bool opens);

// "ok", "warning" or "error".
const char* HealthName(Health health);

}  // namespace redline::record

#endif  // REDLINE_RECORD_DOCTOR_H_
