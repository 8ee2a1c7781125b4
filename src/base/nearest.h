// Names close to a mistyped one, for "did you mean" hints (commands, story ids).
#ifndef REDLINE_BASE_NEAREST_H_
#define REDLINE_BASE_NEAREST_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace redline {

// Edit distance between two byte strings where inserting, deleting or replacing a byte,
// or swapping two adjacent bytes, costs 1 ("lgo" is 1 from "log", as git counts it).
std::size_t EditDistance(std::string_view a, std::string_view b);

// The candidates a person who typed `typed` most likely meant, best first, at most `limit`:
// likely typos (at most a third of the typed length, and at least one, in edits; closest
// first), then, for 3 or more typed bytes, candidates that begin with it, then ones that
// contain it. Ties in alphabetical order; `typed` itself is never among them.
std::vector<std::string> NearestNames(std::string_view typed, const std::vector<std::string>& candidates,
                                      std::size_t limit = 3);

// "did you mean 'a'?", "did you mean 'a' or 'b'?", "did you mean 'a', 'b' or 'c'?"; ""
// for no names.
std::string DidYouMean(const std::vector<std::string>& names);

}  // namespace redline

#endif  // REDLINE_BASE_NEAREST_H_
