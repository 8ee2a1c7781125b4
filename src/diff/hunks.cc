#include "diff/hunks.h"

#include <algorithm>

namespace redline::diff {
namespace {

// Marks rows to show: each changed row and its context.
std::vector<bool> MarkShown(const std::vector<Row>& rows, std::size_t context) {
  std::vector<bool> shown(rows.size(), false);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].changed) continue;
    shown[i] = true;
    std::size_t needed = context;
    for (std::size_t k = i; k > 0 && needed > 0 && !rows[k - 1].changed; --k) {
      if (rows[k - 1].blank) continue;
      std::fill(shown.begin() + static_cast<std::ptrdiff_t>(k - 1), shown.begin() + static_cast<std::ptrdiff_t>(i), true);
      --needed;
    }
    needed = context;
    for (std::size_t k = i + 1; k < rows.size() && needed > 0 && !rows[k].changed; ++k) {
      if (rows[k].blank) continue;
      std::fill(shown.begin() + static_cast<std::ptrdiff_t>(i + 1), shown.begin() + static_cast<std::ptrdiff_t>(k + 1), true);
      --needed;
    }
  }
  return shown;
}

void CountLines(const std::vector<Row>& rows, Hunk* hunk) {
  LineSpan old_lines, new_lines;
  for (std::size_t i = hunk->first_row; i < hunk->end_row; ++i) {
    const Row& row = rows[i];
    if (row.old_lines.first != 0) {
      if (old_lines.first == 0) old_lines.first = row.old_lines.first;
      old_lines.last = row.old_lines.last;
    }
    if (row.new_lines.first != 0) {
      if (new_lines.first == 0) new_lines.first = row.new_lines.first;
      new_lines.last = row.new_lines.last;
    }
  }
  // No lines on one side: git names the line after which the other side's lines go.
  const Row& first = rows[hunk->first_row];
  hunk->old_start = old_lines.first != 0 ? old_lines.first : first.old_start - 1;
  hunk->old_count = old_lines.first != 0 ? old_lines.last - old_lines.first + 1 : 0;
  hunk->new_start = new_lines.first != 0 ? new_lines.first : first.new_start - 1;
  hunk->new_count = new_lines.first != 0 ? new_lines.last - new_lines.first + 1 : 0;
}

}  // namespace

std::vector<Hunk> ChooseHunks(const std::vector<Row>& rows, int context) {
  const std::vector<bool> shown = MarkShown(rows, static_cast<std::size_t>(std::max(context, 0)));
  std::vector<Hunk> hunks;
  std::size_t i = 0;
  while (i < rows.size()) {
    if (!shown[i]) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < rows.size() && shown[end]) ++end;
    // Join with the previous hunk when only blank rows lie between.
    bool join = !hunks.empty();
    for (std::size_t k = join ? hunks.back().end_row : i; k < i && join; ++k) join = rows[k].blank;
    if (join) {
      hunks.back().end_row = end;
    } else {
      hunks.push_back({i, end});
    }
    i = end;
  }
  for (Hunk& hunk : hunks) CountLines(rows, &hunk);
  return hunks;
}

std::string HunkHeader(const Hunk& hunk) {
  const auto range = [](std::size_t start, std::size_t count) {
    std::string text = std::to_string(start);
    if (count != 1) text += "," + std::to_string(count);
    return text;
  };
  return "@@ -" + range(hunk.old_start, hunk.old_count) + " +" + range(hunk.new_start, hunk.new_count) + " @@";
}

}  // namespace redline::diff
