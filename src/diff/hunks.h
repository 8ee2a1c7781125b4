// Internal: choosing which rows to show, git style.
#ifndef REDLINE_DIFF_HUNKS_H_
#define REDLINE_DIFF_HUNKS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "diff/rows.h"

namespace redline::diff {

struct Hunk {
  std::size_t first_row = 0, end_row = 0;  // rows [first_row, end_row)
  std::size_t old_start = 0, old_count = 0, new_start = 0, new_count = 0;
};

// Changed rows with up to `context` unchanged non-blank rows before and after each (and
// the blank rows between those and the change). Hunks whose gap holds only blank rows are
// joined.
std::vector<Hunk> ChooseHunks(const std::vector<Row>& rows, int context);

// "@@ -a,b +c,d @@" with ",1" left out, as git writes it.
std::string HunkHeader(const Hunk& hunk);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_HUNKS_H_
