// Internal: turning text pieces into ids, and aligning sequences of ids.
#ifndef REDLINE_DIFF_ALIGN_H_
#define REDLINE_DIFF_ALIGN_H_

#include <cstdint>
#include <cstring>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diff/edit_script.h"

namespace redline::diff {

// A fast 64-bit hash of bytes (not for security: inputs are compared for equality anyway).
std::uint64_t HashLongBytes(std::string_view bytes);
inline std::uint64_t HashBytes(std::string_view bytes) {
  if (bytes.size() > 8) return HashLongBytes(bytes);
  std::uint64_t word = 0;  // short strings, most tokens: one multiply-mix, inlined
  std::memcpy(&word, bytes.data(), bytes.size());
  std::uint64_t h = (word ^ (bytes.size() * 0x9E3779B97F4A7C15ull)) * 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  h *= 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 29);
}

// Gives equal texts equal ids, so sequences compare as integers: small ids, handed out
// from 0 in order. An open-addressing table, since interning is on the hot path.
class Interner {
 public:
  Interner();
  // The view must outlive the interner.
  std::uint32_t Intern(std::string_view text) { return Find(text, SlotHash(text), false); }
  // Copies `text` when it is new, so the caller's buffer may go.
  std::uint32_t InternCopy(std::string_view text) { return Find(text, SlotHash(text), true); }
  // For runs of texts: SlotHash each, Prefetch a few ahead, then Intern(text, hash).
  static std::uint32_t SlotHash(std::string_view text);
  void Prefetch(std::uint32_t hash) const { __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]); }
  std::uint32_t Intern(std::string_view text, std::uint32_t hash) { return Find(text, hash, false); }
  // A fresh id equal to nothing else.
  std::uint32_t Unique() {
    entries_.push_back({nullptr, {0, 0}, kNoLength});
    return static_cast<std::uint32_t>(entries_.size() - 1);
  }
  std::size_t size() const { return entries_.size(); }
  // Room for about `texts` distinct texts without growing.
  void Reserve(std::size_t texts);

 private:
  struct Entry {
    const char* data;
    std::uint64_t short_bytes[2];  // texts of up to 16 bytes, kept here: no trip to the text
    std::uint32_t length;
  };
  static constexpr std::size_t kShort = 16;
  static void ShortBytes(std::string_view text, std::uint64_t* words) {
    words[0] = words[1] = 0;
    if (!text.empty() && text.size() <= kShort) std::memcpy(words, text.data(), text.size());
  }
  static constexpr std::uint32_t kNoLength = 0xFFFFFFFF;
  // Slots hold (32 hash bits << 32) | (id + 1), 0 when empty: small, so probing stays in
  // cache; the bytes live in entries_, looked at only when the hash bits agree.
  std::vector<std::uint64_t> slots_;
  std::vector<Entry> entries_;
  std::deque<std::string> owned_;

  std::uint32_t Find(std::string_view text, std::uint32_t bits, bool copy);
  void Rehash(std::size_t slot_count);  // a power of two
  static bool Equal(const Entry& entry, std::string_view text) {
    if (entry.length != text.size()) return false;
    if (text.size() <= kShort) {  // most tokens
      std::uint64_t words[2];
      ShortBytes(text, words);
      return entry.short_bytes[0] == words[0] && entry.short_bytes[1] == words[1];
    }
    return std::memcmp(entry.data, text.data(), text.size()) == 0;
  }
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
  static constexpr std::size_t kTinyProblem = 64;
  static constexpr std::size_t kSmallProblem = 2000;
  static constexpr std::size_t kLargeProblem = 20000;
  static constexpr std::size_t kLargeWorkBudget = 60000;

  EditScript Align(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
    return Align(a, b, 0);
  }

  // For ids that are not small (hashes): trims the common ends, then dtl as it is, with no
  // id-indexed tables. REQUIRES: a.size() + b.size() <= kSmallProblem.
  EditScript AlignSmall(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

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
