// Furniture a page template puts between the lines of a story: ad labels, video players,
// share bars, related-story teasers, comment counts, relative times. Shared by HTML and text
// input; the rules look at the words alone, never at a particular site.
#ifndef REDLINE_NORMALIZE_TEMPLATE_FILTER_H_
#define REDLINE_NORMALIZE_TEMPLATE_FILTER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/date_lines.h"
#include "normalize/text_words.h"
#include "redline/document.h"

namespace redline::normalize {

// A body block before filtering, with what its source knew about it.
struct Candidate {
  Block block;
  bool all_link = false;     // HTML: (nearly) all its text sits inside links to other pages
  bool mostly_time = false;  // HTML: half its text or more sits inside <time> elements
};

// "Advertisement", "ADVERTISEMENT", "Sponsored", "Story continues below advertisement"...
bool IsAdLabel(std::string_view text);
// Share buttons: "Share on Facebook", "Facebook Twitter Email", "Copy link".
bool IsShareLine(std::string_view text);
// "261", "41 comments", "Comments (41)", "Join the conversation".
bool IsCommentLine(std::string_view text);
// Teasers for other pages: "Read more", "Read next: ...", "Related: ...", "Watch: ...".
bool IsTeaserLine(std::string_view text);
// Calls to action: "Learn more", "Sign up", "Subscribe now", "Click here".
bool IsCallToAction(std::string_view text);
// Newsletter and subscription promos: "Sign up for our newsletter...".
bool IsPromoLine(std::string_view text);

// A photo credit alone: "Photo: Hau Dinh, AP", "(Photograph by Jane Doe)".
bool IsCreditLine(std::string_view text);

// Gallery counters: "Image 1 of 5", "3 of 12", "1/4".
bool IsGalleryCounter(std::string_view text);

// Any of the above: a line that is template wherever it stands.
bool IsFurnitureLine(std::string_view text);

// A photo caption ending with its credit: "... Photo: AP", "... (Photograph: Reuters)".
bool IsPhotoCaption(std::string_view text);

// Removes furniture from body blocks, in place: furniture lines, video players (a duration
// and the title lines that follow it), blocks repeating the one before, and blocks of five
// words or more repeating one of the few blocks before them.
void DropFurniture(std::vector<Candidate>* blocks);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_TEMPLATE_FILTER_H_
