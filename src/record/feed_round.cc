// The feed part of a fetch round: fetch the feeds that are due, track their new items.
#include "record/feed_round.h"

#include <algorithm>
#include <map>

#include "web/feed.h"
#include "web/url.h"

namespace redline::record {
namespace {

// When a feed falls due: at once when never fetched; `interval` after its last fetch,
// doubled after each failure in a row (at most a day, or the interval if longer); never
// before a server's Retry-After. With `all`, only Retry-After holds it back.
std::int64_t FeedNextDue(const web::FetchState* state, std::int64_t interval, bool all) {
  if (state == nullptr || !state->last_fetch) return 0;
  std::int64_t due = 0;
  if (!all) {
    std::int64_t wait = interval;
    for (int i = 0; i < state->consecutive_errors && wait < 86400; ++i) wait *= 2;
    due = *state->last_fetch + std::min<std::int64_t>(wait, std::max<std::int64_t>(interval, 86400));
  }
  if (state->retry_after) due = std::max(due, *state->retry_after);
  return due;
}

}  // namespace

Status RunFeeds(Archive& archive, web::Fetcher& fetcher, const RoundOptions& options, std::int64_t now,
                web::TrackingList* list, web::LocalState* state, RoundReport* report) {
  std::vector<web::FetchRequest> requests;
  const std::int64_t interval = options.every.value_or(options.feed_interval);
  for (const web::FeedSubscription& feed : list->feeds) {
    const auto found = state->feeds.find(feed.url);
    const std::int64_t due =
        FeedNextDue(found == state->feeds.end() ? nullptr : &found->second, interval, options.all);
    if (now < due) {
      ++report->feeds_not_due;
      report->NoteLater(due, true);
      continue;
    }
    web::FetchRequest request{feed.url, "", ""};
    if (found != state->feeds.end()) {
      request.etag = found->second.etag;
      request.last_modified = found->second.last_modified;
    }
    requests.push_back(std::move(request));
  }
  if (requests.empty()) return Status::Ok();
  std::map<std::string, web::FetchResponse> successes;
  REDLINE_RETURN_IF_ERROR(fetcher.FetchAll(
      requests,
      [&](web::FetchResponse&& response) {
        const std::string& url = requests[response.index].url;
        FeedResult result{url, {}, Status::Ok()};
        web::FetchState& feed_state = state->feeds[url];
        if (response.outcome == web::FetchOutcome::kError) {
          web::RecordFailure(&feed_state, response, now);
          result.error = response.error;
          report->feeds.push_back(std::move(result));
          return;
        }
        if (response.outcome == web::FetchOutcome::kNotModified) {
          web::RecordSuccess(&feed_state, response, now);
          report->feeds.push_back(std::move(result));
          return;
        }
        successes.emplace(url, std::move(response));
      },
      options.stop));

  std::vector<std::size_t> added_from;  // indices into report->feeds of feeds that added stories
  for (auto& [url, response] : successes) {
    FeedResult result{url, {}, Status::Ok()};
    web::FetchState& feed_state = state->feeds[url];
    const web::FeedSubscription* subscription = list->FindFeed(url);
    auto feed = web::ParseFeed(response.body, response.final_url.empty() ? url : response.final_url);
    auto filter = web::FeedFilter::Compile(subscription ? subscription->match_url : "",
                                           subscription ? subscription->match_title : "");
    if (!feed.ok() || !filter.ok()) {
      result.error = !feed.ok() ? feed.status() : filter.status();
      web::FetchResponse failed = response;
      failed.error = result.error;
      web::RecordFailure(&feed_state, failed, now);
      report->feeds.push_back(std::move(result));
      continue;
    }
    for (const web::FeedItem& item : feed->items) {
      if (!filter->Matches(item)) continue;
      auto canonical = web::CanonicalUrl(item.url);
      if (!canonical.ok()) continue;  // another scheme, credentials: not ours to track
      if (list->FindUrl(*canonical) != nullptr) continue;
      if (std::find(list->untracked.begin(), list->untracked.end(), *canonical) != list->untracked.end())
        continue;
      auto tracked = web::Track(list, *canonical, "", {}, now, url);
      if (tracked.ok() && tracked->added) result.new_stories.push_back(tracked->story);
    }
    web::RecordSuccess(&feed_state, response, now);
    if (!result.new_stories.empty()) added_from.push_back(report->feeds.size());
    report->feeds.push_back(std::move(result));
  }
  if (added_from.empty()) return Status::Ok();
  std::size_t added = 0;
  for (const std::size_t i : added_from) added += report->feeds[i].new_stories.size();
  const Status saved = web::SaveTrackingList(
      archive, *list,
      "Track " + std::to_string(added) + (added == 1 ? " story" : " stories") + " from feeds");
  if (!saved.ok()) {
    // Not tracked after all: forget the feeds' validators so the items are found again.
    for (const std::size_t i : added_from) {
      FeedResult& result = report->feeds[i];
      for (const std::string& story : result.new_stories) {
        std::erase_if(list->stories, [&](const web::TrackedStory& s) { return s.story == story; });
      }
      result.new_stories.clear();
      result.error = saved;
      state->feeds[result.url].etag.clear();
      state->feeds[result.url].last_modified.clear();
    }
  }
  return Status::Ok();
}

}  // namespace redline::record
