// track, untrack, tracked, feed add|list|remove: the list of what is followed on the web,
// committed in the archive (tracking/tracked.json).
#include <cstdio>
#include <ctime>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/cmd_fetch.h"
#include "cli/command.h"
#include "cli/story_ref.h"
#include "record/fetch_round.h"
#include "web/feed.h"
#include "web/local_state.h"
#include "web/probe.h"
#include "web/schedule.h"
#include "web/tracking.h"
#include "web/url.h"

namespace redline::cli {

using namespace ::redline::record;  // NOLINT(google-build-using-namespace)
namespace {

using nlohmann::json;

std::int64_t Now() { return static_cast<std::int64_t>(std::time(nullptr)); }

Result<web::ScheduleOverrides> ParseOverrides(const std::string& every, const std::string& stop_after) {
  web::ScheduleOverrides overrides;
  if (!every.empty()) {
    auto seconds = web::ParseDuration(every);
    if (!seconds.ok()) return seconds.status().WithContext("--every");
    overrides.every = *seconds;
  }
  if (!stop_after.empty()) {
    auto seconds = web::ParseDuration(stop_after);
    if (!seconds.ok()) return seconds.status().WithContext("--stop-after");
    overrides.stop_after = *seconds;
  }
  return overrides;
}

// The check `track` and `feed add` make before adding a URL (--no-check skips it): one
// fetch, with the options `fetch` has when given none.
web::Probe ProbeOnce(const std::string& url) {
  web::Fetcher fetcher(DefaultFetchOptions());
  return web::ProbeUrl(fetcher, url);
}

// A page that will never give a story: unreachable (perhaps for now: --no-check tracks it
// anyway) or a feed.
Status CheckPage(const std::string& url) {
  const web::Probe probe = ProbeOnce(url);
  const std::string context = "not tracking " + url + ": ";
  switch (probe.kind) {
    case web::ProbeKind::kUnreachable:
      return Status::Network(context + probe.error.message() + " (--no-check tracks it anyway)");
    case web::ProbeKind::kFeed:
      return Status::BadInput(
          context + "this is a feed, not a page; follow its items with 'redline feed add " + url + "'");
    case web::ProbeKind::kHtmlPage:
    case web::ProbeKind::kOther:
      break;
  }
  return Status::Ok();
}

// A feed that will never give items: unreachable or malformed (perhaps for now: --no-check
// adds it anyway) or an HTML page, named with the feeds it links to.
Status CheckFeed(const std::string& url) {
  const web::Probe probe = ProbeOnce(url);
  const std::string context = "not following feed " + url + ": ";
  switch (probe.kind) {
    case web::ProbeKind::kUnreachable:
      return Status::Network(context + probe.error.message() + " (--no-check adds it anyway)");
    case web::ProbeKind::kFeed:
      break;
    case web::ProbeKind::kHtmlPage: {
      std::string message = context + "this is an HTML page, not a feed";
      if (probe.feeds.empty()) return Status::BadInput(message + ", and it links to no feed");
      message += probe.feeds.size() == 1 ? "; its feed is: " : "; its feeds are: ";
      for (std::size_t i = 0; i < probe.feeds.size(); ++i) message += (i > 0 ? ", " : "") + probe.feeds[i];
      return Status::BadInput(message);
    }
    case web::ProbeKind::kOther:
      return Status::BadInput(context + probe.feed_error.message() + " (--no-check adds it anyway)");
  }
  return Status::Ok();
}

struct TrackOptions {
  std::string url;
  std::string story;
  std::string every;
  std::string stop_after;
  bool no_check = false;
};

Outcome RunTrack(const TrackOptions& o, const GlobalOptions& globals) {
  auto overrides = ParseOverrides(o.every, o.stop_after);
  if (!overrides.ok()) return {overrides.status()};
  // Refused URLs (schemes, credentials) fail before the archive is touched.
  auto canonical = web::CanonicalUrl(o.url);
  if (!canonical.ok()) return {canonical.status()};
  auto archive = OpenArchive(globals);
  if (!archive.ok()) return {archive.status()};
  auto list = web::LoadTrackingList(*archive);
  if (!list.ok()) return {list.status()};
  auto tracked = web::Track(&*list, *canonical, o.story, *overrides, Now());
  if (!tracked.ok()) return {tracked.status()};
  if (tracked->added && !o.no_check) {
    REDLINE_RETURN_OUTCOME_IF_ERROR(CheckPage(*canonical));
    // The list again, as it is after the fetch (another command may have changed it).
    list = web::LoadTrackingList(*archive);
    if (!list.ok()) return {list.status()};
    tracked = web::Track(&*list, *canonical, o.story, *overrides, Now());
    if (!tracked.ok()) return {tracked.status()};
  }
  if (!tracked->added && !tracked->updated) {
    std::printf("%s: already tracking %s\n", tracked->story.c_str(), canonical->c_str());
    return {};
  }
  const std::string message = (tracked->added ? "Track " : "Update tracking of ") + tracked->story;
  REDLINE_RETURN_OUTCOME_IF_ERROR(web::SaveTrackingList(*archive, *list, message));
  std::printf("%s: %s %s\n", tracked->story.c_str(), tracked->added ? "tracking" : "updated",
              canonical->c_str());
  return {};
}

Runner SetupTrack(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<TrackOptions>();
  app->add_option("URL", o->url, "the page's http:// or https:// address")->required();
  app->add_option("--story", o->story, "story id (default: derived from the URL's host and path)")
      ->option_text("ID");
  app->add_option("--every", o->every,
                  "check this page at this fixed interval instead of its schedule (and of watch --every), "
                  "e.g. 30m")
      ->option_text("DURATION");
  app->add_option("--stop-after", o->stop_after, "stop fetching this long after tracking began (e.g. 7d)")
      ->option_text("DURATION");
  app->add_flag("--no-check", o->no_check, "track the URL without fetching it once first");
  app->footer(
      "A new URL is fetched once first: one that cannot be fetched, or a feed, is not tracked.\n"
      "Exit status: 0 tracked (or already tracked); 2 usage; 3 a refused URL or story id, or a feed;\n"
      "4 archive; 5 the URL could not be fetched.");
  return [o, globals]() { return RunTrack(*o, *globals); };
}

Runner SetupUntrack(CLI::App* app, const GlobalOptions* globals) {
  auto target = std::make_shared<std::string>();
  app->add_option("STORY|URL", *target, "a tracked story id or URL (its history stays)")->required();
  app->footer("Exit status: 0 no longer tracked; 2 usage; 3 not tracked; 4 archive.");
  return [target, globals]() -> Outcome {
    auto archive = OpenArchive(*globals);
    if (!archive.ok()) return {archive.status()};
    auto list = web::LoadTrackingList(*archive);
    if (!list.ok()) return {list.status()};
    auto removed = web::Untrack(&*list, *target);
    if (!removed.ok()) return {removed.status()};
    // Says what untracking does not do: the revisions stay until `redline rm`.
    auto latest = archive->Latest(removed->story);
    if (!latest.ok()) return {latest.status()};
    REDLINE_RETURN_OUTCOME_IF_ERROR(web::SaveTrackingList(*archive, *list, "Untrack " + removed->story));
    const int revisions = *latest ? (*latest)->number : 0;
    const std::string kept =
        revisions == 0 ? "it has no revisions"
                       : "its " + std::to_string(revisions) + (revisions == 1 ? " revision stays" : " revisions stay") +
                             " ('redline rm " + removed->story + "' removes the story)";
    std::printf("%s: no longer tracking %s; %s\n", removed->story.c_str(), removed->url.c_str(), kept.c_str());
    return {};
  };
}

std::string TimeOrDash(const std::optional<std::int64_t>& seconds) {
  return seconds ? FormatTime({*seconds, 0}) : "-";
}

Runner SetupTracked(CLI::App* app, const GlobalOptions* globals) {
  auto as_json = std::make_shared<bool>(false);
  app->add_flag("--json", *as_json, "print JSON");
  app->footer("Exit status: 0 ok; 2 usage; 4 archive.");
  return [as_json, globals]() -> Outcome {
    auto archive = OpenArchive(*globals);
    if (!archive.ok()) return {archive.status()};
    auto list = web::LoadTrackingList(*archive);
    if (!list.ok()) return {list.status()};
    auto state = web::LoadLocalState(web::LocalStatePath(archive->LocalStateDirectory()));
    if (!state.ok()) return {state.status()};
    const std::int64_t now = Now();
    const web::SchedulePolicy policy;
    json stories = json::array();
    std::vector<std::array<std::string, 4>> rows;
    for (const web::TrackedStory& story : list->stories) {
      const web::ScheduleDecision decision = DecideFor(*archive, story, *state, policy, now);
      const auto found = state->stories.find(story.story);
      const web::FetchState fetch = found == state->stories.end() ? web::FetchState() : found->second;
      json entry = {{"story", story.story},
                    {"url", story.url},
                    {"added", FormatTime({story.added, 0})},
                    {"stopped", decision.stopped},
                    {"next_due", FormatTime({decision.next_due, 0})}};
      if (!story.feed.empty()) entry["feed"] = story.feed;
      if (story.overrides.every) entry["every"] = web::FormatDuration(*story.overrides.every);
      if (story.overrides.stop_after) entry["stop_after"] = web::FormatDuration(*story.overrides.stop_after);
      if (fetch.last_fetch) entry["last_fetch"] = FormatTime({*fetch.last_fetch, 0});
      if (fetch.last_status != 0) entry["last_status"] = fetch.last_status;
      if (!fetch.last_error.empty()) entry["last_error"] = fetch.last_error;
      stories.push_back(std::move(entry));
      std::string status = decision.stopped ? "stopped" : "next " + FormatTime({decision.next_due, 0});
      if (story.overrides.every) status += "  every " + web::FormatDuration(*story.overrides.every);
      if (story.overrides.stop_after) {
        status += "  stop after " + web::FormatDuration(*story.overrides.stop_after);
      }
      if (!fetch.last_error.empty()) status += "  error: " + fetch.last_error;
      rows.push_back({story.story, story.url, "last " + TimeOrDash(fetch.last_fetch), status});
    }
    if (*as_json) {
      json feeds = json::array();
      for (const web::FeedSubscription& feed : list->feeds) feeds.push_back({{"url", feed.url}});
      WriteOut(
          json({{"stories", stories}, {"feeds", feeds}}).dump(2, ' ', false, json::error_handler_t::replace) +
          "\n");
      return {};
    }
    std::size_t width = 0;
    for (const auto& row : rows) width = std::max(width, row[0].size());
    for (const auto& row : rows) {
      std::printf("%-*s  %s  %s  %s\n", static_cast<int>(width), row[0].c_str(), row[1].c_str(),
                  row[2].c_str(), row[3].c_str());
    }
    return {};
  };
}

struct FeedOptions {
  std::string url;
  std::string match_url;
  std::string match_title;
  bool json = false;
  bool no_check = false;
};

Outcome RunFeedAdd(const FeedOptions& o, const GlobalOptions& globals) {
  auto canonical = web::CanonicalUrl(o.url);
  if (!canonical.ok()) return {canonical.status()};
  auto filter = web::FeedFilter::Compile(o.match_url, o.match_title);
  if (!filter.ok()) return {Status::Usage(filter.status().message())};
  auto archive = OpenArchive(globals);
  if (!archive.ok()) return {archive.status()};
  auto list = web::LoadTrackingList(*archive);
  if (!list.ok()) return {list.status()};
  web::FeedSubscription* feed = list->FindFeed(*canonical);
  if (feed == nullptr && !o.no_check) {
    REDLINE_RETURN_OUTCOME_IF_ERROR(CheckFeed(*canonical));
    // The list again, as it is after the fetch (another command may have changed it).
    list = web::LoadTrackingList(*archive);
    if (!list.ok()) return {list.status()};
    feed = list->FindFeed(*canonical);
  }
  const bool added = feed == nullptr;
  if (added) {
    list->feeds.push_back({*canonical, Now(), "", ""});
    feed = &list->feeds.back();
  }
  feed->match_url = o.match_url;
  feed->match_title = o.match_title;
  REDLINE_RETURN_OUTCOME_IF_ERROR(
      web::SaveTrackingList(*archive, *list, (added ? "Follow feed " : "Update feed ") + *canonical));
  std::printf("%s feed %s; its new items are tracked by 'redline fetch' and 'redline watch'\n",
              added ? "following" : "updated", canonical->c_str());
  return {};
}

Outcome RunFeedRemove(const FeedOptions& o, const GlobalOptions& globals) {
  auto archive = OpenArchive(globals);
  if (!archive.ok()) return {archive.status()};
  auto list = web::LoadTrackingList(*archive);
  if (!list.ok()) return {list.status()};
  auto canonical = web::CanonicalUrl(o.url);
  const std::string url = canonical.ok() ? *canonical : o.url;
  if (list->FindFeed(url) == nullptr) {
    return {Status::NotFound("not following feed " + web::RedactCredentials(o.url) +
                             " (see 'redline feed list')")};
  }
  std::erase_if(list->feeds, [&](const web::FeedSubscription& f) { return f.url == url; });
  REDLINE_RETURN_OUTCOME_IF_ERROR(web::SaveTrackingList(*archive, *list, "Stop following feed " + url));
  std::printf("no longer following feed %s (its stories stay tracked)\n", url.c_str());
  return {};
}

Outcome RunFeedList(const FeedOptions& o, const GlobalOptions& globals) {
  auto archive = OpenArchive(globals);
  if (!archive.ok()) return {archive.status()};
  auto list = web::LoadTrackingList(*archive);
  if (!list.ok()) return {list.status()};
  json feeds = json::array();
  for (const web::FeedSubscription& feed : list->feeds) {
    std::size_t stories = 0;
    for (const web::TrackedStory& story : list->stories) stories += story.feed == feed.url ? 1 : 0;
    if (o.json) {
      json entry = {{"url", feed.url}, {"added", FormatTime({feed.added, 0})}, {"stories", stories}};
      if (!feed.match_url.empty()) entry["match_url"] = feed.match_url;
      if (!feed.match_title.empty()) entry["match_title"] = feed.match_title;
      feeds.push_back(std::move(entry));
      continue;
    }
    std::string filters;
    if (!feed.match_url.empty()) filters += "  --match-url '" + feed.match_url + "'";
    if (!feed.match_title.empty()) filters += "  --match-title '" + feed.match_title + "'";
    std::printf("%s  %zu %s%s\n", feed.url.c_str(), stories, stories == 1 ? "story" : "stories",
                filters.c_str());
  }
  if (o.json) WriteOut(json({{"feeds", feeds}}).dump(2, ' ', false, json::error_handler_t::replace) + "\n");
  return {};
}

Runner SetupFeed(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<FeedOptions>();
  app->require_subcommand(1, 1);
  CLI::App* add =
      app->add_subcommand("add", "follow an RSS, RDF or Atom feed: its new items become tracked stories");
  add->add_option("URL", o->url, "the feed's http:// or https:// address")->required();
  add->add_option("--match-url", o->match_url, "track only items whose URL matches this regular expression")
      ->option_text("REGEX");
  add->add_option("--match-title", o->match_title, "track only items whose title matches (ignoring case)")
      ->option_text("REGEX");
  add->add_flag("--no-check", o->no_check, "follow the URL without fetching it once first");
  add->footer(
      "A new feed is fetched once first: one that cannot be fetched, or is not a feed (an HTML page's\n"
      "message names the feeds it links to), is not followed.\n"
      "Exit status: 0 following; 2 usage; 3 a refused URL, or not a feed; 4 archive; 5 the URL could not\n"
      "be fetched.");
  CLI::App* list = app->add_subcommand("list", "list the feeds followed");
  list->add_flag("--json", o->json, "print JSON");
  list->footer("Exit status: 0 ok; 2 usage; 4 archive.");
  CLI::App* remove = app->add_subcommand("remove", "stop following a feed (its stories stay tracked)");
  remove->add_option("URL", o->url, "the feed's address")->required();
  remove->footer("Exit status: 0 no longer following; 2 usage; 3 not following; 4 archive.");
  return [o, globals, add, list]() -> Outcome {
    if (add->parsed()) return RunFeedAdd(*o, *globals);
    if (list->parsed()) return RunFeedList(*o, *globals);
    return RunFeedRemove(*o, *globals);
  };
}

}  // namespace

std::vector<Command> WebCommands() {
  std::vector<Command> commands = {
      {"track", "follow a page on the web: 'redline fetch' records its revisions", SetupTrack},
      {"untrack", "stop following a page (its history stays)", SetupUntrack},
      {"tracked", "list the pages followed, with their schedule and last error", SetupTracked},
      {"feed", "follow feeds: feed add URL, feed list, feed remove URL", SetupFeed},
  };
  for (Command& command : FetchCommands()) commands.push_back(std::move(command));
  return commands;
}

}  // namespace redline::cli
