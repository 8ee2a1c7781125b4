// Internal: the paragraphs of a changed run of lines, paired by the words they share.
#ifndef REDLINE_DIFF_PARAGRAPH_PAIRS_H_
#define REDLINE_DIFF_PARAGRAPH_PAIRS_H_

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "diff/keys.h"
#include "diff/level_items.h"
#include "diff/segment.h"

namespace redline::diff {

// Pairs the paragraphs of a changed run of lines (level 1) and cuts the run into the
// groups they make, so that the levels below align each group on its own and no edit
// reaches across paragraphs that do not belong together. A paragraph pairs with its most
// similar counterpart (an edit), or with two or more consecutive paragraphs of the other
// side made mostly of its words (a split or merge, marked later by MarkBlockBreaks); the
// groups keep the order of both sides and share the most words in all. Paragraphs that
// pair with nothing are removed or added whole, each side's as one group (but one
// paragraph on each side between the same two groups is one group: rewritten in place).
// One diff's pairer keeps its tables from run to run.
class ParagraphPairer {
 public:
  ParagraphPairer();
  ~ParagraphPairer();
  ParagraphPairer(const ParagraphPairer&) = delete;
  ParagraphPairer& operator=(const ParagraphPairer&) = delete;

  // Appends the groups of `run` to `out` in order. Each holds the blank lines after its
  // paragraphs; `spare` blank lines that follow the run on both sides (the start of the
  // unchanged lines after it) may join the last group, so that a paragraph added or
  // removed whole takes its own breaks. Returns how many of them were taken (0 or
  // `spare`). The run stays as it is (appended whole, 0 returned) when it has fewer than
  // three paragraphs, when they make one group, or when they are too many to pair. The
  // cost is linear in the run's size: only pairings near its diagonal are looked at.
  std::size_t Pair(std::string_view old_text, std::string_view new_text, const std::vector<Line>& old_lines,
                   const std::vector<Line>& new_lines, const LinePiece& run, std::size_t spare,
                   const IgnoreSet& ignore, std::vector<LinePiece>* out);

 private:
  class Pairing;
  std::unique_ptr<Pairing> pairing_;  // its tables, kept from run to run (made on first use)
};

}  // namespace redline::diff

#endif  // REDLINE_DIFF_PARAGRAPH_PAIRS_H_
