// Pairing the paragraphs of a changed run of lines: a weighted alignment of paragraphs,
// each pair weighing the words its two sides share.
#include "diff/paragraph_pairs.h"

#include <algorithm>
#include <cstdint>

#include "diff/tokenize.h"

namespace redline::diff {
namespace {

// Pairings further than this off the run's diagonal (beyond the difference between the
// two sides' numbers of paragraphs) are looked at only when a best pairing within
// kNarrowSlack of it reaches that far, and those further than kSlack never.
constexpr long kNarrowSlack = 2;
constexpr long kSlack = 8;
// Cells of the pairing table at most: beyond, the run stays whole.
constexpr std::size_t kMaxCells = std::size_t{1} << 20;
// A paragraph split into (merged from) at most this many.
constexpr std::size_t kMaxParts = 4;
// Words are counted in this many slots (a hash of the word picks one). Two words in one
// slot count as one word: that adds a word to a pair's share only when the other
// paragraph (of some hundred words) holds the other one, about once in a few hundred.
constexpr unsigned kSlotBits = 15;

constexpr std::uint32_t kFnvBasis = 2166136261u, kFnvPrime = 16777619u;

// For each byte: 0 when it is no part of an ASCII word, else the byte to hash (in
// `folded`, ASCII letters case-folded).
struct WordBytes {
  unsigned char plain[256] = {}, folded[256] = {};
  constexpr WordBytes() {
    for (int c = 0; c < 128; ++c) {
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!letter && !(c >= '0' && c <= '9')) continue;
      plain[c] = static_cast<unsigned char>(c);
      folded[c] = static_cast<unsigned char>(letter ? c | 0x20 : c);
    }
  }
};
constexpr WordBytes kWordBytes;

// Appends the slots of the words of text[begin, end), a line without its break. Words here
// are cheaper than the tokenizer's (a pairing only counts what two paragraphs share): runs
// of ASCII letters and digits, split by any other ASCII byte; from a non-ASCII byte on, the
// tokenizer's token (so a CJK character is a word of its own, and quotation marks and
// dashes split words). Under ignore case, ASCII letters are compared case-folded. A word's
// bytes are hashed as they are read (FNV-1a).
void AppendWordSlots(std::string_view text, std::size_t begin, std::size_t end, bool fold_case,
                     std::vector<std::uint32_t>* out) {
  const unsigned char* table = fold_case ? kWordBytes.folded : kWordBytes.plain;
  const std::string_view bounded = text.substr(0, end);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* p = bytes + begin;
  const unsigned char* const stop = bytes + end;
  std::uint32_t hash = kFnvBasis;
  bool in_word = false;
  while (p < stop) {
    unsigned char b = *p;
    if (b < 0x80) {
      b = table[b];
      if (b != 0) {
        do {  // the rest of the ASCII run at once
          hash = (hash ^ b) * kFnvPrime;
          ++p;
        } while (p < stop && (b = table[*p]) != 0);
        in_word = true;
        if (p < stop && *p >= 0x80) continue;  // the word may go on
      } else {
        ++p;
      }
    } else {
      TokenKind kind;
      bool is_word = false;
      const auto pos = static_cast<std::size_t>(p - bytes);
      const std::size_t length = ScanToken(bounded, pos, &kind, &is_word);
      if (is_word) {  // the rest of the word (ASCII letters before it are its start)
        for (const unsigned char* q = p; q < p + length; ++q) hash = (hash ^ *q) * kFnvPrime;
        in_word = true;
      }
      p += length;
    }
    if (in_word) out->push_back((hash * 0x9E3779B1u) >> (32 - kSlotBits));
    hash = kFnvBasis;
    in_word = false;
  }
  if (in_word) out->push_back((hash * 0x9E3779B1u) >> (32 - kSlotBits));
}

// A paragraph: its line, where the blank lines after it end (the next paragraph's line, or
// the end of what may be paired), and its words' slots in Side::words.
struct Unit {
  std::size_t line = 0, gap_end = 0;
  std::size_t words_begin = 0, words_end = 0;
};

struct Side {
  std::vector<Unit> units;
  std::vector<std::uint32_t> words;
  const std::uint32_t* begin(std::size_t u) const { return words.data() + units[u].words_begin; }
  const std::uint32_t* end(std::size_t u) const { return words.data() + units[u].words_end; }
  std::size_t count(std::size_t u) const { return units[u].words_end - units[u].words_begin; }

  // Reads the paragraphs of lines [first, end) (their words only when `read_words`).
  void Read(std::string_view text, const std::vector<Line>& lines, std::size_t first, std::size_t end,
            bool read_words, bool fold_case) {
    units.clear();
    words.clear();
    for (std::size_t l = first; l < end; ++l) {
      const Line& line = lines[l];
      if (line.blank()) continue;
      if (!units.empty()) units.back().gap_end = l;
      Unit unit;
      unit.line = l;
      unit.gap_end = end;
      unit.words_begin = words.size();
      if (read_words) AppendWordSlots(text, line.begin, line.content_end, fold_case, &words);
      unit.words_end = words.size();
      units.push_back(unit);
    }
  }
};

// Counts of words (slots), for the size of multiset intersections: the words of one
// paragraph (or a few) are added, then another's counted against them, then removed again
// (so the table stays zeroed between uses, and is made once).
class WordCounts {
 public:
  void Add(const std::uint32_t* begin, const std::uint32_t* end) {
    if (counts_.empty()) counts_.assign(std::size_t{1} << kSlotBits, 0);
    for (const std::uint32_t* w = begin; w != end; ++w) ++counts_[*w];
  }
  void Remove(const std::uint32_t* begin, const std::uint32_t* end) {
    for (const std::uint32_t* w = begin; w != end; ++w) --counts_[*w];
  }
  // How many of the words [begin, end) the added ones hold (each added word used once).
  std::size_t Shared(const std::uint32_t* begin, const std::uint32_t* end) {
    if (counts_.empty()) return 0;
    std::size_t shared = 0;
    taken_.clear();
    for (const std::uint32_t* w = begin; w != end; ++w) {
      if (counts_[*w] == 0) continue;
      --counts_[*w];
      taken_.push_back(*w);
      ++shared;
    }
    for (const std::uint32_t w : taken_) ++counts_[w];
    return shared;
  }

 private:
  std::vector<std::uint32_t> counts_;
  std::vector<std::uint32_t> taken_;
};

// One step of the pairing: `olds` old and `news` new paragraphs, paired (an edit, split or
// merge) or not (one of them 0: a paragraph added or removed).
struct Step {
  std::size_t olds = 0, news = 0;
  bool paired = false;
};

// True when each paragraph of the run (as many on both sides) has at least half of the
// longer of it and the other side's paragraph in its place in a common start and end (in
// bytes): an edit in place, as the pairing would find, at a fraction of its cost.
bool EditedInPlace(std::string_view old_text, std::string_view new_text, const std::vector<Line>& old_lines,
                   const std::vector<Line>& new_lines, const LinePiece& run) {
  std::size_t i = run.old_first, j = run.new_first;
  while (true) {
    while (i < run.old_end && old_lines[i].blank()) ++i;
    while (j < run.new_end && new_lines[j].blank()) ++j;
    if (i == run.old_end || j == run.new_end) return i == run.old_end && j == run.new_end;
    const std::string_view a = old_text.substr(old_lines[i].begin, old_lines[i].content_end - old_lines[i].begin);
    const std::string_view b = new_text.substr(new_lines[j].begin, new_lines[j].content_end - new_lines[j].begin);
    const std::size_t shorter = std::min(a.size(), b.size());
    const std::size_t prefix = static_cast<std::size_t>(
        std::mismatch(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(shorter), b.begin()).first - a.begin());
    std::size_t suffix = 0;
    while (suffix < shorter - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
    if (2 * (prefix + suffix) < std::max(a.size(), b.size())) return false;
    ++i;
    ++j;
  }
}

}  // namespace

// The best pairing of two sides' paragraphs, as a table over the suffixes of both within
// a band around the diagonal: the most shared words, of equal ones the finest grouping.
// Its tables are kept from run to run.
class ParagraphPairer::Pairing {
 public:
  Side a, b;

  // Whether the table for n old and m new paragraphs stays within kMaxCells.
  static bool Fits(std::size_t n, std::size_t m) {
    const std::size_t width = (n > m ? n - m : m - n) + 2 * static_cast<std::size_t>(kSlack) + 1;
    return (n + 1) * width <= kMaxCells;
  }

  // The steps of a best pairing of a and b, in order.
  std::vector<Step> Run() {
    std::vector<Step> steps;
    if (!Run(kNarrowSlack, &steps)) Run(kSlack, &steps);
    return steps;
  }

 private:
  static constexpr long kNone = -1;
  static constexpr std::uint32_t kUnknown = 0xFFFFFFFF;

  std::size_t n_ = 0, m_ = 0;
  long lo_ = 0, hi_ = 0;  // the band: lo_ <= j - i <= hi_
  std::size_t width_ = 0;
  std::vector<long> best_;  // most shared words of suffixes (i, j); kNone outside the band
  std::vector<std::uint32_t> shared_;
  WordCounts row_counts_;    // the words of old paragraph marked_
  WordCounts other_counts_;  // scratch
  std::size_t marked_ = 0;   // n_: none

  // A best pairing within `slack` of the diagonal, in `steps`; false when it reaches the
  // band's edge (a wider band might hold a better one).
  bool Run(long slack, std::vector<Step>* steps) {
    n_ = a.units.size();
    m_ = b.units.size();
    lo_ = std::min(0L, Signed(m_) - Signed(n_)) - slack;
    hi_ = std::max(0L, Signed(m_) - Signed(n_)) + slack;
    width_ = static_cast<std::size_t>(hi_ - lo_ + 1);
    marked_ = n_;
    best_.assign((n_ + 1) * width_, kNone);
    shared_.assign((n_ + 1) * width_, kUnknown);
    for (std::size_t i = n_ + 1; i-- > 0;) {
      MarkRow(i);
      const long first = std::max(0L, Signed(i) + lo_), last = std::min(Signed(m_), Signed(i) + hi_);
      for (long jj = last; jj >= first; --jj) {
        const auto j = static_cast<std::size_t>(jj);
        if (i == n_ && j == m_) {
          best_[Cell(i, j)] = 0;
          continue;
        }
        long best = kNone;
        ForEachStep(i, j, [&](const Step&, long value) {
          best = std::max(best, value);
          return false;
        });
        best_[Cell(i, j)] = best;
      }
    }
    MarkRow(n_);
    steps->clear();
    bool inside = true;
    std::size_t i = 0, j = 0;
    while (i < n_ || j < m_) {
      const long d = Signed(j) - Signed(i);
      inside = inside && d > lo_ && d < hi_;
      const long target = best_[Cell(i, j)];
      Step chosen;
      ForEachStep(i, j, [&](const Step& step, long value) {
        if (value != target) return false;
        chosen = step;
        return true;
      });
      if (chosen.olds + chosen.news == 0) chosen = i < n_ ? Step{1, 0, false} : Step{0, 1, false};  // never
      steps->push_back(chosen);
      i += chosen.olds;
      j += chosen.news;
    }
    return inside;
  }

  static long Signed(std::size_t x) { return static_cast<long>(x); }
  bool InBand(std::size_t i, std::size_t j) const {
    const long d = Signed(j) - Signed(i);
    return i <= n_ && j <= m_ && d >= lo_ && d <= hi_;
  }
  std::size_t Cell(std::size_t i, std::size_t j) const {
    return i * width_ + static_cast<std::size_t>(Signed(j) - Signed(i) - lo_);
  }
  long Best(std::size_t i, std::size_t j) const { return InBand(i, j) ? best_[Cell(i, j)] : kNone; }

  // Marks old paragraph i (n_: none) as the one Shared counts against directly.
  void MarkRow(std::size_t i) {
    if (marked_ < n_) row_counts_.Remove(a.begin(marked_), a.end(marked_));
    marked_ = i;
    if (marked_ < n_) row_counts_.Add(a.begin(marked_), a.end(marked_));
  }

  // Words old paragraph i and new paragraph j share.
  std::size_t Shared(std::size_t i, std::size_t j) {
    std::uint32_t* cached = InBand(i, j) ? &shared_[Cell(i, j)] : nullptr;
    if (cached != nullptr && *cached != kUnknown) return *cached;
    std::size_t shared = 0;
    if (i == marked_) {
      shared = row_counts_.Shared(b.begin(j), b.end(j));
    } else {
      other_counts_.Add(a.begin(i), a.end(i));
      shared = other_counts_.Shared(b.begin(j), b.end(j));
      other_counts_.Remove(a.begin(i), a.end(i));
    }
    if (cached != nullptr) *cached = static_cast<std::uint32_t>(shared);
    return shared;
  }

  // An edit: they share a word for every four of the shorter one's.
  bool Pairs(std::size_t i, std::size_t j) {
    const std::size_t shared = Shared(i, j);
    return shared > 0 && 4 * shared >= std::min(a.count(i), b.count(j));
  }

  // Words the paragraphs [first, first + count) of `parts` share with paragraph `whole` of
  // `other`.
  std::size_t SharedWithParts(const Side& parts, std::size_t first, std::size_t count, const Side& other,
                              std::size_t whole) {
    other_counts_.Add(other.begin(whole), other.end(whole));
    const std::size_t shared = other_counts_.Shared(parts.begin(first), parts.end(first + count - 1));
    other_counts_.Remove(other.begin(whole), other.end(whole));
    return shared;
  }

  // Calls visit(step, value) for each step allowed at (i, j) in order of preference, until
  // it returns true: a pair, a paragraph removed, one added, then merges and splits (of two
  // parts, three…). Of steps of equal value the first is taken, so a split or merge only
  // when it shares more words than the finer steps.
  template <typename Visit>
  void ForEachStep(std::size_t i, std::size_t j, const Visit& visit) {
    if (i < n_ && j < m_ && Best(i + 1, j + 1) != kNone && Pairs(i, j)) {
      if (visit(Step{1, 1, true}, Signed(Shared(i, j)) + Best(i + 1, j + 1))) return;
    }
    if (i < n_ && Best(i + 1, j) != kNone && visit(Step{1, 0, false}, Best(i + 1, j))) return;
    if (j < m_ && Best(i, j + 1) != kNone && visit(Step{0, 1, false}, Best(i, j + 1))) return;
    if (i >= n_ || j >= m_) return;
    // Merges: old paragraphs i, i + 1, … each mostly made of new paragraph j's words.
    const auto part_of = [](std::size_t shared, std::size_t words) { return words > 0 && 2 * shared >= words; };
    if (part_of(Shared(i, j), a.count(i))) {
      for (std::size_t k = 2; k <= kMaxParts && i + k <= n_; ++k) {
        if (!part_of(Shared(i + k - 1, j), a.count(i + k - 1))) break;
        const long rest = Best(i + k, j + 1);
        if (rest == kNone) continue;
        const long value = Signed(SharedWithParts(a, i, k, b, j)) + rest;
        if (visit(Step{k, 1, true}, value)) return;
      }
    }
    // Splits: new paragraphs j, j + 1, … each mostly made of old paragraph i's words.
    if (part_of(Shared(i, j), b.count(j))) {
      for (std::size_t k = 2; k <= kMaxParts && j + k <= m_; ++k) {
        if (!part_of(Shared(i, j + k - 1), b.count(j + k - 1))) break;
        const long rest = Best(i + 1, j + k);
        if (rest == kNone) continue;
        const long value = Signed(SharedWithParts(b, j, k, a, i)) + rest;
        if (visit(Step{1, k, true}, value)) return;
      }
    }
  }
};

ParagraphPairer::ParagraphPairer() = default;
ParagraphPairer::~ParagraphPairer() = default;

std::size_t ParagraphPairer::Pair(std::string_view old_text, std::string_view new_text,
                                  const std::vector<Line>& old_lines, const std::vector<Line>& new_lines,
                                  const LinePiece& run, std::size_t spare, const IgnoreSet& ignore,
                                  std::vector<LinePiece>* out) {
  const std::size_t old_limit = run.old_end + spare, new_limit = run.new_end + spare;
  const auto paragraphs = [](const std::vector<Line>& lines, std::size_t first, std::size_t end) {
    std::size_t n = 0;
    for (std::size_t l = first; l < end; ++l) n += lines[l].blank() ? 0 : 1;
    return n;
  };
  const std::size_t old_count = paragraphs(old_lines, run.old_first, run.old_end);
  const std::size_t new_count = paragraphs(new_lines, run.new_first, run.new_end);
  if (old_count == 0 || new_count == 0 || old_count + new_count < 3 ||  // most runs: one edited paragraph
      !Pairing::Fits(old_count, new_count)) {
    out->push_back(run);
    return 0;
  }
  if (pairing_ == nullptr) pairing_ = std::make_unique<Pairing>();
  Side& olds = pairing_->a;
  Side& news = pairing_->b;
  // As many paragraphs on both sides, each much like the other side's in its place: each
  // an edit in place, and the words need not be read.
  const bool in_place = old_count == new_count && EditedInPlace(old_text, new_text, old_lines, new_lines, run);
  olds.Read(old_text, old_lines, run.old_first, old_limit, !in_place, ignore.case_);
  news.Read(new_text, new_lines, run.new_first, new_limit, !in_place, ignore.case_);
  const std::vector<Step> steps = in_place ? std::vector<Step>(old_count, Step{1, 1, true}) : pairing_->Run();
  if (steps.size() == 1) {  // one pair, split or merge: the run as it is
    out->push_back(run);
    return 0;
  }
  // Blank lines both sides begin with, the same bytes: unchanged, before the first group.
  std::size_t old_pos = run.old_first, new_pos = run.new_first;
  const auto blanks = [](const std::vector<Line>& lines, std::size_t first, std::size_t end) {
    std::size_t n = 0;
    while (first + n < end && lines[first + n].blank()) ++n;
    return n;
  };
  const auto bytes = [](std::string_view text, const Line& line) {
    return text.substr(line.begin, line.end - line.begin);
  };
  const std::size_t lead = std::min(blanks(old_lines, old_pos, old_limit), blanks(new_lines, new_pos, new_limit));
  std::size_t same = 0;
  while (same < lead && bytes(old_text, old_lines[old_pos + same]) == bytes(new_text, new_lines[new_pos + same])) {
    ++same;
  }
  if (same > 0) {
    out->push_back({false, old_pos, old_pos + same, new_pos, new_pos + same});
    old_pos += same;
    new_pos += same;
  }
  // Each group takes its paragraphs and the blank lines after them; paired ones only as
  // many blank lines as both sides have (the rest go to the next group), so that an edited
  // paragraph's line breaks stay unchanged.
  const auto emit = [&](std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1, bool pair) {
    if (i0 == i1 && j0 == j1) return;
    std::size_t old_end = old_pos, new_end = new_pos;
    if (i1 > i0) old_end = olds.units[i1 - 1].gap_end;
    if (j1 > j0) new_end = news.units[j1 - 1].gap_end;
    if (pair) {
      const std::size_t old_text_end = olds.units[i1 - 1].line + 1, new_text_end = news.units[j1 - 1].line + 1;
      const std::size_t breaks = std::min(old_end - old_text_end, new_end - new_text_end);
      old_end = old_text_end + breaks;
      new_end = new_text_end + breaks;
    }
    out->push_back({true, old_pos, old_end, new_pos, new_end});
    old_pos = old_end;
    new_pos = new_end;
  };
  // Paragraphs paired with nothing: removed whole, then added whole; one on each side
  // between the same two groups stay one group, aligned as any paragraph rewritten in place.
  const auto emit_unpaired = [&](std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1) {
    if (i1 - i0 == 1 && j1 - j0 == 1) {
      emit(i0, i1, j0, j1, false);
      return;
    }
    emit(i0, i1, j0, j0, false);
    emit(i1, i1, j0, j1, false);
  };
  std::size_t i = 0, j = 0;                  // paragraphs taken
  std::size_t pending_i = 0, pending_j = 0;  // where the paragraphs paired with nothing began
  for (const Step& step : steps) {
    if (step.paired) {
      emit_unpaired(pending_i, i, pending_j, j);
      emit(i, i + step.olds, j, j + step.news, true);
      pending_i = i + step.olds;
      pending_j = j + step.news;
    }
    i += step.olds;
    j += step.news;
  }
  emit_unpaired(pending_i, i, pending_j, j);
  // Blank lines left over (one side's, after a paired group): the last group's.
  out->back().old_end = old_limit;
  out->back().new_end = new_limit;
  return spare;
}

}  // namespace redline::diff
