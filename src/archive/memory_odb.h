// An object database backend that keeps the objects written to it in memory, in write
// order, so that a batch can pack exactly the objects it created and nothing else.
#ifndef REDLINE_ARCHIVE_MEMORY_ODB_H_
#define REDLINE_ARCHIVE_MEMORY_ODB_H_

#include <git2.h>

#include <functional>
#include <string_view>

#include "redline/status.h"

namespace redline {

// Creates the backend. Ownership passes to the git_odb it is added to (its free callback
// releases it).
Result<git_odb_backend*> NewMemoryBackend();

// Stores `data` as an object of `type` in `backend` directly, its id hashed with OpenSSL
// (object_hash.h) rather than through libgit2's write path; returns the id.
// REQUIRES: `backend` came from NewMemoryBackend.
Result<git_oid> WriteMemoryObject(git_odb_backend* backend, git_object_t type, std::string_view data);

// One object as the backend holds it (uncompressed content, without git's header).
struct MemoryObject {
  const git_oid& id;
  git_object_t type;
  std::string_view data;
};

// Calls `visit` for each object written to `backend`, oldest first, without copying;
// stops at the first error and returns it.
// REQUIRES: `backend` came from NewMemoryBackend.
Status ForEachMemoryObject(git_odb_backend* backend, const std::function<Status(const MemoryObject&)>& visit);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_MEMORY_ODB_H_
