// Internal: the only door to dtl. Everything dtl-specific (its copying of inputs, its
// one-shot compose(), its coordinate cap) stays behind this function.
#ifndef REDLINE_DIFF_DTL_ADAPTER_H_
#define REDLINE_DIFF_DTL_ADAPTER_H_

#include <cstdint>
#include <vector>

#include "diff/edit_script.h"

namespace redline::diff {

// Edit script turning `a` into `b`, two sequences of item ids (equal ids = equal items),
// found by dtl's O(NP) algorithm: minimal while dtl stays under its coordinate cap
// (2,000,000 steps), a valid but longer script past it. Within each stretch between common
// items the deletions come first. Cost grows with (size) x (deletions): callers shrink
// the inputs first (see align.h). Sets `*minimal` (when given) to false when dtl may have
// passed its cap, judged conservatively from the script it returned.
EditScript DtlEditScript(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                         bool* minimal = nullptr);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_DTL_ADAPTER_H_
