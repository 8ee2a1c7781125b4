// What is tracked: stories (URL, id, schedule overrides, the feed that added them) and feed
// subscriptions. The list is committed in the archive as tracking/tracked.json, so clones
// carry it; see docs/tracking.md.
#ifndef REDLINE_WEB_TRACKING_H_
#define REDLINE_WEB_TRACKING_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "redline/archive.h"
#include "redline/status.h"
#include "web/schedule.h"

namespace redline::web {

inline constexpr const char* kTrackingFile = "tracking/tracked.json";

struct TrackedStory {
  std::string story;
  std::string url;         // canonical
  std::int64_t added = 0;  // seconds since the epoch
  std::string feed;        // the feed that added it; empty when tracked by hand
  ScheduleOverrides overrides;
};

struct FeedSubscription {
  std::string url;  // canonical
  std::int64_t added = 0;
  std::string match_url;  // regular expressions; empty: everything
  std::string match_title;
};

struct TrackingList {
  std::vector<TrackedStory> stories;    // sorted by id
  std::vector<FeedSubscription> feeds;  // sorted by URL
  // Canonical URLs of feed items that were untracked by hand: feeds do not add them again.
  std::vector<std::string> untracked;

  TrackedStory* FindStory(std::string_view story);
  TrackedStory* FindUrl(std::string_view canonical_url);
  FeedSubscription* FindFeed(std::string_view canonical_url);
};

// Parses the committed file. Archive error when it is damaged.
Result<TrackingList> ParseTrackingList(std::string_view json);
// Stable, pretty-printed JSON (one entry per line group), ending in a newline.
std::string FormatTrackingList(const TrackingList& list);

// The list in the archive (empty when the file does not exist yet).
Result<TrackingList> LoadTrackingList(Archive& archive);
// Commits the list with `message` as the commit subject (nothing when unchanged).
Status SaveTrackingList(Archive& archive, const TrackingList& list, const std::string& message);

struct TrackOutcome {
  std::string story;
  bool added = false;    // a new entry
  bool updated = false;  // an existing entry's overrides changed
};

// Adds `url` (canonicalized; BadInput when refused) as `story` (derived from the URL when
// empty; a derived id already used for another URL gets "-2", "-3", ...). A URL that is
// already tracked keeps its id (BadInput when `story` names another one) and takes the
// given overrides. BadInput when `story` is invalid or tracks another URL.
Result<TrackOutcome> Track(TrackingList* list, std::string_view url, std::string_view story,
                           const ScheduleOverrides& overrides, std::int64_t now, std::string_view feed = "");

// Removes the story named by id or URL; NotFound when neither is tracked. Remembers a feed
// item's URL in `untracked`.
Result<TrackedStory> Untrack(TrackingList* list, std::string_view story_or_url);

}  // namespace redline::web

#endif  // REDLINE_WEB_TRACKING_H_
