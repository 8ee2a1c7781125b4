// The check `track` and `feed add` make before they add a URL: one fetch through the
// Fetcher (one attempt, its usual limits), and what the response turned out to be.
#ifndef REDLINE_WEB_PROBE_H_
#define REDLINE_WEB_PROBE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "redline/status.h"
#include "web/fetcher.h"

namespace redline::web {

enum class ProbeKind {
  kUnreachable,  // the fetch failed: `error` says why (a Network error)
  kFeed,         // an RSS, RDF or Atom feed
  kHtmlPage,     // an HTML page (not a feed)
  kOther,        // something else (text, malformed XML, ...)
};

struct Probe {
  ProbeKind kind = ProbeKind::kUnreachable;
  Status error;                    // kUnreachable: the fetch's error
  std::string final_url;           // after redirects
  std::size_t feed_items = 0;      // kFeed: items with a link
  Status feed_error;               // not kFeed: why ParseFeed refused the body
  std::vector<std::string> feeds;  // kHtmlPage: the feeds it names (<link rel="alternate">), absolute
};

// Fetches `url` (canonical) once and looks at the response.
Probe ProbeUrl(Fetcher& fetcher, const std::string& url);

}  // namespace redline::web

#endif  // REDLINE_WEB_PROBE_H_
