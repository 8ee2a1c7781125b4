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

// Minimal edit scripts between id sequences. Before dtl sees them, common leading and
// trailing items are trimmed, and items with no equal anywhere in the other sequence are
// set aside (they can never be common, so the script stays minimal); what is left is
// usually small. In every stretch between common items, deletions come first.
// Reuse one Aligner for many calls: it keeps scratch space.
class Aligner {
 public:
  EditScript Align(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

 private:
  // Per id: the call stamp of the last call in which the id occurred in a (or b).
  std::vector<std::uint32_t> seen_in_a_;
  std::vector<std::uint32_t> seen_in_b_;
  std::uint32_t stamp_ = 0;

  void MarkPresence(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);
  EditScript AlignMiddle(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);
};

}  // namespace redline::diff

#endif  // REDLINE_DIFF_ALIGN_H_
