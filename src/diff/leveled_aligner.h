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
#include "diff/text_align.h"

namespace redline::diff {

// A line-level stretch: equal lines, or a changed run of lines.
struct LinePiece {
  bool changed = false;
  std::size_t old_first = 0, old_end = 0;  // line indices
  std::size_t new_first = 0, new_end = 0;
};

// A sentence, a blank line's spaces or a line break: the units of level 2.
struct Item {
  Span span;
  std::uint32_t id = 0;
  int move = -1;          // a moved block or sentence: kept whole at level 3
  bool sentence = false;
  bool matched = false;   // paired with an equal item by the level-2 alignment
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

using ItemRange = std::pair<std::size_t, std::size_t>;  // [begin, end) in an item pool

class LeveledAligner {
 public:
  LeveledAligner(std::string_view old_text, std::string_view new_text, const DiffOptions& options);

  // whole_text: one changed run of all sentences, aligned token by token, no moves.
  Alignment Run(bool whole_text);

 private:
  static constexpr std::uint32_t kNoId = 0xFFFFFFFF;

  std::string_view old_, new_;
  DiffOptions options_;
  IgnoreSet ignore_;
  // One interner per level: each stays small enough for the cache.
  Interner line_interner_, sentence_interner_, token_interner_;
  std::uint32_t byte_ids_[256];  // token ids of one-byte tokens, once looked up
  std::string key_;
  Aligner outer_;  // lines and sentences
  Aligner words_;  // tokens: its exactness is the alignment's
  Alignment out_;
  std::vector<Sub> subs_;
  std::vector<Item> old_items_, new_items_;
  std::vector<ItemRange> old_line_items_, new_line_items_;  // items of each line of a changed run
  std::size_t old_pos_ = 0, new_pos_ = 0;                   // where the next chunk starts
  // Scratch space, reused by every run.
  std::vector<std::uint32_t> a_, b_;
  std::vector<TokenRef> old_tokens_, new_tokens_;
  std::vector<SentenceSlot> old_slots_, new_slots_;
  std::vector<PairCount> pairs_;

  std::uint32_t Id(Interner* interner, std::string_view text);
  std::uint32_t TokenId(std::string_view token);
  void Emit(bool changed, std::size_t old_length, std::size_t new_length, int move);

  // leveled_aligner.cc: levels 1 and 2, moves.
  std::vector<LinePiece> AlignLines();
  void AddLineItems(std::string_view text, const std::vector<Line>& lines, std::size_t first, std::size_t end,
                    std::vector<Item>* items, std::vector<ItemRange>* line_items);
  void AddEqualSub(Span old_span, Span new_span);
  void AlignSentences(const LinePiece& piece, bool align);
  void FindBlockMoves(const std::vector<LinePiece>& pieces);
  void FindSentenceMoves();

  // leveled_tokens.cc: level 3 and sentence labels.
  void Tokenize(std::string_view text, const std::vector<Item>& items, std::size_t begin, std::size_t end,
                std::vector<TokenRef>* tokens, std::vector<std::uint32_t>* ids, std::vector<SentenceSlot>* slots);
  void TokenizeRange(std::string_view text, std::size_t begin, std::size_t end, std::vector<TokenRef>* tokens,
                     std::vector<std::uint32_t>* ids);
  bool Plain(const Sub& sub) const;
  void TrimRun(const Sub& sub, std::size_t* prefix, std::size_t* suffix) const;
  std::uint32_t TokenHash(std::string_view token);
  void CountShared(const TokenRef& a, const TokenRef& b);
  void AlignTokens(const Sub& sub);
  void AlignTokenLists(const EditScript& script);
  void LabelSentences();
  void RecordUnchangedLines(const Sub& sub);
  void RecordMovedSentences();
};

}  // namespace redline::diff

#endif  // REDLINE_DIFF_LEVELED_ALIGNER_H_
