// Facts about the article other than its body: headline, byline, times, URL, language.
#ifndef REDLINE_NORMALIZE_METADATA_H_
#define REDLINE_NORMALIZE_METADATA_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "normalize/json_ld.h"

namespace redline::normalize {

struct Metadata {
  std::string title;                            // cleaned, without the site suffix
  const GumboNode* headline_element = nullptr;  // the element showing the title, if any
  std::string byline;                           // "Jane Doe and John Roe" (no "By ")
  std::string published;
  std::string modified;
  std::string canonical_url;
  std::string language;
  std::string site_name;
};

// Reads the metadata of the page under `root`. `content` (may be null) is the main content
// element: the page's h1 nearest to it is taken as the shown headline.
Metadata ReadMetadata(const GumboNode* root, const GumboNode* content, const JsonLdArticle& ld);

// The visible h1 whose words match the title the page declares (og:title, JSON-LD headline,
// or the start of <title>), found before the content is known; nullptr when none does.
const GumboNode* FindTitleHeading(const GumboNode* root, const JsonLdArticle& ld);

// The page's own addresses: <link rel=canonical href> and og:url, in that order.
std::vector<std::string> DeclaredUrls(const GumboNode* root);

// "Headline | Site", "Headline - Section - Site" -> "Headline". `known` are other headline
// candidates (og:title, h1): when one of them starts the title, it wins.
std::string StripSiteSuffix(std::string_view title, const std::vector<std::string>& known);

// Joins author names as a byline: "A", "A and B", "A, B and C"; drops repeats, URLs and
// names equal to `site_name`.
std::string JoinAuthors(const std::vector<std::string>& names, std::string_view site_name);

// Decodes HTML character references that sometimes survive in metadata (&amp; &#8217;).
std::string DecodeEntities(std::string_view text);

// Compares headlines by their words only (case, quotes and punctuation ignored).
bool SameWords(std::string_view a, std::string_view b);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_METADATA_H_
