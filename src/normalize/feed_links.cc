// DeclaredFeeds (redline/normalize.h): the feeds a page names with <link rel="alternate">.
#include <string>
#include <string_view>
#include <vector>

#include "normalize/html_tree.h"
#include "normalize/input_check.h"
#include "normalize/text_words.h"
#include "redline/normalize.h"

namespace redline {
namespace {

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// True when the space-separated `rel` holds `token` (ASCII case ignored).
bool RelHas(std::string_view rel, std::string_view token) {
  std::size_t i = 0;
  while (i < rel.size()) {
    while (i < rel.size() && IsHtmlSpace(rel[i])) ++i;
    std::size_t end = i;
    while (end < rel.size() && !IsHtmlSpace(rel[end])) ++end;
    if (end > i && normalize::AsciiLowered(rel.substr(i, end - i)) == token) return true;
    i = end;
  }
  return false;
}

std::string Trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n\f");
  if (first == std::string_view::npos) return "";
  const std::size_t last = text.find_last_not_of(" \t\r\n\f");
  return std::string(text.substr(first, last - first + 1));
}

// The MIME type without parameters or surrounding spaces, lowercased.
std::string BareType(std::string_view type) {
  return normalize::AsciiLowered(Trimmed(type.substr(0, type.find(';'))));
}

}  // namespace

Result<std::vector<FeedLink>> DeclaredFeeds(std::string_view bytes, const NormalizeOptions& options) {
  NormalizeOptions html_options = options;
  html_options.from = InputFormat::kHtml;
  REDLINE_ASSIGN_OR_RETURN(const normalize::DecodedInput input, normalize::DecodeInput(bytes, html_options));
  REDLINE_ASSIGN_OR_RETURN(const html::ParsedHtml parsed,
                           html::Parse(input.text(), {"title"}, options.max_nesting_depth));
  std::vector<FeedLink> feeds;
  for (const GumboNode* link : html::FindAll(parsed.document(), GUMBO_TAG_LINK)) {
    if (!RelHas(html::AttrView(link, "rel"), "alternate")) continue;
    const std::string type = BareType(html::AttrView(link, "type"));
    if (type != "application/rss+xml" && type != "application/atom+xml" && type != "application/rdf+xml")
      continue;
    std::string href = Trimmed(html::AttrView(link, "href"));
    if (href.empty()) continue;
    bool repeated = false;
    for (const FeedLink& seen : feeds) repeated = repeated || seen.href == href;
    if (repeated) continue;
    feeds.push_back({std::move(href), Trimmed(html::AttrView(link, "title"))});
  }
  return feeds;
}

}  // namespace redline
