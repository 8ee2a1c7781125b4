// The leveled alignment: lines, block moves, sentences, sentence moves, tokens.
#include "diff/text_align.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "diff/align.h"
#include "diff/keys.h"
#include "diff/moves.h"
#include "diff/tokenize.h"

namespace redline::diff {
namespace {

// Both texts together at most this long: also try one token alignment of the whole text.
constexpr std::size_t kWholeTextBytes = 4096;

const MoveRules kBlockMoveRules{1, 6};
const MoveRules kSentenceMoveRules{3, 6};

// A line-level stretch: equal lines, or a changed run of lines.
struct LinePiece {
  bool changed = false;
  std::size_t old_first = 0, old_end = 0;  // line indices
  std::size_t new_first = 0, new_end = 0;
};

// A sentence, a moved block, a blank line's spaces or a line break: the units of level 2.
struct Item {
  Span span;
  std::uint32_t id = 0;
  int move = -1;
  bool sentence = false;
};

// A piece of the alignment after level 2: unchanged bytes, or a changed run of items.
struct Sub {
  bool changed = false;
  bool whole_lines = false;  // unchanged lines from level 1: sentences not yet recorded
  Span old_span, new_span;
  std::size_t old_items_begin = 0, old_items_end = 0;
  std::size_t new_items_begin = 0, new_items_end = 0;
};

struct TokenRef {
  Span span;
  int move = -1;
  int slot = -1;  // sentence slot (labels) or -1
  bool word = false;
};

struct SentenceSlot {
  Span span;
  std::size_t words = 0;
};

struct PairCount {
  std::uint32_t old_slot, new_slot, count;
};

class LeveledAligner {
 public:
  LeveledAligner(std::string_view old_text, std::string_view new_text, const DiffOptions& options)
      : old_(old_text), new_(new_text), options_(options), ignore_(IgnoreSet::From(options)) {}

  Alignment Run(bool whole_text) {
    out_.old_lines = SplitLines(old_);
    out_.new_lines = SplitLines(new_);
    old_line_move_.assign(out_.old_lines.size(), -1);
    new_line_move_.assign(out_.new_lines.size(), -1);
    old_line_items_.assign(out_.old_lines.size(), {0, 0});
    new_line_items_.assign(out_.new_lines.size(), {0, 0});
    if (whole_text) {
      const LinePiece all{true, 0, out_.old_lines.size(), 0, out_.new_lines.size()};
      BuildLineItems(all);
      AlignSentences(all, /*align=*/false);
    } else {
      const std::vector<LinePiece> pieces = AlignLines();
      for (const LinePiece& piece : pieces) {
        if (piece.changed) BuildLineItems(piece);
      }
      if (options_.detect_moves) FindBlockMoves(pieces);
      for (const LinePiece& piece : pieces) {
        if (piece.changed) {
          AlignSentences(piece, /*align=*/true);
          continue;
        }
        const Span old_span{out_.old_lines[piece.old_first].begin, out_.old_lines[piece.old_end - 1].end};
        const Span new_span{out_.new_lines[piece.new_first].begin, out_.new_lines[piece.new_end - 1].end};
        subs_.push_back({false, true, old_span, new_span});
      }
      if (options_.detect_moves) FindSentenceMoves();
    }
    for (const Sub& sub : subs_) {
      if (sub.changed) {
        AlignTokens(sub);
      } else {
        Emit(false, sub.old_span.size(), sub.new_span.size(), -1);
        if (sub.whole_lines && options_.label_sentences) RecordUnchangedLines(sub);
      }
    }
    if (options_.label_sentences) RecordMovedSentences();
    out_.approximate = !words_.exact();
    return std::move(out_);
  }

 private:
  std::string_view old_, new_;
  DiffOptions options_;
  IgnoreSet ignore_;
  Interner ids_;
  std::string key_;
  Aligner outer_;  // lines and sentences
  Aligner words_;  // tokens: its exactness is the alignment's
  Alignment out_;
  std::vector<Sub> subs_;
  // Items of each line of a changed run (the base pools), then each run's sequence with
  // moved lines made whole (the pools the subs point into).
  std::vector<Item> old_base_, new_base_;
  std::vector<std::pair<std::size_t, std::size_t>> old_line_items_, new_line_items_;
  std::vector<std::uint32_t> old_line_ids_, new_line_ids_;
  std::vector<Item> old_items_, new_items_;
  std::vector<int> old_line_move_, new_line_move_;
  std::size_t old_pos_ = 0, new_pos_ = 0;  // where the next chunk starts
  // Scratch space, reused by every run.
  std::vector<std::uint32_t> a_, b_;
  std::vector<TokenRef> old_tokens_, new_tokens_;
  std::vector<SentenceSlot> old_slots_, new_slots_;
  std::vector<PairCount> pairs_;

  std::uint32_t Id(std::string_view text) {
    if (!ignore_.any()) return ids_.Intern(text);
    key_.clear();
    AppendKey(text, ignore_, &key_);
    return ids_.InternCopy(key_);
  }

  void Emit(bool changed, std::size_t old_length, std::size_t new_length, int move) {
    if (old_length == 0 && new_length == 0) return;
    std::vector<Chunk>& chunks = out_.chunks;
    if (!chunks.empty() && chunks.back().changed == changed && chunks.back().move < 0 && move < 0) {
      chunks.back().old_end += old_length;
      chunks.back().new_end += new_length;
    } else {
      chunks.push_back({changed, old_pos_, old_pos_ + old_length, new_pos_, new_pos_ + new_length, move});
    }
    old_pos_ += old_length;
    new_pos_ += new_length;
  }

  // Level 1: a line edit script; equal lines with different bytes (ignore options) become
  // changed runs of their own.
  std::vector<LinePiece> AlignLines() {
    a_.clear();
    b_.clear();
    for (const Line& line : out_.old_lines) a_.push_back(Id(old_.substr(line.begin, line.end - line.begin)));
    for (const Line& line : out_.new_lines) b_.push_back(Id(new_.substr(line.begin, line.end - line.begin)));
    const EditScript script = outer_.Align(a_, b_);
    old_line_ids_ = a_;
    new_line_ids_ = b_;
    std::vector<LinePiece> pieces;
    const auto add = [&](bool changed, std::size_t i, std::size_t di, std::size_t j, std::size_t dj) {
      if (!changed && !pieces.empty() && !pieces.back().changed) {
        pieces.back().old_end += di;
        pieces.back().new_end += dj;
        return;
      }
      pieces.push_back({changed, i, i + di, j, j + dj});
    };
    std::size_t i = 0, j = 0, k = 0;
    while (k < script.size()) {
      if (script[k].kind == EditKind::kCommon) {
        for (std::size_t n = 0; n < script[k].length; ++n, ++i, ++j) {
          const Line& a = out_.old_lines[i];
          const Line& b = out_.new_lines[j];
          const bool same = ignore_.any() ? old_.substr(a.begin, a.end - a.begin) == new_.substr(b.begin, b.end - b.begin)
                                          : true;
          add(!same, i, 1, j, 1);
        }
        ++k;
        continue;
      }
      std::size_t deleted = 0, inserted = 0;
      for (; k < script.size() && script[k].kind != EditKind::kCommon; ++k) {
        (script[k].kind == EditKind::kDelete ? deleted : inserted) += script[k].length;
      }
      add(true, i, deleted, j, inserted);
      i += deleted;
      j += inserted;
    }
    return pieces;
  }

  // A line's id without its line break mattering: the last line may lack one.
  std::uint32_t ContentId(std::string_view text, const Line& line, const std::vector<std::uint32_t>& line_ids,
                          std::size_t index) {
    if (line.end > line.content_end) return line_ids[index];
    return ids_.InternCopy(std::string(text.substr(line.begin, line.content_end - line.begin)) + "\n");
  }

  // True when the two lines share a sentence: then they are one block edited in place.
  bool ShareSentence(std::size_t old_line, std::size_t new_line) const {
    const auto [ob, oe] = old_line_items_[old_line];
    const auto [nb, ne] = new_line_items_[new_line];
    for (std::size_t i = ob; i < oe; ++i) {
      if (!old_base_[i].sentence) continue;
      for (std::size_t j = nb; j < ne; ++j) {
        if (new_base_[j].sentence && new_base_[j].id == old_base_[i].id) return true;
      }
    }
    return false;
  }

  void FindBlockMoves(const std::vector<LinePiece>& pieces) {
    std::vector<MoveCandidate> olds, news;
    std::vector<std::size_t> old_line, new_line;
    std::vector<std::size_t> group_old, group_new;
    for (std::size_t g = 0; g < pieces.size(); ++g) {
      if (!pieces[g].changed) continue;
      group_old.clear();
      group_new.clear();
      for (std::size_t i = pieces[g].old_first; i < pieces[g].old_end; ++i) {
        if (!out_.old_lines[i].blank()) group_old.push_back(i);
      }
      for (std::size_t j = pieces[g].new_first; j < pieces[g].new_end; ++j) {
        if (!out_.new_lines[j].blank()) group_new.push_back(j);
      }
      // As many blocks on both sides: the k-th pair sharing a sentence was edited in
      // place, and only exact moves are looked for.
      const bool balanced = group_old.size() == group_new.size();
      for (std::size_t k = 0; k < group_old.size(); ++k) {
        const bool in_place = balanced && ShareSentence(group_old[k], group_new[k]);
        const Line& line = out_.old_lines[group_old[k]];
        olds.push_back({line.content(), ContentId(old_, line, old_line_ids_, group_old[k]), g, !in_place});
        old_line.push_back(group_old[k]);
      }
      for (std::size_t k = 0; k < group_new.size(); ++k) {
        const bool in_place = balanced && ShareSentence(group_old[k], group_new[k]);
        const Line& line = out_.new_lines[group_new[k]];
        news.push_back({line.content(), ContentId(new_, line, new_line_ids_, group_new[k]), g, !in_place});
        new_line.push_back(group_new[k]);
      }
    }
    for (const MovePair& pair : FindMoves(old_, new_, olds, news, ignore_, kBlockMoveRules)) {
      const int index = static_cast<int>(out_.moves.size());
      out_.moves.push_back({MoveLevel::kBlock, pair.exact, olds[pair.old_index].span, news[pair.new_index].span});
      old_line_move_[old_line[pair.old_index]] = index;
      new_line_move_[new_line[pair.new_index]] = index;
    }
  }

  void AddLineItems(std::string_view text, const std::vector<Line>& lines, std::size_t first, std::size_t end,
                    std::vector<Item>* items, std::vector<std::pair<std::size_t, std::size_t>>* line_items) {
    std::vector<Span> sentences;
    for (std::size_t i = first; i < end; ++i) {
      const Line& line = lines[i];
      const std::size_t begin = items->size();
      if (line.blank()) {
        if (line.content_end > line.begin) {
          items->push_back({line.content(), Id(text.substr(line.begin, line.content_end - line.begin))});
        }
      } else {
        sentences.clear();
        AppendSentences(text, line.begin, line.content_end, &sentences);
        for (const Span& s : sentences) items->push_back({s, Id(text.substr(s.begin, s.size())), -1, true});
      }
      if (line.end > line.content_end) items->push_back({{line.content_end, line.end}, Id("\n")});
      (*line_items)[i] = {begin, items->size()};
    }
  }

  void BuildLineItems(const LinePiece& piece) {
    AddLineItems(old_, out_.old_lines, piece.old_first, piece.old_end, &old_base_, &old_line_items_);
    AddLineItems(new_, out_.new_lines, piece.new_first, piece.new_end, &new_base_, &new_line_items_);
  }

  // The run's sequence of items: a moved line is one item (and its line break).
  void Sequence(const std::vector<Line>& lines, std::size_t first, std::size_t end, const std::vector<Item>& base,
                const std::vector<std::pair<std::size_t, std::size_t>>& line_items, const std::vector<int>& line_move,
                std::vector<Item>* items) {
    for (std::size_t i = first; i < end; ++i) {
      const auto [b, e] = line_items[i];
      if (line_move[i] < 0) {
        items->insert(items->end(), base.begin() + static_cast<std::ptrdiff_t>(b),
                      base.begin() + static_cast<std::ptrdiff_t>(e));
        continue;
      }
      items->push_back({lines[i].content(), ids_.Unique(), line_move[i], false});
      if (lines[i].end > lines[i].content_end) items->push_back(base[e - 1]);
    }
  }

  void AddEqualSub(Span old_span, Span new_span) {
    if (!subs_.empty() && !subs_.back().changed && !subs_.back().whole_lines &&
        subs_.back().old_span.end == old_span.begin) {
      subs_.back().old_span.end = old_span.end;
      subs_.back().new_span.end = new_span.end;
      return;
    }
    subs_.push_back({false, false, old_span, new_span});
  }

  // Level 2: the items of a changed run of lines, aligned (or, for the whole-text mode,
  // left as one changed run).
  void AlignSentences(const LinePiece& piece, bool align) {
    const std::size_t ob = old_items_.size(), nb = new_items_.size();
    Sequence(out_.old_lines, piece.old_first, piece.old_end, old_base_, old_line_items_, old_line_move_, &old_items_);
    Sequence(out_.new_lines, piece.new_first, piece.new_end, new_base_, new_line_items_, new_line_move_, &new_items_);
    const std::size_t oe = old_items_.size(), ne = new_items_.size();
    std::size_t old_pos = piece.old_first < out_.old_lines.size() ? out_.old_lines[piece.old_first].begin : old_.size();
    std::size_t new_pos = piece.new_first < out_.new_lines.size() ? out_.new_lines[piece.new_first].begin : new_.size();
    const auto add_changed = [&](std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1) {
      Sub sub;
      sub.changed = true;
      sub.old_items_begin = i0;
      sub.old_items_end = i1;
      sub.new_items_begin = j0;
      sub.new_items_end = j1;
      sub.old_span = {old_pos, i1 > i0 ? old_items_[i1 - 1].span.end : old_pos};
      sub.new_span = {new_pos, j1 > j0 ? new_items_[j1 - 1].span.end : new_pos};
      old_pos = sub.old_span.end;
      new_pos = sub.new_span.end;
      subs_.push_back(sub);
    };
    if (!align) {
      add_changed(ob, oe, nb, ne);
      return;
    }
    a_.clear();
    b_.clear();
    for (std::size_t i = ob; i < oe; ++i) a_.push_back(old_items_[i].id);
    for (std::size_t j = nb; j < ne; ++j) b_.push_back(new_items_[j].id);
    const EditScript script = outer_.Align(a_, b_);
    std::size_t i = ob, j = nb, k = 0;
    while (k < script.size()) {
      if (script[k].kind == EditKind::kCommon) {
        for (std::size_t n = 0; n < script[k].length; ++n, ++i, ++j) {
          const Item& a = old_items_[i];
          const Item& b = new_items_[j];
          if (old_.substr(a.span.begin, a.span.size()) != new_.substr(b.span.begin, b.span.size())) {
            add_changed(i, i + 1, j, j + 1);
            continue;
          }
          AddEqualSub(a.span, b.span);
          old_pos = a.span.end;
          new_pos = b.span.end;
          if (a.sentence && options_.label_sentences) {
            out_.sentences.push_back({SentenceLabel::kUnchanged, true, true, a.span, b.span});
          }
        }
        ++k;
        continue;
      }
      std::size_t deleted = 0, inserted = 0;
      for (; k < script.size() && script[k].kind != EditKind::kCommon; ++k) {
        (script[k].kind == EditKind::kDelete ? deleted : inserted) += script[k].length;
      }
      add_changed(i, i + deleted, j, j + inserted);
      i += deleted;
      j += inserted;
    }
  }

  void FindSentenceMoves() {
    std::vector<MoveCandidate> olds, news;
    std::vector<std::size_t> old_item, new_item;
    for (std::size_t g = 0; g < subs_.size(); ++g) {
      const Sub& sub = subs_[g];
      if (!sub.changed) continue;
      // As many sentences on both sides: edits in place (only exact moves are looked for).
      std::size_t old_count = 0, new_count = 0;
      for (std::size_t i = sub.old_items_begin; i < sub.old_items_end; ++i) old_count += old_items_[i].sentence;
      for (std::size_t j = sub.new_items_begin; j < sub.new_items_end; ++j) new_count += new_items_[j].sentence;
      const bool near = old_count != new_count;
      for (std::size_t i = sub.old_items_begin; i < sub.old_items_end; ++i) {
        if (!old_items_[i].sentence) continue;
        olds.push_back({old_items_[i].span, old_items_[i].id, g, near});
        old_item.push_back(i);
      }
      for (std::size_t j = sub.new_items_begin; j < sub.new_items_end; ++j) {
        if (!new_items_[j].sentence) continue;
        news.push_back({new_items_[j].span, new_items_[j].id, g, near});
        new_item.push_back(j);
      }
    }
    for (const MovePair& pair : FindMoves(old_, new_, olds, news, ignore_, kSentenceMoveRules)) {
      const int index = static_cast<int>(out_.moves.size());
      out_.moves.push_back(
          {MoveLevel::kSentence, pair.exact, olds[pair.old_index].span, news[pair.new_index].span});
      old_items_[old_item[pair.old_index]].move = index;
      new_items_[new_item[pair.new_index]].move = index;
    }
  }

  // Tokens of items[begin, end): moved items stay whole; sentence slots for the labels.
  void Tokenize(std::string_view text, const std::vector<Item>& items, std::size_t begin, std::size_t end,
                std::vector<TokenRef>* tokens, std::vector<std::uint32_t>* ids, std::vector<SentenceSlot>* slots) {
    tokens->clear();
    ids->clear();
    slots->clear();
    const bool labels = options_.label_sentences;
    for (std::size_t i = begin; i < end; ++i) {
      const Item& item = items[i];
      if (item.move >= 0) {
        tokens->push_back({item.span, item.move, -1, false});
        ids->push_back(ids_.Unique());
        continue;
      }
      int slot = -1;
      if (labels && item.sentence) {
        slot = static_cast<int>(slots->size());
        slots->push_back({item.span, 0});
      }
      std::size_t pos = item.span.begin;
      while (pos < item.span.end) {
        TokenKind kind;
        bool is_word = false;
        const std::size_t length = ScanToken(text.substr(0, item.span.end), pos, &kind, &is_word);
        tokens->push_back({{pos, pos + length}, -1, slot, is_word});
        ids->push_back(Id(text.substr(pos, length)));
        if (is_word && slot >= 0) ++(*slots)[static_cast<std::size_t>(slot)].words;
        pos += length;
      }
    }
  }

  void CountShared(const TokenRef& a, const TokenRef& b) {
    if (!a.word || a.slot < 0 || b.slot < 0) return;
    const auto old_slot = static_cast<std::uint32_t>(a.slot), new_slot = static_cast<std::uint32_t>(b.slot);
    if (!pairs_.empty() && pairs_.back().old_slot == old_slot && pairs_.back().new_slot == new_slot) {
      ++pairs_.back().count;
    } else {
      pairs_.push_back({old_slot, new_slot, 1});
    }
  }

  // Level 3.
  void AlignTokens(const Sub& sub) {
    Tokenize(old_, old_items_, sub.old_items_begin, sub.old_items_end, &old_tokens_, &a_, &old_slots_);
    Tokenize(new_, new_items_, sub.new_items_begin, sub.new_items_end, &new_tokens_, &b_, &new_slots_);
    pairs_.clear();
    const EditScript script = words_.Align(a_, b_);
    std::size_t i = 0, j = 0;
    for (const EditRun& run : script) {
      for (std::size_t n = 0; n < run.length; ++n) {
        if (run.kind == EditKind::kCommon) {
          const TokenRef& a = old_tokens_[i++];
          const TokenRef& b = new_tokens_[j++];
          const bool same = !ignore_.any() ||
                            old_.substr(a.span.begin, a.span.size()) == new_.substr(b.span.begin, b.span.size());
          Emit(!same, a.span.size(), b.span.size(), -1);
          CountShared(a, b);
        } else if (run.kind == EditKind::kDelete) {
          const TokenRef& a = old_tokens_[i++];
          Emit(true, a.span.size(), 0, a.move);
        } else {
          const TokenRef& b = new_tokens_[j++];
          Emit(true, 0, b.span.size(), b.move);
        }
      }
    }
    if (options_.label_sentences) LabelSentences();
  }

  // Pairs the sentences of a changed run by the words their aligned tokens share.
  void LabelSentences() {
    std::stable_sort(pairs_.begin(), pairs_.end(),
                     [](const PairCount& x, const PairCount& y) { return x.count > y.count; });
    std::vector<int> old_match(old_slots_.size(), -1), new_match(new_slots_.size(), -1);
    for (const PairCount& p : pairs_) {
      if (old_match[p.old_slot] >= 0 || new_match[p.new_slot] >= 0) continue;
      // Dice over words of at least one half.
      if (4 * p.count < old_slots_[p.old_slot].words + new_slots_[p.new_slot].words) continue;
      old_match[p.old_slot] = static_cast<int>(p.new_slot);
      new_match[p.new_slot] = static_cast<int>(p.old_slot);
    }
    for (std::size_t s = 0; s < old_slots_.size(); ++s) {
      const Span a = old_slots_[s].span;
      if (old_match[s] < 0) {
        out_.sentences.push_back({SentenceLabel::kDeleted, true, false, a, {}});
        continue;
      }
      const Span b = new_slots_[static_cast<std::size_t>(old_match[s])].span;
      const bool same = SameUnder(old_.substr(a.begin, a.size()), new_.substr(b.begin, b.size()), ignore_);
      out_.sentences.push_back({same ? SentenceLabel::kUnchanged : SentenceLabel::kEdited, true, true, a, b});
    }
    for (std::size_t s = 0; s < new_slots_.size(); ++s) {
      if (new_match[s] < 0) out_.sentences.push_back({SentenceLabel::kAdded, false, true, {}, new_slots_[s].span});
    }
  }

  void RecordUnchangedLines(const Sub& sub) {
    std::vector<Span> sentences;
    std::size_t pos = sub.old_span.begin;
    while (pos < sub.old_span.end) {
      const void* found = std::memchr(old_.data() + pos, '\n', sub.old_span.end - pos);
      const std::size_t end =
          found == nullptr ? sub.old_span.end : static_cast<std::size_t>(static_cast<const char*>(found) - old_.data());
      AppendSentences(old_, pos, end, &sentences);
      pos = end + 1;
    }
    const std::size_t shift = sub.new_span.begin - sub.old_span.begin;  // wraps harmlessly
    for (const Span& s : sentences) {
      bool blank = true;
      for (std::size_t k = s.begin; k < s.end && blank; ++k) blank = old_[k] == ' ' || old_[k] == '\t' || old_[k] == '\r';
      if (blank) continue;
      out_.sentences.push_back({SentenceLabel::kUnchanged, true, true, s, {s.begin + shift, s.end + shift}});
    }
  }

  void RecordMovedSentences() {
    for (const MoveSpan& move : out_.moves) {
      if (move.level == MoveLevel::kSentence) {
        out_.sentences.push_back({SentenceLabel::kMoved, true, true, move.old_span, move.new_span});
        continue;
      }
      std::vector<Span> olds, news;
      AppendSentences(old_, move.old_span.begin, move.old_span.end, &olds);
      AppendSentences(new_, move.new_span.begin, move.new_span.end, &news);
      for (std::size_t k = 0; k < std::max(olds.size(), news.size()); ++k) {
        SentenceRecord record;
        record.label = SentenceLabel::kMoved;
        record.has_old = k < olds.size();
        record.has_new = k < news.size();
        if (record.has_old) record.old_span = olds[k];
        if (record.has_new) record.new_span = news[k];
        out_.sentences.push_back(record);
      }
    }
  }
};

std::size_t TokenEdits(std::string_view old_text, std::string_view new_text, const std::vector<Chunk>& chunks) {
  const auto count = [](std::string_view text) {
    std::size_t tokens = 0, pos = 0;
    while (pos < text.size()) {
      TokenKind kind;
      bool is_word;
      pos += ScanToken(text, pos, &kind, &is_word);
      ++tokens;
    }
    return tokens;
  };
  std::size_t edits = 0;
  for (const Chunk& c : chunks) {
    if (!c.changed) continue;
    edits += count(old_text.substr(c.old_begin, c.old_end - c.old_begin));
    edits += count(new_text.substr(c.new_begin, c.new_end - c.new_begin));
  }
  return edits;
}

}  // namespace

Alignment AlignTexts(std::string_view old_text, std::string_view new_text, const DiffOptions& options) {
  Alignment leveled = LeveledAligner(old_text, new_text, options).Run(false);
  if (!leveled.moves.empty() || old_text.size() + new_text.size() > kWholeTextBytes) return leveled;
  bool changed = false;
  for (const Chunk& c : leveled.chunks) changed = changed || c.changed;
  if (!changed) return leveled;
  Alignment whole = LeveledAligner(old_text, new_text, options).Run(true);
  if (TokenEdits(old_text, new_text, whole.chunks) < TokenEdits(old_text, new_text, leveled.chunks)) return whole;
  return leveled;
}

}  // namespace redline::diff
