// The parsed HTML tree: gumbo output owned by RAII, plus small read-only helpers. Every walk
// over the tree is iterative, so no page can overflow the stack however deep it nests.
#ifndef REDLINE_NORMALIZE_HTML_TREE_H_
#define REDLINE_NORMALIZE_HTML_TREE_H_

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/html_prepare.h"
#include "redline/status.h"

namespace redline::html {

// gumbo's version as pkg-config reported it at build time: gumbo has no runtime version call.
std::string_view GumboBuildVersion();

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

// Pages nested deeper than this are refused by default (NormalizeOptions::max_nesting_depth):
// gumbo's tree building is quadratic in the depth of open elements and its own teardown
// recurses once per level.
inline constexpr std::size_t kMaxNestingDepth = 4000;

// A rough count of how deep the open elements of `html` nest, read from the tags alone
// (void elements and elements that close implicitly, like p and li, are not counted).
std::size_t EstimateNestingDepth(std::string_view html);

// A parsed page: gumbo's tree and the prepared bytes it points into (see html_prepare.h).
struct ParsedHtml {
  std::unique_ptr<const std::string> source;  // on the heap: gumbo keeps pointers into it
  GumboOutputPtr output;
  // The page's JSON state and templates, not in the tree: views into the page given to
  // Parse, valid while it is.
  std::vector<DataScript> data_scripts;
  const GumboNode* document() const { return output->document; }
  GumboNode* mutable_document() { return output->document; }
};

// Parses `html` (valid UTF-8) without the text of scripts and styles (html_prepare.h);
// `extra_attributes` are kept besides those extraction reads. BadInput when the page nests
// deeper than `max_depth` (at most kMaxNestingDepthCeiling).
Result<ParsedHtml> Parse(std::string_view html, const std::vector<std::string>& extra_attributes = {},
                         std::size_t max_depth = kMaxNestingDepth);

// Marks an element (and so its subtree) as left out by a site rule: from then on it is
// invisible (IsInvisible). The mark is a parse-flag bit gumbo itself never sets.
void MarkExcluded(GumboNode* element);
// True for an element MarkExcluded marked (not for its descendants).
bool IsExcluded(const GumboNode* node);

// Reads elements that templates swap without changing their meaning as one element: a
// <section> as a <div> (redesigns and wrappers swap them freely), and AMP's media elements
// as the HTML ones they stand for (amp-img, amp-anim as img; amp-iframe, amp-video,
// amp-audio, amp-youtube and the like as iframe, video, audio), so an AMP variant and a
// redesign count images and embeds as the page they render. Run after site rules matched.
void CanonicalizeTags(GumboNode* root);

// Scripts, styles, templates, <noscript>, <link> and <meta>: elements no page ever renders,
// which pages sprinkle anywhere (hidden ones are still part of the layout).
bool IsNeverRendered(const GumboNode* node);
// div, article and main: the tags templates wrap their boxes in.
bool IsWrapperTag(GumboTag tag);
// The element a template's wrapper holds: for a div, article or main with exactly one
// element child besides those never rendered, and no text of its own, that child;
// otherwise nullptr.
const GumboNode* WrappedElement(const GumboNode* node);

// The children of a document, element or template node; nullptr for text nodes.
const GumboVector* Children(const GumboNode* node);
inline const GumboNode* Child(const GumboVector* children, unsigned i) {
  return static_cast<const GumboNode*>(children->data[i]);
}
bool IsElement(const GumboNode* node);  // element or template
// GUMBO_TAG_UNKNOWN for non-elements.
GumboTag Tag(const GumboNode* node);
// Lowercase tag name, including custom elements ("amp-img").
std::string TagName(const GumboNode* node);
// The attribute's value, or nullptr when absent (or the node is not an element).
const char* Attr(const GumboNode* node, const char* name);
std::string_view AttrView(const GumboNode* node, const char* name);
bool IsAncestor(const GumboNode* ancestor, const GumboNode* node);
// True when `a` comes before `b` in document order (and is not its ancestor).
bool Precedes(const GumboNode* a, const GumboNode* b);
// The deepest node holding both, or nullptr when they share no tree.
const GumboNode* CommonAncestor(const GumboNode* a, const GumboNode* b);

// Elements that break inline text into separate blocks (p, div, li, h1..., br excluded).
bool IsBlockTag(GumboTag tag);
// Content the reader never sees: script, style, template, svg, hidden attributes, inline
// display:none, aria-hidden="true" and elements a site rule excluded (MarkExcluded). Class
// names are not read: a template renames them (see docs/normalization.md).
bool IsInvisible(const GumboNode* node);

// Calls enter(node) for every node in document order; children are visited when enter
// returns true, and leave(node) runs after them. Iterative.
template <typename EnterFn, typename LeaveFn>
void Walk(const GumboNode* root, EnterFn&& enter, LeaveFn&& leave) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  if (root == nullptr || !enter(root)) return;
  std::vector<Frame> stack;
  stack.push_back({root, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* children = Children(top.node);
    if (children == nullptr || top.next >= children->length) {
      const GumboNode* done = top.node;
      stack.pop_back();
      leave(done);
      continue;
    }
    const GumboNode* child = Child(children, top.next++);
    if (enter(child)) stack.push_back({child, 0});
  }
}

template <typename EnterFn>
void Walk(const GumboNode* root, EnterFn&& enter) {
  Walk(root, enter, [](const GumboNode*) {});
}

// Visible text of `node`: text nodes joined as they stand, a space at block boundaries and
// <br>, invisible content skipped. Not cleaned (see CleanInlineText).
std::string VisibleText(const GumboNode* node);

// First element under `root` (inclusive) with this tag, in document order, or nullptr.
const GumboNode* FindFirst(const GumboNode* root, GumboTag tag);
// All elements under `root` with this tag, in document order.
std::vector<const GumboNode*> FindAll(const GumboNode* root, GumboTag tag);

}  // namespace redline::html

#endif  // REDLINE_NORMALIZE_HTML_TREE_H_
