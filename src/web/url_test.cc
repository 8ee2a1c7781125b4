#include "web/url.h"

#include <gtest/gtest.h>

#include "redline/document.h"
#include "web/test_util.h"

namespace redline::web {
namespace {

std::string Canonical(const std::string& url) {
  auto canonical = CanonicalUrl(url);
  return canonical.ok() ? *canonical : "error: " + canonical.status().message();
}

TEST(CanonicalUrl, RemovesTrackingParametersAndFragment) {
  EXPECT_EQ(
      Canonical("https://News.Example.COM/world/story?utm_source=tw&id=5&UTM_Medium=x&fbclid=abc#comments"),
      "https://news.example.com/world/story?id=5");
  EXPECT_EQ(Canonical("https://example.com/a?gclid=1&utm_campaign=2"), "https://example.com/a");
  EXPECT_EQ(Canonical("https://example.com/a?b=2&a=1"), "https://example.com/a?b=2&a=1");  // order kept
}

TEST(CanonicalUrl, NormalizesHostPortAndPath) {
  EXPECT_EQ(Canonical("HTTP://example.com:80"), "http://example.com/");
  EXPECT_EQ(Canonical("https://example.com:443/x"), "https://example.com/x");
  EXPECT_EQ(Canonical("https://example.com:8443/x"), "https://example.com:8443/x");
  EXPECT_EQ(Canonical("https://example.com./a/../b/./c"), "https://example.com/b/c");
  EXPECT_EQ(Canonical("  https://example.com/x \n"), "https://example.com/x");
}

TEST(CanonicalUrl, RefusesOtherSchemesClearly) {
  EXPECT_EQ(Canonical("file:///etc/passwd"),
            "error: only http:// and https:// URLs can be fetched, not file://: file:///etc/passwd");
  EXPECT_NE(Canonical("ftp://example.com/x").find("not ftp://"), std::string::npos);
  EXPECT_NE(Canonical("gopher://example.com/").find("not gopher://"), std::string::npos);
  EXPECT_NE(Canonical("javascript:alert(1)").find("not an absolute URL"), std::string::npos);
  EXPECT_NE(Canonical("example.com/story").find("not an absolute URL"), std::string::npos);
  EXPECT_NE(Canonical("https://exa mple.com/").find("spaces"), std::string::npos);
  EXPECT_NE(Canonical("").find("empty"), std::string::npos);
  EXPECT_NE(Canonical("https://" + std::string(9000, 'a')).find("over the limit"), std::string::npos);
}

TEST(CanonicalUrl, RefusesCredentialsWithoutShowingThem) {
  const std::string result = Canonical("https://alice:s3cret@example.com/story");
  EXPECT_NE(result.find("user name or password"), std::string::npos) << result;
  EXPECT_EQ(result.find("s3cret"), std::string::npos) << result;
  EXPECT_EQ(result.find("alice"), std::string::npos) << result;
  EXPECT_NE(Canonical("https://token@example.com/").find("user name or password"), std::string::npos);
}

TEST(StoryIdForUrl, HostAndPathMadeIntoAnId) {
  EXPECT_EQ(StoryIdForUrl("https://www.bbc.co.uk/news/world-asia-62744522"),
            "bbc.co.uk-news-world-asia-62744522");
  EXPECT_EQ(StoryIdForUrl("https://example.com/2022/09/01/UN_Report.html"),
            "example.com-2022-09-01-un-report-html");
  EXPECT_EQ(StoryIdForUrl("https://example.com/article.php?id=123"), "example.com-article-php-id-123");
  EXPECT_EQ(StoryIdForUrl("https://example.com/"), "example.com");
  EXPECT_EQ(StoryIdForUrl("http://127.0.0.1:8080/a"), "127.0.0.1-8080-a");
}

TEST(StoryIdForUrl, IsStableAndAlwaysValid) {
  const std::string long_url = "https://example.com/" + std::string(300, 'x') + "/end";
  const std::string id = StoryIdForUrl(long_url);
  EXPECT_EQ(id.size(), 128u);
  EXPECT_EQ(id, StoryIdForUrl(long_url));
  EXPECT_NE(id, StoryIdForUrl(long_url + "2"));
  for (const std::string& url :
       {long_url, std::string("https://[::1]:8080/%E2%82%AC/..x../"),
        std::string("https://xn--bcher-kva.example/a--b/.lock"), std::string("https://a/")}) {
    const std::string story = StoryIdForUrl(url);
    EXPECT_TRUE(ValidateStoryId(story).ok()) << url << " -> " << story;
    EXPECT_EQ(story.find(".."), std::string::npos) << story;
    EXPECT_FALSE(story.ends_with(".") || story.ends_with("-")) << story;
  }
}

TEST(RedactCredentials, RemovesUserinfoEverywhere) {
  EXPECT_EQ(RedactCredentials("see https://u:p@a.example/x and http://tok@b.example?q"),
            "see https://a.example/x and http://b.example?q");
  EXPECT_EQ(RedactCredentials("no url here"), "no url here");
  EXPECT_EQ(RedactCredentials("https://a.example/path@x"), "https://a.example/path@x");
}

TEST(UrlHost, LowercasedWithoutPortOrUser) {
  EXPECT_EQ(UrlHost("https://u:p@News.Example:8080/x"), "news.example");
  EXPECT_EQ(UrlHost("http://[::1]:80/"), "[::1]");
  EXPECT_EQ(UrlHost("nonsense"), "");
}

TEST(ResolveUrl, RelativeLinksAgainstTheFeed) {
  auto resolved = ResolveUrl("https://example.com/feeds/world.xml", "../news/a.html");
  ASSERT_OK(resolved);
  EXPECT_EQ(*resolved, "https://example.com/news/a.html");
  resolved = ResolveUrl("https://example.com/feeds/world.xml", "https://other.example/b");
  ASSERT_OK(resolved);
  EXPECT_EQ(*resolved, "https://other.example/b");
}

}  // namespace
}  // namespace redline::web
