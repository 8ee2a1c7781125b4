// Internal: the state of one leveled alignment (see text_align.h for what it does).
#ifndef REDLINE_DIFF_LEVELED_ALIGNER_H_
#define REDLINE_DIFF_LEVELED_ALIGNER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diff/align.h"
#include "diff/keys.h"
#include "diff/level_items.h"
#include "diff/paragraph_pairs.h"
#include "diff/text_align.h"

namespace redline::diff {

class LeveledAligner {
 public:
  LeveledAligner(std::string_view old_text, std::string_view new_text, const DiffOptions& options);

  // whole_text: each changed run of lines (its paragraphs paired) aligned token by token,
  // no sentence level, no moves.
  Alignment Run(bool whole_text);

  // Level 1 alone: the pieces of lines both modes of Run align (for tests). Once, instead
  // of Run.
  std::vector<LinePiece> LinePieces();

 private:
  std::string_view old_, new_;
  DiffOptions options_;
  IgnoreSet ignore_;
  // One interner per level: each stays small enough for the cache.
  Interner line_interner_, sentence_interner_;
  std::string key_;
  Aligner outer_;  // lines and sentences
  ParagraphPairer pairer_;
  Alignment out_;
  std::vector<Sub> subs_;
  std::vector<Item> old_items_, new_items_;
  std::vector<ItemRange> old_line_items_, new_line_items_;  // items of each line of a changed run
  std::vector<std::uint32_t> a_, b_;  // scratch
  std::vector<Span> pending_, sentences_;  // scratch: texts to intern, sentences of a line
  std::vector<std::uint32_t> hashes_, ids_;

  // Appends the ids of text[pending_[k]] for each k, in order.
  void InternPending(Interner* interner, std::string_view text, std::vector<std::uint32_t>* ids);

  std::uint32_t Id(Interner* interner, std::string_view text);

  // leveled_aligner.cc: levels 1 and 2, moves.
  std::vector<LinePiece> AlignLines();
  void AddLineItems(std::string_view text, const std::vector<Line>& lines, std::size_t first, std::size_t end,
                    std::vector<Item>* items, std::vector<ItemRange>* line_items);
  void AddEqualSub(Span old_span, Span new_span);
  void AlignSentences(const LinePiece& piece, bool align);
  void FindBlockMoves(const std::vector<LinePiece>& pieces);
  void FindSentenceMoves();

  void AlignAllTokens();
  void RecordMovedSentences();
};
}  // namespace redline::diff

#endif  // REDLINE_DIFF_LEVELED_ALIGNER_H_
