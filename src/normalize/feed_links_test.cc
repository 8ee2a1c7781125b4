#include <gtest/gtest.h>

#include "redline/normalize.h"

namespace redline {
namespace {

std::vector<std::string> Hrefs(const std::string& html) {
  auto feeds = DeclaredFeeds(html, NormalizeOptions());
  EXPECT_TRUE(feeds.ok()) << feeds.status().message();
  std::vector<std::string> hrefs;
  if (feeds.ok()) {
    for (const FeedLink& feed : *feeds) hrefs.push_back(feed.href);
  }
  return hrefs;
}

TEST(DeclaredFeedsTest, RssAtomAndRdfAlternatesInPageOrder) {
  const std::string html =
      "<html><head><link rel=stylesheet href=/s.css>"
      "<link rel=\"alternate\" type=\"application/rss+xml\" title=\" All news \" href=\" /rss.xml \">"
      "<link rel=\"ALTERNATE feed\" type=\"Application/Atom+XML; charset=utf-8\" "
      "href=\"https://x.example/atom\">"
      "<link rel=alternate type=application/rdf+xml href=/rdf>"
      "<link rel=alternate type=text/html hreflang=fr href=/fr>"
      "<link rel=alternate type=application/rss+xml href=/rss.xml>"
      "<link rel=alternate type=application/rss+xml>"
      "</head><body><p>Text</p></body></html>";
  EXPECT_EQ(Hrefs(html), (std::vector<std::string>{"/rss.xml", "https://x.example/atom", "/rdf"}));
  auto feeds = DeclaredFeeds(html, NormalizeOptions());
  ASSERT_TRUE(feeds.ok());
  EXPECT_EQ((*feeds)[0].title, "All news");
}

TEST(DeclaredFeedsTest, NoneWhenThePageNamesNone) {
  EXPECT_TRUE(Hrefs("<html><head><title>T</title></head><body><p>Text</p></body></html>").empty());
  EXPECT_FALSE(DeclaredFeeds("", NormalizeOptions()).ok());
}

}  // namespace
}  // namespace redline
