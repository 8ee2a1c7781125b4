// Levels 1 (lines) and 2 (sentences) of the leveled alignment, move detection, and the
// hand-over to level 3 (token_level.cc).
#include "diff/leveled_aligner.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <thread>

#include "diff/moves.h"
#include "diff/paragraph_pairs.h"
#include "diff/token_level.h"

namespace redline::diff {
namespace {

const MoveRules kBlockMoveRules{1, 6};

template <typename T>
void Append(std::vector<T>* to, std::vector<T>* from) {
  to->insert(to->end(), std::make_move_iterator(from->begin()), std::make_move_iterator(from->end()));
}

const MoveRules kSentenceMoveRules{3, 6};

}  // namespace

LeveledAligner::LeveledAligner(std::string_view old_text, std::string_view new_text, const DiffOptions& options)
    : old_(old_text), new_(new_text), options_(options), ignore_(IgnoreSet::From(options)) {}

std::uint32_t LeveledAligner::Id(Interner* interner, std::string_view text) {
  if (!ignore_.any()) return interner->Intern(text);
  key_.clear();
  AppendKey(text, ignore_, &key_);
  return interner->InternCopy(key_);
}

// Ids of text[pending_[k]], in order (as Id one by one would give them); without ignore
// options the table slots are fetched a few texts ahead, since they miss the cache.
void LeveledAligner::InternPending(Interner* interner, std::string_view text,
                                   std::vector<std::uint32_t>* ids) {
  const std::size_t n = pending_.size();
  if (ignore_.any()) {
    for (const Span& span : pending_) ids->push_back(Id(interner, text.substr(span.begin, span.size())));
    return;
  }
  constexpr std::size_t kAhead = 8;
  hashes_.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    hashes_[k] = Interner::SlotHash(text.substr(pending_[k].begin, pending_[k].size()));
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (k + kAhead < n) interner->Prefetch(hashes_[k + kAhead]);
    ids->push_back(interner->Intern(text.substr(pending_[k].begin, pending_[k].size()), hashes_[k]));
  }
}

std::vector<LinePiece> LeveledAligner::LinePieces() {
  out_.old_lines = SplitLines(old_);
  out_.new_lines = SplitLines(new_);
  return AlignLines();
}

Alignment LeveledAligner::Run(bool whole_text) {
  const std::vector<LinePiece> pieces = LinePieces();
  old_line_items_.assign(out_.old_lines.size(), {0, 0});
  new_line_items_.assign(out_.new_lines.size(), {0, 0});
  old_items_.reserve(old_.size() / 48 + 16);  // about a sentence and a line break per 100 bytes
  new_items_.reserve(new_.size() / 48 + 16);
  std::size_t changed_bytes = 0;
  for (const LinePiece& piece : pieces) {
    if (!piece.changed) continue;
    if (piece.old_end > piece.old_first) {
      changed_bytes += out_.old_lines[piece.old_end - 1].end - out_.old_lines[piece.old_first].begin;
    }
    if (piece.new_end > piece.new_first) {
      changed_bytes += out_.new_lines[piece.new_end - 1].end - out_.new_lines[piece.new_first].begin;
    }
  }
  sentence_interner_.Reserve(changed_bytes / 64 + 16);
  subs_.reserve(pieces.size() + changed_bytes / 64 + 16);
  const auto start = [](const std::vector<Line>& lines, std::size_t line, std::size_t size) {
    return line < lines.size() ? lines[line].begin : size;
  };
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    const LinePiece& piece = pieces[p];
    if (p > 0 && piece.changed && pieces[p - 1].changed) {  // two groups of one run
      out_.cuts.emplace_back(start(out_.old_lines, piece.old_first, old_.size()),
                             start(out_.new_lines, piece.new_first, new_.size()));
    }
    if (piece.changed) {
      AlignSentences(piece, /*align=*/!whole_text);
      continue;
    }
    const Span old_span{out_.old_lines[piece.old_first].begin, out_.old_lines[piece.old_end - 1].end};
    const Span new_span{out_.new_lines[piece.new_first].begin, out_.new_lines[piece.new_end - 1].end};
    subs_.push_back({false, true, old_span, new_span});
  }
  if (!whole_text && options_.detect_moves) {
    FindBlockMoves(pieces);
    FindSentenceMoves();
  }
  AlignAllTokens();
  if (options_.label_sentences) RecordMovedSentences();
  return std::move(out_);
}

// Level 3. The runs are independent: when their text is large, two threads take one
// half each (by bytes), and the halves are joined in order.
void LeveledAligner::AlignAllTokens() {
  constexpr std::size_t kParallelBytes = 1 << 20;
  std::size_t changed_bytes = 0;
  for (const Sub& sub : subs_) changed_bytes += sub.changed ? sub.old_span.size() + sub.new_span.size() : 0;
  TokenLevel first(old_, new_, options_, old_items_, new_items_);
  // Room for all chunks up front (untouched room costs no memory): no copies as they grow.
  first.chunks().reserve(subs_.size() + changed_bytes / 24);
  if (changed_bytes < kParallelBytes || subs_.size() < 2) {
    first.Run(subs_, 0, subs_.size());
    out_.chunks = std::move(first.chunks());
    Append(&out_.sentences, &first.sentences());
    out_.approximate = !first.exact();
    return;
  }
  std::size_t split = 0;
  for (std::size_t seen = 0; split < subs_.size() && seen < changed_bytes / 2; ++split) {
    seen += subs_[split].changed ? subs_[split].old_span.size() + subs_[split].new_span.size() : 0;
  }
  TokenLevel second(old_, new_, options_, old_items_, new_items_);
  second.chunks().reserve(subs_.size() - split + changed_bytes / 48);
  std::thread worker([&] { second.Run(subs_, split, subs_.size()); });
  first.Run(subs_, 0, split);
  worker.join();
  out_.chunks = std::move(first.chunks());
  std::vector<Chunk>& rest = second.chunks();
  std::size_t k = 0;
  if (!out_.chunks.empty() && !rest.empty() && out_.chunks.back().changed == rest[0].changed &&
      out_.chunks.back().move == rest[0].move) {
    out_.chunks.back().old_end = rest[0].old_end;
    out_.chunks.back().new_end = rest[0].new_end;
    k = 1;
  }
  out_.chunks.insert(out_.chunks.end(), rest.begin() + static_cast<std::ptrdiff_t>(k), rest.end());
  Append(&out_.sentences, &first.sentences());
  Append(&out_.sentences, &second.sentences());
  out_.approximate = !first.exact() || !second.exact();
}

void LeveledAligner::RecordMovedSentences() {
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



// Level 1: a line edit script. Equal lines with different bytes (ignore options) become
// changed runs of their own. Blank lines alone anchor nothing: changed runs with only
// blank lines between them are one run (else a paragraph inserted into heavily edited
// text would shift every pairing after it). Then the paragraphs of each changed run are
// paired (paragraph_pairs.h), and the run cut into its groups.
std::vector<LinePiece> LeveledAligner::AlignLines() {
  a_.clear();
  b_.clear();
  a_.reserve(out_.old_lines.size());
  b_.reserve(out_.new_lines.size());
  line_interner_.Reserve(out_.old_lines.size() + out_.new_lines.size());
  const auto ids = [&](std::string_view text, const std::vector<Line>& lines,
                       std::vector<std::uint32_t>* out) {
    pending_.clear();
    for (const Line& line : lines) pending_.push_back({line.begin, line.end});
    InternPending(&line_interner_, text, out);
  };
  ids(old_, out_.old_lines, &a_);
  ids(new_, out_.new_lines, &b_);
  const EditScript script = outer_.Align(a_, b_);
  std::vector<LinePiece> pieces;
  const auto add = [&](bool changed, std::size_t i, std::size_t di, std::size_t j, std::size_t dj) {
    if (!pieces.empty() && pieces.back().changed == changed) {
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
        const bool same =
            !ignore_.any() || old_.substr(a.begin, a.end - a.begin) == new_.substr(b.begin, b.end - b.begin);
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
  std::vector<LinePiece> merged;
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    const LinePiece& piece = pieces[p];
    bool absorb = piece.changed;
    if (!piece.changed && !merged.empty() && merged.back().changed && p + 1 < pieces.size()) {
      absorb = true;
      for (std::size_t l = piece.old_first; l < piece.old_end && absorb; ++l) absorb = out_.old_lines[l].blank();
    }
    if (absorb && !merged.empty() && merged.back().changed) {
      merged.back().old_end = piece.old_end;
      merged.back().new_end = piece.new_end;
      merged.back().changed = true;
    } else {
      merged.push_back(piece);
    }
  }
  std::vector<LinePiece> grouped;
  grouped.reserve(merged.size());
  for (std::size_t p = 0; p < merged.size(); ++p) {
    const LinePiece& piece = merged[p];
    if (!piece.changed) {
      if (piece.old_end > piece.old_first) grouped.push_back(piece);  // unless its blank lines all went before
      continue;
    }
    // The blank lines the unchanged lines after the run begin with (the same on both sides).
    LinePiece* next = p + 1 < merged.size() ? &merged[p + 1] : nullptr;
    std::size_t spare = 0;
    while (next != nullptr && next->old_first + spare < next->old_end &&
           out_.old_lines[next->old_first + spare].blank()) {
      ++spare;
    }
    const std::size_t taken =
        pairer_.Pair(old_, new_, out_.old_lines, out_.new_lines, piece, spare, ignore_, &grouped);
    if (taken > 0) {
      next->old_first += taken;
      next->new_first += taken;
    }
  }
  return grouped;
}

void LeveledAligner::AddLineItems(std::string_view text, const std::vector<Line>& lines, std::size_t first,
                                  std::size_t end, std::vector<Item>* items, std::vector<ItemRange>* line_items) {
  // The items first, then their ids, in the same order.
  const std::size_t first_item = items->size();
  pending_.clear();
  std::vector<Span>& sentences = sentences_;
  for (std::size_t i = first; i < end; ++i) {
    const Line& line = lines[i];
    const std::size_t begin = items->size();
    if (line.blank()) {
      if (line.content_end > line.begin) {
        items->push_back({line.content(), 0});
        pending_.push_back({line.begin, line.content_end});
      }
    } else {
      sentences.clear();
      AppendSentences(text, line.begin, line.content_end, &sentences);
      for (const Span& s : sentences) {
        const std::size_t text_end = TextEnd(text, s);
        items->push_back({s, 0, -1, true, false, text_end});
        pending_.push_back({s.begin, text_end});
      }
    }
    if (line.end > line.content_end) {
      items->push_back({{line.content_end, line.end}, 0});
      pending_.push_back({line.content_end, line.content_end + 1});  // "\n"
    }
    (*line_items)[i] = {begin, items->size()};
  }
  ids_.clear();
  InternPending(&sentence_interner_, text, &ids_);
  for (std::size_t k = 0; k < ids_.size(); ++k) (*items)[first_item + k].id = ids_[k];
}

void LeveledAligner::AddEqualSub(Span old_span, Span new_span) {
  if (!subs_.empty() && !subs_.back().changed && !subs_.back().whole_lines &&
      subs_.back().old_span.end == old_span.begin) {
    subs_.back().old_span.end = old_span.end;
    subs_.back().new_span.end = new_span.end;
    return;
  }
  subs_.push_back({false, false, old_span, new_span});
}

// Level 2: the items of a changed run of lines, aligned (or, in whole-text mode, left as
// one changed run).
void LeveledAligner::AlignSentences(const LinePiece& piece, bool align) {
  const std::size_t ob = old_items_.size(), nb = new_items_.size();
  AddLineItems(old_, out_.old_lines, piece.old_first, piece.old_end, &old_items_, &old_line_items_);
  AddLineItems(new_, out_.new_lines, piece.new_first, piece.new_end, &new_items_, &new_line_items_);
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
        Item& a = old_items_[i];
        Item& b = new_items_[j];
        a.matched = b.matched = true;
        // Equal ids, different bytes: trailing spaces, or what the ignore options hide.
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

namespace {

// Blocks of a changed run that share no sentence with the other side: move candidates.
// Their group is the run and the number of paired sentences before them, so that two
// candidates are in the same group exactly when pairing them crosses no paired sentence
// (then they are one block edited in place, not a move).
void AddBlockCandidates(std::string_view text, const std::vector<Line>& lines, std::size_t first, std::size_t end,
                        const std::vector<Item>& items, const std::vector<ItemRange>& line_items, std::size_t run,
                        Interner* interner, std::vector<MoveCandidate>* candidates, std::vector<std::size_t>* line_of,
                        const std::function<std::uint32_t(Interner*, std::string_view)>& id) {
  std::size_t paired = 0;
  for (std::size_t l = first; l < end; ++l) {
    const auto [b, e] = line_items[l];
    std::size_t paired_here = 0;
    for (std::size_t i = b; i < e; ++i) paired_here += items[i].sentence && items[i].matched;
    if (!lines[l].blank() && paired_here == 0) {
      const Span content = lines[l].content();
      candidates->push_back(
          {content, id(interner, text.substr(content.begin, content.size())), (run << 32) | paired, true});
      line_of->push_back(l);
    }
    paired += paired_here;
  }
}

void MarkMoved(const Line& line, const ItemRange& range, int move, std::vector<Item>* items) {
  for (std::size_t i = range.first; i < range.second; ++i) {
    if ((*items)[i].span.end <= line.content_end) (*items)[i].move = move;
  }
}

}  // namespace

void LeveledAligner::FindBlockMoves(const std::vector<LinePiece>& pieces) {
  std::vector<MoveCandidate> olds, news;
  std::vector<std::size_t> old_line, new_line;
  const auto id = [this](Interner* interner, std::string_view text) { return Id(interner, text); };
  for (std::size_t g = 0; g < pieces.size(); ++g) {
    const LinePiece& piece = pieces[g];
    if (!piece.changed) continue;
    AddBlockCandidates(old_, out_.old_lines, piece.old_first, piece.old_end, old_items_, old_line_items_, g,
                       &line_interner_, &olds, &old_line, id);
    AddBlockCandidates(new_, out_.new_lines, piece.new_first, piece.new_end, new_items_, new_line_items_, g,
                       &line_interner_, &news, &new_line, id);
  }
  for (const MovePair& pair : FindMoves(old_, new_, olds, news, ignore_, kBlockMoveRules)) {
    const int index = static_cast<int>(out_.moves.size());
    out_.moves.push_back({MoveLevel::kBlock, pair.exact, olds[pair.old_index].span, news[pair.new_index].span});
    const std::size_t o = old_line[pair.old_index], n = new_line[pair.new_index];
    MarkMoved(out_.old_lines[o], old_line_items_[o], index, &old_items_);
    MarkMoved(out_.new_lines[n], new_line_items_[n], index, &new_items_);
  }
}

void LeveledAligner::FindSentenceMoves() {
  std::vector<MoveCandidate> olds, news;
  std::vector<std::size_t> old_item, new_item;
  olds.reserve(old_items_.size());
  old_item.reserve(old_items_.size());
  news.reserve(new_items_.size());
  new_item.reserve(new_items_.size());
  for (std::size_t g = 0; g < subs_.size(); ++g) {
    const Sub& sub = subs_[g];
    if (!sub.changed) continue;
    // As many sentences on both sides: edits in place, so only exact moves are looked for
    // (a sentence that moved and changed leaves a run with one sentence fewer, another with
    // one more).
    std::size_t old_count = 0, new_count = 0;
    for (std::size_t i = sub.old_items_begin; i < sub.old_items_end; ++i) {
      old_count += old_items_[i].sentence && old_items_[i].move < 0;
    }
    for (std::size_t j = sub.new_items_begin; j < sub.new_items_end; ++j) {
      new_count += new_items_[j].sentence && new_items_[j].move < 0;
    }
    const bool near = old_count != new_count;
    for (std::size_t i = sub.old_items_begin; i < sub.old_items_end; ++i) {
      if (!old_items_[i].sentence || old_items_[i].move >= 0) continue;
      olds.push_back({{old_items_[i].span.begin, old_items_[i].text_end}, old_items_[i].id, g, near});
      old_item.push_back(i);
    }
    for (std::size_t j = sub.new_items_begin; j < sub.new_items_end; ++j) {
      if (!new_items_[j].sentence || new_items_[j].move >= 0) continue;
      news.push_back({{new_items_[j].span.begin, new_items_[j].text_end}, new_items_[j].id, g, near});
      new_item.push_back(j);
    }
  }
  for (const MovePair& pair : FindMoves(old_, new_, olds, news, ignore_, kSentenceMoveRules)) {
    const int index = static_cast<int>(out_.moves.size());
    out_.moves.push_back({MoveLevel::kSentence, pair.exact, olds[pair.old_index].span, news[pair.new_index].span});
    old_items_[old_item[pair.old_index]].move = index;
    new_items_[new_item[pair.new_index]].move = index;
  }
}

}  // namespace redline::diff
