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
  float link_share = 0;      // HTML: the share of its letters inside links to other pages
  bool caption = false;      // HTML: inside a <figcaption> or an element whose class names a caption
  bool lead = false;         // HTML: between the headline and the content (a standfirst)
  bool after_rule = false;   // HTML: the first block after an <hr>
  bool verbatim = false;     // HTML: a data table's row or a line of code: data, not prose
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

// "Copyright © 2019 Example News. All rights reserved."
bool IsCopyrightLine(std::string_view text);
// Where to reach the reporter: "Write to Jane Doe at jane@example.com", "@janedoe",
// "Follow AP's coverage at https://...".
bool IsContactLine(std::string_view text);
// What a media player says: "Media playback is unsupported on your device", "Up next".
bool IsPlayerMessage(std::string_view text);
// "Headline one [VIDEO] | Headline two [INSIGHT]": links to other stories with tags.
bool IsBracketTeaser(std::string_view text);

// Subscription offers and calls to join: "12 issues for £11.99. Click here...",
// "If you enjoyed this article, ... join ...", "Like this story? Share it with a friend!".
bool IsOfferLine(std::string_view text);
// Lines without a letter or digit: "***", "______".
bool IsSeparatorLine(std::string_view text);
// An unexpanded CMS shortcode: "[button link=...]Label[/button]".
bool IsShortcode(std::string_view text);

// A notice on how comments are moderated, addressed to readers: "Note: we are moderating all
// comments ...", "ATENÇÃO: Comentários ... não serão aprovados pelo moderador."
bool IsCommentPolicy(std::string_view text);
// A post's metadata line: labelled parts and dates between separators, such as
// "05/10/2018 - Posted by: Jane Doe - Category: Health - Tags: x y".
bool IsPostMetaLine(std::string_view text);
// Share bars, comment counts, related-story labels, ad labels, print and back-to-top
// buttons, follow-us lines, reading times, relative times and copyright notices in German,
// French, Spanish, Italian, Portuguese and Dutch ("Teilen auf Facebook", "À lire aussi",
// "12 commenti", "Leestijd: 3 minuten", "hace 3 horas", "Tous droits réservés").
bool IsLocalizedFurnitureLine(std::string_view text);
// A rating widget's line: "Rating: 4.5 out of 5 (120 votes)", "4,2 von 5 Sternen", "★★★★☆ 12 avis".
bool IsRatingLine(std::string_view text);

// The counters and buttons of a page's live widgets, whatever their values: share bars with
// counts ("Share Tweet Facebook 1.2K 34 comments", "Facebook 2.3K"), like and reader counts
// ("Like 17", "1,234 people reading now"), comment counts ("View all 34 comments"), follower
// counts, an audio player ("Listen to this article 4 min", "Listen 0:00 / 4:12 1x"), with a
// relative time among them ("2 hrs ago · 56 comments"), also glued together without spaces
// ("3,070 people reading nowLike 204") or to a teaser ("34 commentsRead more: Headline").
// Every word must be of that small vocabulary, so "Share prices fell 12%" is no such line.
bool IsEngagementLine(std::string_view text);

// The length in bytes of a teaser label opening `text`, with the punctuation after it
// ("Read more: ", "Related ", "See also » "), or 0: a block that is such a label followed by a
// link ("Related <a>Other headline</a>") is a teaser whatever the headline says.
std::size_t TeaserLabelLength(std::string_view text);

// The name of a newsletter, the title of its sign-up box: "The Daily Brief", "Morning
// Edition", "Our newsletter". Only furniture next to the box's promo.
bool IsNewsletterTitle(std::string_view text);

// Any of the above: a line that is template wherever it stands.
bool IsFurnitureLine(std::string_view text);

// A photo credit's label alone, its value in the next block: "Photo:", "Фото:", "Credit:".
bool IsCreditLabel(std::string_view text);

// A photo caption ending with its credit: "... Photo: AP", "... (Photograph: Reuters)".
bool IsPhotoCaption(std::string_view text);

// The label of a list of links to other pages: "More Great Example Stories", "Related
// coverage", "About the author".
bool IsListLabel(std::string_view text);

// An author's bio: opens with one of the byline's names (or "I am") and says what the
// author is or does: "Jane Doe is a reporter for ...", "Jane joined the paper in 2017".
bool IsAuthorBio(std::string_view text, std::string_view byline);

// Removes furniture from body blocks, in place: furniture lines, video players (a duration
// and the title lines that follow it), list labels with the linked list items after them,
// blocks repeating the one before, and blocks of five words or more repeating one of the
// few blocks before them.
void DropFurniture(std::vector<Candidate>* blocks);

// Removes repeats of eight words or more, compared by their words alone (quotes and
// punctuation aside), wherever they stand: a block repeating a standfirst (a `lead` block), a
// caption repeating an earlier caption (one caption under every photo of a gallery). Other
// text may repeat on purpose (a refrain, the same question to each interviewee) and stays.
void DropRepeats(std::vector<Candidate>* blocks);

// Addresses alone: "jane.doe@example.com", "- @janedoe", "twitter.com/janedoe".
bool IsAddressLine(std::string_view text);

// What an organisation is, in the words of its press releases: opens with its name and "is
// a/an/the", and says where it is headquartered, whom it employs, where its shares are listed:
// "Ascom is a global solutions provider ... Ascom is headquartered in Baar ...".
bool IsOrganisationProfile(std::string_view text);

// Removes a press release's boilerplate from the last few blocks: an organisation's profile
// (IsOrganisationProfile, over the blocks from there to the end) set apart by a horizontal rule
// or an "About <name>" label, and everything after it.
void DropReleaseBoilerplate(std::vector<Candidate>* blocks);

// Removes the notes on the author among the last few blocks: bios (IsAuthorBio) and
// addresses alone (IsAddressLine). Elsewhere an address alone may be part of the story.
void DropAuthorNotes(std::string_view byline, std::vector<Candidate>* blocks);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_TEMPLATE_FILTER_H_
