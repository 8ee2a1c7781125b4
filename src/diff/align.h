// Internal: turning text pieces into ids, and aligning sequences of ids.
#ifndef REDLINE_DIFF_ALIGN_H_
#define REDLINE_DIFF_ALIGN_H_

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diff/edit_script.h"

namespace redline::diff {

// A fast 64-bit hash of bytes (not for security: inputs are compared for equality anyway).
std::uint64_t HashBytes(std::string_view bytes);

// Gives equal texts equal ids, so sequences compare as integers: small ids, handed out
// from 0 in order. An open-addressing table, since interning is on the hot path.
class Interner {
 public:
  Interner();
  // The view must outlive the interner.
  std::uint32_t Intern(std::string_view text);
  // Copies `text` when it is new, so the caller's buffer may go.
  std::uint32_t InternCopy(std::string_view text);
  // A fresh id equal to nothing else.
  std::uint32_t Unique() { return next_id_++; }
  std::size_t size() const { return next_id_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    const char* data = nullptr;
    std::uint32_t length = 0;
    std::uint32_t id = kEmpty;
  };
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  std::uint32_t next_id_ = 0;
  std::deque<std::string> owned_;

  std::uint32_t Find(std::string_view text, bool copy);
  void Grow();
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

  // False once any script since the last ResetExact() may not be minimal (a patience cut,
  // a piece replaced whole, or dtl past its cap).
  bool exact() const { return exact_; }
  void ResetExact() { exact_ = true; }

 private:
  // Per id: the call stamp of the last call in which the id occurred in a (or b).
  std::vector<std::uint32_t> seen_in_a_;
  std::vector<std::uint32_t> seen_in_b_;
  std::uint32_t stamp_ = 0;
  std::size_t large_work_left_ = kLargeWorkBudget;
  bool exact_ = true;

  EditScript Dtl(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

  EditScript Align(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, int depth);
  void MarkPresence(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);
  EditScript AlignMiddle(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, int depth);
  EditScript AlignCommonItems(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                              int depth);
};

}  // namespace redline::diff

#endif  // REDLINE_DIFF_ALIGN_H_
