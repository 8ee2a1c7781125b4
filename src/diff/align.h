// Internal: turning text pieces into ids, and aligning sequences of ids.
#ifndef REDLINE_DIFF_ALIGN_H_
#define REDLINE_DIFF_ALIGN_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diff/edit_script.h"

namespace redline::diff {

// Gives equal texts equal ids, so sequences compare as integers. The views must outlive
// the interner.
class Interner {
 public:
  std::uint32_t Intern(std::string_view text);
  std::size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string_view, std::uint32_t> ids_;
};

// Edit scripts between id sequences. Before dtl sees them, common leading and trailing
// items are trimmed, and items with no equal anywhere in the other sequence are set aside
// (they can never be common, so the script stays minimal). What is left is usually small,
// and up to kSmallProblem items dtl's script is always minimal.
// Guards for larger problems, because dtl's cost grows with size x edits and past its
// coordinate cap it restarts over and over (seconds): when more than kLargeProblem items
// are left, or lower bounds on the edits show dtl would surely pass its cap, or this
// Aligner already spent kLargeWorkBudget items on problems above kSmallProblem, the problem
// is cut at items that occur exactly once on each side, in order (patience diff), and the
// pieces aligned separately; a costly piece without such items is replaced whole. Then the
// script is valid but not always minimal.
// In every stretch between common items, deletions come first. Reuse one Aligner for the
// calls of one diff: it keeps scratch space and the work budget.
class Aligner {
 public:
  static constexpr std::size_t kSmallProblem = 2000;
  static constexpr std::size_t kLargeProblem = 20000;
  static constexpr std::size_t kLargeWorkBudget = 60000;

  EditScript Align(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
    return Align(a, b, 0);
  }

 private:
  // Per id: the call stamp of the last call in which the id occurred in a (or b).
  std::vector<std::uint32_t> seen_in_a_;
  std::vector<std::uint32_t> seen_in_b_;
  std::uint32_t stamp_ = 0;
  std::size_t large_work_left_ = kLargeWorkBudget;

  EditScript Align(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, int depth);
  void MarkPresence(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);
  EditScript AlignMiddle(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, int depth);
  EditScript AlignCommonItems(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                              int depth);
};

}  // namespace redline::diff

#endif  // REDLINE_DIFF_ALIGN_H_
