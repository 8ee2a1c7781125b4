// Internal: counting what a diff changed.
#ifndef REDLINE_DIFF_STATS_H_
#define REDLINE_DIFF_STATS_H_

#include <vector>

#include "redline/diff.h"

namespace redline::diff {

// Words added, removed and moved, and changed blocks, by the rules documented on
// DiffStats: the ops of moved text (DiffOp::move) count through their move's own ops.
// REQUIRES: every op boundary is a token boundary (DiffWords guarantees it).
DiffStats ComputeStats(const std::vector<DiffOp>& ops, const std::vector<Move>& moves);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_STATS_H_
