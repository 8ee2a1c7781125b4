// Writes a batch's objects as one pack, with its index, without delta compression.
//
// Why not libgit2's packbuilder: it always searches deltas in a window of 10 objects and
// compresses at zlib's default level, which costs more than the whole rest of recording a
// snapshot. Why not libgit2's indexer either: it inflates and hashes every object again to
// learn what the writer already knows (ids, offsets, CRCs). The pack is written plainly at
// the speed git writes loose objects (zlib level 1) with a version 2 index next to it, as
// `git index-pack` would write it; `git gc` can delta-compress the archive later, as it does
// for any repository.
#ifndef REDLINE_ARCHIVE_PACK_WRITER_H_
#define REDLINE_ARCHIVE_PACK_WRITER_H_

#include <git2.h>

#include <string>

#include "redline/status.h"

namespace redline {

// Packs every object of `memory` (a NewMemoryBackend) into `pack_dir` (the archive's
// objects/pack/ folder) as pack-<checksum>.pack and .idx. The index is renamed into place
// last, so readers never see a pack without its index. With `durable`, both files and the
// folder are fsynced before returning.
Status WritePlainPack(git_odb_backend* memory, const std::string& pack_dir, bool durable);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_PACK_WRITER_H_
