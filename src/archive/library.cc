#include "archive/library.h"

#include <git2.h>

namespace redline {
namespace {

struct Libgit2Scope {
  Libgit2Scope() { git_libgit2_init(); }
  ~Libgit2Scope() { git_libgit2_shutdown(); }
  Libgit2Scope(const Libgit2Scope&) = delete;
  Libgit2Scope& operator=(const Libgit2Scope&) = delete;
};

}  // namespace

void EnsureLibgit2() { static const Libgit2Scope scope; }

}  // namespace redline
