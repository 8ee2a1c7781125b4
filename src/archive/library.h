// libgit2's global state, set up on first use and torn down at exit.
//
// Why not in main, as libgit2's examples do: git_libgit2_init costs about 8 ms here (it
// loads the system's TLS certificates), which commands that never open an archive
// (normalize, diff-files) should not pay. Every Archive entry point calls this first.
#ifndef REDLINE_ARCHIVE_LIBRARY_H_
#define REDLINE_ARCHIVE_LIBRARY_H_

#include <string>

namespace redline {

void EnsureLibgit2();

// The versions of the libgit2 and SQLite in use, as the libraries report them at run time
// (neither needs EnsureLibgit2, so `redline --version` stays as fast as it was).
std::string Libgit2Version();
std::string SqliteVersion();

}  // namespace redline

#endif  // REDLINE_ARCHIVE_LIBRARY_H_
