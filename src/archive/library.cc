#include "archive/library.h"

#include <git2.h>

namespace redline {
namespace {

struct Libgit2Scope {
  Libgit2Scope() {
    git_libgit2_init();
    // Archives only ever write trees and commits that refer to objects the same Record just
    // wrote or read, so libgit2's "strict object creation" checks are redundant here, and
    // they would re-read the header of every entry of every tree a Record rewrites. The
    // option is process-wide (redline is the only libgit2 user in its process) and set here,
    // once, before any thread can use an archive.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
  }
  ~Libgit2Scope() { git_libgit2_shutdown(); }
  Libgit2Scope(const Libgit2Scope&) = delete;
  Libgit2Scope& operator=(const Libgit2Scope&) = delete;
};

}  // namespace

void EnsureLibgit2() { static const Libgit2Scope scope; }

}  // namespace redline
