#include "normalize/content_extractor.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>

#include "base/utf8.h"
#include "normalize/discussion.h"
#include "normalize/element_hints.h"
#include "normalize/html_tree.h"

namespace redline::normalize {
namespace {

// How far above the top candidate a chunk of the same shape may sit: chunk, grid, box.
constexpr int kTwinLevels = 3;

constexpr int kMinParagraphLength = 25;
constexpr int kTopCandidates = 5;
constexpr int kAncestorLevels = 5;

bool IsTextNode(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
         node->type == GUMBO_NODE_CDATA;
}

int TagBaseScore(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
      return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

// Paragraph-like elements. readability scores <section> as one too; here a section reads as
// the div it is swapped with (html::CanonicalizeTags), so a redesign moves no score.
bool IsScoredTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return true;
    default:
      return false;
  }
}

}  // namespace

TextFigures MeasureText(std::string_view text) {
  TextFigures figures;
  bool in_space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t n = 0;
    const char32_t c = utf8::Decode(text, pos, &n);
    pos += n;
    if (utf8::IsSpace(c)) {
      if (!in_space) ++figures.length;
      in_space = true;
      continue;
    }
    in_space = false;
    ++figures.length;
    if (c == ',' || c == 0x060C || c == 0xFE50 || c == 0xFE10 || c == 0xFE11 || c == 0x2E41 || c == 0x2E34 ||
        c == 0x2E32 || c == 0xFF0C || c == 0x3001) {
      ++figures.commas;
    }
  }
  return figures;
}

PageAnalysis::PageAnalysis(const GumboNode* root, const ExtractionFlags& flags,
                           const GumboNode* title_heading)
    : flags_(flags) {
  body_ = html::FindFirst(root, GUMBO_TAG_BODY);
  if (body_ == nullptr) return;
  Count(body_);
  Score(body_);
  Choose(body_, title_heading);
}

bool PageAnalysis::InFeed(const GumboNode* node, const GumboNode* title_heading) const {
  for (const GumboNode* n = node; html::IsElement(n); n = n->parent) {
    if (Stats(n).articles >= 2 && !html::IsAncestor(n, title_heading)) return true;
  }
  return false;
}

const NodeStats& PageAnalysis::Stats(const GumboNode* node) const {
  static const NodeStats kEmpty;
  const NodeStats* stats = stats_.Find(node);
  return stats != nullptr ? *stats : kEmpty;
}

double PageAnalysis::LinkDensity(const GumboNode* node) const {
  const NodeStats& s = Stats(node);
  return s.text_length > 0 ? double{s.link_length} / s.text_length : 0.0;
}

void PageAnalysis::Count(const GumboNode* root) {
  // Post-order accumulation with an explicit stack of open elements.
  std::vector<const GumboNode*> open;
  std::vector<double> link_weight;  // weight of the innermost enclosing link, 0 outside
  html::Walk(
      root,
      [&](const GumboNode* n) {
        if (IsTextNode(n)) {
          if (open.empty()) return false;
          const TextFigures f = MeasureText(n->v.text.text);
          NodeStats& s = stats_[open.back()];
          s.own_text = s.own_text || n->type != GUMBO_NODE_WHITESPACE;
          s.text_length += f.length;
          s.commas += f.commas;
          s.notice += CountNoticeWords(n->v.text.text);
          if (!link_weight.empty() && link_weight.back() > 0) s.link_length += f.length * link_weight.back();
          return false;
        }
        if (!html::IsElement(n)) return false;
        if (!open.empty() && !html::IsNeverRendered(n)) ++stats_[open.back()].element_children;
        NodeStats& s = stats_[n];
        if (html::IsInvisible(n) || (n != root && flags_.strip_landmarks && IsTemplateLandmark(n))) {
          s.skipped = true;
          return false;
        }
        // Comment threads are not the story while there is text outside them; a live blog's
        // entries look like one and are counted by the last attempts.
        if (n != root && flags_.strip_threads && IsDiscussion(n)) {
          s.skipped = s.thread = true;
          return false;
        }
        open.push_back(n);
        double weight = link_weight.empty() ? 0.0 : link_weight.back();
        if (html::Tag(n) == GUMBO_TAG_A && html::Attr(n, "href") != nullptr) {
          weight = html::AttrView(n, "href").starts_with("#") ? 0.3 : 1.0;
        }
        link_weight.push_back(weight);
        return true;
      },
      [&](const GumboNode* n) {
        if (open.empty() || open.back() != n) return;
        open.pop_back();
        link_weight.pop_back();
        const NodeStats s = stats_[n];
        if (open.empty()) return;
        NodeStats& parent = stats_[open.back()];
        parent.text_length += s.text_length;
        parent.link_length += s.link_length;
        parent.commas += s.commas;
        parent.notice += s.notice;
        parent.quote_length += html::Tag(n) == GUMBO_TAG_BLOCKQUOTE ? s.text_length : s.quote_length;
        parent.paragraphs += s.paragraphs + (html::Tag(n) == GUMBO_TAG_P ? 1 : 0);
        parent.list_items += s.list_items + (html::Tag(n) == GUMBO_TAG_LI ? 1 : 0);
        parent.images += s.images + (html::Tag(n) == GUMBO_TAG_IMG ? 1 : 0);
        parent.inputs += s.inputs + (html::Tag(n) == GUMBO_TAG_INPUT ? 1 : 0);
        const GumboTag tag = html::Tag(n);
        // Innermost articles only: an article nested in another is one story, not a feed.
        parent.articles += (tag == GUMBO_TAG_ARTICLE && s.articles == 0) ? 1 : s.articles;
        parent.embeds += s.embeds + (tag == GUMBO_TAG_IFRAME || tag == GUMBO_TAG_EMBED ||
                                     tag == GUMBO_TAG_OBJECT || tag == GUMBO_TAG_VIDEO);
        parent.has_block_descendant =
            parent.has_block_descendant || s.has_block_descendant || html::IsBlockTag(tag);
      });
}

void PageAnalysis::AddScore(const GumboNode* owner, int text_length, int commas) {
  if (text_length < kMinParagraphLength) return;
  const double points = 1.0 + commas + std::min(text_length / 100, 3);
  int level = 0;
  // A chain of pure wrappers is one level: a template's extra divs move no score.
  for (const GumboNode* a = owner; a != nullptr && level < kAncestorLevels; a = Outermost(a)->parent) {
    // The body holds everything; scoring it would let a page of teasers outvote the story.
    if (!html::IsElement(a) || !html::IsElement(a->parent) || html::Tag(a) == GUMBO_TAG_BODY) break;
    NodeStats& s = stats_[a];
    if (!s.scored) {
      s.scored = true;
      s.score = TagBaseScore(html::Tag(a));  // `a` is the innermost of its chain
      candidates_.push_back(a);
    }
    const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
    s.score += points / divider;
    ++level;
  }
}

void PageAnalysis::Score(const GumboNode* body) {
  html::Walk(body, [&](const GumboNode* n) {
    if (!html::IsElement(n) || Stats(n).skipped) return false;
    const GumboTag tag = html::Tag(n);
    const GumboVector* children = html::Children(n);
    if (IsScoredTag(tag)) {
      if (tag == GUMBO_TAG_P) stats_[n].paragraph = true;
      // Boxes holding only this paragraph count as the paragraph: any chain of wrappers, and
      // readability's div around a single <p> (with its photo, say).
      const GumboNode* parent = Outermost(n)->parent;
      if (tag == GUMBO_TAG_P && html::Tag(parent) == GUMBO_TAG_DIV && Stats(parent).paragraphs == 1 &&
          Stats(parent).text_length == Stats(n).text_length && LinkDensity(parent) < 0.25) {
        parent = Outermost(parent)->parent;
      }
      // A paragraph of a consent dialog, login wall or newsletter box scores nothing, however long.
      if (!IsNoticeDense(Stats(n).notice)) AddScore(parent, Stats(n).text_length, Stats(n).commas);
      return true;
    }
    if (tag != GUMBO_TAG_DIV || children == nullptr) return true;
    bool block_child = false;
    for (unsigned i = 0; i < children->length && !block_child; ++i) {
      const GumboNode* c = html::Child(children, i);
      block_child = html::IsElement(c) && !Stats(c).skipped && IsDivBlockChild(html::Tag(c));
    }
    if (!block_child) {  // a div of phrasing content is a paragraph
      stats_[n].paragraph = true;
      if (!IsNoticeDense(Stats(n).notice)) AddScore(Outermost(n)->parent, Stats(n).text_length, Stats(n).commas);
      return true;
    }
    // Phrasing runs between the blocks of a mixed div are paragraphs of that div.
    TextFigures run;
    const auto flush = [&] {
      AddScore(n, run.length, run.commas);
      run = TextFigures();
    };
    for (unsigned i = 0; i < children->length; ++i) {
      const GumboNode* c = html::Child(children, i);
      if (IsTextNode(c)) {
        const TextFigures f = MeasureText(c->v.text.text);
        run.length += f.length;
        run.commas += f.commas;
      } else if (html::IsElement(c) && !Stats(c).skipped) {
        if (html::IsBlockTag(html::Tag(c)) || IsDivBlockChild(html::Tag(c)) ||
            Stats(c).has_block_descendant) {
          flush();
        } else {
          run.length += Stats(c).text_length;
          run.commas += Stats(c).commas;
        }
      }
    }
    flush();
    return true;
  });
}

void PageAnalysis::Choose(const GumboNode* body, const GumboNode* title_heading) {
  // Links and the vocabulary of notices (cookies, sign in, subscribe) discount a candidate:
  // a dialog longer than the story must not win. A story about cookie rules has a few such
  // words among many others and keeps most of its score.
  for (const GumboNode* c : candidates_) {
    const double notice = std::clamp((Stats(c).notice.Share() - 0.03) * 8, 0.0, 0.95);
    stats_[c].score *= (1.0 - LinkDensity(c)) * (1.0 - notice);
  }
  std::vector<const GumboNode*> ranked = candidates_;
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](const GumboNode* a, const GumboNode* b) { return Stats(a).score > Stats(b).score; });
  if (ranked.empty() || html::Tag(ranked.front()) == GUMBO_TAG_BODY) {
    top_ = body;
    return;
  }
  const GumboNode* top = ranked.front();
  // A feed of teasers beside the story's own heading: the story is around the heading.
  if (title_heading != nullptr && InFeed(top, title_heading)) {
    for (const GumboNode* a = title_heading->parent; html::IsElement(a) && a != body; a = a->parent) {
      if (!Stats(a).scored) continue;
      if (!html::IsAncestor(a, top) && !InFeed(a, title_heading) &&
          Stats(a).score >= 0.1 * Stats(top).score) {
        top_ = a;  // the heading's own container; climbing would take the feed back in
        return;
      }
      break;
    }
  }
  const double top_score = Stats(top).score;

  // Several near-equal candidates under one ancestor: the ancestor is the content.
  std::vector<std::unordered_set<const GumboNode*>> alternatives;
  for (std::size_t i = 1; i < ranked.size() && i < kTopCandidates; ++i) {
    if (title_heading != nullptr && InFeed(ranked[i], title_heading)) continue;
    if (top_score > 0 && Stats(ranked[i]).score / top_score >= 0.75) {
      std::unordered_set<const GumboNode*> ancestors;
      for (const GumboNode* a = ranked[i]->parent; html::IsElement(a); a = a->parent) ancestors.insert(a);
      alternatives.push_back(std::move(ancestors));
    }
  }
  if (alternatives.size() >= 3) {
    for (const GumboNode* p = top->parent; html::IsElement(p) && p != body; p = p->parent) {
      const auto holding = std::count_if(alternatives.begin(), alternatives.end(),
                                         [&](const auto& set) { return set.count(p) > 0; });
      if (holding >= 3) {
        top = p;
        break;
      }
    }
  }

  // The story cut into chunks of one shape (ads between them): a near candidate shaped like
  // the top one, a few levels away, brings their common ancestor. The shape is the tag and
  // the class attribute compared whole, which a template's renaming keeps alike.
  for (std::size_t i = 1; i < ranked.size() && i < kTopCandidates; ++i) {
    const GumboNode* twin = ranked[i];
    if (Stats(twin).score < 0.3 * top_score || !ShareShape(twin, top) || html::IsAncestor(twin, top) ||
        html::IsAncestor(top, twin)) {
      continue;
    }
    const GumboNode* common = Outermost(top)->parent;
    for (int level = 0; level < kTwinLevels && html::IsElement(common) && common != body; ++level) {
      if (html::IsAncestor(common, twin)) break;
      common = Outermost(common)->parent;
    }
    if (html::IsElement(common) && common != body && html::IsAncestor(common, twin) &&
        (title_heading == nullptr || !InFeed(common, title_heading))) {
      top = common;
      break;
    }
  }

  // Climb while the parent scores better: more content may sit in the parent's other children.
  double last_score = Stats(top).score;
  const double threshold = last_score / 3;
  for (const GumboNode* p = top->parent; html::IsElement(p) && p != body; p = p->parent) {
    if (!Stats(p).scored) continue;
    const double score = Stats(p).score;
    if (score < threshold) break;
    if (score > last_score) {
      top = p;
      break;
    }
    last_score = score;
  }

  // An only child stands for its parent.
  while (top->parent != nullptr && top->parent != body && html::IsElement(top->parent)) {
    const GumboVector* siblings = html::Children(top->parent);
    int elements = 0;
    for (unsigned i = 0; i < siblings->length; ++i) elements += html::IsElement(html::Child(siblings, i));
    if (elements != 1) break;
    top = top->parent;
  }
  top_ = top;
}

// html::WrappedElement's test, read from the counted stats (no walk over the children).
bool PageAnalysis::IsPureWrapper(const GumboNode* node) const {
  if (!html::IsWrapperTag(html::Tag(node))) return false;
  const NodeStats& s = Stats(node);
  return s.element_children == 1 && !s.own_text && !s.skipped;
}

const GumboNode* PageAnalysis::Outermost(const GumboNode* node) const {
  while (html::IsElement(node->parent) && node->parent != body_ && IsPureWrapper(node->parent)) node = node->parent;
  return node;
}

const GumboNode* PageAnalysis::Innermost(const GumboNode* node) const {
  for (const GumboNode* only; IsPureWrapper(node) && (only = html::WrappedElement(node)) != nullptr;) node = only;
  return node;
}

bool PageAnalysis::ShareShape(const GumboNode* a, const GumboNode* b) const {
  // The wrapped elements, not the wrappers: a template names its wrappers alike everywhere.
  const GumboNode* x = Innermost(a);
  const GumboNode* y = Innermost(b);
  return html::Tag(x) == html::Tag(y) && !html::AttrView(x, "class").empty() &&
         html::AttrView(x, "class") == html::AttrView(y, "class");
}

std::vector<const GumboNode*> PageAnalysis::SelectContent() const {
  if (top_ == nullptr) return {};
  if (top_ == body_ || !html::IsElement(top_->parent)) return {top_};
  const double top_score = Stats(Innermost(top_)).score;  // top_ may be a wrapper: the only child climbed
  const double threshold = std::max(10.0, top_score * 0.2);
  std::vector<const GumboNode*> nodes;
  const GumboVector* siblings = html::Children(top_->parent);
  for (unsigned i = 0; i < siblings->length; ++i) {
    const GumboNode* s = html::Child(siblings, i);
    if (!html::IsElement(s)) continue;
    bool append = s == top_;
    // A sibling's score sits on the element its wrappers come down to.
    const NodeStats& st = Stats(Innermost(s));
    if (!append && !Stats(s).skipped && st.articles < 2) {
      const double bonus = ShareShape(s, top_) ? top_score * 0.2 : 0;
      if (st.scored && st.score + bonus >= threshold) {
        append = true;
      } else if (st.paragraph) {
        const double density = LinkDensity(s);
        const std::string text = html::VisibleText(s);
        const bool sentence_end = text.find(". ") != std::string::npos ||
                                  (!text.empty() && text.find_last_not_of(" \t\n\r") != std::string::npos &&
                                   text[text.find_last_not_of(" \t\n\r")] == '.');
        append = (st.text_length > 80 && density < 0.25) ||
                 (st.text_length < 80 && st.text_length > 0 && density == 0 && sentence_end);
      }
    }
    if (append) nodes.push_back(s);
  }
  return nodes;
}

}  // namespace redline::normalize
