// Finds the main content of a page without knowing the site: readability's approach.
// Paragraph-like elements score their ancestors by text length and commas; candidates are
// discounted by link density and notice words, never weighted by class or id names (a new
// template renames them); the winner's siblings that look like story text join it.
#ifndef REDLINE_NORMALIZE_CONTENT_EXTRACTOR_H_
#define REDLINE_NORMALIZE_CONTENT_EXTRACTOR_H_

#include <gumbo.h>

#include <string_view>

#include "normalize/node_table.h"
#include "normalize/notice_words.h"
#include <vector>

namespace redline::normalize {

struct ExtractionFlags {
  bool strip_landmarks = true;      // ignore nav, aside, footer, header, dialog... while scoring
  bool strip_threads = true;        // ignore comment threads (IsDiscussion) while scoring
  bool clean_conditionally = true;  // drop link lists and thin boxes inside the content
};

struct TextFigures {
  int length = 0;  // characters, whitespace runs counted once
  int commas = 0;  // commas of any script
};
TextFigures MeasureText(std::string_view text);

// Text figures of one element, counted over what a reader sees.
struct NodeStats {
  int text_length = 0;     // characters, whitespace runs counted once
  float link_length = 0;  // characters inside links (in-page links count 0.3)
  int commas = 0;
  int heading_length = 0;  // characters inside h1..h6
  int quote_length = 0;    // characters inside blockquotes (quoted posts, tweets)
  int paragraphs = 0;      // <p> descendants
  int list_items = 0;
  int images = 0;
  int inputs = 0;
  int embeds = 0;
  NoticeWordCount notice;  // consent, login, subscription and advertising words
  int articles = 0;  // innermost <article> descendants: two or more make a feed of teasers
  int element_children = 0;  // element children but those never rendered (scripts, styles)
  bool own_text = false;     // a text child that is not whitespace
  bool has_block_descendant = false;
  bool skipped = false;  // not counted: invisible, or a landmark while strip_landmarks
  bool thread = false;   // a comment thread set aside while strip_threads (IsDiscussion)
  bool scored = false;   // a scoring candidate
  bool paragraph = false;  // a <p>, or a div of phrasing content (scored as a paragraph)
  float score = 0;
};

class PageAnalysis {
 public:
  // `title_heading` (may be null) is the heading that shows the page's title: when the best
  // candidate is a feed of teasers apart from it, the candidate around the heading wins.
  PageAnalysis(const GumboNode* root, const ExtractionFlags& flags, const GumboNode* title_heading = nullptr);

  const ExtractionFlags& flags() const { return flags_; }
  // Figures of an element; a zero record for nodes that were not counted.
  const NodeStats& Stats(const GumboNode* node) const;
  double LinkDensity(const GumboNode* node) const;

  // The main content: the winning element and the siblings that join it, in page order.
  // Empty when the page has no body.
  std::vector<const GumboNode*> SelectContent() const;
  // The winning element alone (before siblings join).
  const GumboNode* top() const { return top_; }

  // A box holding one element and no text of its own: a template's wrapper, which redesigns
  // add, remove and swap. Scores pass through a chain of them as through one element.
  bool IsPureWrapper(const GumboNode* node) const;
  // The outermost element of the chain of pure wrappers around `node` (`node` when none).
  const GumboNode* Outermost(const GumboNode* node) const;
  // The element a chain of pure wrappers comes down to (`node` when it is no wrapper).
  const GumboNode* Innermost(const GumboNode* node) const;
  // True when `a` and `b` come down to elements of one shape (tag and class attribute):
  // chunks of one story cut by a template, however wrapped.
  bool ShareShape(const GumboNode* a, const GumboNode* b) const;

 private:
  void Count(const GumboNode* root);
  void Score(const GumboNode* body);
  void AddScore(const GumboNode* owner, int text_length, int commas);
  void Choose(const GumboNode* body, const GumboNode* title_heading);
  // Inside (or being) a container of two or more <article>s that lacks the title heading.
  bool InFeed(const GumboNode* node, const GumboNode* title_heading) const;

  ExtractionFlags flags_;
  NodeTable<NodeStats> stats_;
  std::vector<const GumboNode*> candidates_;
  const GumboNode* body_ = nullptr;
  const GumboNode* top_ = nullptr;
};

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_CONTENT_EXTRACTOR_H_
