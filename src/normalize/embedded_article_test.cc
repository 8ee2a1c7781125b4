#include "normalize/embedded_article.h"

#include <gtest/gtest.h>

#include <memory>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "normalize/html_prepare.h"
#include "normalize/html_tree.h"
#include "normalize/json_ld.h"
#include "normalize/test_util.h"

namespace redline::normalize {
namespace {

using Paragraphs = std::vector<std::string>;

constexpr char kHeadline[] = "Storm floods the harbour district";
constexpr char kP1[] =
    "Heavy rain flooded the harbour district on Tuesday night, forcing dozens of families to leave their homes.";
constexpr char kP2[] =
    "The council said pumps had been running since midnight and that the water should recede by Thursday.";
constexpr char kP3[] =
    "Residents who need somewhere to stay can go to the sports hall on Mill Road, which opened at six.";

// The page around `head` and `body`, parsed as Normalize parses it (html_prepare first);
// the page's bytes live as long as the parse, as the data scripts point into them.
struct ParsedPage {
  std::unique_ptr<std::string> bytes;
  html::ParsedHtml parsed;
};

ParsedPage ParsePage(const std::string& head, const std::string& body) {
  ParsedPage page;
  page.bytes = std::make_unique<std::string>("<!DOCTYPE html><html><head><title>" + std::string(kHeadline) +
                                             "</title>" + head + "</head><body>" + body + "</body></html>");
  Result<html::ParsedHtml> parsed = html::Parse(*page.bytes);
  EXPECT_TRUE(parsed.ok());
  page.parsed = std::move(parsed).value();
  return page;
}

std::string Script(const std::string& attributes, const std::string& text) {
  return "<script " + attributes + ">" + text + "</script>";
}

std::optional<EmbeddedArticle> FindInPage(const std::string& head, const std::string& body = "<div id=root></div>",
                                          std::string_view headline = kHeadline) {
  const ParsedPage page = ParsePage(head, body);
  const JsonLdArticle ld = ReadJsonLd(page.parsed.document());
  return FindEmbeddedArticle(&page.parsed, ld.article_body, headline);
}

TEST(EmbeddedArticle, SourceNames) {
  EXPECT_EQ(SourceName(TextSource::kDom), "dom");
  EXPECT_EQ(SourceName(TextSource::kJsonLd), "json-ld");
  EXPECT_EQ(SourceName(TextSource::kNextData), "next-data");
  EXPECT_EQ(SourceName(TextSource::kNuxt), "nuxt");
  EXPECT_EQ(SourceName(TextSource::kEmbeddedJson), "embedded-json");
  EXPECT_EQ((EmbeddedArticle{TextSource::kDom, {"ab", "cde"}}.text_size()), 5u);
}

TEST(EmbeddedArticle, JsonLdBodyBlankLinesSplitParagraphs) {
  const std::string ld = R"({"@context":"https://schema.org","@type":"NewsArticle","headline":")" +
                         std::string(kHeadline) + R"(","articleBody":")" + kP1 + R"(\n\n)" + kP2 +
                         R"(\r\n \r\n)" + kP3 + R"( It&#8217;s dry.\n"})";
  const auto found = FindInPage(Script(R"(type="application/ld+json")", ld));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->source, TextSource::kJsonLd);
  EXPECT_EQ(found->paragraphs, (Paragraphs{kP1, kP2, std::string(kP3) + " It\u2019s dry."}));
}

TEST(EmbeddedArticle, JsonLdBodySingleLineBreaksSplitWhenNoBlankLine) {
  const std::string body = std::string(kP1) + "\n" + kP2 + "\n" + kP3;
  const auto found = FindEmbeddedArticle(nullptr, body, "");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->paragraphs, (Paragraphs{kP1, kP2, kP3}));
}

TEST(EmbeddedArticle, JsonLdHtmlBodyIsParsed) {
  const std::string body = "<p>" + std::string(kP1) + "</p><h2>What comes <em>next</em></h2><ul><li>" + kP2 +
                           "</li></ul><blockquote>" + kP3 + "</blockquote><script>var x = 1;</script>";
  const auto found = FindEmbeddedArticle(nullptr, body, "");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->paragraphs, (Paragraphs{kP1, "What comes next", kP2, kP3}));
}

TEST(EmbeddedArticle, EscapedHtmlWithBlankLinesBetweenParagraphs) {
  // WordPress-style content: no <p>, blank lines between paragraphs, markup escaped again.
  const std::string body = std::string(kP1) + "\r\n\r\n&lt;div align=&quot;center&quot;&gt;&lt;img src=&quot;x.jpg&quot;" +
                           " /&gt;&lt;span&gt;A caption&lt;/span&gt;&lt;/div&gt;\r\n\r\n" + kP2 +
                           " You &lt;em&gt;can&lt;/em&gt; go.\r\n\r\n" + kP3;
  const auto found = FindEmbeddedArticle(nullptr, body, "");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->paragraphs, (Paragraphs{kP1, "A caption", std::string(kP2) + " You can go.", kP3}));
}

TEST(EmbeddedArticle, JsonLdDescriptionRepeatDoesNotCount) {
  EXPECT_FALSE(FindEmbeddedArticle(nullptr, kP1, kHeadline));
  EXPECT_FALSE(FindEmbeddedArticle(nullptr, "", kHeadline));
  EXPECT_FALSE(FindEmbeddedArticle(nullptr, "   \n\n  ", kHeadline));
}

TEST(EmbeddedArticle, JsonLdInvalidUtf8IsRepaired) {
  const std::string body = std::string(kP1) + " \xC3(\xFF.\n\n" + kP2 + "\n\n" + kP3;
  const auto found = FindEmbeddedArticle(nullptr, body, "");
  ASSERT_TRUE(found);
  ASSERT_EQ(found->paragraphs.size(), 3u);
  EXPECT_NE(found->paragraphs[0].find("\uFFFD"), std::string::npos);
}

// A Next.js page: the story in blocks, and the site's menu, a description, related stories
// and an SEO block around it.
std::string NextData() {
  return R"({"props":{"pageProps":{
    "navigation":[{"label":"World","href":"/world"},{"label":"Business","href":"/business"},
                  {"label":"Sport","href":"/sport"}],
    "seo":{"title":"Storm floods the harbour district | Harbour Post",
           "description":"Heavy rain flooded the harbour district on Tuesday night, forcing dozens of families to leave."},
    "article":{
      "id":"a8f3c2d1e4b5a6978812bd5e4f3a2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1",
      "title":"Storm floods the harbour district",
      "description":"Dozens of families left their homes as the water rose, and the council says it will recede by Thursday.",
      "body":[
        {"type":"paragraph","text":")" +
         std::string(kP1) + R"("},
        {"type":"ad","text":"Advertisement"},
        {"type":"heading","text":"What comes next"},
        {"type":"paragraph","text":")" +
         kP2 + R"("},
        {"type":"paragraph","text":")" +
         kP3 + R"("}]},
    "related":[
      {"title":"Council approves new flood wall","summary":"The wall, planned for years, will cost twelve million and protect two hundred homes from the sea. Work starts in spring."},
      {"title":"Ferry services cancelled","summary":"All ferries were cancelled on Tuesday as winds reached ninety kilometres an hour across the bay. Services resume today."},
      {"title":"Rain record broken","summary":"More rain fell in September than in any month since records began in 1871, the weather office said on Monday."}]
  }},"page":"/news/[slug]","query":{"slug":"storm"},"buildId":"abc123"})";
}

TEST(EmbeddedArticle, NextDataBlocksWinOverNavigationDescriptionAndRelated) {
  const auto found = FindInPage(Script(R"(id="__NEXT_DATA__" type="application/json")", NextData()));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->source, TextSource::kNextData);
  EXPECT_EQ(found->paragraphs, (Paragraphs{kP1, "What comes next", kP2, kP3}));
}

TEST(EmbeddedArticle, RicherSourceWins) {
  // JSON-LD with the body in one paragraph and without its subheading, Next.js data whole.
  const std::string ld = R"({"@type":"NewsArticle","headline":"x","articleBody":")" + std::string(kP1) + " " + kP2 +
                         " " + kP3 + R"("})";
  const auto found = FindInPage(Script(R"(type="application/ld+json")", ld) +
                                Script(R"(id="__NEXT_DATA__" type="application/json")", NextData()));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->source, TextSource::kNextData);
}

TEST(EmbeddedArticle, RichTextRunsJoinIntoParagraphs) {
  // Contentful's rich text: text nodes split at marks and links, a list of paragraphs.
  const std::string json = R"({"props":{"pageProps":{"post":{"title":"x","body":{"nodeType":"document","content":[
      {"nodeType":"paragraph","content":[
        {"nodeType":"text","value":"Heavy rain flooded the ","marks":[]},
        {"nodeType":"text","value":"harbour district","marks":[{"type":"bold"}]},
        {"nodeType":"text","value":" on Tuesday night, forcing dozens of families to leave, ","marks":[]},
        {"nodeType":"hyperlink","data":{"uri":"https://example.com"},"content":[
          {"nodeType":"text","value":"the council said","marks":[]}]},
        {"nodeType":"text","value":".","marks":[]}]},
      {"nodeType":"heading-2","content":[{"nodeType":"text","value":"What comes next","marks":[]}]},
      {"nodeType":"unordered-list","content":[
        {"nodeType":"list-item","content":[{"nodeType":"paragraph","content":[
          {"nodeType":"text","value":")" +
                           std::string(kP2) + R"(","marks":[]}]}]}]},
      {"nodeType":"paragraph","content":[{"nodeType":"text","value":")" +
                           kP3 + R"(","marks":[]}]}]}}}}})";
  const auto found = FindArticleInJson(json, TextSource::kNextData, "");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->paragraphs,
            (Paragraphs{"Heavy rain flooded the harbour district on Tuesday night, forcing dozens of families to "
                        "leave, the council said.",
                        "What comes next", kP2, kP3}));
}

TEST(EmbeddedArticle, OtherStoriesInTheSameListAreLeftOut) {
  // The page's story first in a list of stories; the next one is longer.
  const std::string json = R"({"stories":[
      {"headline":"Storm floods the harbour district","paragraphs":[")" +
                           std::string(kP1) + R"(",")" + kP2 + R"(",")" + kP3 + R"("]},
      {"headline":"Council approves new flood wall","paragraphs":[")" +
                           kP3 + " " + kP2 + R"(",")" + kP1 + " " + kP2 + R"(",")" + kP3 + " " + kP1 + R"("]}]})";
  const auto found = FindArticleInJson(json, TextSource::kEmbeddedJson, kHeadline);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->paragraphs, (Paragraphs{kP1, kP2, kP3}));
  // Without the headline both stories are one group.
  const auto unknown = FindArticleInJson(json, TextSource::kEmbeddedJson, "");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->paragraphs.size(), 6u);
}

TEST(EmbeddedArticle, NuxtPayloadReferencesAreResolved) {
  // devalue: entry 0 is the root, values inside objects and arrays are entry indices; the
  // article refers to itself (a cycle) and the body is HTML.
  const std::string body = "<p>" + std::string(kP1) + "</p>\n<h2>What comes next</h2>\n<p>" + kP2 +
                           " Pumps &amp; sandbags</p><p>" + kP3 + "</p>";
  const std::string payload = R"([["ShallowReactive",1],{"data":2,"state":9,"once":10,"_errors":11},
      ["ShallowReactive",3],{"article-storm":4},
      {"title":5,"body":6,"tags":7,"self":4,"published":12},
      "Storm floods the harbour district",)" +
                              nlohmann::json(body).dump() + R"(,[8],"weather",
      {"nav":13},["Set"],["Reactive",14],["Date","2024-09-10T08:00:00.000Z"],[15,16],{},"Home","World"])";
  const auto found = FindInPage(Script(R"(type="application/json" id="__NUXT_DATA__" data-ssr="true")", payload));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->source, TextSource::kNuxt);
  EXPECT_EQ(found->paragraphs,
            (Paragraphs{kP1, "What comes next", std::string(kP2) + " Pumps & sandbags", kP3}));
}

TEST(EmbeddedArticle, GenericApplicationJsonState) {
  const std::string state = R"({"app":{"menu":["Home","World","Sport"],"route":{"story":{"name":"storm",
      "content":{"paragraphs":[")" + std::string(kP1) + R"(",")" + kP2 + R"(",")" + kP3 +
                            R"("]},"byline":"Jane Doe"}}}})";
  const auto found =
      FindInPage(Script(R"(type="application/json" id="app-state")", state) +
                 Script("", "window.__STATE__ = {\"x\": \"" + std::string(kP1) + kP2 + kP3 + "\"};"));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->source, TextSource::kEmbeddedJson);
  EXPECT_EQ(found->paragraphs, (Paragraphs{kP1, kP2, kP3}));
}

TEST(EmbeddedArticle, NoiseIsNamedByKeysNotBySlugs) {
  // Comments hold more prose than the story; the story's key is a slug that says "comments".
  const std::string json = R"({"data":{"mayor-comments-on-flood-defences":{"body":[")" + std::string(kP1) +
                           R"(",")" + kP2 + R"(",")" + kP3 + R"("]}},"userComments":[{"text":")" + kP1 + " " + kP2 +
                           R"("},{"text":")" + kP2 + " " + kP3 + R"("},{"text":")" + kP3 + " " + kP1 + R"("}]})";
  const auto found = FindArticleInJson(json, TextSource::kNuxt, "");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->paragraphs, (Paragraphs{kP1, kP2, kP3}));
}

TEST(EmbeddedArticle, NoProseNoArticle) {
  EXPECT_FALSE(FindArticleInJson(R"({"menu":["Home","World","Sport"],"count":3,"ok":true})",
                                 TextSource::kEmbeddedJson, ""));
  EXPECT_FALSE(FindArticleInJson(R"({"a":{"description":")" + std::string(kP1) + R"("}})",
                                 TextSource::kEmbeddedJson, ""));
  EXPECT_FALSE(FindInPage(Script(R"(type="application/json")", R"({"x":1})")));
}

// ---------------------------------------------------------------------------------------
// Hostile data: nullopt, quickly, without crashing.

TEST(EmbeddedArticle, DeeplyNestedJsonIsRefused) {
  const std::string deep = std::string(100000, '[') + "\"" + kP1 + "\"" + std::string(100000, ']');
  EXPECT_FALSE(FindArticleInJson(deep, TextSource::kEmbeddedJson, ""));
  const std::string objects = [] {
    std::string s;
    for (int i = 0; i < 50000; ++i) s += "{\"a\":";
    return s + "1" + std::string(50000, '}');
  }();
  EXPECT_FALSE(FindArticleInJson(objects, TextSource::kNextData, ""));
  EXPECT_FALSE(FindInPage(Script(R"(id="__NEXT_DATA__" type="application/json")", deep)));
}

TEST(EmbeddedArticle, NestingUnderTheLimitIsRead) {
  const std::string body = R"({"body":[")" + std::string(kP1) + R"(",")" + kP2 + R"(",")" + kP3 + R"("]})";
  const std::string nested = std::string(150, '[') + body + std::string(150, ']');
  const auto found = FindArticleInJson(nested, TextSource::kEmbeddedJson, "");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->paragraphs.size(), 3u);
  // Brackets inside strings do not count as nesting.
  const std::string text = R"({"body":[")" + std::string(300, '[') + R"(",")" + kP1 + R"(",")" + kP2 + R"(",")" +
                           kP3 + R"("]})";
  EXPECT_TRUE(FindArticleInJson(text, TextSource::kEmbeddedJson, ""));
}

TEST(EmbeddedArticle, BrokenJsonIsSkipped) {
  const std::string json = R"({"body":[")" + std::string(kP1) + R"(",")" + kP2 + R"(",")" + kP3;
  EXPECT_FALSE(FindArticleInJson(json, TextSource::kEmbeddedJson, ""));
  EXPECT_FALSE(FindArticleInJson("", TextSource::kNuxt, ""));
  EXPECT_FALSE(FindArticleInJson("{\"a\": \"\xFF\xFE\"}", TextSource::kEmbeddedJson, ""));
  EXPECT_FALSE(FindArticleInJson("[1, 2, 3, -1, \"x\", {\"a\": 99999}]", TextSource::kNuxt, ""));
  EXPECT_FALSE(FindArticleInJson(R"([[0],{"a":0,"b":[1,2]},[-5,1e300,"Set"]])", TextSource::kNuxt, ""));
  // The broken script is skipped, the good one read.
  const auto found = FindInPage(Script(R"(type="application/json")", json) +
                                Script(R"(type="application/json")", json + "\"]}"));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->paragraphs.size(), 3u);
}

TEST(EmbeddedArticle, HugeStringCountsAndSharedNuxtEntriesStayCheap) {
  const auto start = std::chrono::steady_clock::now();
  std::string many = "[";
  for (int i = 0; i < 500000; ++i) many += "\"ab\",";
  many += "\"ab\"]";
  EXPECT_FALSE(FindArticleInJson(many, TextSource::kEmbeddedJson, kHeadline));
  std::string keys = "{";
  for (int i = 0; i < 200000; ++i) keys += "\"k" + std::to_string(i) + "\":\"Home\",";
  keys += "\"end\":1}";
  EXPECT_FALSE(FindArticleInJson(keys, TextSource::kEmbeddedJson, ""));
  // Each entry refers twice to the next: 2^60 paths to the last one.
  std::string dag = "[";
  for (int i = 0; i < 60; ++i) dag += "[" + std::to_string(i + 1) + "," + std::to_string(i + 1) + "],";
  dag += "\"" + std::string(kP1) + "\"]";
  EXPECT_NO_FATAL_FAILURE((void)FindArticleInJson(dag, TextSource::kNuxt, ""));
  // Many HTML strings: past the parse budget tags are stripped instead.
  std::string html = "[";
  for (int i = 0; i < 3000; ++i) html += "\"<p>" + std::string(kP1) + "</p><p>" + kP2 + "</p>\",";
  html += "\"x\"]";
  const auto found = FindArticleInJson(html, TextSource::kEmbeddedJson, "");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->paragraphs.size(), 6000u);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 10.0);
}

TEST(EmbeddedArticle, ControlCharactersAreNoText) {
  const std::string json = R"({"body":[")" + std::string(kP1) + R"(\u0000\u0007",")" + kP2 + R"(\t\u001b",")" +
                           kP3 + R"("]})";
  const auto found = FindArticleInJson(json, TextSource::kEmbeddedJson, "");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->paragraphs, (Paragraphs{kP1, kP2, kP3}));
}

// ---------------------------------------------------------------------------------------
// html_prepare keeps the text of the scripts read here, and only theirs.

TEST(HtmlPrepare, KeepsDataScriptsAndDropsOthers) {
  const std::string page =
      "<html><head>"
      "<script>var code = 'dropped1';</script>"
      "<script type=\"text/javascript\">dropped2()</script>"
      "<script type=\"application/ld+json\">{\"kept\":\"ld\"}</script>"
      "<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"kept\":\"next\"}</script>"
      "<script id=\"__NUXT_DATA__\">[{\"kept\":1},\"nuxt\"]</script>"
      "<script type=application/json data-state>{\"kept\":\"state\"}</script>"
      "<SCRIPT TYPE=\"Application/JSON\">{\"kept\":\"upper\"}</SCRIPT>"
      "<script type=\"module\">import json from './json.js'</script>"
      "</head><body><p>Text</p></body></html>";
  const html::PreparedHtml prepared_page = html::PrepareHtml(page);
  const std::string& prepared = prepared_page.html;
  // JSON-LD stays in the page; the other data scripts are set aside, with their attributes.
  EXPECT_NE(prepared.find("\"ld\""), std::string::npos);
  std::string aside;
  for (const html::DataScript& script : prepared_page.data_scripts) aside += std::string(script.attributes) + std::string(script.text);
  for (const char* kept : {"\"next\"", "\"nuxt\"", "\"state\"", "\"upper\""}) {
    EXPECT_NE(aside.find(kept), std::string::npos) << kept;
    EXPECT_EQ(prepared.find(kept), std::string::npos) << kept;  // gumbo never tokenizes it
  }
  EXPECT_NE(aside.find("__NEXT_DATA__"), std::string::npos);
  EXPECT_NE(aside.find("TYPE=\"Application/JSON\""), std::string::npos);
  for (const char* dropped : {"dropped1", "dropped2", "import json"}) {
    EXPECT_EQ(prepared.find(dropped), std::string::npos) << dropped;
    EXPECT_EQ(aside.find(dropped), std::string::npos) << dropped;
  }
  EXPECT_NE(prepared.find("<p>Text</p>"), std::string::npos);
}

}  // namespace
}  // namespace redline::normalize
