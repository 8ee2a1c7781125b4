// Volatile per-fetch state: validators (ETag, Last-Modified), times, errors, Retry-After.
// Archive-local, never committed: <git dir>/redline/fetch-state.json, written atomically
// (temporary file, fsync, rename). Losing it costs a full fetch, nothing else.
#ifndef REDLINE_WEB_LOCAL_STATE_H_
#define REDLINE_WEB_LOCAL_STATE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "redline/status.h"
#include "web/fetcher.h"

namespace redline::web {

struct FetchState {
  std::string etag;
  std::string last_modified;
  std::optional<std::int64_t> last_fetch;    // last attempt
  std::optional<std::int64_t> last_success;  // last 2xx or 304
  std::optional<std::int64_t> last_change;   // last recorded revision
  std::optional<std::int64_t> retry_after;   // not before this time
  long last_status = 0;
  std::string last_error;  // of the last attempt; empty when it succeeded
  int consecutive_errors = 0;
};

struct LocalState {
  std::map<std::string, FetchState> stories;  // by story id
  std::map<std::string, FetchState> feeds;    // by canonical feed URL
};

// A failed attempt at `now`: error and status kept, errors counted, Retry-After noted.
void RecordFailure(FetchState* state, const FetchResponse& response, std::int64_t now);
// A 2xx or 304 at `now`: errors cleared; a 2xx's validators kept.
void RecordSuccess(FetchState* state, const FetchResponse& response, std::int64_t now);

// <dir>/fetch-state.json
std::string LocalStatePath(const std::string& local_state_directory);

// Missing or unreadable-as-JSON files give an empty state (it is a cache); an unreadable
// file (permissions) is an Archive error.
Result<LocalState> LoadLocalState(const std::string& path);
// Writes `path` atomically, creating its folder.
Status SaveLocalState(const std::string& path, const LocalState& state);

}  // namespace redline::web

#endif  // REDLINE_WEB_LOCAL_STATE_H_
