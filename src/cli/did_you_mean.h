#ifndef REDLINE_CLI_DID_YOU_MEAN_H_
#define REDLINE_CLI_DID_YOU_MEAN_H_

#include <string>
#include <string_view>
#include <vector>

namespace redline::cli {

// Levenshtein distance between two byte strings.
std::size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `typed`, if it is close enough to be a likely typo; else "".
std::string ClosestName(std::string_view typed, const std::vector<std::string>& candidates);

}  // namespace redline::cli

#endif  // REDLINE_CLI_DID_YOU_MEAN_H_
