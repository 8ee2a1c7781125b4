// Internal: pairing pieces deleted in one place with pieces inserted in another.
#ifndef REDLINE_DIFF_MOVES_H_
#define REDLINE_DIFF_MOVES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "diff/keys.h"
#include "diff/segment.h"

namespace redline::diff {

// A block or sentence that an alignment level left unmatched.
struct MoveCandidate {
  Span span;              // bytes of the old or the new text
  std::uint32_t id = 0;   // comparison key id: equal ids, equal text under the options
  std::size_t group = 0;  // the changed run holding it; moves join different runs
  // May pair with a nearly equal piece. Callers leave this off for pieces that plainly
  // were edited in place, which keeps the sketching cost down on heavily edited texts.
  bool near = true;
};

struct MovePair {
  std::size_t old_index = 0, new_index = 0;  // into the candidate vectors
  bool exact = false;                        // byte-identical
};

struct MoveRules {
  std::size_t min_exact_words = 1;  // equal pieces with at least this many words may move
  std::size_t min_near_words = 6;   // nearly equal ones need this many (on both sides)
};

// Near-equal: WordSimilarity at least this.
constexpr double kNearMoveSimilarity = 0.7;

// 2 x (longest common subsequence of word tokens) / (words in a + words in b), words
// compared by their keys under `ignore`; 1 for two texts without words.
double WordSimilarity(std::string_view a, std::string_view b, const IgnoreSet& ignore);

// Pairs old and new candidates of different groups that are equal (same id), or nearly
// equal (WordSimilarity >= kNearMoveSimilarity), best pairs first. A piece whose best
// match lies in its own group is an edit in place, not a move, and pairs with nothing.
// Nearly equal candidates are found through bottom-k sketches of word bigrams, so the
// cost stays near linear in the candidates' size.
std::vector<MovePair> FindMoves(std::string_view old_text, std::string_view new_text,
                                const std::vector<MoveCandidate>& olds, const std::vector<MoveCandidate>& news,
                                const IgnoreSet& ignore, const MoveRules& rules);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_MOVES_H_
