#include "normalize/metadata.h"

#include <gtest/gtest.h>

#include <string>

#include "normalize/html_tree.h"
#include "normalize/json_ld.h"
#include "normalize/test_util.h"

namespace redline::normalize {
namespace {

// The parsed page and what was read from it (headline_element points into the tree).
struct ReadPage {
  html::ParsedHtml tree;
  Metadata meta;
};

ReadPage ReadWithTree(const std::string& page) {
  Result<html::ParsedHtml> parsed = html::Parse(page);
  EXPECT_TRUE(parsed.ok());
  if (!parsed.ok()) return {};
  ReadPage read{std::move(parsed).value(), {}};
  const GumboNode* root = read.tree.document();
  read.meta = ReadMetadata(root, html::FindFirst(root, GUMBO_TAG_ARTICLE), ReadJsonLd(root));
  return read;
}

Metadata Read(const std::string& page) {
  Metadata meta = ReadWithTree(page).meta;
  meta.headline_element = nullptr;  // the tree is gone
  return meta;
}

TEST(StripSiteSuffix, RemovesSiteNames) {
  EXPECT_EQ(StripSiteSuffix("Storm hits coast | Harbour Post", {}), "Storm hits coast");
  EXPECT_EQ(StripSiteSuffix("Storm hits coast - World - The Daily Example", {}), "Storm hits coast");
  EXPECT_EQ(StripSiteSuffix("Storm hits coast \u2013 Site", {}), "Storm hits coast");
  EXPECT_EQ(StripSiteSuffix("Storm hits coast :: Site", {}), "Storm hits coast");
  EXPECT_EQ(StripSiteSuffix("Storm - a long headline part that is not a site name at all", {}),
            "Storm - a long headline part that is not a site name at all");
  EXPECT_EQ(StripSiteSuffix("Q&A - what next | Site", {"Q&A - what next"}), "Q&A - what next");
}

TEST(JoinAuthors, FormatsAndFilters) {
  EXPECT_EQ(JoinAuthors({"Jane Doe"}, ""), "Jane Doe");
  EXPECT_EQ(JoinAuthors({"Jane Doe", "John Roe"}, ""), "Jane Doe and John Roe");
  EXPECT_EQ(JoinAuthors({"A Ay", "B Bee", "C Sea"}, ""), "A Ay, B Bee and C Sea");
  EXPECT_EQ(
      JoinAuthors({"By Jane Doe", "jane doe", "https://example.com/jane", "Harbour Post"}, "Harbour Post"),
      "Jane Doe");
}

TEST(DecodeEntities, DecodesNamedAndNumericReferences) {
  EXPECT_EQ(DecodeEntities("UN&rsquo;s &amp; &#8220;x&#x201D; &bogus; &#xD800;"),
            "UN\u2019s & \u201Cx\u201D &bogus; &#xD800;");
}

TEST(ReadMetadata, PrefersTheShownHeadlineWhenSourcesAgree) {
  const ReadPage read = ReadWithTree(
      "<html lang='en-GB'><head><title>UN&rsquo;s report strains ties | Harbour Post</title>"
      "<meta property='og:title' content='UN&#8217;s report strains ties'>"
      "<meta property='og:site_name' content='Harbour Post'></head><body>"
      "<h1>Site logo</h1><article><h1 class=headline>UN\u2019s  report <em>strains</em> ties</h1>"
      "<p>Text.</p></article></body></html>");
  EXPECT_EQ(read.meta.title, "UN\u2019s report strains ties");
  ASSERT_NE(read.meta.headline_element, nullptr);
  EXPECT_EQ(html::AttrView(read.meta.headline_element, "class"), "headline");
  EXPECT_EQ(read.meta.language, "en-GB");
}

TEST(ReadMetadata, FallsBackToOgTitleWhenTheH1IsNotTheHeadline) {
  const Metadata meta = Read(
      "<html><head><title>Storm hits coast - Site</title>"
      "<meta property='og:title' content='Storm hits coast'></head>"
      "<body><h1>Weather</h1><article><p>Text.</p></article></body></html>");
  EXPECT_EQ(meta.title, "Storm hits coast");
}

TEST(ReadMetadata, StripsTheSuffixFromTheTitleTag) {
  const Metadata meta = Read(
      "<html><head><title>Storm hits coast | Site</title></head>"
      "<body><article><p>Text.</p></article></body></html>");
  EXPECT_EQ(meta.title, "Storm hits coast");
}

TEST(ReadMetadata, ReadsJsonLdAuthorsDatesAndGraph) {
  const Metadata meta = Read(
      "<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\","
      "\"@graph\":[{\"@type\":\"WebPage\",\"@id\":\"#page\"},{\"@type\":\"NewsArticle\","
      "\"headline\":\"Storm hits coast\",\"datePublished\":\"2022-09-01T20:00:00+08:00\","
      "\"dateModified\":\"2022-09-02T09:30:00+08:00\",\"author\":[{\"@id\":\"#jane\"},"
      "{\"@type\":\"Person\",\"name\":\"John Roe\"}],\"publisher\":{\"name\":\"Example News\"}},"
      "{\"@type\":\"Person\",\"@id\":\"#jane\",\"name\":\"Jane Doe\"}]}</script></head>"
      "<body><article><p>Text.</p></article></body></html>");
  EXPECT_EQ(meta.title, "Storm hits coast");
  EXPECT_EQ(meta.byline, "Jane Doe and John Roe");
  EXPECT_EQ(meta.published, "2022-09-01T20:00:00+08:00");
  EXPECT_EQ(meta.modified, "2022-09-02T09:30:00+08:00");
}

TEST(ReadMetadata, BylineFromMetaThenVisibleElements) {
  EXPECT_EQ(Read("<html><head><meta name=author content='Jane Doe'></head><body><article>"
                 "<p>Text.</p></article></body></html>")
                .byline,
            "Jane Doe");
  EXPECT_EQ(Read("<html><head><meta name=author content='https://facebook.com/site'></head>"
                 "<body><article><a rel=author href='/a'>Jane Doe</a><p>Text.</p></article>"
                 "</body></html>")
                .byline,
            "Jane Doe");
  // Links to author pages, outside the story's sentences; never a class name.
  EXPECT_EQ(Read("<html><body><article><div class='x9'>By <a href='/author/john-roe'>John Roe</a> and "
                 "<a href='/author/ann-poe'>Ann Poe</a></div><p>Text.</p></article></body></html>")
                .byline,
            "John Roe and Ann Poe");
  EXPECT_EQ(Read("<html><body><article><div class='story-byline'>By John Roe</div>"
                 "<p>Text.</p></article></body></html>")
                .byline,
            "");
  EXPECT_EQ(Read("<html><body><article><p>The plan, backed by <a href='/people/jo-bloggs'>Jo Bloggs</a>, "
                 "the council leader, passed on Monday after a long debate in the chamber.</p>"
                 "</article></body></html>")
                .byline,
            "");
}

TEST(ReadMetadata, NeverTakesTheSiteNameAsByline) {
  EXPECT_EQ(Read("<html><head><meta property='og:site_name' content='Harbour Post'>"
                 "<meta name=author content='Harbour Post'></head><body><article><p>Text.</p>"
                 "</article></body></html>")
                .byline,
            "");
}

TEST(ReadMetadata, TimesUrlFromMetaLinkAndTimeElements) {
  const Metadata meta = Read(
      "<html><head><meta property='article:published_time' content='2021-01-02T03:04:05Z'>"
      "<link rel=canonical href='https://example.com/a'><meta property='og:url' "
      "content='https://example.com/og'></head><body><article><p>Text.</p></article></body></html>");
  EXPECT_EQ(meta.published, "2021-01-02T03:04:05Z");
  EXPECT_EQ(meta.canonical_url, "https://example.com/a");
  const Metadata from_time = Read(
      "<html><head><meta property='og:url' content='https://e.com/og'>"
      "</head><body><article><time datetime='2020-05-06'>May 6</time>"
      "<p>Text.</p></article></body></html>");
  EXPECT_EQ(from_time.published, "2020-05-06");
  EXPECT_EQ(from_time.canonical_url, "https://e.com/og");
}

TEST(ParseJsonLd, HandlesArraysStringsAndBrokenJson) {
  const JsonLdArticle a = ParseJsonLd(
      "[{\"@type\":\"Organization\",\"name\":\"X\"},{\"@type\":[\"BlogPosting\"],"
      "\"name\":\"Post title\",\"author\":\"Jane Doe\"}]");
  EXPECT_TRUE(a.found);
  EXPECT_EQ(a.headline, "Post title");
  EXPECT_EQ(a.authors, std::vector<std::string>{"Jane Doe"});
  EXPECT_FALSE(ParseJsonLd("{\"@type\":\"NewsArticle\",").found);
  EXPECT_FALSE(ParseJsonLd("{\"@type\":\"NewsArticle\",\"headline\":42}").headline.size() > 0);
}

}  // namespace
}  // namespace redline::normalize
