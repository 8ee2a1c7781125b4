// Fetching pages politely with libcurl's multi interface: many transfers at once, a limit
// and a delay per host, conditional GET, compressed responses, at most 10 redirects over
// http and https only, connect and total timeouts, a body size limit, Retry-After.
#ifndef REDLINE_WEB_FETCHER_H_
#define REDLINE_WEB_FETCHER_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "redline/status.h"

namespace redline::web {

struct FetchOptions {
  std::string user_agent = "redline/0.1.0 (news revision tracker)";
  long connect_timeout_ms = 10'000;
  long total_timeout_ms = 30'000;
  std::size_t max_body_bytes = std::size_t{16} << 20;  // decoded bytes
  long max_redirects = 10;
  int max_transfers = 16;        // in flight at once, over all hosts
  int per_host_transfers = 2;    // in flight at once to one host
  long per_host_delay_ms = 250;  // between the starts of two requests to one host
};

struct FetchRequest {
  std::string url;            // an http(s) URL (web::CanonicalUrl)
  std::string etag;           // sent as If-None-Match when not empty
  std::string last_modified;  // sent as If-Modified-Since when not empty
};

enum class FetchOutcome {
  kContent,      // a 2xx response with a body
  kNotModified,  // 304: the validators still hold; no body was transferred
  kError,        // see FetchResponse::error
};

struct FetchResponse {
  std::size_t index = 0;  // the request's position in the list given to FetchAll
  FetchOutcome outcome = FetchOutcome::kError;
  // kError only: a Network error with a one-line message ("HTTP status 404",
  // "timed out ...", "body over the limit of N bytes", "more than 10 redirects", ...).
  Status error;
  long http_status = 0;   // of the last response; 0 when none arrived
  std::string final_url;  // after redirects, credentials removed
  std::string content_type;
  std::string etag;
  std::string last_modified;
  // Seconds to wait, from a 429 or 503 response's Retry-After (seconds or an HTTP date).
  std::optional<std::int64_t> retry_after_seconds;
  std::string body;  // decoded (gzip and the other encodings libcurl knows undone)
  long redirects = 0;
  double seconds = 0;  // the transfer's total time
};

struct FetchProgress {
  std::size_t total = 0;
  std::size_t done = 0;
  std::size_t errors = 0;
  std::uint64_t bytes = 0;  // body bytes received so far
};

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options = {});
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;
  ~Fetcher();

  // Fetches every request and calls `on_response` once for each, in completion order, on
  // the calling thread (other transfers wait while it runs). Once `*stop` is true no new
  // transfer starts; the ones in flight finish and are reported, the others are not.
  // `on_progress`, if set, is called whenever a transfer starts, receives data or ends.
  // Returns a non-ok Status only when libcurl itself fails; failing requests are reported
  // through `on_response`.
  Status FetchAll(const std::vector<FetchRequest>& requests,
                  const std::function<void(FetchResponse&&)>& on_response,
                  const std::atomic<bool>* stop = nullptr,
                  const std::function<void(const FetchProgress&)>& on_progress = {});

  const FetchOptions& options() const { return options_; }

 private:
  struct Multi;
  FetchOptions options_;
  std::unique_ptr<Multi> multi_;  // kept so connections are reused from one call to the next
};

}  // namespace redline::web

#endif  // REDLINE_WEB_FETCHER_H_
