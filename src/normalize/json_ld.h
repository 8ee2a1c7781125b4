// Article facts from the page's JSON-LD (schema.org NewsArticle and kin).
#ifndef REDLINE_NORMALIZE_JSON_LD_H_
#define REDLINE_NORMALIZE_JSON_LD_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace redline::normalize {

struct JsonLdArticle {
  bool found = false;  // an article-like object was found
  std::string headline;
  std::vector<std::string> authors;  // person (or organisation) names, in order
  std::string date_published;
  std::string date_modified;
  std::string url;
  std::string publisher;  // the publisher's name, to recognise a site name used as author
  std::string article_body;
};

// Reads the fullest article-like object (Article, NewsArticle, BlogPosting, ...) from the
// JSON-LD scripts under `root`, looking inside arrays and @graph. Broken JSON is skipped.
JsonLdArticle ReadJsonLd(const GumboNode* root);

// Same, from one script's text (exposed for tests).
JsonLdArticle ParseJsonLd(std::string_view json_text);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_JSON_LD_H_
