// A pass over the page bytes before gumbo sees them. Half the bytes of a news page are
// scripts and styles, which no reader sees and which gumbo would tokenize character by
// character only to copy them into the tree; the pass leaves their text out (tags stay, so
// the tree keeps its shape) and measures how deep the elements nest, so that pages gumbo
// cannot build are refused before parsing.
#ifndef REDLINE_NORMALIZE_HTML_PREPARE_H_
#define REDLINE_NORMALIZE_HTML_PREPARE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace redline::html {

// A script whose text extraction may read (embedded_article.h): the JSON state of Next.js,
// Nuxt and other frameworks, or a client-side template. Kept beside the page rather than
// in it: gumbo would tokenize megabytes of JSON only for most pages never to read them.
// Views into the page given to PrepareHtml (or html::Parse): valid while that page is, so
// a page's state costs no copy.
struct DataScript {
  std::string_view attributes;  // the start tag's attributes as written ("id=__NEXT_DATA__ type=...")
  std::string_view text;
};

struct PreparedHtml {
  // The page without the text of scripts (JSON-LD kept), styles and comments, without the
  // children of <svg> and <math>, without whitespace between tags next to a block-level
  // tag, and without the attributes nobody reads.
  std::string html;
  // A rough count of how deep open elements nest, read from the tags alone (void elements
  // and elements that close implicitly, like p and li, are not counted).
  std::size_t nesting_depth = 0;
  std::vector<DataScript> data_scripts;  // in page order
};

// `extra_attributes` (lowercase names) are kept besides those extraction reads (class, id,
// href, style, role, itemprop, ...); all others are left out of the tag.
PreparedHtml PrepareHtml(std::string_view html, const std::vector<std::string>& extra_attributes = {});

}  // namespace redline::html

#endif  // REDLINE_NORMALIZE_HTML_PREPARE_H_
