#include "web/probe.h"

#include <string_view>
#include <utility>

#include "redline/normalize.h"
#include "web/feed.h"
#include "web/page_input.h"
#include "web/url.h"

namespace redline::web {
namespace {

// An HTML page by its Content-Type, else (no type, or one that says neither HTML nor XML)
// by its first bytes; XML that is no feed is not a page.
bool IsHtmlPage(std::string_view content_type, std::string_view body) {
  std::string type(content_type.substr(0, content_type.find(';')));
  for (char& c : type) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (type.find("html") != std::string::npos) return true;
  if (type.find("xml") != std::string::npos || type.find("text/plain") != std::string::npos) return false;
  const std::size_t start = body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start != std::string_view::npos && body.substr(start, 5) == "<?xml") return false;
  return DetectFormat(body) == InputFormat::kHtml;
}

}  // namespace

Probe ProbeUrl(Fetcher& fetcher, const std::string& url) {
  Probe probe;
  FetchResponse response;
  bool answered = false;
  const Status fetched = fetcher.FetchAll({FetchRequest{url, "", ""}}, [&](FetchResponse&& r) {
    response = std::move(r);
    answered = true;
  });
  if (!fetched.ok()) {
    probe.error = fetched;
    return probe;
  }
  if (!answered) {
    probe.error = Status::Network("no response");
    return probe;
  }
  probe.final_url = response.final_url.empty() ? url : response.final_url;
  if (response.outcome != FetchOutcome::kContent) {
    // A 304 cannot come back to a request without validators; treat it as the error it is.
    probe.error = response.outcome == FetchOutcome::kError
                      ? response.error
                      : Status::Network("HTTP status 304 without a request for it");
    return probe;
  }
  auto feed = ParseFeed(response.body, probe.final_url);
  if (feed.ok()) {
    probe.kind = ProbeKind::kFeed;
    probe.feed_items = feed->items.size();
    return probe;
  }
  probe.feed_error = feed.status();
  if (!IsHtmlPage(response.content_type, response.body)) {
    probe.kind = ProbeKind::kOther;
    return probe;
  }
  probe.kind = ProbeKind::kHtmlPage;
  NormalizeOptions options;
  options.charset = HeaderCharset(response.content_type);
  auto links = DeclaredFeeds(response.body, options);
  if (!links.ok()) return probe;  // an HTML page whose feeds cannot be read names none
  for (const FeedLink& link : *links) {
    auto resolved = ResolveUrl(probe.final_url, link.href);
    if (!resolved.ok()) continue;
    auto canonical = CanonicalUrl(*resolved);
    if (!canonical.ok()) continue;
    bool repeated = false;
    for (const std::string& seen : probe.feeds) repeated = repeated || seen == *canonical;
    if (!repeated) probe.feeds.push_back(*canonical);
  }
  return probe;
}

}  // namespace redline::web
