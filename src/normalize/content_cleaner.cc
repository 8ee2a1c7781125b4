#include "normalize/content_cleaner.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "normalize/block_builder.h"
#include "normalize/element_hints.h"
#include "normalize/html_tree.h"
#include "normalize/template_filter.h"
#include "redline/document.h"

namespace redline::normalize {
namespace {

// A newsletter or sign-up box around a form says its name, its pitch and a legal line.
constexpr int kMaxSignUpBox = 400;
// A hover card names a person, a title and a few links.
constexpr int kMaxHoverCard = 300;

bool IsTextNode(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
         node->type == GUMBO_NODE_CDATA;
}

bool InsideFigure(const GumboNode* node) {
  for (const GumboNode* n = node; n != nullptr; n = n->parent) {
    if (html::Tag(n) == GUMBO_TAG_FIGURE) return true;
  }
  return false;
}

bool IsHeading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Paragraphs of sentences, however many of their words are linked: a chunk of the story
// whose reporter links sources. (readability let boxes named "content" or "text" carry up
// to half their text in links; the names are gone, the sentences say the same.)
bool IsProse(const NodeStats& s) {
  return s.paragraphs >= 2 && s.commas >= 3 && s.text_length - s.link_length >= 300;
}

// Mostly a quotation: an embedded post or tweet the story quotes, whatever its box is called.
bool HoldsQuote(const NodeStats& s) { return s.quote_length >= 50 && s.quote_length * 2 >= s.text_length; }

// Nodes the linked-sentence test may read in one Judge call. Each box of a chain of nested
// one-paragraph boxes reads its whole subtree again, so 4,000 nested boxes read ~8 million
// nodes (a megabyte of them: ~50 s under ASan). Past the budget a box is judged as if its
// text were no sentence: a best-effort result on such pages, normal pages stay far below.
constexpr std::size_t kSentenceBudget = 2'000'000;

// VisibleText(node), reading at most *budget nodes (taken off it); false when over budget.
bool BoundedVisibleText(const GumboNode* node, std::size_t* budget, std::string* out) {
  bool complete = true;
  html::Walk(
      node,
      [&](const GumboNode* n) {
        if (*budget == 0) {
          complete = false;
          return false;
        }
        --*budget;
        if (IsTextNode(n)) {
          out->append(n->v.text.text);
          return false;
        }
        if (!html::IsElement(n)) return n->type == GUMBO_NODE_DOCUMENT;
        if (html::IsInvisible(n)) return false;
        const GumboTag tag = n->v.element.tag;
        if (tag == GUMBO_TAG_BR || html::IsBlockTag(tag)) out->push_back(' ');
        return true;
      },
      [&](const GumboNode* n) {
        if (html::IsBlockTag(html::Tag(n))) out->push_back(' ');
      });
  return complete;
}

// A box holding one paragraph of the story that links a few of its words: "The discovery was
// announced in the <a>journal Nature Astronomy</a>." A teaser is mostly link, or no sentence.
bool IsLinkedSentence(const GumboNode* node, const NodeStats& s, std::size_t* budget) {
  constexpr double kMaxDensity = 0.35;
  constexpr int kMinLength = 60;
  if (s.paragraphs != 1 || s.list_items > 0 || s.images > 0 || s.inputs > 0 || s.embeds > 0 ||
      s.heading_length > 0 || s.text_length < kMinLength || s.link_length > kMaxDensity * s.text_length) {
    return false;
  }
  std::string visible;
  if (!BoundedVisibleText(node, budget, &visible)) return false;
  const std::string text = CleanInlineText(visible);
  return EndsSentence(text) && CountWords(text) >= 8;
}

// What makes a box story however short or linked it is: code or a data table filling most of
// it (its wrapper), a list of plain items, an accordion's toggle.
struct Holds {
  int code_length = 0;   // text in <pre>s inside
  int table_length = 0;  // text in data tables inside
  bool is_data_table = false;
  bool plain_list = false;  // a list inside whose items are not links: ingredients, steps
  bool toggle = false;      // an accordion's toggle button inside (IsDisclosed)

  bool MostlyCode(const NodeStats& s) const { return code_length > 0 && code_length * 2 >= s.text_length; }
  bool MostlyTable(const NodeStats& s) const { return table_length > 0 && table_length * 2 >= s.text_length; }
};

// readability's _cleanConditionally, on the figures of what survived inside `node`.
// `figure`: InsideFigure(node), which Judge tracks as it goes down (asking every box again
// would walk up every chain of ancestors: quadratic in the nesting depth).
bool LooksThin(const GumboNode* node, const NodeStats& s, const PageAnalysis& page, bool figure, Holds holds,
               std::size_t* sentence_budget) {
  if (HoldsQuote(s)) return false;
  // A wrapper is judged as the block it wraps: a template's extra div around a short
  // paragraph is that paragraph (around a lone link, it is still a box of links).
  const GumboTag inner = html::Tag(page.Innermost(node));
  const GumboTag tag = html::IsBlockTag(inner) ? inner : html::Tag(node);
  const bool is_list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL;
  if (!is_list && tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_TABLE &&
      tag != GUMBO_TAG_FORM && tag != GUMBO_TAG_FIELDSET && tag != GUMBO_TAG_ASIDE) {
    return false;
  }
  // A code block's wrapper is often named like a toolbar ("code-toolbar"), and its text is
  // short; an accordion's heading box ("card-header") holds a short question.
  if (holds.MostlyCode(s) || holds.is_data_table || (holds.toggle && IsPanelHeader(node))) return false;
  const NodeStats& scored = page.Stats(node);
  if (scored.scored && scored.score < 0) return true;
  // A table of figures has few words, and its wrapper ("table-wrapper") no more.
  if (holds.MostlyTable(s)) return false;
  if (s.commas >= 10) return false;
  const int p = s.paragraphs;
  const int img = s.images;
  const int li = s.list_items - 100;
  const double density = s.text_length > 0 ? s.link_length / s.text_length : 0.0;
  const double heading_density = s.text_length > 0 ? double(s.heading_length) / s.text_length : 0.0;
  // A short list of plain items ("2 eggs", "1 onion") is no thinner in a box than alone.
  const bool short_box = !is_list && !holds.plain_list && s.text_length < 25;
  return (img > 1 && p < img / 2.0 && !figure) || (!is_list && li > p) || (s.inputs > p / 3) ||
         (short_box && heading_density < 0.9 && (img == 0 || img > 2) && !figure) ||
         (!is_list && density > (IsProse(s) ? 0.5 : 0.2) && !IsLinkedSentence(node, s, sentence_budget)) ||
         (s.embeds == 1 && s.text_length < 75) || s.embeds > 1;
}

void AddChild(const GumboNode* child, const NodeStats& s, NodeStats* parent) {
  const GumboTag tag = html::Tag(child);
  parent->text_length += s.text_length;
  parent->link_length += s.link_length;
  parent->commas += s.commas;
  parent->heading_length += IsHeading(tag) ? s.text_length : s.heading_length;
  parent->quote_length += tag == GUMBO_TAG_BLOCKQUOTE ? s.text_length : s.quote_length;
  parent->paragraphs += s.paragraphs + (tag == GUMBO_TAG_P ? 1 : 0);
  parent->list_items += s.list_items + (tag == GUMBO_TAG_LI ? 1 : 0);
  parent->images += s.images + (tag == GUMBO_TAG_IMG ? 1 : 0);
  parent->inputs += s.inputs + (tag == GUMBO_TAG_INPUT ? 1 : 0);
  parent->embeds += s.embeds + (tag == GUMBO_TAG_IFRAME || tag == GUMBO_TAG_EMBED ||
                                tag == GUMBO_TAG_OBJECT || tag == GUMBO_TAG_VIDEO);
}

// The visible text of a box, gathered bottom-up while the cleaner walks the tree, only as far
// as a list label needs it (IsListLabel refuses text over 120 bytes). Calling VisibleText on
// every box instead reads each subtree once per ancestor: minutes on a few megabytes of deeply
// nested boxes. `raw` is kept short by cleaning it as it grows: "!" sentinels keep a leading
// or trailing space, so cleaning the text later gives what cleaning the whole raw text gives.
struct LabelText {
  static constexpr std::size_t kKeep = 120 + 16;  // + slack for NFC composing across a join
  std::string raw;
  bool too_long = false;

  void Append(std::string_view piece) {
    if (too_long) return;
    raw.append(piece);
    if (raw.size() <= 4 * kKeep) return;
    const std::string cleaned = CleanInlineText("!" + raw + "!");
    too_long = cleaned.size() > kKeep + 2;
    raw = too_long ? std::string() : cleaned.substr(1, cleaned.size() - 2);
  }
  // IsListLabel(CleanInlineText(VisibleText(box))).
  bool IsLabel() const { return !too_long && IsListLabel(CleanInlineText(raw)); }
};

}  // namespace

// A table of data rather than layout, as readability tells them apart: headers or a
// caption, many rows or columns, or (readability would drop these) a grid of two rows and two
// columns or more whose cells hold no paragraphs and few links: a small table of results.
bool IsDataTable(const GumboNode* table) {
  if (html::AttrView(table, "role") == "presentation") return false;
  int rows = 0;
  int columns = 0;
  int row_cells = 0;
  bool headers = false;
  bool blocks_in_cells = false;
  int cell_depth = 0;
  std::size_t text = 0;
  std::size_t link_text = 0;
  int link_depth = 0;
  html::Walk(
      table,
      [&](const GumboNode* n) {
        if (IsTextNode(n)) {
          const std::size_t length = std::string_view(n->v.text.text).size();
          text += length;
          if (link_depth > 0) link_text += length;
          return false;
        }
        if (!html::IsElement(n)) return false;
        const GumboTag tag = html::Tag(n);
        if (n != table && tag == GUMBO_TAG_TABLE) {  // a table in a cell: its own rows are not ours
          blocks_in_cells = true;
          return false;
        }
        if (tag == GUMBO_TAG_TR) {
          ++rows;
          row_cells = 0;
        }
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
          columns = std::max(columns, ++row_cells);
          ++cell_depth;
        }
        if (tag == GUMBO_TAG_TH || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_CAPTION) {
          headers = true;
        }
        if (cell_depth > 0 && tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH && html::IsBlockTag(tag)) {
          blocks_in_cells = true;
        }
        if (tag == GUMBO_TAG_A) ++link_depth;
        return true;
      },
      [&](const GumboNode* n) {
        const GumboTag tag = html::Tag(n);
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) --cell_depth;
        if (tag == GUMBO_TAG_A) --link_depth;
      });
  if (headers || rows >= 10 || columns > 4 || rows * columns > 10) return true;
  return rows >= 2 && columns >= 2 && !blocks_in_cells && link_text * 2 < text;
}

// A figure holding a video or audio player: the player, its title and its duration.
bool IsPlayerFigure(const GumboNode* figure) {
  bool player = false;
  html::Walk(figure, [&](const GumboNode* n) {
    if (player || !html::IsElement(n)) return false;
    const GumboTag tag = html::Tag(n);
    player = tag == GUMBO_TAG_VIDEO || tag == GUMBO_TAG_AUDIO || tag == GUMBO_TAG_IFRAME ||
             tag == GUMBO_TAG_EMBED || tag == GUMBO_TAG_OBJECT;
    return !player;
  });
  return player;
}

namespace {

// A hover card: the box that pops up over a name, right after it, with a photo or links to
// the person's pages. Inline (a span in a sentence) any photo or two links make it; a box
// must also repeat the name, or the name's link; the name stays, the card goes.
bool IsHoverCard(const GumboNode* node, const NodeStats& s) {
  const GumboTag tag = html::Tag(node);
  if ((tag != GUMBO_TAG_SPAN && tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_UL) || node->parent == nullptr ||
      s.text_length > kMaxHoverCard) {
    return false;
  }
  const GumboNode* before = nullptr;
  const GumboVector* siblings = html::Children(node->parent);
  for (unsigned i = 0; i < siblings->length && html::Child(siblings, i) != node; ++i) {
    if (html::IsElement(html::Child(siblings, i))) before = html::Child(siblings, i);
  }
  if (before == nullptr || (html::Tag(before) != GUMBO_TAG_A && html::Tag(before) != GUMBO_TAG_SPAN)) return false;
  const std::string_view href = html::AttrView(before, "href");
  const std::string name = CleanInlineText(html::VisibleText(before));
  if (name.empty() || name.size() > kMaxHoverCard) return false;
  int links = 0;
  bool image = false;
  bool names = false;
  html::Walk(node, [&](const GumboNode* n) {
    if (!html::IsElement(n)) return false;
    if (html::Tag(n) == GUMBO_TAG_A) {
      ++links;
      names = names || (!href.empty() && html::AttrView(n, "href") == href);
    }
    image = image || html::Tag(n) == GUMBO_TAG_IMG;
    if (!names && html::Tag(n) != GUMBO_TAG_A && html::Children(n) != nullptr && html::Children(n)->length == 1 &&
        html::Child(html::Children(n), 0)->type == GUMBO_NODE_TEXT) {
      names = CleanInlineText(html::Child(html::Children(n), 0)->v.text.text) == name;
    }
    return true;
  });
  if (tag == GUMBO_TAG_SPAN && html::Tag(before) == GUMBO_TAG_A) return image || links >= 2;
  return names && (image || links >= 2);
}

// A comment thread's box: the thread with its heading ("5 thoughts on ...") and little else.
bool IsThreadBox(const GumboNode* node, const PageAnalysis& page) {
  const GumboTag tag = html::Tag(node);
  if (tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION) return false;
  const GumboVector* children = html::Children(node);
  int elements = 0;
  bool thread = false;
  for (unsigned i = 0; i < children->length; ++i) {
    const GumboNode* c = html::Child(children, i);
    if (!html::IsElement(c)) continue;
    ++elements;
    thread = thread || page.Stats(page.Innermost(c)).thread;  // however wrapped
  }
  return thread && elements <= 3;
}

// A form or a field of one (inputs are invisible to the page figures, so look).
bool HoldsForm(const GumboNode* node) {
  bool found = false;
  html::Walk(node, [&](const GumboNode* n) {
    if (found || !html::IsElement(n)) return false;
    const GumboTag tag = html::Tag(n);
    found = tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_INPUT || tag == GUMBO_TAG_TEXTAREA;
    return !found;
  });
  return found;
}

// IsInContentFurniture, with InsideFigure(node) known.
bool IsFurniture(const GumboNode* node, const PageAnalysis& page, bool figure) {
  const NodeStats& s = page.Stats(node);
  if (IsTemplateLandmark(node) || s.thread || IsHoverCard(node, s) || IsThreadBox(node, page)) return true;
  const GumboTag tag = html::Tag(node);
  if (tag == GUMBO_TAG_FORM && s.paragraphs < 3) return true;
  // A sign-up box: a form's field with a few short lines around it (the newsletter's name,
  // its pitch, the legal line), whatever the box is called.
  if ((tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION) && s.text_length < kMaxSignUpBox && s.paragraphs <= 4 &&
      HoldsForm(node)) {
    return true;
  }
  if (tag == GUMBO_TAG_FIGURE && IsPlayerFigure(node)) return true;
  // A photo's source: <cite> or <small> in a figure.
  if ((tag == GUMBO_TAG_CITE || tag == GUMBO_TAG_SMALL) && figure) return true;
  return false;
}

}  // namespace

bool IsInContentFurniture(const GumboNode* node, const PageAnalysis& page) {
  return IsFurniture(node, page, InsideFigure(node));
}

ContentCleaner::ContentCleaner(const PageAnalysis& page, const std::vector<const GumboNode*>& keep)
    : page_(page) {
  for (const GumboNode* n : keep) {
    for (const GumboNode* a = n; a != nullptr; a = a->parent) kept_.insert(a);
  }
}

void ContentCleaner::Judge(const GumboNode* root) {
  // Open elements with the figures of what survived inside them so far.
  std::vector<std::pair<const GumboNode*, NodeStats>> open;
  std::vector<double> link_weight;
  std::vector<LabelText> label_text;  // all visible text of each open element, removed or not
  std::vector<char> in_figure;        // InsideFigure of each open element
  std::vector<Holds> holds;           // what survived inside each open element
  std::size_t sentence_budget = kSentenceBudget;
  html::Walk(
      root,
      [&](const GumboNode* n) {
        if (IsTextNode(n)) {
          if (open.empty()) return false;
          const TextFigures f = MeasureText(n->v.text.text);
          NodeStats& s = open.back().second;
          s.text_length += f.length;
          s.commas += f.commas;
          s.link_length += f.length * link_weight.back();
          label_text.back().Append(n->v.text.text);
          return false;
        }
        if (!html::IsElement(n) || IsHiddenText(n)) return false;
        const bool figure = html::Tag(n) == GUMBO_TAG_FIGURE ||
                            (in_figure.empty() ? InsideFigure(n->parent) : in_figure.back() != 0);
        if (kept_.count(n) == 0 && IsFurniture(n, page_, figure)) {
          removed_.insert(n);
          if (!label_text.empty() && !label_text.back().too_long) {
            label_text.back().Append(html::VisibleText(n));  // read once: not walked further
          }
          return false;
        }
        double weight = link_weight.empty() ? 0.0 : link_weight.back();
        if (html::Tag(n) == GUMBO_TAG_A && html::Attr(n, "href") != nullptr) {
          weight = html::AttrView(n, "href").starts_with("#") ? 0.3 : 1.0;
        }
        open.emplace_back(n, NodeStats());
        link_weight.push_back(weight);
        label_text.emplace_back();
        in_figure.push_back(figure ? 1 : 0);
        holds.emplace_back();
        return true;
      },
      [&](const GumboNode* n) {
        if (open.empty() || open.back().first != n) return;
        const NodeStats s = open.back().second;
        const LabelText text = std::move(label_text.back());
        const bool figure = in_figure.back() != 0;
        Holds held = holds.back();
        open.pop_back();
        link_weight.pop_back();
        label_text.pop_back();
        in_figure.pop_back();
        holds.pop_back();
        const GumboTag tag = html::Tag(n);
        held.is_data_table = tag == GUMBO_TAG_TABLE && IsDataTable(n);
        if (!label_text.empty()) {  // as VisibleText(parent) reads it, whatever happens to n
          const bool block = html::IsBlockTag(tag);
          if (block || tag == GUMBO_TAG_BR) label_text.back().Append(" ");
          label_text.back().Append(text.raw);
          if (text.too_long) label_text.back().too_long = true;
          if (block) label_text.back().Append(" ");
        }
        // A list's label stays for the block filter, which drops it with the list of links.
        const bool label = s.text_length < 120 && text.IsLabel();
        if (page_.flags().clean_conditionally && kept_.count(n) == 0 && !label &&
            LooksThin(n, s, page_, figure, held, &sentence_budget)) {
          removed_.insert(n);
          return;
        }
        if (!open.empty()) AddChild(n, s, &open.back().second);
        if (!holds.empty()) {
          holds.back().code_length += tag == GUMBO_TAG_PRE ? s.text_length : held.code_length;
          holds.back().table_length += held.is_data_table ? s.text_length : held.table_length;
          const bool plain_list = (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) && s.text_length > 0 &&
                                  s.link_length <= 0.2 * s.text_length;
          holds.back().plain_list = holds.back().plain_list || held.plain_list || plain_list;
          holds.back().toggle = holds.back().toggle || held.toggle || tag == GUMBO_TAG_BUTTON;
        }
      });
}

}  // namespace redline::normalize
