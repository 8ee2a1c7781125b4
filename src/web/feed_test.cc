#include "web/feed.h"

#include <gtest/gtest.h>

#include "web/test_util.h"

namespace redline::web {
namespace {

constexpr const char* kFeedUrl = "https://news.example/feeds/world.xml";

TEST(ParseFeed, Rss2) {
  const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>World &amp; more</title>
  <item><title>First &lt;story&gt;</title><link> https://news.example/a?utm_source=rss </link>
    <pubDate>Thu, 01 Sep 2022 08:00:00 GMT</pubDate></item>
  <item><title><![CDATA[Second <b>story</b>]]></title><link>/news/b</link></item>
  <item><title>Only a guid</title><guid isPermaLink="true">https://news.example/c</guid></item>
  <item><title>No link at all</title><guid isPermaLink="false">tag:123</guid></item>
</channel></rss>)";
  auto feed = ParseFeed(xml, kFeedUrl);
  ASSERT_OK(feed);
  EXPECT_EQ(feed->format, "rss");
  EXPECT_EQ(feed->title, "World & more");
  ASSERT_EQ(feed->items.size(), 3u);
  EXPECT_EQ(feed->items[0].url, "https://news.example/a?utm_source=rss");
  EXPECT_EQ(feed->items[0].title, "First <story>");
  EXPECT_EQ(feed->items[0].published, "Thu, 01 Sep 2022 08:00:00 GMT");
  EXPECT_EQ(feed->items[1].url, "https://news.example/news/b");
  EXPECT_EQ(feed->items[1].title, "Second <b>story</b>");
  EXPECT_EQ(feed->items[2].url, "https://news.example/c");
}

TEST(ParseFeed, Rdf) {
  const std::string xml = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example/"><title>RDF news</title></channel>
  <item rdf:about="https://news.example/r1"><title>One</title><link>https://news.example/r1</link>
    <dc:date>2022-09-01T08:00:00Z</dc:date></item>
  <item rdf:about="https://news.example/r2"><title>Two</title></item>
</rdf:RDF>)";
  auto feed = ParseFeed(xml, kFeedUrl);
  ASSERT_OK(feed);
  EXPECT_EQ(feed->format, "rdf");
  EXPECT_EQ(feed->title, "RDF news");
  ASSERT_EQ(feed->items.size(), 2u);
  EXPECT_EQ(feed->items[0].url, "https://news.example/r1");
  EXPECT_EQ(feed->items[0].published, "2022-09-01T08:00:00Z");
  EXPECT_EQ(feed->items[1].url, "https://news.example/r2");
}

TEST(ParseFeed, Atom) {
  const std::string xml = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom news</title>
  <entry><title>One</title><link rel="self" href="https://news.example/self"/>
    <link rel="alternate" type="text/html" href="https://news.example/one"/><updated>2022-09-01T08:00:00Z</updated></entry>
  <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Two <em>words</em></div></title>
    <link href="two.html"/></entry>
</feed>)";
  auto feed = ParseFeed(xml, kFeedUrl);
  ASSERT_OK(feed);
  EXPECT_EQ(feed->format, "atom");
  ASSERT_EQ(feed->items.size(), 2u);
  EXPECT_EQ(feed->items[0].url, "https://news.example/one");
  EXPECT_EQ(feed->items[1].url, "https://news.example/feeds/two.html");
  EXPECT_EQ(feed->items[1].title, "Two words");
}

TEST(ParseFeed, BillionLaughsStaysInert) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
  xml += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
  for (int i = 2; i <= 9; ++i) {
    xml += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) xml += "&lol" + std::to_string(i - 1) + ";";
    xml += "\">\n";
  }
  xml +=
      "]>\n<rss><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://news.example/x</link>"
      "</item></channel></rss>";
  auto feed = ParseFeed(xml, kFeedUrl);
  ASSERT_OK(feed);
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_LT(feed->items[0].title.size(), 16u)
      << "entity expanded: " << feed->items[0].title.size() << " bytes";
  EXPECT_EQ(feed->items[0].title.find("lollol"), std::string::npos);
}

TEST(ParseFeed, ExternalEntitiesAreNotRead) {
  const std::string xml =
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
      "<rss><channel><item><title>&xxe;</title><link>https://news.example/x</link></item>"
      "</channel></rss>";
  auto feed = ParseFeed(xml, kFeedUrl);
  ASSERT_OK(feed);
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].title.find("root:"), std::string::npos);
}

TEST(ParseFeed, RefusesWhatIsNotAFeed) {
  auto broken = ParseFeed("<rss><channel><item></channel>", kFeedUrl);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("not well-formed XML"), std::string::npos);
  auto html = ParseFeed("<html><body>hi</body></html>", kFeedUrl);
  ASSERT_FALSE(html.ok());
  EXPECT_NE(html.status().message().find("not an RSS, RDF or Atom feed"), std::string::npos);
  EXPECT_FALSE(ParseFeed("", kFeedUrl).ok());
  EXPECT_FALSE(ParseFeed(std::string("\0\xff\xfe<", 4), kFeedUrl).ok());
}

TEST(FeedFilter, MatchesUrlAndTitle) {
  auto filter = FeedFilter::Compile("/world/", "ukraine|china");
  ASSERT_OK(filter);
  EXPECT_TRUE(filter->Matches({"https://n.example/world/1", "China trade talks", ""}));
  EXPECT_FALSE(filter->Matches({"https://n.example/sport/1", "China trade talks", ""}));
  EXPECT_FALSE(filter->Matches({"https://n.example/world/2", "Weather", ""}));
  auto everything = FeedFilter::Compile("", "");
  ASSERT_OK(everything);
  EXPECT_TRUE(everything->Matches({"https://n.example/x", "", ""}));
  auto bad = FeedFilter::Compile("(", "");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("--match-url"), std::string::npos);
}

}  // namespace
}  // namespace redline::web
