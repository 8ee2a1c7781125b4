// The fetcher against a real HTTP server on 127.0.0.1 (tests/support/http_server.h).
#include "web/fetcher.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <map>

#include "support/http_server.h"
#include "web/test_util.h"

namespace redline::web {
namespace {

using testing::HtmlResponse;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpServer;

class FetcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name :
         {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"}) {
      unsetenv(name);
    }
    options_.per_host_delay_ms = 0;
    options_.per_host_transfers = 4;
  }

  // Fetches the URLs and returns the responses by request index.
  std::vector<FetchResponse> FetchUrls(const std::vector<FetchRequest>& requests) {
    Fetcher fetcher(options_);
    std::vector<FetchResponse> responses(requests.size());
    std::vector<int> seen(requests.size(), 0);
    const Status status = fetcher.FetchAll(requests, [&](FetchResponse&& response) {
      ++seen[response.index];
      responses[response.index] = std::move(response);
    });
    EXPECT_TRUE(status.ok()) << status.message();
    for (int count : seen) EXPECT_EQ(count, 1);
    return responses;
  }
  FetchResponse FetchOne(const std::string& url, const std::string& etag = "") {
    return FetchUrls({{url, etag, ""}})[0];
  }

  HttpServer server_;
  FetchOptions options_;
};

TEST_F(FetcherTest, FetchesAPageWithItsHeaders) {
  server_.Route("/a", [](const HttpRequest& request) {
    HttpResponse response = HtmlResponse("<p>hello " + request.Header("user-agent") + "</p>");
    response.headers.emplace_back("ETag", "\"v1\"");
    response.headers.emplace_back("Last-Modified", "Thu, 01 Sep 2022 08:00:00 GMT");
    return response;
  });
  options_.user_agent = "redline-test/1";
  const FetchResponse response = FetchOne(server_.Url("/a"));
  ASSERT_EQ(response.outcome, FetchOutcome::kContent) << response.error.message();
  EXPECT_EQ(response.http_status, 200);
  EXPECT_EQ(response.body, "<p>hello redline-test/1</p>");
  EXPECT_EQ(response.etag, "\"v1\"");
  EXPECT_EQ(response.last_modified, "Thu, 01 Sep 2022 08:00:00 GMT");
  EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(response.final_url, server_.Url("/a"));
}

TEST_F(FetcherTest, ConditionalGetTransfersNoBody) {
  server_.Route("/page", testing::ConditionalPage([] { return std::string("<p>same</p>"); }));
  const FetchResponse first = FetchOne(server_.Url("/page"));
  ASSERT_EQ(first.outcome, FetchOutcome::kContent);
  ASSERT_FALSE(first.etag.empty());
  server_.ClearLog();
  const FetchResponse second = FetchOne(server_.Url("/page"), first.etag);
  EXPECT_EQ(second.outcome, FetchOutcome::kNotModified);
  EXPECT_EQ(second.http_status, 304);
  EXPECT_TRUE(second.body.empty());
  const auto log = server_.LogFor("/page");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].request.Header("if-none-match"), first.etag);
  EXPECT_EQ(log[0].status, 304);
  EXPECT_EQ(log[0].body_bytes_sent, 0u);
}

TEST_F(FetcherTest, SendsIfModifiedSince) {
  server_.Route("/lm", [](const HttpRequest& request) {
    HttpResponse response;
    response.status = request.Header("if-modified-since").empty() ? 200 : 304;
    return response;
  });
  const FetchResponse response = FetchUrls({{server_.Url("/lm"), "", "Thu, 01 Sep 2022 08:00:00 GMT"}})[0];
  EXPECT_EQ(response.outcome, FetchOutcome::kNotModified);
}

HttpResponse Redirect(const std::string& location, int status = 302) {
  HttpResponse response;
  response.status = status;
  response.headers.emplace_back("Location", location);
  return response;
}

TEST_F(FetcherTest, FollowsRedirectChains) {
  server_.Route("/r1", [](const HttpRequest&) { return Redirect("/r2", 301); });
  server_.Route("/r2", [](const HttpRequest&) { return Redirect("/r3"); });
  server_.Route("/r3", [](const HttpRequest&) { return HtmlResponse("<p>end</p>"); });
  const FetchResponse response = FetchOne(server_.Url("/r1"));
  ASSERT_EQ(response.outcome, FetchOutcome::kContent) << response.error.message();
  EXPECT_EQ(response.final_url, server_.Url("/r3"));
  EXPECT_EQ(response.redirects, 2);
  EXPECT_EQ(response.body, "<p>end</p>");
}

TEST_F(FetcherTest, StopsRedirectLoops) {
  server_.Route("/loop-a", [](const HttpRequest&) { return Redirect("/loop-b"); });
  server_.Route("/loop-b", [](const HttpRequest&) { return Redirect("/loop-a"); });
  const FetchResponse response = FetchOne(server_.Url("/loop-a"));
  ASSERT_EQ(response.outcome, FetchOutcome::kError);
  EXPECT_EQ(response.error.kind(), ErrorKind::kNetwork);
  EXPECT_NE(response.error.message().find("redirects"), std::string::npos) << response.error.message();
  EXPECT_EQ(server_.LogFor("/loop-a").size() + server_.LogFor("/loop-b").size(), 11u);
}

TEST_F(FetcherTest, RefusesRedirectsToOtherSchemes) {
  server_.Route("/to-file", [](const HttpRequest&) { return Redirect("file:///etc/passwd"); });
  server_.Route("/to-ftp", [](const HttpRequest&) { return Redirect("ftp://127.0.0.1/x"); });
  for (const char* path : {"/to-file", "/to-ftp"}) {
    const FetchResponse response = FetchOne(server_.Url(path));
    ASSERT_EQ(response.outcome, FetchOutcome::kError) << path;
    EXPECT_NE(response.error.message().find("scheme other than http or https"), std::string::npos)
        << response.error.message();
    EXPECT_EQ(response.body.find("root:"), std::string::npos);
  }
}

TEST_F(FetcherTest, RedirectCredentialsNeverComeBack) {
  server_.Route("/secret", [this](const HttpRequest&) {
    return Redirect("http://alice:s3cret@127.0.0.1:" + std::to_string(server_.port()) + "/landing");
  });
  server_.Route("/landing", [](const HttpRequest&) { return HtmlResponse("<p>in</p>"); });
  const FetchResponse response = FetchOne(server_.Url("/secret"));
  ASSERT_EQ(response.outcome, FetchOutcome::kContent) << response.error.message();
  EXPECT_EQ(response.final_url, server_.Url("/landing"));
}

TEST_F(FetcherTest, ErrorStatusesAreErrors) {
  server_.Route("/missing", [](const HttpRequest&) { return HtmlResponse("<p>gone</p>", 404); });
  server_.Route("/broken", [](const HttpRequest&) { return HtmlResponse("<p>oops</p>", 500); });
  const auto responses = FetchUrls({{server_.Url("/missing"), "", ""}, {server_.Url("/broken"), "", ""}});
  EXPECT_EQ(responses[0].outcome, FetchOutcome::kError);
  EXPECT_EQ(responses[0].http_status, 404);
  EXPECT_EQ(responses[0].error.message(), "HTTP status 404");
  EXPECT_TRUE(responses[0].body.empty());
  EXPECT_EQ(responses[1].error.message(), "HTTP status 500");
}

TEST_F(FetcherTest, HonoursRetryAfter) {
  server_.Route("/busy", [](const HttpRequest&) {
    HttpResponse response = HtmlResponse("slow down", 429);
    response.headers.emplace_back("Retry-After", "120");
    return response;
  });
  server_.Route("/down", [](const HttpRequest&) {
    HttpResponse response = HtmlResponse("maintenance", 503);
    response.headers.emplace_back("Retry-After", "Wed, 21 Oct 2099 07:28:00 GMT");
    return response;
  });
  const auto responses = FetchUrls({{server_.Url("/busy"), "", ""}, {server_.Url("/down"), "", ""}});
  EXPECT_EQ(responses[0].outcome, FetchOutcome::kError);
  EXPECT_EQ(responses[0].retry_after_seconds, 120);
  ASSERT_TRUE(responses[1].retry_after_seconds.has_value());
  EXPECT_GT(*responses[1].retry_after_seconds, 86400);
}

TEST_F(FetcherTest, TimesOutOnASlowServer) {
  server_.Route("/slow", [](const HttpRequest&) {
    HttpResponse response = HtmlResponse("<p>late</p>");
    response.delay_ms = 3000;
    return response;
  });
  options_.total_timeout_ms = 300;
  const auto started = std::chrono::steady_clock::now();
  const FetchResponse response = FetchOne(server_.Url("/slow"));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
  ASSERT_EQ(response.outcome, FetchOutcome::kError);
  EXPECT_NE(response.error.message().find("imed out"), std::string::npos) << response.error.message();
}

TEST_F(FetcherTest, RefusesBodiesOverTheLimit) {
  server_.Route("/big", [](const HttpRequest&) { return HtmlResponse(std::string(200'000, 'x')); });
  HttpResponse gzipped = HtmlResponse(std::string(200'000, 'y'));
  gzipped.gzip = true;  // small on the wire, big once decoded
  server_.Route("/bomb", testing::Sequence({gzipped}));
  options_.max_body_bytes = 100'000;
  const auto responses = FetchUrls({{server_.Url("/big"), "", ""}, {server_.Url("/bomb"), "", ""}});
  for (const FetchResponse& response : responses) {
    ASSERT_EQ(response.outcome, FetchOutcome::kError);
    EXPECT_EQ(response.error.message(), "body over the limit of 100000 bytes");
    EXPECT_TRUE(response.body.empty());
  }
}

TEST_F(FetcherTest, DecodesGzip) {
  const std::string page = "<p>" + std::string(5000, 'z') + "</p>";
  HttpResponse response = HtmlResponse(page);
  response.gzip = true;
  server_.Route("/gz", testing::Sequence({response}));
  const FetchResponse fetched = FetchOne(server_.Url("/gz"));
  ASSERT_EQ(fetched.outcome, FetchOutcome::kContent) << fetched.error.message();
  EXPECT_EQ(fetched.body, page);
  const auto log = server_.LogFor("/gz");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_NE(log[0].request.Header("accept-encoding").find("gzip"), std::string::npos);
  EXPECT_LT(log[0].body_bytes_sent, page.size() / 10);
}

TEST_F(FetcherTest, ConnectionRefusedIsANetworkError) {
  HttpServer closed;
  const std::string url = closed.Url("/x");
  FetchResponse response;
  {
    // A port nobody listens on: take one from a server and stop it.
    auto gone = std::make_unique<HttpServer>();
    const std::string dead = gone->Url("/x");
    gone.reset();
    response = FetchOne(dead);
  }
  EXPECT_EQ(response.outcome, FetchOutcome::kError);
  EXPECT_EQ(response.error.kind(), ErrorKind::kNetwork);
}

TEST_F(FetcherTest, LimitsAndSpacesRequestsPerHost) {
  std::mutex mutex;
  int in_flight = 0;
  int most = 0;
  std::vector<std::chrono::steady_clock::time_point> starts;
  server_.Route("/p", [&](const HttpRequest&) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      starts.push_back(std::chrono::steady_clock::now());
      most = std::max(most, ++in_flight);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::lock_guard<std::mutex> lock(mutex);
    --in_flight;
    return HtmlResponse("<p>x</p>");
  });
  options_.per_host_transfers = 2;
  options_.per_host_delay_ms = 100;
  std::vector<FetchRequest> requests;
  for (int i = 0; i < 6; ++i) requests.push_back({server_.Url("/p?n=" + std::to_string(i)), "", ""});
  for (const FetchResponse& response : FetchUrls(requests))
    EXPECT_EQ(response.outcome, FetchOutcome::kContent);
  EXPECT_LE(most, 2);
  ASSERT_EQ(starts.size(), 6u);
  std::sort(starts.begin(), starts.end());
  for (std::size_t i = 1; i < starts.size(); ++i) {
    EXPECT_GE(starts[i] - starts[i - 1], std::chrono::milliseconds(60)) << i;
  }
}

TEST_F(FetcherTest, StopStartsNothingNewButFinishesWhatIsInFlight) {
  server_.Route("/s", [](const HttpRequest&) {
    HttpResponse response = HtmlResponse("<p>x</p>");
    response.delay_ms = 100;
    return response;
  });
  options_.per_host_transfers = 1;
  std::vector<FetchRequest> requests(5, FetchRequest{server_.Url("/s"), "", ""});
  std::atomic<bool> stop{false};
  Fetcher fetcher(options_);
  std::vector<FetchResponse> responses;
  ASSERT_OK(fetcher.FetchAll(
      requests, [&](FetchResponse&& response) { responses.push_back(std::move(response)); }, &stop,
      [&](const FetchProgress& progress) {
        if (progress.done == 0 && progress.total == 5) stop = true;  // once the first one started
      }));
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_EQ(responses[0].outcome, FetchOutcome::kContent);
}

TEST_F(FetcherTest, ReportsProgress) {
  server_.Route("/q", [](const HttpRequest&) { return HtmlResponse(std::string(1000, 'q')); });
  Fetcher fetcher(options_);
  FetchProgress last;
  ASSERT_OK(fetcher.FetchAll(
      {{server_.Url("/q"), "", ""}, {server_.Url("/nothing-here"), "", ""}}, [](FetchResponse&&) {}, nullptr,
      [&](const FetchProgress& progress) { last = progress; }));
  EXPECT_EQ(last.total, 2u);
  EXPECT_EQ(last.done, 2u);
  EXPECT_EQ(last.errors, 1u);
  EXPECT_GE(last.bytes, 1000u);
}

}  // namespace
}  // namespace redline::web
