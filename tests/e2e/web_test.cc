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
  // No proxies, no delays between requests to the one test host.
  ProcessResult Web(std::vector<std::string> args) {
    ProcessOptions options;
    for (const char* name : {"http_proxy", "HTTP_PROXY", "https_proxy", "all_proxy", "ALL_PROXY"}) {
      options.env.emplace(name, "");
    }
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
    ASSERT_EQ(Web({"track", server_.Url(path)}).exit_code, 0);
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
  ASSERT_EQ(Web({"track", server_.Url("/slow"), "--story", "slow"}).exit_code, 0);
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

}  // namespace
}  // namespace redline::testing
