// How the archive's objects are stored over time. Each batch (a single snapshot too) adds
// one plain pack; packs are merged as they accumulate so that lookups stay fast, and
// `redline gc` rewrites everything reachable as one pack with deltas, so that storage grows
// with what changed rather than with the size of each revision.
#ifndef REDLINE_ARCHIVE_STORAGE_H_
#define REDLINE_ARCHIVE_STORAGE_H_

#include <git2.h>

#include <string>

#include "redline/archive.h"
#include "redline/status.h"

namespace redline {

// Packs beyond which a commit merges the smaller ones. Lower than git's gc.autoPackLimit
// (50): every snapshot adds a pack, and a lookup that misses (each new object is looked up
// first) opens the index of every pack.
inline constexpr std::size_t kAutoPackLimit = 16;

// After a commit: when objects/pack holds more than kAutoPackLimit packs, merges the small
// ones (geometrically, as `git repack --geometric=2` does: each pack left is at least twice
// the size of all smaller ones together) into one plain pack, under the write lock. Best
// effort: a busy archive or a failure leaves the packs as they are.
// `written_bytes`: the size of what the commit wrote; the merge reads at most 16 times that
// (at least 1 MB, at most 16 MB), so its cost is bounded by a constant times the commit's own.
void MaybePackStorage(git_repository* repo, const std::string& git_dir, std::uintmax_t written_bytes);

// Plain packs (not yet delta-compressed) beyond which MaybeRepackWithDeltas runs.
inline constexpr std::uintmax_t kAutoRepackBytes = 64u << 20;

// The automatic threshold, as git's gc.auto: when the packs other than the largest hold at
// least kAutoRepackBytes and as much as the largest, `git repack -d --geometric=2` delta-
// compresses them (and the largest too once they have grown to its size, so that each byte
// is repacked O(log n) times). True when it ran. REQUIRES: the write lock.
Result<bool> MaybeRepackWithDeltas(const std::string& git_dir);

// `redline gc`: every object reachable from a ref, written as one pack with deltas (by
// `git repack -a -d -f --window=250 --depth=50`, as `git gc --aggressive` does, or by
// libgit2's packbuilder when git is not installed); then the loose objects are removed.
// REQUIRES: the caller holds the write lock.
Result<GcSummary> PackEverything(git_repository* repo, const std::string& git_dir);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_STORAGE_H_
