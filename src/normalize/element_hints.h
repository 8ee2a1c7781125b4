// What an element's tag, role, class and id say about it: story text or page template.
// Generic word lists (readability's approach), no site-specific names.
#ifndef REDLINE_NORMALIZE_ELEMENT_HINTS_H_
#define REDLINE_NORMALIZE_ELEMENT_HINTS_H_

#include <gumbo.h>

#include <string_view>

namespace redline::normalize {

// Class/id words suggesting story text (article, content, story, body, entry, post...).
bool HasPositiveHint(std::string_view class_and_id);
// Class/id words suggesting template (comment, footer, nav, sidebar, related, share, ad...).
bool HasNegativeHint(std::string_view class_and_id);
// Class/id words that mark template even inside the story: ad slots, share bars, related
// links, video players, newsletter promos, comments.
bool HasFurnitureHint(std::string_view class_and_id);

// Class/id words of media players (video, jwplayer, brightcove, youtube, ...).
bool HasPlayerHint(std::string_view class_and_id);

// Class/id words of hover cards: the box of links and a photo that pops up over a name.
bool HasHoverCardHint(std::string_view class_and_id);

// Class/id words for small boxes beside the story text: author bios, photo credits,
// bylines, dates and other metadata lines, copyright notices. Not for captions.
bool HasAsideHint(std::string_view class_and_id);

// readability's class weight: +25 for a positive hint, -25 for a negative one, for the
// class and the id separately.
int ClassWeight(const GumboNode* node);

// Elements removed before scoring: negative hints without positive ones, and template
// landmarks (nav, aside, footer, roles navigation/banner/complementary/contentinfo...).
bool IsUnlikelyCandidate(const GumboNode* node);

// Template by tag or role alone: nav, aside, footer, header, dialog, menu, and
// role=navigation|banner|complementary|contentinfo|search|dialog|menu|toolbar.
bool IsTemplateLandmark(const GumboNode* node);

// Tags that make a div more than a paragraph (readability's DIV_TO_P_ELEMS).
bool IsDivBlockChild(GumboTag tag);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_ELEMENT_HINTS_H_
