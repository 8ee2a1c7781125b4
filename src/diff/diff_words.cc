// DiffWords: alignment -> readable chunks -> ops, stats, moves, sentence labels, summary.
#include <algorithm>
#include <utility>

#include "diff/block_breaks.h"
#include "diff/keys.h"
#include "diff/regroup.h"
#include "diff/stats.h"
#include "diff/summary.h"
#include "diff/text_align.h"
#include "redline/diff.h"

namespace redline {
namespace diff {
namespace {

std::string_view Slice(std::string_view text, std::size_t begin, std::size_t end) {
  return text.substr(begin, end - begin);
}

void AddOp(std::vector<DiffOp>* ops, OpKind kind, std::string_view text, int move, bool ignored,
           BlockChange block_change = BlockChange::kNone) {
  if (text.empty()) return;
  if (!ops->empty()) {
    DiffOp& last = ops->back();
    if (last.kind == kind && last.move == move && last.ignored == ignored && last.block_change == block_change) {
      last.text.append(text);
      return;
    }
  }
  ops->push_back({kind, std::string(text), move, ignored, block_change});
}

// Paragraph splits and merges and the readability passes, on one stretch of chunks.
void RunPasses(std::string_view old_text, std::string_view new_text, std::vector<Chunk>* chunks) {
  JoinReplacements(old_text, new_text, chunks);
  SlideToParagraphs(old_text, new_text, chunks);
  // The word edits beside a split or merge may join up again, never with it.
  if (MarkBlockBreaks(old_text, new_text, chunks)) JoinReplacements(old_text, new_text, chunks);
  SlideToWordStarts(old_text, new_text, chunks);
}

// The passes on each stretch between two cuts (groups of paired paragraphs) on its own:
// chunks that hold a cut are cut there first; the stretches are joined again after.
void RunPassesBetweenCuts(std::string_view old_text, std::string_view new_text,
                          const std::vector<std::pair<std::size_t, std::size_t>>& cuts, std::vector<Chunk>* chunks) {
  if (cuts.empty()) {
    RunPasses(old_text, new_text, chunks);
    return;
  }
  std::vector<Chunk> out, stretch;
  out.reserve(chunks->size() + cuts.size());
  const auto plain = [](const Chunk& c) { return c.changed && c.move < 0 && c.block_change == BlockChange::kNone; };
  // Paragraphs removed whole, then others added whole, at the end of both texts: the line
  // breaks both end with stay unchanged (as after a paragraph rewritten in place).
  const auto keep_final_breaks = [&](Chunk* added) {
    if (out.empty() || !plain(out.back()) || !plain(*added)) return false;
    Chunk& removed = out.back();
    if (removed.new_end > removed.new_begin || added->old_end > added->old_begin) return false;
    if (removed.old_end != old_text.size() || added->new_end != new_text.size()) return false;
    std::size_t breaks = 0;
    while (breaks < removed.old_end - removed.old_begin && breaks + 1 < added->new_end - added->new_begin &&
           old_text[removed.old_end - 1 - breaks] == '\n' && new_text[added->new_end - 1 - breaks] == '\n') {
      ++breaks;
    }
    if (breaks == 0) return false;
    removed.old_end -= breaks;
    if (removed.old_end == removed.old_begin) out.pop_back();
    added->new_end -= breaks;
    out.push_back(*added);
    out.push_back({false, old_text.size() - breaks, old_text.size(), new_text.size() - breaks, new_text.size()});
    return true;
  };
  const auto flush = [&] {
    RunPasses(old_text, new_text, &stretch);
    if (stretch.size() == 1 && keep_final_breaks(&stretch[0])) {
      stretch.clear();
      return;
    }
    for (const Chunk& chunk : stretch) {
      // Where stretches meet, unchanged text joins up, and so do two plain changes when the
      // first inserts text that does not end its line and the second deletes: one change,
      // its deletions first (only whole paragraphs inserted come before an edit).
      const bool join_changes = !out.empty() && plain(out.back()) && plain(chunk) &&
                                out.back().new_end > out.back().new_begin && chunk.old_end > chunk.old_begin &&
                                new_text[out.back().new_end - 1] != '\n';
      if (!out.empty() && ((!chunk.changed && !out.back().changed) || join_changes)) {
        out.back().old_end = chunk.old_end;
        out.back().new_end = chunk.new_end;
      } else {
        out.push_back(chunk);
      }
    }
    stretch.clear();
  };
  std::size_t next = 0;
  for (Chunk rest : *chunks) {
    // Cuts inside the chunk or at its start (one at its end is the next chunk's start).
    for (; next < cuts.size(); ++next) {
      const auto [old_cut, new_cut] = cuts[next];
      if (old_cut > rest.old_end || new_cut > rest.new_end) break;
      if (old_cut == rest.old_end && new_cut == rest.new_end) break;
      if (old_cut > rest.old_begin || new_cut > rest.new_begin) {
        Chunk head = rest;
        head.old_end = old_cut;
        head.new_end = new_cut;
        stretch.push_back(head);
        rest.old_begin = old_cut;
        rest.new_begin = new_cut;
      }
      flush();
    }
    stretch.push_back(rest);
  }
  flush();
  *chunks = std::move(out);
}

// Paragraph splits and merges, readability passes, ignored marks, then ops.
std::vector<DiffOp> FinishChunks(std::string_view old_text, std::string_view new_text, const IgnoreSet& ignore,
                                 const std::vector<std::pair<std::size_t, std::size_t>>& cuts,
                                 std::vector<Chunk>* chunks) {
  RunPassesBetweenCuts(old_text, new_text, cuts, chunks);
  std::vector<DiffOp> ops;
  ops.reserve(chunks->size() * 2);
  for (Chunk& chunk : *chunks) {
    const std::string_view removed = Slice(old_text, chunk.old_begin, chunk.old_end);
    const std::string_view added = Slice(new_text, chunk.new_begin, chunk.new_end);
    if (!chunk.changed) {
      AddOp(&ops, OpKind::kEqual, removed, -1, false);
      continue;
    }
    if (ignore.any() && chunk.move < 0 && chunk.block_change == BlockChange::kNone) {
      chunk.ignored = SameUnder(removed, added, ignore);
    }
    AddOp(&ops, OpKind::kDelete, removed, chunk.move, chunk.ignored, chunk.block_change);
    AddOp(&ops, OpKind::kInsert, added, chunk.move, chunk.ignored, chunk.block_change);
  }
  return ops;
}

// Position of the entry of `sorted` equal to `begin`.
long IndexOf(const std::vector<std::size_t>& sorted, std::size_t begin) {
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), begin);
  return it == sorted.end() ? -1 : static_cast<long>(it - sorted.begin());
}

std::size_t BlockAt(const std::vector<Line>& lines, std::size_t pos) {
  const auto it =
      std::upper_bound(lines.begin(), lines.end(), pos, [](std::size_t p, const Line& line) { return p < line.begin; });
  if (it == lines.begin()) return 0;
  const Line& line = *(it - 1);
  return line.block < 0 ? 0 : static_cast<std::size_t>(line.block);
}

}  // namespace
}  // namespace diff

const char* SentenceLabelName(SentenceLabel label) {
  switch (label) {
    case SentenceLabel::kEdited: return "edited";
    case SentenceLabel::kAdded: return "added";
    case SentenceLabel::kDeleted: return "deleted";
    case SentenceLabel::kMoved: return "moved";
    case SentenceLabel::kUnchanged: break;
  }
  return "unchanged";
}

WordDiff DiffWords(std::string_view old_text, std::string_view new_text) {
  return DiffWords(old_text, new_text, DiffOptions());
}

WordDiff DiffWords(std::string_view old_text, std::string_view new_text, const DiffOptions& options) {
  const diff::IgnoreSet ignore = diff::IgnoreSet::From(options);
  diff::Alignment alignment = diff::AlignTexts(old_text, new_text, options);
  WordDiff result;
  result.ops = diff::FinishChunks(old_text, new_text, ignore, alignment.cuts, &alignment.chunks);
  for (const DiffOp& op : result.ops) result.has_changes = result.has_changes || (op.kind != OpKind::kEqual && !op.ignored);
  result.approximate = alignment.approximate;

  // Sentence indices: every sentence of each text appears once in the records.
  std::vector<std::size_t> old_starts, new_starts;
  if (options.label_sentences) {
    for (const diff::SentenceRecord& r : alignment.sentences) {
      if (r.has_old) old_starts.push_back(r.old_span.begin);
      if (r.has_new) new_starts.push_back(r.new_span.begin);
    }
    std::sort(old_starts.begin(), old_starts.end());
    std::sort(new_starts.begin(), new_starts.end());
    result.sentences.reserve(alignment.sentences.size());
    for (const diff::SentenceRecord& r : alignment.sentences) {
      SentenceChange change;
      change.label = r.label;
      if (r.has_old) {
        change.old_index = diff::IndexOf(old_starts, r.old_span.begin);
        change.old_begin = r.old_span.begin;
        change.old_end = r.old_span.end;
      }
      if (r.has_new) {
        change.new_index = diff::IndexOf(new_starts, r.new_span.begin);
        change.new_begin = r.new_span.begin;
        change.new_end = r.new_span.end;
      }
      result.sentences.push_back(change);
    }
  }

  DiffOptions inner_options = options;
  inner_options.detect_moves = false;
  inner_options.label_sentences = false;
  for (const diff::MoveSpan& span : alignment.moves) {
    Move move;
    move.level = span.level;
    move.exact = span.exact;
    move.old_begin = span.old_span.begin;
    move.old_end = span.old_span.end;
    move.new_begin = span.new_span.begin;
    move.new_end = span.new_span.end;
    move.from_block = diff::BlockAt(alignment.old_lines, move.old_begin);
    move.to_block = diff::BlockAt(alignment.new_lines, move.new_begin);
    if (options.label_sentences) {
      move.from_sentence = static_cast<std::size_t>(std::max(0L, diff::IndexOf(old_starts, move.old_begin)));
      move.to_sentence = static_cast<std::size_t>(std::max(0L, diff::IndexOf(new_starts, move.new_begin)));
    }
    const std::string_view from = diff::Slice(old_text, move.old_begin, move.old_end);
    const std::string_view to = diff::Slice(new_text, move.new_begin, move.new_end);
    move.words = CountWords(to);
    if (move.exact) {
      move.ops.push_back({OpKind::kEqual, std::string(to)});
    } else {
      diff::Alignment inner = diff::AlignTexts(from, to, inner_options);
      move.ops = diff::FinishChunks(from, to, ignore, inner.cuts, &inner.chunks);
    }
    result.moves.push_back(std::move(move));
  }
  // After the moves: moved text counts through their own ops, as moved words.
  result.stats = diff::ComputeStats(result.ops, result.moves);
  if (options.summarize) {
    result.summary = diff::Summarize(old_text, new_text, alignment, result.sentences, result.stats, options);
  } else {
    result.summary.added_words = result.stats.added_words;
    result.summary.removed_words = result.stats.removed_words;
    result.summary.moved_words = result.stats.moved_words;
  }
  return result;
}

}  // namespace redline
