#include "web/tracking.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "redline/document.h"
#include "web/url.h"

namespace redline::web {
namespace {

using nlohmann::json;

std::string TimeText(std::int64_t seconds) { return FormatTime({seconds, 0}); }

Result<std::int64_t> TimeValue(const json& value, const char* what) {
  if (!value.is_string()) return Status::Archive(std::string(kTrackingFile) + ": " + what + " is not a time");
  auto time = ParseTime(value.get<std::string>());
  if (!time.ok())
    return Status::Archive(std::string(kTrackingFile) + ": " + what + ": " + time.status().message());
  return time->seconds;
}

std::string StringField(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

// Story ids also have to be valid git ref names.
Status ValidateTrackedId(std::string_view story) {
  REDLINE_RETURN_IF_ERROR(ValidateStoryId(story));
  if (story.find("..") != std::string_view::npos || story.ends_with(".") || story.ends_with(".lock")) {
    return Status::BadInput("invalid story id '" + std::string(story) +
                            "': git refuses it as a ref name (no '..', and no '.' or '.lock' at the end)");
  }
  return Status::Ok();
}

}  // namespace

TrackedStory* TrackingList::FindStory(std::string_view story) {
  for (TrackedStory& s : stories) {
    if (s.story == story) return &s;
  }
  return nullptr;
}

TrackedStory* TrackingList::FindUrl(std::string_view canonical_url) {
  for (TrackedStory& s : stories) {
    if (s.url == canonical_url) return &s;
  }
  return nullptr;
}

FeedSubscription* TrackingList::FindFeed(std::string_view canonical_url) {
  for (FeedSubscription& f : feeds) {
    if (f.url == canonical_url) return &f;
  }
  return nullptr;
}

Result<TrackingList> ParseTrackingList(std::string_view text) {
  const json root = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  const auto damaged = [](const std::string& why) {
    return Status::Archive(std::string(kTrackingFile) + " is damaged: " + why);
  };
  if (!root.is_object()) return damaged("not a JSON object");
  if (root.value("version", 0) != 1) return damaged("unknown version (this redline reads version 1)");
  TrackingList list;
  if (const auto stories = root.find("stories"); stories != root.end() && stories->is_array()) {
    for (const json& entry : *stories) {
      if (!entry.is_object()) return damaged("a story entry is not an object");
      TrackedStory story;
      story.story = StringField(entry, "story");
      story.url = StringField(entry, "url");
      if (!ValidateTrackedId(story.story).ok() || story.url.empty()) return damaged("bad story entry");
      if (entry.contains("added")) {
        REDLINE_ASSIGN_OR_RETURN(story.added, TimeValue(entry["added"], "added"));
      }
      story.feed = StringField(entry, "feed");
      for (const auto& [key, field] : {std::pair{"every", &story.overrides.every},
                                       std::pair{"stop_after", &story.overrides.stop_after}}) {
        const std::string text_value = StringField(entry, key);
        if (text_value.empty()) continue;
        auto seconds = ParseDuration(text_value);
        if (!seconds.ok()) return damaged(std::string(key) + ": " + seconds.status().message());
        *field = *seconds;
      }
      list.stories.push_back(std::move(story));
    }
  }
  if (const auto feeds = root.find("feeds"); feeds != root.end() && feeds->is_array()) {
    for (const json& entry : *feeds) {
      if (!entry.is_object()) return damaged("a feed entry is not an object");
      FeedSubscription feed;
      feed.url = StringField(entry, "url");
      if (feed.url.empty()) return damaged("a feed entry has no url");
      if (entry.contains("added")) {
        REDLINE_ASSIGN_OR_RETURN(feed.added, TimeValue(entry["added"], "added"));
      }
      feed.match_url = StringField(entry, "match_url");
      feed.match_title = StringField(entry, "match_title");
      list.feeds.push_back(std::move(feed));
    }
  }
  if (const auto untracked = root.find("untracked"); untracked != root.end() && untracked->is_array()) {
    for (const json& url : *untracked) {
      if (url.is_string()) list.untracked.push_back(url.get<std::string>());
    }
  }
  return list;
}

std::string FormatTrackingList(const TrackingList& input) {
  TrackingList list = input;
  std::sort(list.stories.begin(), list.stories.end(),
            [](const TrackedStory& a, const TrackedStory& b) { return a.story < b.story; });
  std::sort(list.feeds.begin(), list.feeds.end(),
            [](const FeedSubscription& a, const FeedSubscription& b) { return a.url < b.url; });
  std::sort(list.untracked.begin(), list.untracked.end());
  list.untracked.erase(std::unique(list.untracked.begin(), list.untracked.end()), list.untracked.end());
  json stories = json::array();
  for (const TrackedStory& s : list.stories) {
    json entry = {{"story", s.story}, {"url", s.url}, {"added", TimeText(s.added)}};
    if (!s.feed.empty()) entry["feed"] = s.feed;
    if (s.overrides.every) entry["every"] = FormatDuration(*s.overrides.every);
    if (s.overrides.stop_after) entry["stop_after"] = FormatDuration(*s.overrides.stop_after);
    stories.push_back(std::move(entry));
  }
  json feeds = json::array();
  for (const FeedSubscription& f : list.feeds) {
    json entry = {{"url", f.url}, {"added", TimeText(f.added)}};
    if (!f.match_url.empty()) entry["match_url"] = f.match_url;
    if (!f.match_title.empty()) entry["match_title"] = f.match_title;
    feeds.push_back(std::move(entry));
  }
  const json root = {{"version", 1}, {"stories", stories}, {"feeds", feeds}, {"untracked", list.untracked}};
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<TrackingList> LoadTrackingList(Archive& archive) {
  REDLINE_ASSIGN_OR_RETURN(const std::optional<std::string> text, archive.ReadStateFile(kTrackingFile));
  if (!text) return TrackingList();
  return ParseTrackingList(*text);
}

Status SaveTrackingList(Archive& archive, const TrackingList& list, const std::string& message) {
  return archive.WriteStateFile(kTrackingFile, FormatTrackingList(list), message);
}

Result<TrackOutcome> Track(TrackingList* list, std::string_view url, std::string_view story,
                           const ScheduleOverrides& overrides, std::int64_t now, std::string_view feed) {
  REDLINE_ASSIGN_OR_RETURN(const std::string canonical, CanonicalUrl(url));
  if (!story.empty()) REDLINE_RETURN_IF_ERROR(ValidateTrackedId(story));
  TrackOutcome outcome;
  if (TrackedStory* existing = list->FindUrl(canonical)) {
    if (!story.empty() && existing->story != story) {
      return Status::BadInput(canonical + " is already tracked as '" + existing->story + "'");
    }
    outcome.story = existing->story;
    if (overrides.every && overrides.every != existing->overrides.every) {
      existing->overrides.every = overrides.every;
      outcome.updated = true;
    }
    if (overrides.stop_after && overrides.stop_after != existing->overrides.stop_after) {
      existing->overrides.stop_after = overrides.stop_after;
      outcome.updated = true;
    }
    return outcome;
  }
  std::string id(story);
  if (id.empty()) {
    const std::string base = StoryIdForUrl(canonical);
    id = base;
    for (int n = 2; list->FindStory(id) != nullptr; ++n) {
      const std::string suffix = "-" + std::to_string(n);
      id = base.substr(0, 128 - suffix.size()) + suffix;
    }
  } else if (const TrackedStory* taken = list->FindStory(id)) {
    return Status::BadInput("story '" + id + "' already tracks " + taken->url);
  }
  TrackedStory entry;
  entry.story = id;
  entry.url = canonical;
  entry.added = now;
  entry.feed = std::string(feed);
  entry.overrides = overrides;
  list->stories.push_back(std::move(entry));
  std::sort(list->stories.begin(), list->stories.end(),
            [](const TrackedStory& a, const TrackedStory& b) { return a.story < b.story; });
  std::erase(list->untracked, canonical);
  outcome.story = id;
  outcome.added = true;
  return outcome;
}

Result<TrackedStory> Untrack(TrackingList* list, std::string_view story_or_url) {
  TrackedStory* found = list->FindStory(story_or_url);
  if (found == nullptr) {
    auto canonical = CanonicalUrl(story_or_url);
    if (canonical.ok()) found = list->FindUrl(*canonical);
  }
  if (found == nullptr) {
    return Status::NotFound("'" + RedactCredentials(story_or_url) +
                            "' is not tracked (see 'redline tracked')");
  }
  TrackedStory removed = *found;
  std::erase_if(list->stories, [&](const TrackedStory& s) { return s.story == removed.story; });
  if (!removed.feed.empty()) list->untracked.push_back(removed.url);
  return removed;
}

}  // namespace redline::web
