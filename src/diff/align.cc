#include "diff/align.h"

#include <algorithm>
#include <cstring>

#include "diff/dtl_adapter.h"

namespace redline::diff {
namespace {

struct Anchor {
  std::size_t a, b;  // positions of one item in each sequence
};

// Items that occur exactly once in a and once in b, longest run of them in the same order
// in both (patience sorting, O(k log k)).
std::vector<Anchor> UniqueAnchors(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  std::uint32_t max_id = 0;
  for (const std::uint32_t id : a) max_id = std::max(max_id, id);
  for (const std::uint32_t id : b) max_id = std::max(max_id, id);
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  constexpr std::size_t kMany = kNone - 1;
  std::vector<std::size_t> where_a(max_id + 1, kNone), where_b(max_id + 1, kNone);
  for (std::size_t i = 0; i < a.size(); ++i) where_a[a[i]] = where_a[a[i]] == kNone ? i : kMany;
  for (std::size_t j = 0; j < b.size(); ++j) where_b[b[j]] = where_b[b[j]] == kNone ? j : kMany;
  std::vector<Anchor> candidates;  // in the order of a
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t j = where_b[a[i]];
    if (where_a[a[i]] == i && j != kNone && j != kMany) candidates.push_back({i, j});
  }
  // tails[k]: candidate index ending the best increasing run of length k + 1.
  std::vector<std::size_t> tails, previous(candidates.size(), kNone);
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    const auto slot = std::lower_bound(tails.begin(), tails.end(), candidates[c].b,
                                       [&](std::size_t t, std::size_t value) { return candidates[t].b < value; });
    if (slot != tails.begin()) previous[c] = *(slot - 1);
    if (slot == tails.end()) {
      tails.push_back(c);
    } else {
      *slot = c;
    }
  }
  std::vector<Anchor> anchors;
  for (std::size_t c = tails.empty() ? kNone : tails.back(); c != kNone; c = previous[c]) {
    anchors.push_back(candidates[c]);
  }
  std::reverse(anchors.begin(), anchors.end());
  return anchors;
}

// At least this many items must be deleted or inserted: the items whose counts differ.
std::size_t CountBound(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  std::uint32_t max_id = 0;
  for (const std::uint32_t id : a) max_id = std::max(max_id, id);
  for (const std::uint32_t id : b) max_id = std::max(max_id, id);
  std::vector<std::int64_t> balance(max_id + 1, 0);
  for (const std::uint32_t id : a) ++balance[id];
  for (const std::uint32_t id : b) --balance[id];
  std::size_t edits = 0;
  for (const std::int64_t count : balance) edits += static_cast<std::size_t>(count < 0 ? -count : count);
  return edits;
}

std::vector<std::uint64_t> SortedPairs(const std::vector<std::uint32_t>& items) {
  std::vector<std::uint64_t> pairs;
  pairs.reserve(items.size());
  for (std::size_t i = 1; i < items.size(); ++i) {
    pairs.push_back((std::uint64_t{items[i - 1]} << 32) | items[i]);
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

// Neighbour pairs of `from` that never occur as neighbours in `to`.
std::size_t MissingPairs(const std::vector<std::uint64_t>& from, const std::vector<std::uint64_t>& to) {
  std::size_t missing = 0;
  std::size_t j = 0;
  for (const std::uint64_t pair : from) {
    while (j < to.size() && to[j] < pair) ++j;
    if (j == to.size() || to[j] != pair) ++missing;
  }
  return missing;
}

// Also a lower bound: a deleted item breaks at most two neighbour pairs of a, an insertion
// point at most one, so deletions and insertions are at least half the pairs of a that
// b lacks (and the other way round). Catches reordered text, which counts cannot.
std::size_t PairBound(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  const std::vector<std::uint64_t> pairs_a = SortedPairs(a);
  const std::vector<std::uint64_t> pairs_b = SortedPairs(b);
  return (std::max(MissingPairs(pairs_a, pairs_b), MissingPairs(pairs_b, pairs_a)) + 1) / 2;
}

std::size_t EditsLowerBound(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  return std::max(CountBound(a, b), PairBound(a, b));
}

// True when dtl would surely pass its cap of 2,000,000 path steps: its O(NP) search takes
// about (P + 1) x (|n - m| + P + 1) steps for P deletions from the longer sequence. Past
// the cap dtl restarts again and again and its script is no longer minimal anyway.
bool SurelyPastDtlCap(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  constexpr double kDtlCap = 2e6;
  const std::size_t delta = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  const double deletions = static_cast<double>((EditsLowerBound(a, b) - delta) / 2);
  return (deletions + 1) * (static_cast<double>(delta) + deletions + 1) > kDtlCap;
}

}  // namespace

std::uint64_t HashLongBytes(std::string_view bytes) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = 0x243F6A8885A308D3ull ^ (bytes.size() * kMul);
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  const auto mix = [&](std::uint64_t word) {
    h ^= word;
    h *= kMul;
    h ^= h >> 29;
  };
  while (n >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    mix(word);
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, n);
    mix(word);
  }
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h;
}

Interner::Interner() : slots_(64, 0) {}

// Only places texts in the table (ids never depend on it): short texts as HashBytes,
// longer ones 16 bytes per multiply.
std::uint32_t Interner::SlotHash(std::string_view text) {
  if (text.size() <= 8) return static_cast<std::uint32_t>(HashBytes(text) >> 32);
  constexpr std::uint64_t kA = 0xA0761D6478BD642Full, kB = 0xE7037ED1A0B428DBull;
  __extension__ typedef unsigned __int128 Wide;  // GCC and Clang on 64-bit targets
  const auto mum = [](std::uint64_t x, std::uint64_t y) {
    const Wide product = static_cast<Wide>(x) * y;
    return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
  };
  const char* p = text.data();
  std::size_t n = text.size();
  std::uint64_t h = kA ^ (n * kB);
  while (n > 16) {
    std::uint64_t x, y;
    std::memcpy(&x, p, 8);
    std::memcpy(&y, p + 8, 8);
    h = mum(x ^ kA, y ^ h);
    p += 16;
    n -= 16;
  }
  // The last 16 bytes (overlapping what came before; the text has more than 8).
  std::uint64_t x, y;
  std::memcpy(&x, text.data() + text.size() - (n > 8 ? n : 8), 8);
  std::memcpy(&y, text.data() + text.size() - 8, 8);
  h = mum(x ^ kB, y ^ h);
  h = mum(h ^ kA, h ^ kB);
  return static_cast<std::uint32_t>(h >> 32);
}

std::uint32_t Interner::Find(std::string_view text, std::uint32_t bits, bool copy) {
  if ((entries_.size() + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = bits & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) {
      const char* data = text.data();
      if (copy && text.size() > kShort) {
        owned_.emplace_back(text);
        data = owned_.back().data();
      }
      const auto id = static_cast<std::uint32_t>(entries_.size());
      Entry entry{data, {0, 0}, static_cast<std::uint32_t>(text.size())};
      ShortBytes(text, entry.short_bytes);
      entries_.push_back(entry);
      slots_[i] = (std::uint64_t{bits} << 32) | (std::uint64_t{id} + 1);
      return id;
    }
    if (static_cast<std::uint32_t>(slot >> 32) == bits) {
      const auto id = static_cast<std::uint32_t>((slot & 0xFFFFFFFF) - 1);
      if (Equal(entries_[id], text)) return id;
    }
  }
}

void Interner::Reserve(std::size_t texts) {
  entries_.reserve(texts);
  std::size_t slots = slots_.size();
  while (slots < (texts + 1) * 2) slots *= 2;
  if (slots != slots_.size()) Rehash(slots);  // once at the final size, not doubling
}

void Interner::Rehash(std::size_t slot_count) {
  std::vector<std::uint64_t> old(slot_count, 0);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const std::uint64_t slot : old) {
    if (slot == 0) continue;
    std::size_t i = static_cast<std::uint32_t>(slot >> 32) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

EditScript Aligner::Dtl(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  bool minimal = true;
  EditScript script = DtlEditScript(a, b, &minimal);
  exact_ = exact_ && minimal;
  return script;
}

void Aligner::MarkPresence(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  std::uint32_t max_id = 0;
  for (const std::uint32_t id : a) max_id = std::max(max_id, id);
  for (const std::uint32_t id : b) max_id = std::max(max_id, id);
  if (seen_in_a_.size() <= max_id) {
    seen_in_a_.resize(max_id + 1, 0);
    seen_in_b_.resize(max_id + 1, 0);
  }
  if (++stamp_ == 0) {  // wrapped: old stamps could look current
    std::fill(seen_in_a_.begin(), seen_in_a_.end(), 0);
    std::fill(seen_in_b_.begin(), seen_in_b_.end(), 0);
    stamp_ = 1;
  }
  for (const std::uint32_t id : a) seen_in_a_[id] = stamp_;
  for (const std::uint32_t id : b) seen_in_b_[id] = stamp_;
}

EditScript Aligner::AlignMiddle(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                                int depth) {
  EditScript script;
  if (a.empty() || b.empty()) {
    AppendEdit(&script, EditKind::kDelete, a.size());
    AppendEdit(&script, EditKind::kInsert, b.size());
    return script;
  }
  MarkPresence(a, b);
  // Keep only items that also occur on the other side, remembering where they were.
  std::vector<std::uint32_t> kept_a, kept_b;
  std::vector<std::size_t> where_a, where_b;
  kept_a.reserve(a.size());
  where_a.reserve(a.size());
  kept_b.reserve(b.size());
  where_b.reserve(b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (seen_in_b_[a[i]] != stamp_) continue;
    kept_a.push_back(a[i]);
    where_a.push_back(i);
  }
  for (std::size_t j = 0; j < b.size(); ++j) {
    if (seen_in_a_[b[j]] != stamp_) continue;
    kept_b.push_back(b[j]);
    where_b.push_back(j);
  }
  const EditScript kept_script = AlignCommonItems(kept_a, kept_b, depth);
  // Map back: every item between two common items is deleted (old) or inserted (new).
  std::size_t next_a = 0, next_b = 0;  // first original item not yet placed
  std::size_t kept_i = 0, kept_j = 0;  // position in kept_a / kept_b
  for (const EditRun& run : kept_script) {
    if (run.kind == EditKind::kDelete) {
      kept_i += run.length;
      continue;
    }
    if (run.kind == EditKind::kInsert) {
      kept_j += run.length;
      continue;
    }
    for (std::size_t k = 0; k < run.length; ++k, ++kept_i, ++kept_j) {
      AppendEdit(&script, EditKind::kDelete, where_a[kept_i] - next_a);
      AppendEdit(&script, EditKind::kInsert, where_b[kept_j] - next_b);
      AppendEdit(&script, EditKind::kCommon, 1);
      next_a = where_a[kept_i] + 1;
      next_b = where_b[kept_j] + 1;
    }
  }
  AppendEdit(&script, EditKind::kDelete, a.size() - next_a);
  AppendEdit(&script, EditKind::kInsert, b.size() - next_b);
  return script;
}

EditScript Aligner::AlignCommonItems(const std::vector<std::uint32_t>& a,
                                     const std::vector<std::uint32_t>& b, int depth) {
  constexpr int kMaxDepth = 16;
  const std::size_t size = a.size() + b.size();
  if (size <= kSmallProblem) return Dtl(a, b);
  const bool large = size > kLargeProblem;
  const bool costly = size > large_work_left_ || SurelyPastDtlCap(a, b);
  if (!large && !costly) {
    large_work_left_ -= size;
    return Dtl(a, b);
  }
  const std::vector<Anchor> anchors = depth < kMaxDepth ? UniqueAnchors(a, b) : std::vector<Anchor>();
  if (anchors.empty()) {
    if (!costly) {
      large_work_left_ -= size;
      return Dtl(a, b);
    }
    exact_ = false;
    EditScript replace_all;  // the texts differ too much for the few common items to help
    AppendEdit(&replace_all, EditKind::kDelete, a.size());
    AppendEdit(&replace_all, EditKind::kInsert, b.size());
    return replace_all;
  }
  exact_ = false;  // cutting at unique items may miss a longer common subsequence
  EditScript script;
  const std::span<const std::uint32_t> all_a(a), all_b(b);
  std::size_t next_a = 0, next_b = 0;
  const auto align_gap = [&](std::size_t end_a, std::size_t end_b) {
    for (const EditRun& run : Align(all_a.subspan(next_a, end_a - next_a),
                                    all_b.subspan(next_b, end_b - next_b), depth + 1)) {
      AppendEdit(&script, run.kind, run.length);
    }
  };
  for (const Anchor& anchor : anchors) {
    align_gap(anchor.a, anchor.b);
    AppendEdit(&script, EditKind::kCommon, 1);
    next_a = anchor.a + 1;
    next_b = anchor.b + 1;
  }
  align_gap(a.size(), b.size());
  return script;
}

namespace {

// Lengths of the common prefix and (not overlapping it) suffix of a and b.
void CommonEnds(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, std::size_t* prefix,
                std::size_t* suffix) {
  const std::size_t shorter = std::min(a.size(), b.size());
  std::size_t p = 0;
  while (p < shorter && a[p] == b[p]) ++p;
  std::size_t s = 0;
  while (s < shorter - p && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
  *prefix = p;
  *suffix = s;
}

// A short replacement with nothing in common needs no search: appends it and returns true.
bool AppendPlainReplacement(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, EditScript* script) {
  if (a.size() > 8 || b.size() > 8) return false;
  for (const std::uint32_t x : a) {
    for (const std::uint32_t y : b) {
      if (x == y) return false;
    }
  }
  AppendEdit(script, EditKind::kDelete, a.size());
  AppendEdit(script, EditKind::kInsert, b.size());
  return true;
}

}  // namespace

EditScript Aligner::AlignSmall(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  std::size_t prefix = 0, suffix = 0;
  CommonEnds(a, b, &prefix, &suffix);
  const std::span<const std::uint32_t> middle_a = a.subspan(prefix, a.size() - prefix - suffix);
  const std::span<const std::uint32_t> middle_b = b.subspan(prefix, b.size() - prefix - suffix);
  EditScript script;
  AppendEdit(&script, EditKind::kCommon, prefix);
  if (middle_a.empty() || middle_b.empty() || !AppendPlainReplacement(middle_a, middle_b, &script)) {
    if (middle_a.empty() || middle_b.empty()) {
      AppendEdit(&script, EditKind::kDelete, middle_a.size());
      AppendEdit(&script, EditKind::kInsert, middle_b.size());
    } else {
      for (const EditRun& run : Dtl(std::vector<std::uint32_t>(middle_a.begin(), middle_a.end()),
                                    std::vector<std::uint32_t>(middle_b.begin(), middle_b.end()))) {
        AppendEdit(&script, run.kind, run.length);
      }
    }
  }
  AppendEdit(&script, EditKind::kCommon, suffix);
  return script;
}

EditScript Aligner::Align(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, int depth) {
  std::size_t prefix = 0, suffix = 0;
  CommonEnds(a, b, &prefix, &suffix);
  EditScript script;
  AppendEdit(&script, EditKind::kCommon, prefix);
  const std::span<const std::uint32_t> middle_a = a.subspan(prefix, a.size() - prefix - suffix);
  const std::span<const std::uint32_t> middle_b = b.subspan(prefix, b.size() - prefix - suffix);
  if (!middle_a.empty() && !middle_b.empty()) {
    if (AppendPlainReplacement(middle_a, middle_b, &script)) {
      AppendEdit(&script, EditKind::kCommon, suffix);
      return script;
    }
    if (middle_a.size() + middle_b.size() <= kTinyProblem) {
      // Small enough for dtl as it is; the filtering below would cost more than it saves.
      for (const EditRun& run : Dtl(std::vector<std::uint32_t>(middle_a.begin(), middle_a.end()),
                                    std::vector<std::uint32_t>(middle_b.begin(), middle_b.end()))) {
        AppendEdit(&script, run.kind, run.length);
      }
      AppendEdit(&script, EditKind::kCommon, suffix);
      return script;
    }
  }
  for (const EditRun& run : AlignMiddle(middle_a, middle_b, depth)) {
    AppendEdit(&script, run.kind, run.length);
  }
  AppendEdit(&script, EditKind::kCommon, suffix);
  return script;
}

}  // namespace redline::diff
