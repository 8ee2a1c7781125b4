#include "archive/library.h"

#include <git2.h>
#include <sqlite3.h>

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
    // libgit2 maps packs in windows of up to 1 GB and keeps up to 8 GB mapped; every page a
    // lookup touches stays resident, so a long import into a large archive would grow with
    // the archive's packs. Smaller windows and a lower limit keep memory bounded.
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, static_cast<size_t>(32) << 20);
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, static_cast<size_t>(64) << 20);
    // The same for libgit2's cache of parsed objects (256 MB by default): a batch reads each
    // tree it rewrites once, so a small cache loses nothing.
    git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, static_cast<ssize_t>(32) << 20);
  }
  ~Libgit2Scope() { git_libgit2_shutdown(); }
  Libgit2Scope(const Libgit2Scope&) = delete;
  Libgit2Scope& operator=(const Libgit2Scope&) = delete;
};

}  // namespace

void EnsureLibgit2() { static const Libgit2Scope scope; }

std::string Libgit2Version() {
  int major = 0;
  int minor = 0;
  int revision = 0;
  git_libgit2_version(&major, &minor, &revision);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(revision);
}

std::string SqliteVersion() { return sqlite3_libversion(); }

}  // namespace redline
