// Turns HTML content into body blocks. Block-level boundaries and <br><br> split blocks, a
// single <br> is a space, inline elements join their text without adding spaces, so markup
// never glues or splits words.
#ifndef REDLINE_NORMALIZE_BLOCK_BUILDER_H_
#define REDLINE_NORMALIZE_BLOCK_BUILDER_H_

#include <gumbo.h>

#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "normalize/template_filter.h"

namespace redline::normalize {

// Returns true for elements whose whole subtree is left out (template, hidden).
using SkipFn = std::function<bool(const GumboNode*)>;

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
  void Flush();

  SkipFn skip_;
  std::vector<Candidate> blocks_;
  // The open block: text, with '\x01' marking each <br>.
  std::string text_;
  int text_chars_ = 0;  // letters and digits in text_
  int link_chars_ = 0;  // of which inside links to other pages
  int time_chars_ = 0;  // of which inside <time> elements
  int time_depth_ = 0;
  std::vector<GumboTag> context_;
  std::vector<bool> open_blocks_;  // per entered node: does it break blocks  // open
                                   // li/h*/blockquote/figcaption elements, innermost last
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
