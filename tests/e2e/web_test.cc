// track, fetch, watch and feed against a real HTTP server on 127.0.0.1, through the built
// binary.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "e2e/e2e.h"
#include "support/http_server.h"

namespace redline::testing {
namespace {

// Both bodies are over the health alarm's 50 words, so a clean fetch prints nothing on stderr.
const std::vector<std::string> kBody = {
    "The council voted on Tuesday to approve the new budget after a long debate about roads and schools.",
    "Opponents said the plan would raise taxes for families across the region while doing little for the "
    "centre.",
    "Officials said the first projects, two bridges and a library among them, would begin in the spring "
    "and finish within three years."};
const std::vector<std::string> kChangedBody = {
    "The council voted on Tuesday night to approve the new budget after a long debate about roads and "
    "schools.",
    "Opponents said the plan would raise taxes for families across the region while doing little for the "
    "centre.",
    "Officials said the first projects, two bridges and a library among them, would begin in the spring "
    "and finish within three years."};

class WebTest : public ArchiveTest {
 protected:
  // No proxies, no delays between requests to the one test host; local times in UTC.
  ProcessResult Web(std::vector<std::string> args) {
    ProcessOptions options;
    for (const char* name : {"http_proxy", "HTTP_PROXY", "https_proxy", "all_proxy", "ALL_PROXY"}) {
      options.env.emplace(name, "");
    }
    options.env.emplace("TZ", "UTC");
    return InArchive(std::move(args), options);
  }
  ProcessResult Fetch(std::vector<std::string> args = {}) {
    args.insert(args.begin(), {"fetch", "--delay", "0"});
    return Web(std::move(args));
  }
  void ExpectFsckClean() {
    const ProcessResult fsck = Git({"fsck", "--strict", "--no-progress"});
    EXPECT_EQ(fsck.exit_code, 0) << fsck.out << fsck.err;
    EXPECT_EQ(fsck.out + fsck.err, "");
  }
  std::string Id(const std::string& path_part) {
    return "127.0.0.1-" + std::to_string(server_.port()) + "-" + path_part;
  }
  std::string AllHistory() {
    const ProcessResult log = Git({"log", "-p", "--all", "--format=%B"});
    return log.out;
  }

  HttpServer server_;
};

// Word counts depend on the extraction; the tests pin the shape of the lines.
#define EXPECT_LINES(text, pattern) \
  EXPECT_TRUE(std::regex_match(text, std::regex(pattern))) << "output:\n" << text << "pattern: " << pattern

TEST_F(WebTest, TrackFetchChangeAndNotModified) {
  auto page = std::make_shared<std::string>(ArticleHtml("Budget approved", kBody));
  server_.Route("/budget", ConditionalPage([page] { return *page; }));
  ProcessResult r = Web({"track", server_.Url("/budget?utm_source=newsletter#top")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string id = Id("budget");
  EXPECT_EQ(r.out, id + ": tracking " + server_.Url("/budget") + "\n");

  r = Fetch();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LINES(r.out, id + R"(: revision 1 \(\+\d+ -0 words\)\n)");
  EXPECT_EQ(r.err, "");
  r = Web({"show", id, "--raw"});
  EXPECT_EQ(r.out, *page);

  // Unchanged: 304, no commit, nothing printed.
  const std::string head = Git({"rev-parse", "main"}).out;
  server_.ClearLog();
  r = Fetch({"--all"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(Git({"rev-parse", "main"}).out, head);
  ASSERT_EQ(server_.LogFor("/budget").size(), 1u);
  EXPECT_EQ(server_.LogFor("/budget")[0].status, 304);
  EXPECT_EQ(server_.LogFor("/budget")[0].body_bytes_sent, 0u);

  *page = ArticleHtml("Budget approved", kChangedBody);
  r = Fetch({id});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, id + ": revision 2 (+1 -0 words)\n");
  r = Web({"log", id, "--json"});
  const auto log = nlohmann::json::parse(r.out);
  ASSERT_EQ(log["revisions"].size(), 2u);
  EXPECT_EQ(log["revisions"][1]["http_status"], 200);
  EXPECT_EQ(log["revisions"][1]["url"], server_.Url("/budget"));
  EXPECT_TRUE(log["revisions"][1].contains("fetched"));
  EXPECT_FALSE(log["revisions"][1].contains("returns_to"));

  r = Web({"tracked", "--json"});
  const auto tracked = nlohmann::json::parse(r.out);
  ASSERT_EQ(tracked["stories"].size(), 1u);
  EXPECT_EQ(tracked["stories"][0]["story"], id);
  EXPECT_EQ(tracked["stories"][0]["last_status"], 200);
  // The list is committed; the validators are not.
  EXPECT_EQ(Git({"ls-tree", "-r", "--name-only", "main", "tracking"}).out, "tracking/tracked.json\n");
  EXPECT_EQ(AllHistory().find("ETag"), std::string::npos);
  ExpectFsckClean();
}

TEST_F(WebTest, OtherSchemesAreRefusedClearly) {
  const std::string before = RepositoryFingerprint(archive_);
  for (const std::string url : {"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/"}) {
    const ProcessResult r = Web({"track", url});
    EXPECT_EQ(r.exit_code, 3) << url;
    EXPECT_NE(r.err.find("only http:// and https:// URLs can be fetched"), std::string::npos) << r.err;
  }
  const ProcessResult feed = Web({"feed", "add", "file:///etc/passwd"});
  EXPECT_EQ(feed.exit_code, 3);
  EXPECT_EQ(RepositoryFingerprint(archive_), before);
}

TEST_F(WebTest, CredentialsNeverReachLogsCommitsOrState) {
  const std::string url = "http://alice:s3cret@127.0.0.1:" + std::to_string(server_.port()) + "/private";
  ProcessResult r = Web({"track", url});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("user name or password"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("s3cret"), std::string::npos) << r.err;

  // A redirect that carries credentials: followed, but never recorded.
  server_.Route("/login", [this](const HttpRequest&) {
    HttpResponse response;
    response.status = 302;
    response.headers.emplace_back("Location", "http://bob:hunter2@127.0.0.1:" +
                                                  std::to_string(server_.port()) + "/members?utm_source=x");
    return response;
  });
  server_.Route("/members", [](const HttpRequest&) { return HtmlResponse(ArticleHtml("Members", kBody)); });
  ASSERT_EQ(Web({"track", server_.Url("/login")}).exit_code, 0);
  r = Fetch({"-v"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("hunter2"), std::string::npos);
  EXPECT_EQ(r.err.find("hunter2"), std::string::npos);
  const std::string history = AllHistory();
  EXPECT_NE(history.find("Redline-Source: " + server_.Url("/members")), std::string::npos) << history;
  EXPECT_EQ(history.find("hunter2"), std::string::npos);
  EXPECT_EQ(ReadFileOrDie(archive_ + "/.git/redline/fetch-state.json").find("hunter2"), std::string::npos);
  ExpectFsckClean();
}

TEST_F(WebTest, FailuresAreShownRecordedAndExitFive) {
  server_.Route("/ok", [](const HttpRequest&) { return HtmlResponse(ArticleHtml("Fine", kBody)); });
  server_.Route("/missing", [](const HttpRequest&) { return HtmlResponse("<p>no</p>", 404); });
  server_.Route("/error", [](const HttpRequest&) { return HtmlResponse("<p>oops</p>", 500); });
  server_.Route("/slow", [](const HttpRequest&) {
    HttpResponse response = HtmlResponse(ArticleHtml("Slow", kBody));
    response.delay_ms = 4000;
    return response;
  });
  server_.Route("/huge", [](const HttpRequest&) { return HtmlResponse(std::string(50'000, 'x')); });
  server_.Route("/loop", [](const HttpRequest&) {
    HttpResponse response;
    response.status = 302;
    response.headers.emplace_back("Location", "/loop");
    return response;
  });
  for (const char* path : {"/ok", "/missing", "/error", "/slow", "/huge", "/loop"}) {
    ASSERT_EQ(Web({"track", "--no-check", server_.Url(path)}).exit_code, 0);
  }
  const ProcessResult r = Fetch({"--timeout", "1s", "--max-bytes", "20000"});
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_LINES(r.out, Id("ok") + R"(: revision 1 \(\+\d+ -0 words\)\n)");
  for (const std::string& expected : std::vector<std::string>{
           Id("missing") + ": HTTP status 404 (" + server_.Url("/missing") + ")",
           Id("error") + ": HTTP status 500", Id("slow") + ": ",
           Id("huge") + ": body over the limit of 20000 bytes",
           Id("loop") + ": more than the allowed redirects", "redline: error: 5 of 6 fetches failed"}) {
    EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n" << r.err;
  }
  EXPECT_NE(r.err.find("imed out"), std::string::npos) << r.err;
  const ProcessResult stories = Web({"stories"});
  EXPECT_EQ(stories.out.find(Id("missing")), std::string::npos);
  EXPECT_NE(stories.out.find(Id("ok")), std::string::npos);
  const ProcessResult tracked = Web({"tracked"});
  EXPECT_NE(tracked.out.find("error: HTTP status 404"), std::string::npos) << tracked.out;

  // One named story: its own error, exit 5.
  const ProcessResult named = Fetch({Id("missing")});
  EXPECT_EQ(named.exit_code, 5);
  EXPECT_NE(named.err.find("redline: error: " + Id("missing") + ": HTTP status 404"), std::string::npos)
      << named.err;
  EXPECT_EQ(Fetch({"not-tracked"}).exit_code, 3);
  ExpectFsckClean();
}

TEST_F(WebTest, FlipFlopsShowInTheLog) {
  auto version = std::make_shared<int>(0);
  server_.Route("/flip", ConditionalPage(
                             [version] { return ArticleHtml("Flip", *version % 2 ? kChangedBody : kBody); }));
  ASSERT_EQ(Web({"track", server_.Url("/flip"), "--story", "flip"}).exit_code, 0);
  for (int i = 0; i < 4; ++i) {
    *version = i;
    const ProcessResult r = Fetch({"flip"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    if (i == 2) {
      EXPECT_EQ(r.out, "flip: revision 3 (+0 -1 words) = returns to 1\n");
    }
  }
  const ProcessResult text = Web({"log", "flip"});
  std::vector<std::string> lines;
  std::istringstream in(text.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 4u) << text.out;
  EXPECT_EQ(lines[1].find("returns to"), std::string::npos);
  EXPECT_NE(lines[2].find("= returns to 1"), std::string::npos) << lines[2];
  EXPECT_NE(lines[3].find("= returns to 2"), std::string::npos) << lines[3];
  const auto json = nlohmann::json::parse(Web({"log", "flip", "--json"}).out);
  EXPECT_EQ(json["revisions"][2]["returns_to"], 1);
  EXPECT_EQ(json["revisions"][3]["returns_to"], 2);
  ExpectFsckClean();
}

// A feed that brings hundreds of new stories at once, under a descriptor limit below their
// number (the case of issue 13: "400 of 401 fetches failed"): the round records them in
// batches that hold no file open per story.
TEST_F(WebTest, HundredsOfNewItemsUnderASmallFileLimit) {
  constexpr int kItems = 400;
  server_.Route("/big.xml", [](const HttpRequest&) {
    std::string xml = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>";
    for (int i = 0; i < kItems; ++i) {
      xml += "<entry><title>Item " + std::to_string(i) + "</title><link href=\"/item/" + std::to_string(i) + "\"/></entry>";
    }
    HttpResponse response;
    response.headers.emplace_back("Content-Type", "application/atom+xml");
    response.body = xml + "</feed>";
    return response;
  });
  for (int i = 0; i < kItems; ++i) {
    const std::string path = "/item/" + std::to_string(i);
    server_.Route(path, [path](const HttpRequest&) { return HtmlResponse(ArticleHtml(path, kBody)); });
  }
  ASSERT_EQ(Web({"feed", "add", server_.Url("/big.xml")}).exit_code, 0);
  ProcessOptions options;
  for (const char* name : {"http_proxy", "HTTP_PROXY", "https_proxy", "all_proxy", "ALL_PROXY"}) options.env.emplace(name, "");
  const ProcessResult r = RunCommand({"sh", "-c", "ulimit -n 256 && exec '" + std::string(REDLINE_BINARY) + "' -C '" +
                                                      archive_ + "' fetch --delay 0 --json"},
                                     options);
  ASSERT_EQ(r.exit_code, 0) << r.err.substr(0, 2000);
  const auto round = nlohmann::json::parse(r.out);
  std::size_t recorded = 0;
  for (const auto& story : round["stories"]) recorded += story["result"] == "changed" ? 1 : 0;
  EXPECT_EQ(recorded, static_cast<std::size_t>(kItems)) << r.out.substr(0, 2000);
  const auto stories = nlohmann::json::parse(InArchive({"stories", "--json"}).out);
  EXPECT_EQ(stories["stories"].size(), static_cast<std::size_t>(kItems));
  ExpectFsckClean();
  EXPECT_EQ(InArchive({"reindex", "--check"}).exit_code, 0);
}

TEST_F(WebTest, FeedsAddTheirNewItems) {
  auto items = std::make_shared<std::vector<std::string>>(std::vector<std::string>{"/world/one"});
  server_.Route("/atom.xml", [items](const HttpRequest&) {
    std::string xml = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>";
    for (const std::string& item : *items) {
      xml += "<entry><title>World story</title><link href=\"" + item + "\"/></entry>";
    }
    xml += "<entry><title>Weather</title><link href=\"/world/weather\"/></entry></feed>";
    HttpResponse response;
    response.headers.emplace_back("Content-Type", "application/atom+xml");
    response.body = xml;
    return response;
  });
  for (const char* path : {"/world/one", "/world/two", "/world/weather"}) {
    server_.Route(path, [path](const HttpRequest&) { return HtmlResponse(ArticleHtml(path, kBody)); });
  }
  ProcessResult r = Web({"feed", "add", server_.Url("/atom.xml"), "--match-title", "story"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Web({"feed", "add", server_.Url("/x.xml"), "--match-url", "("}).exit_code, 2);
  r = Fetch();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(Id("world-one") + ": tracking (from feed " + server_.Url("/atom.xml") + ")"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(Id("world-one") + ": revision 1"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("weather"), std::string::npos) << r.out;

  items->push_back("/world/two");
  r = Fetch({"--all"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(Id("world-two") + ": revision 1"), std::string::npos) << r.out;
  const auto feeds = nlohmann::json::parse(Web({"feed", "list", "--json"}).out);
  EXPECT_EQ(feeds["feeds"][0]["stories"], 2);
  EXPECT_EQ(Web({"feed", "remove", server_.Url("/atom.xml")}).exit_code, 0);
  EXPECT_EQ(Web({"feed", "remove", server_.Url("/atom.xml")}).exit_code, 3);
  EXPECT_EQ(Web({"untrack", Id("world-one")}).exit_code, 0);
  EXPECT_EQ(Web({"untrack", Id("world-one")}).exit_code, 3);
  const auto tracked = nlohmann::json::parse(Web({"tracked", "--json"}).out);
  EXPECT_EQ(tracked["stories"].size(), 1u);
  ExpectFsckClean();
}

TEST_F(WebTest, WatchRunsRoundsAndTheOnChangeCommand) {
  auto page = std::make_shared<std::string>(ArticleHtml("Watched", kBody));
  server_.Route("/w", ConditionalPage([page] { return *page; }));
  ASSERT_EQ(Web({"track", server_.Url("/w"), "--story", "watched", "--every", "1s"}).exit_code, 0);
  const std::string changes = root_ / "changes.txt";
  const std::string command =
      "echo \"$REDLINE_STORY $REDLINE_REVISION +$REDLINE_ADDED_WORDS -$REDLINE_REMOVED_WORDS "
      "$REDLINE_TOTAL_WORDS $REDLINE_URL\" >> '" +
      changes + "'";
  std::thread editor([page] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    *page = ArticleHtml("Watched", kChangedBody);
  });
  const ProcessResult r =
      Web({"watch", "--every", "1s", "--rounds", "3", "--delay", "0", "--on-change", command});
  editor.join();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LINES(r.out, R"(watched: revision 1 \(\+\d+ -0 words\)\nwatched: revision 2 \(\+1 -0 words\)\n)");
  EXPECT_EQ(r.err, "");  // quiet when not on a terminal
  EXPECT_LINES(ReadFileOrDie(changes), "watched 1 \\+(\\d+) -0 \\1 " + server_.Url("/w") +
                                           "\nwatched 2 \\+1 -0 \\d+ " + server_.Url("/w") + "\n");
}

TEST_F(WebTest, WatchFinishesFetchesInFlightOnSigterm) {
  auto asked = std::make_shared<std::atomic<bool>>(false);
  server_.Route("/slow", [asked](const HttpRequest&) {
    *asked = true;
    HttpResponse response = HtmlResponse(ArticleHtml("Slow news", kBody));
    response.delay_ms = 1500;
    return response;
  });
  ASSERT_EQ(Web({"track", server_.Url("/slow"), "--story", "slow", "--no-check"}).exit_code, 0);
  const std::string out_path = root_ / "watch.out";
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
    for (const char* name : {"http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"}) unsetenv(name);
    unsetenv("REDLINE_ARCHIVE");
    execl(REDLINE_BINARY, REDLINE_BINARY, "-C", archive_.c_str(), "watch", "--every", "1m", "--delay", "0",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Once the request is in flight, ask the watcher to stop.
  for (int i = 0; i < 250 && !*asked; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_TRUE(*asked);
  EXPECT_TRUE(server_.Log().empty());  // the response is still on its way
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_LINES(ReadFileOrDie(out_path), R"(slow: revision 1 \(\+\d+ -0 words\)\n)");
  ExpectFsckClean();
}

// Issue 25, item 2: a round that fetches nothing says so, and when the next check is.
TEST_F(WebTest, FetchSaysWhenNothingIsDue) {
  ProcessResult r = Fetch({"-v"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(
      r.err,
      "redline: nothing tracked; follow a page with 'redline track URL' or a feed with 'redline feed add "
      "URL'\n");

  auto page = std::make_shared<std::string>(ArticleHtml("Budget approved", kBody));
  server_.Route("/a", ConditionalPage([page] { return *page; }));
  server_.Route("/b", ConditionalPage([] { return ArticleHtml("Other news", kBody); }));
  ASSERT_EQ(Web({"track", server_.Url("/a"), "--story", "a", "--every", "1h"}).exit_code, 0);
  ASSERT_EQ(Web({"track", server_.Url("/b"), "--story", "b", "--every", "1h"}).exit_code, 0);
  r = Fetch();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LINES(r.out, R"([ab]: revision 1 \(\+\d+ -0 words\)\n[ab]: revision 1 \(\+\d+ -0 words\)\n)");

  // The page changes, but neither is due for an hour: -v says so, and when.
  *page = ArticleHtml("Budget approved", kChangedBody);
  const auto tracked = nlohmann::json::parse(Web({"tracked", "--json"}).out);
  const std::string next_due = tracked["stories"][0]["next_due"];  // 2024-05-02T06:58:40Z
  ASSERT_EQ(tracked["stories"][1]["next_due"], next_due);          // fetched in one round: due together
  server_.ClearLog();
  r = Fetch({"-v"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_LINES(r.err, "redline: nothing due; next check at (" + next_due.substr(0, 10) + " )?" +
                          next_due.substr(11, 8) + " for 2 pages; 'redline fetch --all' checks now\n");
  EXPECT_TRUE(server_.Log().empty());
  // Piped and without -v (cron): as quiet as before.
  r = Fetch();
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out + r.err, "");
  r = Fetch({"--json"});
  const auto round = nlohmann::json::parse(r.out);
  EXPECT_EQ(round["not_due"], 2);
  EXPECT_EQ(round["next_check"]["at"], next_due);
  EXPECT_EQ(round["next_check"]["stories"], 2);
  EXPECT_EQ(r.err, "");

  // --all checks everything now.
  r = Fetch({"--all"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "a: revision 2 (+1 -0 words)\n");
  EXPECT_EQ(server_.Log().size(), 2u);

  // A round that fetched some: -v says what it left for later.
  server_.Route("/c", ConditionalPage([] { return ArticleHtml("Third", kBody); }));
  ASSERT_EQ(Web({"track", server_.Url("/c"), "--story", "c"}).exit_code, 0);
  const std::string after_all =
      nlohmann::json::parse(Web({"tracked", "--json"}).out)["stories"][0]["next_due"];
  r = Fetch({"-v"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LINES(r.out, R"(c: revision 1 \(\+\d+ -0 words\)\n)");
  EXPECT_LINES(r.err, "redline: 2 pages not due; next check at (" + after_all.substr(0, 10) + " )?" +
                          after_all.substr(11, 8) + " for 2 pages; 'redline fetch --all' checks now\n");
}

TEST_F(WebTest, FetchSaysWhenEveryPageIsStopped) {
  server_.Route("/old", ConditionalPage([] { return ArticleHtml("Old", kBody); }));
  ASSERT_EQ(Web({"track", server_.Url("/old"), "--story", "old", "--stop-after", "1s"}).exit_code, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  ProcessResult r = Fetch({"-v"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(
      r.err,
      "redline: nothing due; 1 page is past its stop-after (see 'redline tracked'); 'redline fetch --all' "
      "checks now\n");
  r = Fetch({"--all"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LINES(r.out, R"(old: revision 1 \(\+\d+ -0 words\)\n)");
}

// Issue 25, item 2: watch --every is the check interval of every page (and feed) that has
// none of its own; track --every sets one page's own.
TEST_F(WebTest, WatchEveryIsTheCheckInterval) {
  auto page = std::make_shared<std::string>(ArticleHtml("Watched", kBody));
  server_.Route("/w", ConditionalPage([page] { return *page; }));
  server_.Route("/hourly", ConditionalPage([] { return ArticleHtml("Hourly", kBody); }));
  ASSERT_EQ(Web({"track", server_.Url("/w"), "--story", "watched"}).exit_code, 0);
  ASSERT_EQ(Web({"track", server_.Url("/hourly"), "--story", "hourly", "--every", "1h"}).exit_code, 0);
  server_.ClearLog();
  std::thread editor([page] {
    std::this_thread::sleep_for(std::chrono::milliseconds(3000));
    *page = ArticleHtml("Watched", kChangedBody);
  });
  const ProcessResult r = Web({"watch", "--every", "2s", "--rounds", "3", "--delay", "0"});
  editor.join();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LINES(r.out, R"((hourly|watched): revision 1 \(\+\d+ -0 words\)\n(hourly|watched): revision 1 )"
                      R"(\(\+\d+ -0 words\)\nwatched: revision 2 \(\+1 -0 words\)\n)");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(server_.LogFor("/w").size(), 3u);       // every round
  EXPECT_EQ(server_.LogFor("/hourly").size(), 1u);  // its own interval
}

// Issue 25, item 5: track and feed add fetch a new URL once and refuse what will never work.
TEST_F(WebTest, TrackAndFeedAddCheckTheUrlOnce) {
  const std::string before = RepositoryFingerprint(archive_);
  server_.Route("/page", [this](const HttpRequest&) {
    return HtmlResponse(
        "<html><head><title>News</title>"
        "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"All\" href=\"/rss.xml\">"
        "<link rel=\"Alternate feed\" type=\"application/atom+xml; charset=utf-8\" href=\"" +
        server_.Url("/atom.xml?utm_source=x") +
        "\"><link rel=\"alternate\" type=\"text/html\" hreflang=\"fr\" href=\"/fr\">"
        "<link rel=\"stylesheet\" type=\"text/css\" href=\"/s.css\"></head><body>" +
        ArticleHtml("Page", kBody) + "</body></html>");
  });
  server_.Route("/plain", [](const HttpRequest&) { return HtmlResponse(ArticleHtml("Plain", kBody)); });
  server_.Route("/rss.xml", [](const HttpRequest&) {
    HttpResponse response;
    response.headers.emplace_back("Content-Type", "application/rss+xml");
    response.body =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
        "<item><title>One</title><link>/one</link></item></channel></rss>";
    return response;
  });
  server_.Route("/broken.xml", [](const HttpRequest&) {
    HttpResponse response;
    response.headers.emplace_back("Content-Type", "application/xml");
    response.body = "<?xml version=\"1.0\"?><rss><channel><title>T</title></rss>";
    return response;
  });
  int closed_port = 0;
  {
    HttpServer closed;
    closed_port = closed.port();
  }  // nothing listens there any more
  const std::string refused = "http://127.0.0.1:" + std::to_string(closed_port) + "/";

  ProcessResult r = Web({"track", server_.Url("/gone")});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "redline: error: not tracking " + server_.Url("/gone") +
                       ": HTTP status 404 (--no-check tracks it anyway)\n");
  EXPECT_EQ(server_.LogFor("/gone").size(), 1u);  // one attempt
  r = Web({"track", refused});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_LINES(r.err,
               "redline: error: not tracking " + refused + ": [^\n]+ \\(--no-check tracks it anyway\\)\n");
  r = Web({"track", server_.Url("/rss.xml")});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "redline: error: not tracking " + server_.Url("/rss.xml") +
                       ": this is a feed, not a page; follow its items with 'redline feed add " +
                       server_.Url("/rss.xml") + "'\n");

  r = Web({"feed", "add", server_.Url("/page")});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "redline: error: not following feed " + server_.Url("/page") +
                       ": this is an HTML page, not a feed; its feeds are: " + server_.Url("/rss.xml") +
                       ", " + server_.Url("/atom.xml") + "\n");
  r = Web({"feed", "add", server_.Url("/plain")});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "redline: error: not following feed " + server_.Url("/plain") +
                       ": this is an HTML page, not a feed, and it links to no feed\n");
  r = Web({"feed", "add", server_.Url("/gone.xml")});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_EQ(r.err, "redline: error: not following feed " + server_.Url("/gone.xml") +
                       ": HTTP status 404 (--no-check adds it anyway)\n");
  r = Web({"feed", "add", refused});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_LINES(
      r.err, "redline: error: not following feed " + refused + ": [^\n]+ \\(--no-check adds it anyway\\)\n");
  r = Web({"feed", "add", server_.Url("/broken.xml")});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_LINES(r.err, "redline: error: not following feed " + server_.Url("/broken.xml") +
                          ": feed is not well-formed XML: [^\n]+ \\(--no-check adds it anyway\\)\n");
  EXPECT_EQ(RepositoryFingerprint(archive_), before);  // nothing was added

  // What works is added; --no-check adds without fetching.
  r = Web({"track", server_.Url("/plain")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, Id("plain") + ": tracking " + server_.Url("/plain") + "\n");
  r = Web({"feed", "add", server_.Url("/rss.xml")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  server_.ClearLog();
  r = Web({"track", server_.Url("/gone"), "--no-check"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, Id("gone") + ": tracking " + server_.Url("/gone") + "\n");
  EXPECT_EQ(Web({"feed", "add", server_.Url("/page"), "--no-check"}).exit_code, 0);
  EXPECT_TRUE(server_.Log().empty());
  // Already tracked: no new check.
  r = Web({"track", server_.Url("/gone")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(server_.Log().empty());
  ExpectFsckClean();
}

// Issue 25, item 6: a failed fetch is said once.
TEST_F(WebTest, AFailedFetchIsSaidOnce) {
  auto gone = std::make_shared<bool>(false);
  server_.Route("/gone", [gone](const HttpRequest&) {
    return *gone ? HtmlResponse("<p>Not found</p>", 404) : HtmlResponse(ArticleHtml("Soon gone", kBody));
  });
  ASSERT_EQ(Web({"track", server_.Url("/gone"), "--story", "gone"}).exit_code, 0);
  *gone = true;
  ProcessResult r = Fetch({"gone"});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "redline: error: gone: HTTP status 404 (" + server_.Url("/gone") + ")\n");
  r = Fetch({"--all"});
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_EQ(r.err, "redline: gone: HTTP status 404 (" + server_.Url("/gone") +
                       ")\nredline: error: 1 of 1 fetch failed (see the message above)\n");
}

// Issue 25, item 10: plurals, the --every override in `tracked`, help that matches behaviour.
TEST_F(WebTest, ListsSayWhatIsSet) {
  server_.Route("/rss.xml", [](const HttpRequest&) {
    HttpResponse response;
    response.headers.emplace_back("Content-Type", "application/rss+xml");
    response.body =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
        "<item><title>One</title><link>/one</link></item></channel></rss>";
    return response;
  });
  server_.Route("/one", [](const HttpRequest&) { return HtmlResponse(ArticleHtml("One", kBody)); });
  ASSERT_EQ(Web({"feed", "add", server_.Url("/rss.xml")}).exit_code, 0);
  ASSERT_EQ(Fetch().exit_code, 0);
  ProcessResult r = Web({"feed", "list"});
  EXPECT_EQ(r.out, server_.Url("/rss.xml") + "  1 story\n");

  ASSERT_EQ(Web({"track", server_.Url("/one"), "--every", "90m", "--stop-after", "1w"}).exit_code, 0);
  r = Web({"tracked"});
  EXPECT_LINES(
      r.out, Id("one") + "  " + server_.Url("/one") + "  last \\S+  next \\S+  every 1h30m  stop after 7d\n");

  r = Web({"track", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.find("differences"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--no-check"), std::string::npos) << r.out;
  EXPECT_NE(
      r.out.find("Exit status: 0 tracked (or already tracked); 2 usage; 3 a refused URL or story id, or a "
                 "feed;\n4 archive; 5 the URL could not be fetched."),
      std::string::npos)
      << r.out;
  for (const char* command : {"untrack", "tracked", "fetch", "watch"}) {
    r = Web({command, "--help"});
    EXPECT_EQ(r.out.find("differences"), std::string::npos) << command << "\n" << r.out;
  }
  r = Web({"feed", "add", "--help"});
  EXPECT_EQ(r.out.find("differences"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace redline::testing
