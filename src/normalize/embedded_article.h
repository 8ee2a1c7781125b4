// The article text a page carries as data rather than as visible DOM: schema.org JSON-LD
// articleBody, Next.js __NEXT_DATA__, Nuxt 3 __NUXT_DATA__ and other embedded JSON state
// (Gatsby, Remix, Astro, ...). Pages rendered in the browser often ship a skeleton DOM and
// the whole story in these scripts; reading them needs no browser. Nothing here knows a
// particular site: the story is the group of prose strings that share a key path.
#ifndef REDLINE_NORMALIZE_EMBEDDED_ARTICLE_H_
#define REDLINE_NORMALIZE_EMBEDDED_ARTICLE_H_

#include <gumbo.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/html_tree.h"

namespace redline::normalize {

// Where an article's text came from.
enum class TextSource { kDom, kJsonLd, kNextData, kNuxt, kEmbeddedJson, kTemplate };

// "dom", "json-ld", "next-data", "nuxt", "embedded-json", "template".
std::string_view SourceName(TextSource source);

struct EmbeddedArticle {
  TextSource source = TextSource::kDom;
  // The story's paragraphs (subheadings and list items too), in order: plain text, NFC,
  // whitespace collapsed, valid UTF-8, never empty strings.
  std::vector<std::string> paragraphs;
  // Bytes of text in `paragraphs`, to weigh against the text the DOM gave.
  std::size_t text_size() const;
};

// The richest article body found in the page's data, if any: the JSON-LD articleBody
// (`json_ld_article_body`, as JsonLdArticle::article_body holds it), the data scripts of
// `page` (those html_prepare sets aside: id __NEXT_DATA__ or __NUXT_DATA__, a JSON type, a
// template type) and its <template> elements; `page` may be null (JSON-LD only).
// `headline`, when known, tells the story's own record from other
// stories' in the data, and is left out of the paragraphs. Bodies under 40 words do not
// count (a repeated description is no story). Sources shorter than `min_text_size` bytes
// are not read (the caller wants only more text than it has). Hostile or broken JSON gives
// nullopt.
std::optional<EmbeddedArticle> FindEmbeddedArticle(const html::ParsedHtml* page, std::string_view json_ld_article_body,
                                                   std::string_view headline, std::size_t min_text_size = 0);

// The article body in one script's JSON text (exposed for tests): `source` says how to
// read it (kNuxt: a Nuxt 3 payload; others: plain JSON).
std::optional<EmbeddedArticle> FindArticleInJson(std::string_view json_text, TextSource source,
                                                 std::string_view headline);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_EMBEDDED_ARTICLE_H_
