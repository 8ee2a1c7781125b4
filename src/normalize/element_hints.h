// What an element's tag and role say about it: story text or page template. Class and id
// names are not read (a new template renames them; docs/normalization.md).
#ifndef REDLINE_NORMALIZE_ELEMENT_HINTS_H_
#define REDLINE_NORMALIZE_ELEMENT_HINTS_H_

#include <gumbo.h>

namespace redline::normalize {

// Template by tag or role alone: nav, aside, footer, header, dialog, menu, and
// role=navigation|banner|complementary|contentinfo|search|dialog|menu|toolbar.
bool IsTemplateLandmark(const GumboNode* node);

// Tags that make a div more than a paragraph (readability's DIV_TO_P_ELEMS).
bool IsDivBlockChild(GumboTag tag);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_ELEMENT_HINTS_H_
