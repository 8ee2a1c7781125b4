// Paragraph splits and merges: a space on one side paired with a paragraph break on the
// other, apart from the word edits around them.
#include "diff/block_breaks.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <utility>

#include "diff/tokenize.h"

namespace redline::diff {
namespace {

// Units of one window at most aligned against each other (the table's cells): beyond it a
// window is a rewrite, not a split, and stays as it is.
constexpr std::size_t kMaxCells = 250'000;

// A token, or a run of whitespace (spaces and line breaks) as one unit.
struct Unit {
  std::size_t begin = 0, end = 0;  // bytes
  bool gap = false;
  bool line_break = false;  // a gap holding '\n'
  bool word = false;        // a token holding a letter or digit
  std::size_t hash = 0;     // of its text (gaps: of their kind), for the alignment's table
};

void AppendUnits(std::string_view text, std::size_t begin, std::size_t end, std::vector<Unit>* units) {
  units->clear();
  const std::string_view range = text.substr(0, end);
  std::size_t pos = begin;
  while (pos < end) {
    TokenKind kind;
    bool is_word = false;
    const std::size_t length = ScanToken(range, pos, &kind, &is_word);
    const bool gap = kind == TokenKind::kSpace || kind == TokenKind::kNewline;
    const bool line_break = kind == TokenKind::kNewline;
    if (gap && !units->empty() && units->back().gap) {
      units->back().end = pos + length;
      units->back().line_break = units->back().line_break || line_break;
    } else {
      units->push_back({pos, pos + length, gap, line_break, is_word});
    }
    pos += length;
  }
  for (Unit& u : *units) u.hash = std::hash<std::string_view>()(text.substr(u.begin, u.end - u.begin));
}

// True when the line holding `pos` has a word between its start and `pos` (`forward`:
// between `pos` and its end).
bool WordsOnLine(std::string_view text, std::size_t pos, bool forward) {
  std::size_t begin = pos, end = pos;
  if (forward) {
    end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
  } else {
    const std::size_t line_break = pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
    begin = line_break == std::string_view::npos ? 0 : line_break + 1;
  }
  return CountWords(text.substr(begin, end - begin)) > 0;
}

// Scores of the alignment: an equal word, a space paired with a break, anything else equal.
constexpr std::uint32_t kWordScore = 3;
constexpr std::uint32_t kPairScore = 2;

// kPair: a space and a break, a split or merge. kReplace: such a pair that is not one
// (deleted and inserted).
enum class Step : std::uint8_t { kEqual, kPair, kDelete, kInsert, kReplace };

struct StepAt {
  Step step;
  std::size_t old_unit, new_unit;  // the units it consumes (one of them for kDelete / kInsert)
};

// A stretch of the alignment aligned again: [begin, end) of both texts, and whether
// unchanged words of the same line touch it before and after.
struct Window {
  std::size_t old_begin = 0, old_end = 0, new_begin = 0, new_end = 0;
  bool context_before = false, context_after = false;
};

class WindowSplitter {
 public:
  WindowSplitter(std::string_view old_text, std::string_view new_text) : old_(old_text), new_(new_text) {}

  // Appends the window's pieces to `out` and returns true when it holds a split or merge;
  // else appends nothing and returns false.
  bool Split(const Window& w, std::vector<Chunk>* out) {
    AppendUnits(old_, w.old_begin, w.old_end, &olds_);
    AppendUnits(new_, w.new_begin, w.new_end, &news_);
    const std::size_t n = olds_.size(), m = news_.size();
    if (n == 0 || m == 0 || (n + 1) * (m + 1) > kMaxCells) return false;
    Align();
    if (!KeepSupportedPairs(w.context_before, w.context_after)) return false;
    Emit(w, out);
    return true;
  }

 private:
  std::string_view old_, new_;
  std::vector<Unit> olds_, news_;
  std::vector<std::uint32_t> score_;
  std::vector<StepAt> steps_;

  std::string_view Text(std::string_view text, const Unit& u) const { return text.substr(u.begin, u.end - u.begin); }

  // Score of aligning old unit i with new unit j: 0 when they may not align.
  std::uint32_t Match(std::size_t i, std::size_t j) const {
    const Unit& a = olds_[i];
    const Unit& b = news_[j];
    if (a.gap != b.gap) return 0;
    // A space and a paragraph break pair up, preferred over spaces that are equal.
    if (a.gap && a.line_break != b.line_break) return kPairScore;
    if (a.hash != b.hash || Text(old_, a) != Text(new_, b)) return 0;
    return a.word ? kWordScore : 1;  // words weigh most: never traded for pairs
  }

  // A best alignment (most score) of the units, as steps in order: a table of the best
  // score of each pair of suffixes, walked from the start, so that of equal choices the
  // earliest pairing is taken and, within a change, deletions come first.
  void Align() {
    const std::size_t n = olds_.size(), m = news_.size();
    const std::size_t width = m + 1;
    score_.assign((n + 1) * width, 0);
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        std::uint32_t best = std::max(score_[(i + 1) * width + j], score_[i * width + j + 1]);
        const std::uint32_t match = Match(i, j);
        if (match > 0) best = std::max(best, score_[(i + 1) * width + j + 1] + match);
        score_[i * width + j] = best;
      }
    }
    steps_.clear();
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m) {
        const std::uint32_t match = Match(i, j);
        if (match > 0 && score_[i * width + j] == score_[(i + 1) * width + j + 1] + match) {
          const bool pair = olds_[i].gap && olds_[i].line_break != news_[j].line_break;
          steps_.push_back({pair ? Step::kPair : Step::kEqual, i, j});
          ++i;
          ++j;
          continue;
        }
      }
      if (i < n && (j == m || score_[i * width + j] == score_[(i + 1) * width + j])) {
        steps_.push_back({Step::kDelete, i, 0});
        ++i;
      } else {
        steps_.push_back({Step::kInsert, 0, j});
        ++j;
      }
    }
  }

  // True when step `s` takes a paragraph break of the old (`old_side`) or the new text.
  bool TakesBreak(const StepAt& s, bool old_side) const {
    if (s.step == Step::kInsert) return !old_side && news_[s.new_unit].line_break;
    if (s.step == Step::kDelete) return old_side && olds_[s.old_unit].line_break;
    return old_side ? olds_[s.old_unit].line_break : news_[s.new_unit].line_break;
  }

  bool IsUnchangedWord(const StepAt& s) const { return s.step == Step::kEqual && olds_[s.old_unit].word; }

  // A pair counts when the paragraph of the side with the space goes on, with unchanged
  // words, on both sides of it (in the window before that paragraph's own breaks, or on
  // the same line around the window); any other becomes a plain deletion and insertion.
  // False when no pair is left.
  bool KeepSupportedPairs(bool context_before, bool context_after) {
    bool any = false;
    for (std::size_t k = 0; k < steps_.size(); ++k) {
      if (steps_[k].step != Step::kPair) continue;
      const bool spaced_old = !olds_[steps_[k].old_unit].line_break;  // a split
      bool before = false, after = false;
      std::size_t b = k;
      while (b > 0 && !before && !TakesBreak(steps_[b - 1], spaced_old)) before = IsUnchangedWord(steps_[--b]);
      if (!before && b == 0) before = context_before;
      std::size_t a = k + 1;
      for (; a < steps_.size() && !after && !TakesBreak(steps_[a], spaced_old); ++a) {
        after = IsUnchangedWord(steps_[a]);
      }
      if (!after && a == steps_.size()) after = context_after;
      if (before && after) {
        any = true;
      } else {
        steps_[k].step = Step::kReplace;
      }
    }
    return any;
  }

  static void Push(std::vector<Chunk>* out, const Chunk& piece) {
    if (!out->empty() && !piece.changed && !out->back().changed) {
      out->back().old_end = piece.old_end;
      out->back().new_end = piece.new_end;
      return;
    }
    out->push_back(piece);
  }

  void Emit(const Window& w, std::vector<Chunk>* out) {
    std::size_t old_pos = w.old_begin, new_pos = w.new_begin;
    Chunk pending;  // deletions and insertions not yet written
    pending.changed = true;
    const auto restart = [&] {
      pending.old_begin = pending.old_end = old_pos;
      pending.new_begin = pending.new_end = new_pos;
    };
    restart();
    const auto flush = [&] {
      if (pending.old_end > pending.old_begin || pending.new_end > pending.new_begin) out->push_back(pending);
      restart();
    };
    for (const StepAt& s : steps_) {
      if (s.step == Step::kEqual || s.step == Step::kPair) {
        flush();
        Chunk piece;
        piece.changed = s.step == Step::kPair;
        piece.old_begin = old_pos;
        piece.new_begin = new_pos;
        old_pos = piece.old_end = olds_[s.old_unit].end;
        new_pos = piece.new_end = news_[s.new_unit].end;
        if (piece.changed) {
          piece.block_change = olds_[s.old_unit].line_break ? BlockChange::kMerge : BlockChange::kSplit;
        }
        Push(out, piece);
        restart();
        continue;
      }
      if (s.step != Step::kInsert) old_pos = pending.old_end = olds_[s.old_unit].end;
      if (s.step != Step::kDelete) new_pos = pending.new_end = news_[s.new_unit].end;
    }
    flush();
  }
};

bool Plain(const Chunk& c) { return c.changed && c.move < 0 && c.block_change == BlockChange::kNone; }

// An unchanged chunk short enough to lie between two changes of one window: a few
// tokens the alignment may have matched across a paragraph break it misplaced
// ("Wang[- Wenbin said …-]\n\n{+Wenbin said …\n\n+}").
constexpr std::size_t kMaxLinkWords = 2;
constexpr std::size_t kMaxLinkBytes = 64;
// Chunks of one window at most.
constexpr std::size_t kMaxWindowChunks = 15;

bool IsLink(std::string_view old_text, const Chunk& c) {
  if (c.changed || c.old_end - c.old_begin > kMaxLinkBytes) return false;
  return CountWords(old_text.substr(c.old_begin, c.old_end - c.old_begin)) <= kMaxLinkWords;
}

std::size_t CountBreaks(std::string_view text, std::size_t begin, std::size_t end) {
  return static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(begin),
                                             text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

bool HasBreak(std::string_view text, std::size_t begin, std::size_t end) {
  return text.substr(begin, end - begin).find('\n') != std::string_view::npos;
}

// A plain change whose two sides hold different numbers of line breaks: every window
// holds one (links are unchanged, the same on both sides).
bool ChangesBreaks(std::string_view old_text, std::string_view new_text, const Chunk& c) {
  if (!Plain(c)) return false;
  const bool old_breaks = HasBreak(old_text, c.old_begin, c.old_end);
  const bool new_breaks = HasBreak(new_text, c.new_begin, c.new_end);
  if (old_breaks != new_breaks) return true;
  return old_breaks &&
         CountBreaks(old_text, c.old_begin, c.old_end) != CountBreaks(new_text, c.new_begin, c.new_end);
}

// The window around chunks[seed] (a change of line breaks): the changes linked to it
// before (not before `floor`) and after, at most kMaxWindowChunks chunks, as [begin, end);
// {0, 0} when its two sides have the same number of line breaks or one side is empty.
std::pair<std::size_t, std::size_t> WindowAround(std::string_view old_text, std::string_view new_text,
                                                 const std::vector<Chunk>& chunks, std::size_t seed,
                                                 std::size_t floor) {
  std::size_t begin = seed, end = seed + 1;
  while (begin >= floor + 2 && end - begin + 2 <= kMaxWindowChunks && IsLink(old_text, chunks[begin - 1]) &&
         Plain(chunks[begin - 2])) {
    begin -= 2;
  }
  while (end + 1 < chunks.size() && end - begin + 2 <= kMaxWindowChunks && IsLink(old_text, chunks[end]) &&
         Plain(chunks[end + 1])) {
    end += 2;
  }
  const Chunk& first = chunks[begin];
  const Chunk& last = chunks[end - 1];
  if (first.old_begin == last.old_end || first.new_begin == last.new_end) return {0, 0};
  if (CountBreaks(old_text, first.old_begin, last.old_end) == CountBreaks(new_text, first.new_begin, last.new_end)) {
    return {0, 0};
  }
  return {begin, end};
}

}  // namespace

bool MarkBlockBreaks(std::string_view old_text, std::string_view new_text, std::vector<Chunk>* chunks) {
  const std::vector<Chunk>& in = *chunks;
  std::vector<Chunk> out;  // filled up to `done` once a window is found: most diffs have none
  std::size_t done = 0;    // chunks before it are in `out` (or need no copy yet)
  bool marked = false;
  const auto pass = [&out](const Chunk& chunk) {
    if (!out.empty() && !chunk.changed && !out.back().changed) {
      out.back().old_end = chunk.old_end;
      out.back().new_end = chunk.new_end;
    } else {
      out.push_back(chunk);
    }
  };
  WindowSplitter splitter(old_text, new_text);
  for (std::size_t seed = 0; seed < in.size(); ++seed) {
    if (!ChangesBreaks(old_text, new_text, in[seed])) continue;
    const auto [begin, end] = WindowAround(old_text, new_text, in, seed, done);
    if (end == 0) continue;
    if (out.empty()) out.reserve(in.size() + 8);
    for (std::size_t i = done; i < begin; ++i) pass(in[i]);
    Window w;
    w.old_begin = in[begin].old_begin;
    w.new_begin = in[begin].new_begin;
    w.old_end = in[end - 1].old_end;
    w.new_end = in[end - 1].new_end;
    // Unchanged words of the same line right before or after: the paragraph goes on there.
    w.context_before = begin > 0 && !in[begin - 1].changed && WordsOnLine(new_text, w.new_begin, false);
    w.context_after = end < in.size() && !in[end].changed && WordsOnLine(new_text, w.new_end, true);
    if (splitter.Split(w, &out)) {
      marked = true;
    } else {  // as it was; each chunk is aligned again at most once
      for (std::size_t i = begin; i < end; ++i) pass(in[i]);
    }
    done = end;
    seed = end - 1;
  }
  if (!marked) return false;
  for (std::size_t i = done; i < in.size(); ++i) pass(in[i]);
  *chunks = std::move(out);
  return true;
}

}  // namespace redline::diff
