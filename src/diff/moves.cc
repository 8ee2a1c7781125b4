// Move detection: equal pieces by id, nearly equal ones through word-bigram sketches,
// then the best pairs first.
#include "diff/moves.h"

#include <algorithm>
#include <cstring>
#include <array>
#include <bit>
#include <string>

#include "diff/align.h"
#include "diff/dtl_adapter.h"
#include "diff/tokenize.h"

namespace redline::diff {
namespace {

constexpr std::size_t kSketchSize = 16;
constexpr std::size_t kMaxPosting = 8;  // a shingle shared by more pieces says little
constexpr std::size_t kMinSharedShingles = 2;

// Bottom-k sketch: the smallest hashes of a piece's word bigrams.
struct Sketch {
  std::array<std::uint64_t, kSketchSize> values{};
  std::size_t size = 0;
  std::size_t words = 0;  // rough word count (runs of letters, digits and non-ASCII bytes)

  void Add(std::uint64_t value) {
    if (size == kSketchSize && value >= values[size - 1]) return;
    std::size_t i = size < kSketchSize ? size++ : size - 1;
    while (i > 0 && values[i - 1] > value) {
      values[i] = values[i - 1];
      --i;
    }
    if (i > 0 && values[i - 1] == value) {  // already there: undo the shift
      for (std::size_t j = i; j + 1 < size; ++j) values[j] = values[j + 1];
      --size;
      return;
    }
    values[i] = value;
  }
};

// Bytes of sketch words: ASCII letters and digits, and every non-ASCII byte.
struct WordBytes {
  bool table[256] = {};
  constexpr WordBytes() {
    for (int c = 0; c < 256; ++c) {
      table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    }
  }
};
constexpr WordBytes kWordBytes;

bool IsSketchWordByte(unsigned char c) { return kWordBytes.table[c]; }

// Bytes that end a sketch word.
struct Separators {
  bool table[256] = {};
  constexpr Separators() {
    for (const unsigned char c : {' ', '\t', '\n', '\r'}) table[c] = true;
  }
};
constexpr Separators kSeparators;

// The first separator in text[pos, end), or `end`; eight bytes at a time (the lowest flagged
// byte of a word is always a real match).
std::size_t NextSeparator(std::string_view text, std::size_t pos, std::size_t end) {
  static_assert(std::endian::native == std::endian::little, "the first byte of a word is its lowest");
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const auto has_byte = [](std::uint64_t word, unsigned char byte) {
    const std::uint64_t x = word ^ (kOnes * byte);
    return (x - kOnes) & ~x & kHigh;
  };
  while (pos + 8 <= end) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + pos, 8);
    const std::uint64_t found =
        has_byte(word, ' ') | has_byte(word, '\t') | has_byte(word, '\n') | has_byte(word, '\r');
    if (found != 0) return pos + static_cast<std::size_t>(__builtin_ctzll(found) >> 3);
    pos += 8;
  }
  while (pos < end && !kSeparators.table[static_cast<unsigned char>(text[pos])]) ++pos;
  return pos;
}

std::uint64_t Mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  return h;
}

// Sketch words are the runs of bytes between spaces and line breaks ("said," and "said"
// differ: the sketch only finds candidates, WordSimilarity judges them).
Sketch MakeSketch(std::string_view text, Span span, bool fold_case) {
  Sketch sketch;
  std::uint64_t previous = 0x5BD1E995ull;
  std::size_t pos = span.begin;
  std::string folded;
  while (pos < span.end) {
    while (pos < span.end && !IsSketchWordByte(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos == span.end) break;
    const std::size_t end = NextSeparator(text, pos + 1, span.end);
    const std::string_view word = text.substr(pos, end - pos);
    std::uint64_t h;
    if (fold_case) {
      folded.assign(word);
      for (char& c : folded) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      h = HashBytes(folded);
    } else {
      h = HashBytes(word);
    }
    pos = end;
    ++sketch.words;
    sketch.Add(Mix(previous * 0x9E3779B97F4A7C15ull + h));
    previous = h;
  }
  return sketch;
}

// Shingle value -> the pieces whose sketches hold it (a chained hash table).
class PostingIndex {
 public:
  explicit PostingIndex(std::size_t entries) {
    std::size_t slots = 16;
    while (slots < entries * 2) slots *= 2;
    keys_.assign(slots, 0);
    heads_.assign(slots, -1);
    next_.reserve(entries);
    items_.reserve(entries);
  }

  void Add(std::uint64_t key, std::uint32_t item) {
    const std::size_t slot = Slot(key);
    keys_[slot] = key;
    next_.push_back(heads_[slot]);
    items_.push_back(item);
    heads_[slot] = static_cast<std::int32_t>(items_.size() - 1);
  }

  // Calls f(item) for each piece holding `key`, unless more than kMaxPosting do.
  template <typename F>
  void ForEach(std::uint64_t key, F f) const {
    const std::size_t slot = Slot(key);
    if (heads_[slot] < 0) return;
    std::size_t length = 0;
    for (std::int32_t e = heads_[slot]; e >= 0; e = next_[static_cast<std::size_t>(e)]) {
      if (++length > kMaxPosting) return;
    }
    for (std::int32_t e = heads_[slot]; e >= 0; e = next_[static_cast<std::size_t>(e)]) {
      f(items_[static_cast<std::size_t>(e)]);
    }
  }

 private:
  std::vector<std::uint64_t> keys_;
  std::vector<std::int32_t> heads_;
  std::vector<std::int32_t> next_;
  std::vector<std::uint32_t> items_;

  std::size_t Slot(std::uint64_t key) const {
    const std::size_t mask = keys_.size() - 1;
    std::size_t slot = static_cast<std::size_t>(key) & mask;
    while (heads_[slot] >= 0 && keys_[slot] != key) slot = (slot + 1) & mask;
    return slot;
  }
};

std::size_t CountSketched(const std::vector<Sketch>& sketches, std::size_t min_words) {
  std::size_t n = 0;
  for (const Sketch& sketch : sketches) n += sketch.words >= min_words;
  return n;
}

struct Proposal {
  double similarity;
  std::size_t old_index, new_index;
  bool exact;
};

std::vector<std::uint32_t> WordIds(std::string_view text, const IgnoreSet& ignore, Interner* ids) {
  std::vector<std::uint32_t> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    TokenKind kind;
    bool is_word = false;
    const std::size_t length = ScanToken(text, pos, &kind, &is_word);
    if (is_word) {
      std::string key;
      AppendKey(text.substr(pos, length), ignore, &key);
      out.push_back(ids->InternCopy(key));
    }
    pos += length;
  }
  return out;
}

// One side's near-move proposals: for each piece, its best sketch match in another group,
// verified, and kept only when it beats the best match in the piece's own group.
class NearMatcher {
 public:
  NearMatcher(std::string_view from_text, std::string_view to_text, const std::vector<MoveCandidate>& from,
              const std::vector<MoveCandidate>& to, const std::vector<Sketch>& from_sketches,
              const std::vector<Sketch>& to_sketches, const IgnoreSet& ignore, const MoveRules& rules)
      : from_text_(from_text), to_text_(to_text), from_(from), to_(to), from_sketches_(from_sketches),
        ignore_(ignore), rules_(rules), index_(CountSketched(to_sketches, rules.min_near_words) * kSketchSize) {
    for (std::size_t j = 0; j < to.size(); ++j) {
      if (to_sketches[j].words < rules.min_near_words) continue;
      for (std::size_t k = 0; k < to_sketches[j].size; ++k) {
        index_.Add(to_sketches[j].values[k], static_cast<std::uint32_t>(j));
      }
    }
  }

  // Appends proposals as (from, to); `swap` stores them as (to, from).
  void Propose(bool swap, std::vector<Proposal>* out) {
    std::vector<std::uint32_t> hits;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> shared;  // (to piece, count)
    for (std::size_t i = 0; i < from_.size(); ++i) {
      const Sketch& sketch = from_sketches_[i];
      if (sketch.words < rules_.min_near_words) continue;
      hits.clear();
      for (std::size_t k = 0; k < sketch.size; ++k) {
        index_.ForEach(sketch.values[k], [&](std::uint32_t j) { hits.push_back(j); });
      }
      std::sort(hits.begin(), hits.end());
      shared.clear();
      for (std::size_t k = 0; k < hits.size();) {
        std::size_t end = k;
        while (end < hits.size() && hits[end] == hits[k]) ++end;
        shared.emplace_back(hits[k], static_cast<std::uint32_t>(end - k));
        k = end;
      }
      std::uint32_t best_cross = 0, best_own = 0;
      std::size_t cross = 0, own = 0;
      for (const auto& [j, count] : shared) {
        const bool same_group = to_[j].group == from_[i].group;
        std::uint32_t& best = same_group ? best_own : best_cross;
        if (count > best) {
          best = count;
          (same_group ? own : cross) = j;
        }
      }
      if (best_cross < kMinSharedShingles || best_cross < best_own) continue;
      const double similarity = Similarity(i, cross);
      if (similarity < kNearMoveSimilarity) continue;
      if (best_own > 0 && Similarity(i, own) >= similarity) continue;
      out->push_back(swap ? Proposal{similarity, cross, i, false} : Proposal{similarity, i, cross, false});
    }
  }

 private:
  std::string_view from_text_, to_text_;
  const std::vector<MoveCandidate>& from_;
  const std::vector<MoveCandidate>& to_;
  const std::vector<Sketch>& from_sketches_;
  IgnoreSet ignore_;
  MoveRules rules_;
  PostingIndex index_;

  double Similarity(std::size_t i, std::size_t j) const {
    const Span a = from_[i].span, b = to_[j].span;
    return WordSimilarity(from_text_.substr(a.begin, a.size()), to_text_.substr(b.begin, b.size()), ignore_);
  }
};

}  // namespace

double WordSimilarity(std::string_view a, std::string_view b, const IgnoreSet& ignore) {
  Interner ids;
  const std::vector<std::uint32_t> wa = WordIds(a, ignore, &ids);
  const std::vector<std::uint32_t> wb = WordIds(b, ignore, &ids);
  if (wa.empty() && wb.empty()) return 1.0;
  std::size_t common = 0;
  for (const EditRun& run : DtlEditScript(wa, wb)) {
    if (run.kind == EditKind::kCommon) common += run.length;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(wa.size() + wb.size());
}

std::vector<MovePair> FindMoves(std::string_view old_text, std::string_view new_text,
                                const std::vector<MoveCandidate>& olds, const std::vector<MoveCandidate>& news,
                                const IgnoreSet& ignore, const MoveRules& rules) {
  if (olds.empty() || news.empty()) return {};
  std::vector<Proposal> proposals;

  // Equal pieces: same id.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> new_by_id;  // (id, index)
  new_by_id.reserve(news.size());
  for (std::size_t j = 0; j < news.size(); ++j) new_by_id.emplace_back(news[j].id, static_cast<std::uint32_t>(j));
  std::sort(new_by_id.begin(), new_by_id.end());
  std::vector<bool> has_equal_old(news.size(), false), has_equal_new(olds.size(), false);
  std::vector<std::size_t> elsewhere;
  for (std::size_t i = 0; i < olds.size(); ++i) {
    auto it = std::lower_bound(new_by_id.begin(), new_by_id.end(), std::make_pair(olds[i].id, std::uint32_t{0}));
    if (it == new_by_id.end() || it->first != olds[i].id) continue;
    bool in_place = false;
    elsewhere.clear();
    for (; it != new_by_id.end() && it->first == olds[i].id; ++it) {
      const MoveCandidate& candidate = news[it->second];
      if (candidate.group == olds[i].group) {
        in_place = true;
      } else {
        elsewhere.push_back(it->second);
      }
      has_equal_old[it->second] = true;
      has_equal_new[i] = true;
    }
    if (in_place || elsewhere.empty()) continue;
    const Span span = olds[i].span;
    if (CountWords(old_text.substr(span.begin, span.size())) < rules.min_exact_words) continue;
    for (const std::size_t j : elsewhere) {
      const Span other = news[j].span;
      const bool bytes_equal =
          old_text.substr(span.begin, span.size()) == new_text.substr(other.begin, other.size());
      proposals.push_back({bytes_equal ? 3.0 : 2.0, i, j, bytes_equal});
    }
  }

  // Nearly equal pieces, proposed from both sides; pieces with an equal partner sit out.
  if (rules.min_near_words > 0) {
    const bool fold = ignore.case_;
    // Only the pieces that may move nearly equal get sketches (and take part below).
    std::vector<MoveCandidate> near_olds, near_news;
    std::vector<std::size_t> old_index, new_index;
    std::vector<Sketch> old_sketches, new_sketches;
    near_olds.reserve(olds.size());
    old_index.reserve(olds.size());
    old_sketches.reserve(olds.size());
    near_news.reserve(news.size());
    new_index.reserve(news.size());
    new_sketches.reserve(news.size());
    for (std::size_t i = 0; i < olds.size(); ++i) {
      if (!olds[i].near || has_equal_new[i]) continue;
      near_olds.push_back(olds[i]);
      old_index.push_back(i);
      old_sketches.push_back(MakeSketch(old_text, olds[i].span, fold));
    }
    for (std::size_t j = 0; j < news.size(); ++j) {
      if (!news[j].near || has_equal_old[j]) continue;
      near_news.push_back(news[j]);
      new_index.push_back(j);
      new_sketches.push_back(MakeSketch(new_text, news[j].span, fold));
    }
    std::vector<Proposal> near;
    NearMatcher forward(old_text, new_text, near_olds, near_news, old_sketches, new_sketches, ignore, rules);
    forward.Propose(false, &near);
    NearMatcher backward(new_text, old_text, near_news, near_olds, new_sketches, old_sketches, ignore, rules);
    backward.Propose(true, &near);
    for (Proposal& p : near) {
      p.old_index = old_index[p.old_index];
      p.new_index = new_index[p.new_index];
      proposals.push_back(p);
    }
  }

  // Best pairs first; each piece moves at most once.
  std::stable_sort(proposals.begin(), proposals.end(), [](const Proposal& x, const Proposal& y) {
    if (x.similarity != y.similarity) return x.similarity > y.similarity;
    if (x.old_index != y.old_index) return x.old_index < y.old_index;
    return x.new_index < y.new_index;
  });
  std::vector<bool> old_used(olds.size(), false), new_used(news.size(), false);
  std::vector<MovePair> pairs;
  for (const Proposal& p : proposals) {
    if (old_used[p.old_index] || new_used[p.new_index]) continue;
    if (!p.exact && p.similarity < 2.0) {
      // Near moves need enough real words on both sides.
      const Span a = olds[p.old_index].span, b = news[p.new_index].span;
      if (CountWords(old_text.substr(a.begin, a.size())) < rules.min_near_words ||
          CountWords(new_text.substr(b.begin, b.size())) < rules.min_near_words) {
        continue;
      }
    }
    old_used[p.old_index] = new_used[p.new_index] = true;
    pairs.push_back({p.old_index, p.new_index, p.exact});
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const MovePair& x, const MovePair& y) { return x.new_index < y.new_index; });
  return pairs;
}

}  // namespace redline::diff
