// Internal: what the comparison sees of a piece of text under the ignore options.
#ifndef REDLINE_DIFF_KEYS_H_
#define REDLINE_DIFF_KEYS_H_

#include <string>
#include <string_view>

#include "redline/diff.h"

namespace redline::diff {

struct IgnoreSet {
  bool case_ = false;
  bool punctuation = false;
  bool whitespace = false;
  bool any() const { return case_ || punctuation || whitespace; }
  static IgnoreSet From(const DiffOptions& options) {
    return {options.ignore_case, options.ignore_punctuation, options.ignore_whitespace};
  }
  static IgnoreSet All() { return {true, true, true}; }
};

// Appends the comparison key of `text` to `key`: its tokens as they are, except that words
// are case-folded (ignore case), punctuation is dropped (ignore punctuation) and horizontal
// whitespace is dropped (ignore whitespace). Line breaks always count.
void AppendKey(std::string_view text, const IgnoreSet& ignore, std::string* key);

// True when `a` and `b` have equal keys.
bool SameUnder(std::string_view a, std::string_view b, const IgnoreSet& ignore);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_KEYS_H_
