// Fetch rounds end to end in process: a real HTTP server on 127.0.0.1, a real archive, an
// injected clock.
#include "record/fetch_round.h"

#include <git2.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>

#include "archive/test_util.h"
#include "record/snapshot.h"
#include "support/http_server.h"
#include "web/local_state.h"
#include "web/tracking.h"

namespace redline::record {
namespace {

using testing::ArticleHtml;
using testing::HtmlResponse;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpServer;

constexpr std::int64_t kStart = 1'700'000'000;

const std::vector<std::string> kBody = {
    "The council voted on Tuesday to approve the new budget after a long debate about roads and schools.",
    "Opponents said the plan would raise taxes for families across the region while doing little for the centre."};
const std::vector<std::string> kChangedBody = {
    "The council voted on Tuesday night to approve the new budget after a long debate about roads and schools.",
    "Opponents said the plan would raise taxes for families across the region while doing little for the centre."};

class WebRoundTest : public ::testing::Test {
 protected:
  void SetUp() override {
    git_libgit2_init();
    for (const char* name : {"http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"}) unsetenv(name);
    auto archive = Archive::Init(tmp_ / "archive");
    ASSERT_OK(archive);
    archive_.emplace(std::move(archive).value());
    dir_ = archive_->path();
    fetch_options_.per_host_delay_ms = 0;
    fetch_options_.per_host_transfers = 4;
    fetch_options_.total_timeout_ms = 2000;
  }
  void TearDown() override {
    const test::CommandResult fsck = test::RunShell("git -C '" + dir_ + "' fsck --strict --no-progress");
    EXPECT_EQ(fsck.exit_code, 0) << fsck.output;
    EXPECT_EQ(test::ArchiveProblems(dir_), "");
  }

  void TrackPath(const std::string& path, const std::string& story) {
    auto list = web::LoadTrackingList(*archive_);
    ASSERT_OK(list);
    ASSERT_OK(web::Track(&*list, server_.Url(path), story, {}, now_));
    ASSERT_OK(web::SaveTrackingList(*archive_, *list, "Track " + story));
  }

  RoundReport Round(RoundOptions options = {}) {
    web::Fetcher fetcher(fetch_options_);
    options.now = [this] { return now_; };
    auto report = RunFetchRound(*archive_, fetcher, options);
    EXPECT_TRUE(report.ok()) << report.status().message();
    return report.ok() ? *report : RoundReport();
  }
  RoundReport RoundAll() {
    RoundOptions options;
    options.all = true;
    return Round(options);
  }

  const StoryResult* Find(const RoundReport& report, const std::string& story) {
    for (const StoryResult& result : report.stories) {
      if (result.story == story) return &result;
    }
    return nullptr;
  }
  std::string MainHead() { return test::Git(dir_, "rev-parse main"); }
  web::FetchState State(const std::string& story) {
    auto state = web::LoadLocalState(web::LocalStatePath(archive_->LocalStateDirectory()));
    EXPECT_TRUE(state.ok());
    return state.ok() && state->stories.count(story) ? state->stories.at(story) : web::FetchState();
  }

  test::TempDir tmp_;
  HttpServer server_;
  std::optional<Archive> archive_;
  std::string dir_;
  web::FetchOptions fetch_options_;
  std::int64_t now_ = kStart;
};

TEST_F(WebRoundTest, RecordsAPageThenItsChange) {
  auto page = std::make_shared<std::string>(ArticleHtml("Budget approved", kBody));
  server_.Route("/budget", testing::ConditionalPage([page] { return *page; }));
  TrackPath("/budget", "budget");
  const RoundReport first = Round();
  ASSERT_EQ(first.stories.size(), 1u);
  EXPECT_EQ(first.stories[0].kind, StoryResultKind::kChanged) << first.stories[0].error.message();
  EXPECT_EQ(first.stories[0].revision.number, 1);

  *page = ArticleHtml("Budget approved", kChangedBody);
  now_ += 3600;
  const RoundReport second = Round();
  ASSERT_EQ(second.stories.size(), 1u);
  EXPECT_EQ(second.stories[0].kind, StoryResultKind::kChanged);
  const Revision& r = second.stories[0].revision;
  EXPECT_EQ(r.number, 2);
  EXPECT_EQ(r.added_words, 1u);
  EXPECT_EQ(r.http_status, 200);
  EXPECT_EQ(r.source_url, server_.Url("/budget"));
  ASSERT_TRUE(r.fetched_at.has_value());
  EXPECT_EQ(r.fetched_at->seconds, now_);
  auto raw = archive_->ReadRaw(r);
  ASSERT_OK(raw);
  EXPECT_EQ(*raw, *page);  // the fetched bytes, exactly
  const std::string message = test::Git(dir_, "log -1 --format=%B main -- " + StoryDirectory("budget"));
  EXPECT_NE(message.find("Redline-HTTP-Status: 200\n"), std::string::npos) << message;
  EXPECT_NE(message.find("Redline-Source: " + server_.Url("/budget")), std::string::npos) << message;
  EXPECT_NE(message.find("Redline-Fetched: "), std::string::npos) << message;
}

TEST_F(WebRoundTest, NotModifiedMeansNoBodyAndNoCommit) {
  server_.Route("/same", testing::ConditionalPage([] { return ArticleHtml("Same", kBody); }));
  TrackPath("/same", "same");
  ASSERT_EQ(Round().stories.at(0).kind, StoryResultKind::kChanged);
  EXPECT_FALSE(State("same").etag.empty());
  const std::string head = MainHead();
  server_.ClearLog();
  now_ += 3600;
  const RoundReport second = Round();
  ASSERT_EQ(second.stories.size(), 1u);
  EXPECT_EQ(second.stories[0].kind, StoryResultKind::kNotModified);
  EXPECT_EQ(MainHead(), head);
  const auto log = server_.LogFor("/same");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].status, 304);
  EXPECT_EQ(log[0].body_bytes_sent, 0u);
  EXPECT_EQ(second.timings.bytes, 0u);
}

TEST_F(WebRoundTest, UnchangedTextMakesNoCommit) {
  // No validators: the page comes back whole, only its template changed.
  auto hits = std::make_shared<int>(0);
  server_.Route("/plain", [hits](const HttpRequest&) {
    ++*hits;
    std::string html = ArticleHtml("Plain", kBody);
    html.insert(html.find("<nav>"), "<div class=\"ad\">Advertisement " + std::to_string(*hits) + "</div>");
    return HtmlResponse(html);
  });
  TrackPath("/plain", "plain");
  ASSERT_EQ(Round().stories.at(0).kind, StoryResultKind::kChanged);
  const std::string head = MainHead();
  now_ += 3600;
  EXPECT_EQ(Round().stories.at(0).kind, StoryResultKind::kUnchanged);
  EXPECT_EQ(MainHead(), head);
}

TEST_F(WebRoundTest, OneFailureNeverStopsTheOthers) {
  server_.Route("/ok", [](const HttpRequest&) { return HtmlResponse(ArticleHtml("Fine", kBody)); });
  server_.Route("/gone", [](const HttpRequest&) { return HtmlResponse("<p>no</p>", 404); });
  server_.Route("/broken", [](const HttpRequest&) { return HtmlResponse("<p>oops</p>", 500); });
  TrackPath("/ok", "ok");
  TrackPath("/gone", "gone");
  TrackPath("/broken", "broken");
  const RoundReport report = Round();
  ASSERT_EQ(report.stories.size(), 3u);
  EXPECT_EQ(report.Failed(), 2u);
  EXPECT_EQ(Find(report, "ok")->kind, StoryResultKind::kChanged);
  EXPECT_EQ(Find(report, "gone")->error.message(), "HTTP status 404");
  EXPECT_EQ(Find(report, "broken")->error.message(), "HTTP status 500");
  EXPECT_EQ(State("gone").last_error, "HTTP status 404");
  EXPECT_EQ(State("gone").consecutive_errors, 1);
  EXPECT_EQ(State("gone").last_status, 404);
  auto stories = archive_->Stories();
  ASSERT_OK(stories);
  ASSERT_EQ(stories->size(), 1u);  // no commit for the failures
  EXPECT_EQ(stories->at(0).story, "ok");
}

TEST_F(WebRoundTest, RecordsTheFinalUrlOfARedirect) {
  server_.Route("/old", [](const HttpRequest&) {
    HttpResponse response;
    response.status = 301;
    response.headers.emplace_back("Location", "/new");
    return response;
  });
  server_.Route("/new", [](const HttpRequest&) { return HtmlResponse(ArticleHtml("Moved", kBody)); });
  TrackPath("/old", "moved");
  const RoundReport report = Round();
  ASSERT_EQ(report.stories.at(0).kind, StoryResultKind::kChanged);
  EXPECT_EQ(report.stories[0].revision.source_url, server_.Url("/new"));
}

TEST_F(WebRoundTest, FlipFlopsAreMarkedAsReturns) {
  auto version = std::make_shared<int>(0);
  server_.Route("/flip", testing::ConditionalPage([version] {
    return ArticleHtml("Flip", *version % 2 == 0 ? kBody : kChangedBody);
  }));
  TrackPath("/flip", "flip");
  std::vector<int> returns;
  for (int i = 0; i < 5; ++i) {
    *version = i;
    now_ += 3600;
    const RoundReport report = Round();
    ASSERT_EQ(report.stories.at(0).kind, StoryResultKind::kChanged) << i;
    returns.push_back(report.stories[0].revision.returns_to);
  }
  EXPECT_EQ(returns, (std::vector<int>{0, 0, 1, 2, 1}));
  auto log = archive_->Log("flip");
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 5u);
  EXPECT_EQ(log->at(2).returns_to, 1);
  EXPECT_EQ(log->at(3).returns_to, 2);
}

TEST_F(WebRoundTest, CharsetFromTheHeaderOnly) {
  const std::string page =
      "<html><head><title>Caf\xE9 opens</title></head><body><article><h1>Caf\xE9 opens</h1>"
      "<p>The caf\xE9 on the corner opened its doors on Monday to a long queue of \x93hungry\x94 customers.</p>"
      "<p>Its owner said prices would stay the same for the rest of the year, whatever happens.</p>"
      "</article></body></html>";
  server_.Route("/cafe", [page](const HttpRequest&) {
    HttpResponse response;
    response.headers.emplace_back("Content-Type", "text/html; charset=windows-1252");
    response.body = page;
    return response;
  });
  TrackPath("/cafe", "cafe");
  const RoundReport report = Round();
  ASSERT_EQ(report.stories.at(0).kind, StoryResultKind::kChanged) << report.stories[0].error.message();
  const Revision& r = report.stories[0].revision;
  EXPECT_EQ(r.headline, "Caf\u00e9 opens");
  EXPECT_EQ(r.content_type, "text/html; charset=windows-1252");
  auto text = archive_->ReadText(r);
  ASSERT_OK(text);
  EXPECT_NE(text->find("\u201chungry\u201d"), std::string::npos) << *text;
  auto raw = archive_->ReadRaw(r);
  ASSERT_OK(raw);
  EXPECT_EQ(*raw, page);
}

TEST_F(WebRoundTest, TheArchivesSiteRulesApplyToFetchedPages) {
  std::string html = ArticleHtml("Budget approved", kBody);
  const std::string note = "Editors note: this box is printed on every story of the section and is not news.";
  html.insert(html.find("</article>"), "<p class=\"house-note\">" + note + "</p>");
  server_.Route("/budget", [html](const HttpRequest&) { return HtmlResponse(html); });
  TrackPath("/budget", "budget");
  const RoundReport before = Round();
  ASSERT_EQ(before.stories.at(0).kind, StoryResultKind::kChanged) << before.stories[0].error.message();
  auto text = archive_->ReadText(before.stories[0].revision);
  ASSERT_OK(text);
  ASSERT_NE(text->find("Editors note"), std::string::npos) << *text;  // the heuristics keep it

  // Rules match the page's host (the test server's 127.0.0.1), whatever its port.
  ASSERT_OK(archive_->WriteStateFile(kSiteRulesFile, "[127.0.0.1]\nexclude: p.house-note\n", "Rules"));
  now_ += 3600;
  const RoundReport after = RoundAll();
  ASSERT_EQ(after.stories.at(0).kind, StoryResultKind::kChanged) << after.stories[0].error.message();
  text = archive_->ReadText(after.stories[0].revision);
  ASSERT_OK(text);
  EXPECT_EQ(text->find("Editors note"), std::string::npos) << *text;
  EXPECT_NE(text->find(kBody[0]), std::string::npos) << *text;
}

TEST_F(WebRoundTest, BrokenRulesStopTheRoundBeforeAnyFetch) {
  auto hits = std::make_shared<int>(0);
  server_.Route("/budget", [hits](const HttpRequest&) {
    ++*hits;
    return HtmlResponse(ArticleHtml("Budget approved", kBody));
  });
  TrackPath("/budget", "budget");
  ASSERT_OK(archive_->WriteStateFile(kSiteRulesFile, "exclude: .ad\n", "Rules"));
  web::Fetcher fetcher(fetch_options_);
  RoundOptions options;
  options.now = [this] { return now_; };
  const auto report = RunFetchRound(*archive_, fetcher, options);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("redline-rules.txt"), std::string::npos) << report.status().message();
  EXPECT_EQ(*hits, 0);
}

TEST_F(WebRoundTest, AShrunkenPageRaisesTheHealthAlarm) {
  auto page = std::make_shared<std::string>(ArticleHtml("Budget approved", kBody));
  server_.Route("/budget", testing::ConditionalPage([page] { return *page; }));
  TrackPath("/budget", "budget");
  const RoundReport first = Round();
  ASSERT_EQ(first.stories.at(0).kind, StoryResultKind::kChanged) << first.stories[0].error.message();
  EXPECT_FALSE(first.stories[0].warnings.empty());  // 35 words: under the 50-word minimum
  *page = ArticleHtml("Budget approved", {"Developing story."});
  now_ += 3600;
  const RoundReport second = RoundAll();
  ASSERT_EQ(second.stories.at(0).kind, StoryResultKind::kChanged) << second.stories[0].error.message();
  const std::vector<std::string>& warnings = second.stories[0].warnings;
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[1].find("shrank"), std::string::npos) << warnings[1];
  EXPECT_EQ(second.stories[0].revision.number, 2);  // loud, but recorded
}

TEST_F(WebRoundTest, GzipPagesAreRecordedDecoded) {
  HttpResponse response = HtmlResponse(ArticleHtml("Zipped", kBody));
  response.gzip = true;
  server_.Route("/gz", testing::Sequence({response}));
  TrackPath("/gz", "gz");
  const RoundReport report = Round();
  ASSERT_EQ(report.stories.at(0).kind, StoryResultKind::kChanged) << report.stories[0].error.message();
  auto raw = archive_->ReadRaw(report.stories[0].revision);
  ASSERT_OK(raw);
  EXPECT_EQ(*raw, response.body);
}

TEST_F(WebRoundTest, FollowsTheSchedule) {
  server_.Route("/s", testing::ConditionalPage([] { return ArticleHtml("Scheduled", kBody); }));
  TrackPath("/s", "s");
  EXPECT_EQ(Round().stories.size(), 1u);
  now_ += 60;
  EXPECT_EQ(Round().stories.size(), 0u);  // not due yet
  now_ += 15 * 60;
  EXPECT_EQ(Round().stories.size(), 1u);
  RoundOptions named;
  named.only = {"s"};
  EXPECT_EQ(Round(named).stories.size(), 1u);  // named: whatever the schedule
  now_ += 40 * 86400;
  EXPECT_EQ(Round().stories.size(), 0u);  // too old: stopped
}

// What a round leaves for later, and when the next of it falls due (issue 25).
TEST_F(WebRoundTest, NotesWhenTheNextCheckIs) {
  server_.Route("/p", testing::ConditionalPage([] { return ArticleHtml("P", kBody); }));
  server_.Route("/q", testing::ConditionalPage([] { return ArticleHtml("Q", kBody); }));
  TrackPath("/p", "p");
  TrackPath("/q", "q");
  const std::int64_t first = now_;
  EXPECT_EQ(Round().stories.size(), 2u);
  now_ += 60;
  RoundReport later = Round();
  EXPECT_EQ(later.stories.size(), 0u);
  EXPECT_EQ(later.not_due, 2u);
  ASSERT_TRUE(later.next_check.has_value());
  EXPECT_EQ(later.next_check->at, first + 15 * 60);  // the schedule's shortest interval
  EXPECT_EQ(later.next_check->stories, 2u);

  // watch --every: the interval of every story without its own, counted from the round's start.
  RoundOptions every;
  every.every = 60;
  every.started = now_;
  EXPECT_EQ(Round(every).stories.size(), 2u);
  now_ += 30;
  every.started = now_;
  later = Round(every);
  EXPECT_EQ(later.stories.size(), 0u);
  ASSERT_TRUE(later.next_check.has_value());
  EXPECT_EQ(later.next_check->at, now_ + 30);
  now_ += 30;
  every.started = now_;
  EXPECT_EQ(Round(every).stories.size(), 2u);

  now_ += 40 * 86400;  // both past the stop-after: nothing scheduled
  later = Round();
  EXPECT_EQ(later.stopped, 2u);
  EXPECT_FALSE(later.next_check.has_value());
}

TEST_F(WebRoundTest, RetryAfterIsHonoured) {
  auto busy = std::make_shared<bool>(true);
  server_.Route("/busy", [busy](const HttpRequest&) {
    if (!*busy) return HtmlResponse(ArticleHtml("Busy", kBody));
    HttpResponse response = HtmlResponse("slow down", 429);
    response.headers.emplace_back("Retry-After", "7200");
    return response;
  });
  TrackPath("/busy", "busy");
  EXPECT_EQ(Round().stories.at(0).kind, StoryResultKind::kError);
  EXPECT_EQ(State("busy").retry_after, now_ + 7200);
  *busy = false;
  now_ += 3600;
  EXPECT_EQ(RoundAll().stories.size(), 0u);  // even --all waits for the server
  now_ += 3601;
  EXPECT_EQ(Round().stories.at(0).kind, StoryResultKind::kChanged);
}

TEST_F(WebRoundTest, NamedStoriesMustBeTracked) {
  web::Fetcher fetcher(fetch_options_);
  RoundOptions options;
  options.only = {"nope"};
  auto report = RunFetchRound(*archive_, fetcher, options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().kind(), ErrorKind::kNotFound);
}

TEST_F(WebRoundTest, FeedsThatGainItemsAddStories) {
  auto items = std::make_shared<std::vector<std::string>>(std::vector<std::string>{"/news/one"});
  server_.Route("/feed.xml", [items](const HttpRequest&) {
    std::string xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>";
    for (const std::string& item : *items) {
      xml += "<item><title>Story " + item + "</title><link>" + item + "?utm_source=rss</link></item>";
    }
    xml += "<item><title>Sport result</title><link>/sport/x</link></item></channel></rss>";
    HttpResponse response;
    response.headers.emplace_back("Content-Type", "application/rss+xml");
    response.body = xml;
    return response;
  });
  for (const char* path : {"/news/one", "/news/two", "/sport/x"}) {
    server_.Route(path, [path](const HttpRequest&) { return HtmlResponse(ArticleHtml(path, kBody)); });
  }
  auto list = web::LoadTrackingList(*archive_);
  ASSERT_OK(list);
  list->feeds.push_back({server_.Url("/feed.xml"), now_, "/news/", ""});
  ASSERT_OK(web::SaveTrackingList(*archive_, *list, "Follow feed"));

  const RoundReport first = Round();
  ASSERT_EQ(first.feeds.size(), 1u);
  EXPECT_TRUE(first.feeds[0].error.ok()) << first.feeds[0].error.message();
  const std::string one = "127.0.0.1-" + std::to_string(server_.port()) + "-news-one";
  EXPECT_EQ(first.feeds[0].new_stories, std::vector<std::string>{one});
  ASSERT_NE(Find(first, one), nullptr);
  EXPECT_EQ(Find(first, one)->kind, StoryResultKind::kChanged);

  items->push_back("/news/two");
  now_ += 16 * 60;
  const RoundReport second = Round();
  ASSERT_EQ(second.feeds.size(), 1u);
  const std::string two = "127.0.0.1-" + std::to_string(server_.port()) + "-news-two";
  EXPECT_EQ(second.feeds[0].new_stories, std::vector<std::string>{two});
  EXPECT_EQ(Find(second, two)->kind, StoryResultKind::kChanged);

  // Untracked by hand: the feed does not bring it back.
  list = web::LoadTrackingList(*archive_);
  ASSERT_OK(list);
  ASSERT_OK(web::Untrack(&*list, one));
  ASSERT_OK(web::SaveTrackingList(*archive_, *list, "Untrack"));
  now_ += 16 * 60;
  const RoundReport third = RoundAll();
  EXPECT_TRUE(third.feeds.at(0).new_stories.empty());
  list = web::LoadTrackingList(*archive_);
  ASSERT_OK(list);
  EXPECT_EQ(list->stories.size(), 1u);
  EXPECT_EQ(list->stories[0].feed, server_.Url("/feed.xml"));
}

TEST_F(WebRoundTest, SurvivesMainMovingDuringTheRound) {
  server_.Route("/p", [](const HttpRequest&) { return HtmlResponse(ArticleHtml("Moving", kBody)); });
  TrackPath("/p", "p");
  bool moved = false;
  RoundOptions options;
  options.on_progress = [&](const web::FetchProgress&) {
    if (moved) return;
    moved = true;
    // Another process tracks a page while the round runs.
    auto other = Archive::Open(dir_);
    ASSERT_OK(other);
    ASSERT_OK(other->WriteStateFile("tracking/other.txt", "x\n", "Someone else"));
  };
  const RoundReport report = Round(options);
  ASSERT_EQ(report.stories.size(), 1u);
  EXPECT_EQ(report.stories[0].kind, StoryResultKind::kChanged) << report.stories[0].error.message();
  auto log = archive_->Log("p");
  ASSERT_OK(log);
  EXPECT_EQ(log->size(), 1u);
  EXPECT_EQ(test::Git(dir_, "log -1 --skip=1 --format=%s main"), "Someone else\n");
}

}  // namespace
}  // namespace redline::record
