#include "normalize/block_builder.h"

#include <initializer_list>

#include "base/utf8.h"
#include "normalize/content_cleaner.h"
#include "normalize/element_hints.h"
#include "normalize/html_tree.h"
#include "redline/document.h"

namespace redline::normalize {
namespace {

constexpr char kBreak = '\x01';
constexpr char kCell = '\x02';
constexpr std::string_view kCellSeparator = " | ";

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

// What a screen reader adds to a link for its listeners: "(opens in a new window)". Sites
// hide it with a class of their naming, so its words tell it.
bool IsScreenReaderNote(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  constexpr std::size_t kLongestNote = 23;  // "(opens in a new window)": a paragraph is no note
  if (text.size() > kLongestNote) return false;
  return OneOf(text, {"(opens in a new window)", "(opens in new window)", "(opens in a new tab)",
                      "(opens in new tab)", "opens in a new window", "opens in a new tab", "(link is external)",
                      "(external link)", "(external)"});
}

bool IsOutwardLink(const GumboNode* node) {
  const char* href = html::Attr(node, "href");
  return html::Tag(node) == GUMBO_TAG_A && href != nullptr && href[0] != '#';
}

// The nearest element sibling before (step -1) or after (step 1) `node`, or nullptr.
const GumboNode* SiblingElement(const GumboNode* node, int step) {
  const GumboVector* siblings = node->parent != nullptr ? html::Children(node->parent) : nullptr;
  if (siblings == nullptr) return nullptr;
  for (long i = static_cast<long>(node->index_within_parent) + step; i >= 0 && i < static_cast<long>(siblings->length);
       i += step) {
    const GumboNode* sibling = html::Child(siblings, static_cast<unsigned>(i));
    if (html::IsElement(sibling)) return sibling;
  }
  return nullptr;
}

// A photo's caption: a <figcaption>, or a short box right after an image (or a link or
// <picture> around one), as templates without <figure> set them.
bool IsCaption(const GumboNode* node) {
  const GumboTag tag = html::Tag(node);
  if (tag == GUMBO_TAG_FIGCAPTION) return true;
  if (tag != GUMBO_TAG_P && tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SPAN) return false;
  const GumboNode* image = SiblingElement(node, -1);
  if (image == nullptr) return false;
  const GumboTag before = html::Tag(image);
  // gumbo 0.10 knows no <picture>: its name is read only for unknown tags, not for every box.
  if (before == GUMBO_TAG_A || (before == GUMBO_TAG_UNKNOWN && html::TagName(image) == "picture")) {
    const GumboVector* inside = html::Children(image);
    image = nullptr;
    for (unsigned i = 0; inside != nullptr && i < inside->length && image == nullptr; ++i) {
      if (html::IsElement(html::Child(inside, i))) image = html::Child(inside, i);
    }
  }
  return image != nullptr && html::Tag(image) == GUMBO_TAG_IMG;
}


// A cell after another cell of its row: a separator goes before its text.
bool FollowsCell(const GumboNode* cell) {
  const GumboTag before = html::Tag(SiblingElement(cell, -1));
  return before == GUMBO_TAG_TD || before == GUMBO_TAG_TH;
}

bool IsHeadingTag(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// What accordions say of their parts without naming them: a toggle's aria-expanded and
// aria-controls, a panel's role=region or tabpanel. Class names are a template's choice and
// change with it, so they are not read.
bool HasAccordionHint(const GumboNode* node) {
  if (node == nullptr || !html::IsElement(node)) return false;
  if (html::Attr(node, "aria-expanded") != nullptr || html::Attr(node, "aria-controls") != nullptr) return true;
  const std::string_view role = html::AttrView(node, "role");
  return role == "region" || role == "tabpanel";
}

// Boxes an accordion hides its panels in; not landmarks, spans or the tags never shown.
bool IsPanelTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_P:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE:
      return true;
    default:
      return false;
  }
}

// Hidden the way a closed panel is: the hidden attribute, aria-hidden, display:none or
// visibility:hidden. A site rule's exclusion is final.
bool IsCollapsed(const GumboNode* node) {
  if (!IsPanelTag(html::Tag(node)) || html::IsExcluded(node) || IsTemplateLandmark(node)) return false;
  if (html::Attr(node, "hidden") != nullptr || html::AttrView(node, "aria-hidden") == "true") return true;
  std::string style;
  for (const char c : html::AttrView(node, "style")) {
    if (c != ' ' && c != '\t' && c != '\n') style.push_back(static_cast<char>(c | 0x20));
  }
  if (style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos) {
    return true;
  }
  return false;
}

// A button among the first few nodes of `node`: an accordion heading wrapping its toggle.
bool HoldsButton(const GumboNode* node) {
  constexpr int kMaxNodes = 32;
  int seen = 0;
  bool found = false;
  html::Walk(node, [&](const GumboNode* n) {
    if (found || ++seen > kMaxNodes || !html::IsElement(n)) return false;
    found = html::Tag(n) == GUMBO_TAG_BUTTON || html::AttrView(n, "role") == "button";
    return !found;
  });
  return found;
}

// What opens the panel after it: a button, a <summary>, role=button, an in-page link
// (href="#answer-2"), a heading wrapping a button, or a heading or term of a box named like
// an accordion.
bool IsToggle(const GumboNode* toggle, const GumboNode* panel) {
  const GumboTag tag = html::Tag(toggle);
  if (tag == GUMBO_TAG_BUTTON || tag == GUMBO_TAG_SUMMARY || html::AttrView(toggle, "role") == "button") return true;
  if (tag == GUMBO_TAG_A && html::AttrView(toggle, "href").starts_with("#")) return true;
  if (HoldsButton(toggle)) return true;
  return (IsHeadingTag(tag) || tag == GUMBO_TAG_DT) &&
         (HasAccordionHint(panel) || HasAccordionHint(toggle) || HasAccordionHint(panel->parent));
}

bool IsPanel(const GumboNode* node) {
  for (; node != nullptr; node = html::WrappedElement(node)) {  // however wrapped
    if (IsCollapsed(node) || (IsPanelTag(html::Tag(node)) && HasAccordionHint(node))) return true;
  }
  return false;
}

// A button that opens the panel after it, or after the heading or box around it.
bool OpensPanel(const GumboNode* button) {
  constexpr int kMaxLevels = 3;
  const GumboNode* node = button;
  for (int level = 0; level <= kMaxLevels && html::IsElement(node); ++level, node = node->parent) {
    const GumboNode* next = SiblingElement(node, 1);
    if (next != nullptr) return IsPanel(next) || (HasAccordionHint(button) && IsPanelTag(html::Tag(next)));
  }
  return false;
}

bool HasWordChar(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t n = 0;
    if (utf8::IsWordChar(utf8::Decode(text, pos, &n))) return true;
    pos += n;
  }
  return false;
}

}  // namespace

bool IsPanelHeader(const GumboNode* box) { return IsPanel(SiblingElement(box, 1)); }

bool IsDisclosed(const GumboNode* node) {
  if (!html::IsElement(node)) return false;
  if (html::Tag(node) == GUMBO_TAG_BUTTON) {
    // A hidden button is an icon or a control for another state, not a panel's title.
    return !html::IsExcluded(node) && html::Attr(node, "hidden") == nullptr &&
           html::AttrView(node, "aria-hidden") != "true" && OpensPanel(node);
  }
  if (!IsCollapsed(node)) return false;
  // The toggle before the panel, or before the wrappers around it.
  const GumboNode* box = node;
  while (SiblingElement(box, -1) == nullptr && html::WrappedElement(box->parent) == box) box = box->parent;
  const GumboNode* toggle = SiblingElement(box, -1);
  return toggle != nullptr && IsToggle(toggle, node);
}

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
    if (emitting_ && !IsScreenReaderNote(node->v.text.text)) AddText(node->v.text.text);
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
  // A reading above its characters, and the brackets shown where ruby is not supported.
  if (tag == GUMBO_TAG_RT || tag == GUMBO_TAG_RP || tag == GUMBO_TAG_RTC) return false;
  // A table row is one block, its cells joined by a separator (Piece).
  const bool cell = tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
  const bool block =
      !cell && (html::IsBlockTag(tag) || (tag == GUMBO_TAG_UNKNOWN && HasBlockDescendant(node)));
  if (protected_.count(node) == 0 && (IsHiddenText(node) || skip_(node))) {
    if (block) Flush();
    return false;
  }
  if (tag == GUMBO_TAG_BR) {
    // In a <pre> a <br> ends a line like a line feed.
    if (emitting_) text_.append(pre_depth_ > 0 ? 2 : 1, kBreak);
    return false;
  }
  if (tag == GUMBO_TAG_HR && emitting_) {
    Flush();
    after_rule_ = true;
  }
  if (block) Flush();
  if (cell && emitting_) {
    const bool separate = FollowsCell(node);
    text_.push_back(separate ? kCell : ' ');
    cells_ = cells_ || separate;
  }
  if (tag == GUMBO_TAG_PRE) ++pre_depth_;
  if (tag == GUMBO_TAG_TABLE) data_tables_.push_back(IsDataTable(node));
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
  if (tag == GUMBO_TAG_PRE && pre_depth_ > 0) --pre_depth_;
  if (tag == GUMBO_TAG_TABLE && !data_tables_.empty()) data_tables_.pop_back();
  if (IsOutwardLink(node) && link_depth_ > 0) --link_depth_;
  if (tag == GUMBO_TAG_TIME && time_depth_ > 0) --time_depth_;
  if (caption_depth_ > 0 && IsCaption(node)) --caption_depth_;
}

void BlockBuilder::AddText(std::string_view text) {
  const std::size_t from = text_.size();
  text_.append(text);
  if (pre_depth_ > 0) {
    // Each line of preformatted text (code) is a block: a line feed ends it like <br><br>.
    code_ = true;
    for (std::size_t i = text_.find('\n', from); i != std::string::npos; i = text_.find('\n', i + 2)) {
      text_.replace(i, 1, 2, kBreak);
    }
  }
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
}

std::string BlockBuilder::Piece(std::size_t start, std::size_t stop, bool* row) const {
  *row = false;
  if (!cells_) return CleanInlineText(std::string_view(text_).substr(start, stop - start));
  // Empty cells at the ends of a row (or of the part of a row before or after a paragraph in
  // a cell) are left out; empty cells between others stay, so the columns keep their order.
  std::size_t first = start;
  for (std::size_t p = SkipSpaces(text_, first); p < stop && text_[p] == kCell; p = SkipSpaces(text_, first)) {
    first = p + 1;
  }
  std::size_t last = stop;
  while (last > first) {
    const std::size_t cell = text_.rfind(kCell, last - 1);
    if (cell == std::string::npos || cell < first || SkipSpaces(text_, cell + 1) < last) break;
    last = cell;
  }
  std::string joined;
  joined.reserve(last - first + 16);
  for (std::size_t i = first; i < last; ++i) {
    if (text_[i] == kCell) {
      joined.append(kCellSeparator);
      *row = true;
    } else {
      joined.push_back(text_[i]);
    }
  }
  return CleanInlineText(joined);
}

void BlockBuilder::Emit(const Candidate& proto, std::string text, bool verbatim) {
  Candidate c = proto;
  c.block.text = std::move(text);
  c.verbatim = verbatim;
  c.after_rule = after_rule_;
  after_rule_ = false;
  blocks_.push_back(std::move(c));
}

void BlockBuilder::Flush() {
  if (text_.empty()) return;
  Candidate proto;
  if (!context_.empty()) proto.block.kind = KindOf(context_.back());
  proto.all_link = link_chars_ > 0 && link_chars_ * 10 >= text_chars_ * 9;
  proto.mostly_time = time_chars_ > 0 && time_chars_ * 2 >= text_chars_;
  proto.link_share = text_chars_ > 0 ? static_cast<float>(link_chars_) / static_cast<float>(text_chars_) : 0.f;
  proto.caption = caption_depth_ > 0;
  const std::size_t first_block = blocks_.size();
  std::string carry;  // a first line of code without a word ("{"), to open the next line
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
    bool row = false;
    std::string clean = Piece(start, stop, &row);
    if (!clean.empty() && code_ && !HasWordChar(clean)) {
      // A line of brackets ("}", "});") goes with the line before it: alone it would read as
      // a separator, and many such lines as repeats.
      if (blocks_.size() > first_block) {
        blocks_.back().block.text.append(" ").append(clean);
      } else {
        carry.append(carry.empty() ? "" : " ").append(clean);
      }
    } else if (!clean.empty()) {
      if (!carry.empty()) clean = carry + " " + clean;
      carry.clear();
      const bool data_row = row && !data_tables_.empty() && data_tables_.back();
      Emit(proto, std::move(clean), data_row || code_);
    }
    if (end == std::string::npos) break;
    start = end + 1;
    start = SkipSpaces(text_, start);
    while (start < text_.size() && text_[start] == kBreak) ++start;
  }
  if (!carry.empty()) Emit(proto, std::move(carry), true);
  text_.clear();
  text_chars_ = 0;
  link_chars_ = 0;
  time_chars_ = 0;
  cells_ = false;
  code_ = false;
}

}  // namespace redline::normalize
