#include "normalize/block_builder.h"

#include "base/utf8.h"
#include "normalize/html_tree.h"
#include "redline/document.h"

namespace redline::normalize {
namespace {

constexpr char kBreak = '\x01';

bool IsTextNode(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
         node->type == GUMBO_NODE_CDATA;
}

// Elements whose kind passes to the blocks inside them.
bool IsContextTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
      return true;
    default:
      return false;
  }
}

BlockKind KindOf(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_LI:
      return BlockKind::kListItem;
    case GUMBO_TAG_BLOCKQUOTE:
      return BlockKind::kQuote;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return BlockKind::kSubheading;
    default:
      return BlockKind::kParagraph;
  }
}

// Custom elements (<x-story>, <amp-...>) act as blocks when they hold blocks.
bool HasBlockDescendant(const GumboNode* node) {
  bool found = false;
  html::Walk(node, [&](const GumboNode* n) {
    if (found || !html::IsElement(n)) return false;
    if (n != node && html::IsBlockTag(html::Tag(n))) found = true;
    return !found;
  });
  return found;
}

// Index of the first character at or after `pos` that is not whitespace (NBSP and the other
// Unicode spaces included: "<br>&nbsp;<br>" ends a paragraph like "<br> <br>").
std::size_t SkipSpaces(const std::string& text, std::size_t pos) {
  while (pos < text.size()) {
    std::size_t n = 0;
    if (!utf8::IsSpace(utf8::Decode(text, pos, &n))) break;
    pos += n;
  }
  return pos;
}

// <figcaption>, or a class naming a caption: "wp-caption-text", "newsCaption".
bool IsCaption(const GumboNode* node) {
  if (html::Tag(node) == GUMBO_TAG_FIGCAPTION) return true;
  const std::string_view cls = html::AttrView(node, "class");
  for (std::size_t i = 0; i + 7 <= cls.size(); ++i) {
    if ((cls[i] | 0x20) != 'c') continue;
    std::size_t k = 1;
    while (k < 7 && (cls[i + k] | 0x20) == "caption"[k]) ++k;
    if (k == 7) return true;
  }
  return false;
}

bool IsOutwardLink(const GumboNode* node) {
  const char* href = html::Attr(node, "href");
  return html::Tag(node) == GUMBO_TAG_A && href != nullptr && href[0] != '#';
}

}  // namespace

void BlockBuilder::Add(const GumboNode* root, const GumboNode* start_after, const GumboNode* stop_at) {
  start_after_ = start_after;
  stop_at_ = stop_at;
  emitting_ = start_after == nullptr;
  stopped_ = false;
  protected_.clear();
  protected_.insert(root);
  for (const GumboNode* n : {start_after, stop_at}) {
    for (const GumboNode* a = n; a != nullptr; a = a->parent) {
      protected_.insert(a);
      if (a == root) break;
    }
  }
  html::Walk(
      root, [this](const GumboNode* n) { return Enter(n); }, [this](const GumboNode* n) { Leave(n); });
  Flush();
}

bool BlockBuilder::Enter(const GumboNode* node) {
  if (stopped_) return false;
  if (node == stop_at_) {
    Flush();
    stopped_ = true;
    return false;
  }
  if (IsTextNode(node)) {
    if (!emitting_) return false;
    const std::string_view text = node->v.text.text;
    text_.append(text);
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t n = 0;
      const char32_t c = utf8::Decode(text, pos, &n);
      pos += n;
      if (!utf8::IsWordChar(c)) continue;
      ++text_chars_;
      if (link_depth_ > 0) ++link_chars_;
      if (time_depth_ > 0) ++time_chars_;
    }
    return false;
  }
  if (node->type == GUMBO_NODE_DOCUMENT) {
    open_blocks_.push_back(false);
    return true;
  }
  if (!html::IsElement(node)) return false;
  if (node == start_after_) {
    Flush();
    emitting_ = true;
    return false;
  }
  const GumboTag tag = html::Tag(node);
  // A table row is one block; its cells are words apart.
  const bool cell = tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
  const bool block =
      !cell && (html::IsBlockTag(tag) || (tag == GUMBO_TAG_UNKNOWN && HasBlockDescendant(node)));
  if (protected_.count(node) == 0 && (html::IsInvisible(node) || skip_(node))) {
    if (block) Flush();
    return false;
  }
  if (tag == GUMBO_TAG_BR) {
    if (emitting_) text_.push_back(kBreak);
    return false;
  }
  if (tag == GUMBO_TAG_HR && emitting_) {
    Flush();
    after_rule_ = true;
  }
  if (block) Flush();
  if (cell && emitting_) text_.push_back(' ');
  if (IsContextTag(tag)) context_.push_back(tag);
  if (IsOutwardLink(node)) ++link_depth_;
  if (tag == GUMBO_TAG_TIME) ++time_depth_;
  if (IsCaption(node)) ++caption_depth_;
  open_blocks_.push_back(block);
  return true;
}

void BlockBuilder::Leave(const GumboNode* node) {
  const bool block = !open_blocks_.empty() && open_blocks_.back();
  if (!open_blocks_.empty()) open_blocks_.pop_back();
  if (!html::IsElement(node)) return;
  const GumboTag tag = html::Tag(node);
  if (block) Flush();
  if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && emitting_) text_.push_back(' ');
  if (IsContextTag(tag) && !context_.empty()) context_.pop_back();
  if (IsOutwardLink(node) && link_depth_ > 0) --link_depth_;
  if (tag == GUMBO_TAG_TIME && time_depth_ > 0) --time_depth_;
  if (caption_depth_ > 0 && IsCaption(node)) --caption_depth_;
}

void BlockBuilder::Flush() {
  if (text_.empty()) return;
  BlockKind kind = BlockKind::kParagraph;
  if (!context_.empty()) kind = KindOf(context_.back());
  const bool all_link = link_chars_ > 0 && link_chars_ * 10 >= text_chars_ * 9;
  const bool mostly_time = time_chars_ > 0 && time_chars_ * 2 >= text_chars_;
  // <br><br> (with only spaces between) ends a paragraph; a single <br> is a space.
  std::size_t start = 0;
  while (start <= text_.size()) {
    std::size_t end = start;
    while (true) {
      end = text_.find(kBreak, end);
      if (end == std::string::npos) break;
      std::size_t next = end + 1;
      next = SkipSpaces(text_, next);
      if (next < text_.size() && text_[next] == kBreak) break;
      end = next;
    }
    const std::size_t stop = end == std::string::npos ? text_.size() : end;
    std::string clean = CleanInlineText(std::string_view(text_).substr(start, stop - start));
    if (!clean.empty()) {
      const float link_share = text_chars_ > 0 ? static_cast<float>(link_chars_) / static_cast<float>(text_chars_) : 0.f;
      blocks_.push_back(Candidate{Block{kind, std::move(clean)}, all_link, mostly_time, link_share,
                                  caption_depth_ > 0, false, after_rule_});
      after_rule_ = false;
    }
    if (end == std::string::npos) break;
    start = end + 1;
    start = SkipSpaces(text_, start);
    while (start < text_.size() && text_[start] == kBreak) ++start;
  }
  text_.clear();
  text_chars_ = 0;
  link_chars_ = 0;
  time_chars_ = 0;
}

}  // namespace redline::normalize
