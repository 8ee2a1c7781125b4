// libgit2's global state, set up on first use and torn down at exit.
//
// Why not in main, as libgit2's examples do: git_libgit2_init costs about 8 ms here (it
// loads the system's TLS certificates), which commands that never open an archive
// (normalize, diff-files) should not pay. Every Archive entry point calls this first.
#ifndef REDLINE_ARCHIVE_LIBRARY_H_
#define REDLINE_ARCHIVE_LIBRARY_H_

namespace redline {

void EnsureLibgit2();

}  // namespace redline

#endif  // REDLINE_ARCHIVE_LIBRARY_H_
