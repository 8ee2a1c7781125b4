// URLs as redline keeps them: canonical (the form that is tracked, fetched and recorded),
// with credentials refused or redacted, and the story id derived from them.
// docs/tracking.md describes the rules for users.
#ifndef REDLINE_WEB_URL_H_
#define REDLINE_WEB_URL_H_

#include <string>
#include <string_view>

#include "redline/status.h"

namespace redline::web {

// The canonical form of an http(s) URL: scheme and host lowercased, a trailing dot of the
// host and the default port dropped, dot segments resolved, an empty path made "/",
// tracking parameters (IsTrackingParameter) and the fragment removed, the other query
// parameters kept in order. BadInput, with a clear one-line message, for: anything but
// http:// and https:// ("file://", "ftp://", no scheme), a user name or password in the
// URL (the message shows the URL without them), control characters or spaces, more than
// 8,192 bytes, or a URL libcurl cannot parse.
Result<std::string> CanonicalUrl(std::string_view url);

// utm_* and the click and campaign ids of the big ad and mail platforms (fbclid, gclid,
// msclkid, mc_cid, ...); names compare case-insensitively. The full list is in url.cc and
// docs/tracking.md.
bool IsTrackingParameter(std::string_view name);

// The story id for a canonical URL: host without "www.", then path and query, lowercased,
// every run of characters other than [a-z0-9] (and dots in the host) turned into one '-',
// trimmed; over 128 characters it keeps 119 and appends '-' and 8 hex digits of the URL's
// FNV-1a hash. Always a valid story id for a canonical URL.
std::string StoryIdForUrl(std::string_view canonical_url);

// Removes "user:password@" from every "scheme://user:password@host" in `text`, for URLs and
// messages that go to logs, commits or state files.
std::string RedactCredentials(std::string_view text);

// The lowercased host of a URL ("" when it has none), for per-host limits.
std::string UrlHost(std::string_view url);

// `reference` (absolute or relative, e.g. a feed item's link) resolved against `base`.
Result<std::string> ResolveUrl(std::string_view base, std::string_view reference);

}  // namespace redline::web

#endif  // REDLINE_WEB_URL_H_
