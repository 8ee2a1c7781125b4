// Feeds: RSS 2.0, RSS 1.0 (RDF) and Atom, parsed with pugixml. pugixml expands only the
// five predefined entities and character references; DOCTYPEs are skipped and their entity
// declarations never expanded, so "billion laughs" and external entities stay inert text.
#ifndef REDLINE_WEB_FEED_H_
#define REDLINE_WEB_FEED_H_

#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "redline/status.h"

namespace redline::web {

struct FeedItem {
  std::string url;        // the item's link, resolved against the feed's URL
  std::string title;      // text, whitespace collapsed
  std::string published;  // as the feed gives it; may be empty
};

struct Feed {
  std::string format;  // "rss", "rdf" or "atom"
  std::string title;
  std::vector<FeedItem> items;  // in feed order, at most 5,000; items without a link dropped
};

// BadInput for malformed XML ("feed is not well-formed XML: ... at offset N") or XML that
// is none of the three formats.
Result<Feed> ParseFeed(std::string_view bytes, std::string_view feed_url);

// Optional URL and title filters (ECMAScript regular expressions, searched anywhere in the
// value; the title one ignores case). An empty pattern matches everything.
class FeedFilter {
 public:
  // BadInput for a pattern std::regex refuses.
  static Result<FeedFilter> Compile(const std::string& match_url, const std::string& match_title);
  bool Matches(const FeedItem& item) const;

 private:
  std::shared_ptr<const std::regex> url_;
  std::shared_ptr<const std::regex> title_;
};

}  // namespace redline::web

#endif  // REDLINE_WEB_FEED_H_
