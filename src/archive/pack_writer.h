// Writes objects into the object database as one pack without delta compression.
//
// Why not libgit2's packbuilder: it always searches deltas in a window of 10 objects and
// compresses at zlib's default level, which costs more than the whole rest of recording a
// snapshot. A batch's objects are packed plainly here, at the speed git writes loose
// objects (zlib level 1); libgit2's indexer then checks the pack and writes its index, and
// `git gc` can delta-compress the archive later, as it does for any repository.
#ifndef REDLINE_ARCHIVE_PACK_WRITER_H_
#define REDLINE_ARCHIVE_PACK_WRITER_H_

#include <git2.h>

#include <vector>

#include "redline/status.h"

namespace redline {

// Reads each object through `source` and writes them all as one pack into `target`.
Status WritePlainPack(git_odb* source, const std::vector<git_oid>& objects, git_odb* target);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_PACK_WRITER_H_
