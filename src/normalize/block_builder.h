// Turns HTML content into body blocks. Block-level boundaries and <br><br> split blocks, a
// single <br> is a space, inline elements join their text without adding spaces, so markup
// never glues or splits words. A table row is one block, its cells joined by " | "; each line
// of a <pre> is a block; ruby annotations (<rt>, <rp>) are left out, their base text kept.
#ifndef REDLINE_NORMALIZE_BLOCK_BUILDER_H_
#define REDLINE_NORMALIZE_BLOCK_BUILDER_H_

#include <gumbo.h>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "normalize/html_tree.h"
#include "normalize/template_filter.h"

namespace redline::normalize {

// Returns true for elements whose whole subtree is left out (template, hidden).
using SkipFn = std::function<bool(const GumboNode*)>;

// Text a click shows: an accordion's collapsed panel (hidden by the hidden attribute,
// aria-hidden, display:none or a "hidden" class) right after its toggle (a button, a
// <summary>, role=button, an accordion's heading), and the toggle button itself. Closed is
// not absent: such text is the story's. Hidden boxes without a toggle before them (dialogs,
// banners, screen-reader labels) stay out, and so do landmarks (a menu behind its button).
bool IsDisclosed(const GumboNode* node);

// A box whose next sibling is an accordion's panel (collapsed, or named like a panel): its
// heading, which holds the toggle.
bool IsPanelHeader(const GumboNode* box);

// html::IsInvisible, except for what a click shows (IsDisclosed).
inline bool IsHiddenText(const GumboNode* node) { return html::IsInvisible(node) && !IsDisclosed(node); }

class BlockBuilder {
 public:
  explicit BlockBuilder(SkipFn skip) : skip_(std::move(skip)) {}

  // Appends the blocks of `root`'s subtree. Text is taken only after `start_after` (a node in
  // the subtree, whose own text is left out) and before `stop_at` (left out too); either may be
  // null. Ancestors of those two nodes are never skipped.
  void Add(const GumboNode* root, const GumboNode* start_after = nullptr, const GumboNode* stop_at = nullptr);

  std::vector<Candidate> Take() { return std::move(blocks_); }

 private:
  bool Enter(const GumboNode* node);
  void Leave(const GumboNode* node);
  void AddText(std::string_view text);
  void Flush();
  // The text of the piece text_[start, stop) of the open block, without empty cells at its
  // ends; *row tells whether it joins two cells or more.
  std::string Piece(std::size_t start, std::size_t stop, bool* row) const;
  // Appends a block like `proto` with this text.
  void Emit(const Candidate& proto, std::string text, bool verbatim);

  SkipFn skip_;
  std::vector<Candidate> blocks_;
  // The open block: text, with '\x01' marking each <br> and '\x02' each cell after a row's first.
  std::string text_;
  int text_chars_ = 0;  // letters and digits in text_
  int link_chars_ = 0;  // of which inside links to other pages
  int time_chars_ = 0;  // of which inside <time> elements
  int time_depth_ = 0;
  int pre_depth_ = 0;     // open <pre>s: their line breaks end blocks
  bool cells_ = false;    // text_ holds a cell separator
  bool code_ = false;     // text_ is the text of a <pre>
  std::vector<bool> data_tables_;  // per open <table>: does it hold data (IsDataTable)
  std::vector<GumboTag> context_;  // open li/h*/blockquote/figcaption elements, innermost last
  std::vector<bool> open_blocks_;  // per entered node: does it break blocks
  int link_depth_ = 0;
  int caption_depth_ = 0;  // open <figcaption>s and elements whose class names a caption
  bool after_rule_ = false;  // an <hr> came since the last block
  bool emitting_ = true;
  bool stopped_ = false;
  const GumboNode* start_after_ = nullptr;
  const GumboNode* stop_at_ = nullptr;
  std::unordered_set<const GumboNode*> protected_;
};

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_BLOCK_BUILDER_H_
