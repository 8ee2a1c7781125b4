// An object database backend that keeps the objects written to it in memory, in write
// order, so that a batch can pack exactly the objects it created and nothing else.
#ifndef REDLINE_ARCHIVE_MEMORY_ODB_H_
#define REDLINE_ARCHIVE_MEMORY_ODB_H_

#include <git2.h>

#include <vector>

#include "redline/status.h"

namespace redline {

// Creates the backend. Ownership passes to the git_odb it is added to (its free callback
// releases it).
Result<git_odb_backend*> NewMemoryBackend();

// The ids of the objects written to `backend`, oldest first.
// REQUIRES: `backend` came from NewMemoryBackend.
std::vector<git_oid> MemoryBackendObjects(git_odb_backend* backend);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_MEMORY_ODB_H_
