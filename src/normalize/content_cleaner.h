// Decides what inside the chosen content is left out: template furniture (ads, share bars,
// related links, video players, promos, small forms, landmarks) and, like readability's
// conditional cleaning, boxes that are mostly links, images, inputs or embeds. Boxes are
// judged bottom-up on what survives inside them, so removing a share bar can save the
// paragraphs around it.
#ifndef REDLINE_NORMALIZE_CONTENT_CLEANER_H_
#define REDLINE_NORMALIZE_CONTENT_CLEANER_H_

#include <gumbo.h>

#include <unordered_set>
#include <vector>

#include "normalize/content_extractor.h"

namespace redline::normalize {

// Template by tag, role or class even inside the story.
bool IsInContentFurniture(const GumboNode* node, const PageAnalysis& page);

// A table of data rather than layout: headers or a caption, many rows or columns, or a grid
// of short cells that are mostly not links. Conditional cleaning keeps such tables.
bool IsDataTable(const GumboNode* table);

class ContentCleaner {
 public:
  // `keep`: nodes never removed, with their ancestors (the headline, the content roots).
  ContentCleaner(const PageAnalysis& page, const std::vector<const GumboNode*>& keep);

  // Judges every element under `root`. May be called for several roots.
  void Judge(const GumboNode* root);
  bool Removed(const GumboNode* node) const { return removed_.count(node) > 0; }

 private:
  const PageAnalysis& page_;
  std::unordered_set<const GumboNode*> kept_;
  std::unordered_set<const GumboNode*> removed_;
};

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_CONTENT_CLEANER_H_
