#include "base/nearest.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace redline {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus the swap of two adjacent bytes. Three rows.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return previous[b.size()];
}

std::vector<std::string> NearestNames(std::string_view typed, const std::vector<std::string>& candidates,
                                      std::size_t limit) {
  const std::size_t allowed = std::max<std::size_t>(1, typed.size() / 3);
  // (class, distance, name): class 0 a typo, 1 begins with `typed`, 2 contains it.
  std::vector<std::tuple<int, std::size_t, std::string_view>> found;
  for (const std::string& candidate : candidates) {
    if (candidate == typed) continue;
    const std::size_t length_gap =
        candidate.size() > typed.size() ? candidate.size() - typed.size() : typed.size() - candidate.size();
    if (length_gap <= allowed) {  // otherwise it cannot be close enough: skip the distance
      const std::size_t distance = EditDistance(typed, candidate);
      if (distance <= allowed) {
        found.emplace_back(0, distance, candidate);
        continue;
      }
    }
    if (typed.size() < 3) continue;
    if (candidate.starts_with(typed)) {
      found.emplace_back(1, 0, candidate);
    } else if (candidate.find(typed) != std::string::npos) {
      found.emplace_back(2, 0, candidate);
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> names;
  for (const auto& entry : found) {
    if (names.size() >= limit) break;
    names.emplace_back(std::get<2>(entry));
  }
  return names;
}

std::string DidYouMean(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  std::string out = "did you mean ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += "'" + names[i] + "'";
  }
  return out + "?";
}

}  // namespace redline
