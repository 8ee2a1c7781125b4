// Internal: counting what a diff changed.
#ifndef REDLINE_DIFF_STATS_H_
#define REDLINE_DIFF_STATS_H_

#include <vector>

#include "redline/diff.h"

namespace redline::diff {

// Words added and removed, and changed blocks by the rule documented on DiffStats.
// REQUIRES: every op boundary is a token boundary (DiffWords guarantees it).
DiffStats ComputeStats(const std::vector<DiffOp>& ops);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_STATS_H_
