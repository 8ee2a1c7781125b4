#include "normalize/site_rules.h"

#include <gtest/gtest.h>

#include "normalize/html_tree.h"
#include "normalize/selector.h"
#include "normalize/test_util.h"

namespace redline::normalize {
namespace {

// Ids of the elements under the page's body that `selector` matches, space-separated.
std::string MatchedIds(const std::string& page, const std::string& selector) {
  const Result<html::ParsedHtml> parsed = html::Parse(page, {"data-kind"});
  EXPECT_TRUE(parsed.ok());
  const Result<std::vector<Selector>> selectors = ParseSelectors(selector);
  EXPECT_TRUE(selectors.ok()) << selectors.status().message();
  if (!parsed.ok() || !selectors.ok()) return "";
  std::string ids;
  html::Walk(parsed->document(), [&](const GumboNode* n) {
    for (const Selector& s : *selectors) {
      if (html::IsElement(n) && Matches(s, n)) {
        ids += (ids.empty() ? "" : " ") + std::string(html::AttrView(n, "id"));
        break;
      }
    }
    return html::Children(n) != nullptr;
  });
  return ids;
}

constexpr char kPage[] =
    "<body><div id=a class='story main'><p id=b class=lead>x</p><div id=c><p id=d data-kind=ad>y</p></div></div>"
    "<aside id=e class=Story><p id=f>z</p></aside></body>";

TEST(Selector, MatchesTagIdClassAndAttributes) {
  EXPECT_EQ(MatchedIds(kPage, "p"), "b d f");
  EXPECT_EQ(MatchedIds(kPage, "#c"), "c");
  EXPECT_EQ(MatchedIds(kPage, ".story"), "a");  // classes keep their case
  EXPECT_EQ(MatchedIds(kPage, "div.story.main"), "a");
  EXPECT_EQ(MatchedIds(kPage, "[data-kind]"), "d");
  EXPECT_EQ(MatchedIds(kPage, "p[data-kind=ad], p[data-kind='ad']"), "d");
  EXPECT_EQ(MatchedIds(kPage, "p[data-kind=\"news\"]"), "");
  EXPECT_EQ(MatchedIds(kPage, "ASIDE *"), "f");
}

TEST(Selector, DescendantAndChildCombinators) {
  EXPECT_EQ(MatchedIds(kPage, "div p"), "b d");
  EXPECT_EQ(MatchedIds(kPage, ".story > p"), "b");
  EXPECT_EQ(MatchedIds(kPage, "#a > div > p"), "d");
  EXPECT_EQ(MatchedIds(kPage, "body div p.lead"), "b");
  EXPECT_EQ(MatchedIds(kPage, "#a>p"), "b");
}

TEST(Selector, RefusesBrokenSyntax) {
  for (const char* broken : {"", "div,", "p[", "p[x=", "p[x='y]", "#", "div >", "a ~ b", ":hover", ". x"}) {
    const Result<std::vector<Selector>> parsed = ParseSelectors(broken);
    EXPECT_FALSE(parsed.ok()) << broken;
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.status().kind(), ErrorKind::kBadInput);
    }
  }
}

TEST(SiteRules, ParsesSectionsAndReportsLineNumbers) {
  const Result<SiteRules> rules = SiteRules::Parse(
      "# comment\n\n[example.com, News.Example.org]\ninclude: article .body\nexclude: .promo, #comments\n"
      "[*]\nexclude: [data-kind=ad]\n");
  ASSERT_OK(rules);
  ASSERT_EQ(rules->impl().sections.size(), 2u);
  EXPECT_EQ(rules->impl().sections[0].domains, (std::vector<std::string>{"example.com", "news.example.org"}));
  EXPECT_EQ(rules->impl().sections[0].include.size(), 1u);
  EXPECT_EQ(rules->impl().sections[0].exclude.size(), 2u);
  EXPECT_EQ(rules->impl().attributes, std::vector<std::string>{"data-kind"});
  EXPECT_EQ(SiteRules::Parse("exclude: p\n").status().message(), "rules line 1: rules must follow a [domain] section");
  EXPECT_EQ(SiteRules::Parse("[a.com]\nremove: p\n").status().message(),
            "rules line 2: unknown rule 'remove' (use include or exclude)");
  EXPECT_EQ(SiteRules::Parse("[a b]\n").status().message(), "rules line 1: 'a b' is not a domain");
  EXPECT_NE(SiteRules::Parse("[a.com]\n\ninclude: p[\n").status().message().find("rules line 3: selector 'p['"),
            std::string::npos);
}

TEST(SiteRules, DomainsCoverTheirSubdomains) {
  EXPECT_EQ(HostOf("https://News.Example.com:8080/a/b?c#d"), "news.example.com");
  EXPECT_EQ(HostOf("//cdn.example.com/x"), "cdn.example.com");
  EXPECT_EQ(HostOf("http://user@example.com./"), "example.com");
  EXPECT_EQ(HostOf("not a url"), "not a url");
  EXPECT_TRUE(HostInDomain("example.com", "example.com"));
  EXPECT_TRUE(HostInDomain("www.example.com", "example.com"));
  EXPECT_FALSE(HostInDomain("badexample.com", "example.com"));
  EXPECT_FALSE(HostInDomain("", "example.com"));
  EXPECT_TRUE(HostInDomain("anything.org", "*"));
}

const char kRulesPage[] =
    "<html><head><title>Storm hits coast | Site</title><link rel=canonical href='https://www.example.com/storm'>"
    "</head><body><div class=feed><p>Teaser one is long enough to count as a paragraph of text, with commas, and "
    "more.</p><p>Teaser two is long enough to count as a paragraph of text, with commas, and more.</p>"
    "<p>Teaser three is long enough to count as a paragraph of text, with commas, and more.</p></div>"
    "<div class=story><h1>Storm hits coast</h1><p>The storm arrived at dawn.</p>"
    "<p class=note>Editor's note: subscribe.</p></div></body></html>";

std::string WithRules(const std::string& rules, const std::string& url = "") {
  NormalizeOptions options;
  options.url = url;
  const Result<SiteRules> parsed = SiteRules::Parse(rules);
  EXPECT_TRUE(parsed.ok()) << parsed.status().message();
  if (parsed.ok()) options.rules = *parsed;
  const Result<Document> doc = Normalize(kRulesPage, options);
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  return doc.ok() ? CanonicalText(*doc) : "";
}

TEST(SiteRules, IncludeAndExcludeDecideTheContent) {
  // Without rules the heuristics take the feed of teasers.
  EXPECT_EQ(WithRules("").find("The storm arrived"), std::string::npos);
  EXPECT_EQ(WithRules("[example.com]\ninclude: div.story\nexclude: .note\n"),
            "# Storm hits coast\n\nThe storm arrived at dawn.\n");
  // The rules of other sites do not apply; the --url host counts like the canonical one.
  EXPECT_EQ(WithRules("[other.org]\ninclude: div.story\n").find("The storm arrived"), std::string::npos);
  EXPECT_EQ(WithRules("[mirror.net]\ninclude: .story\nexclude: p.note\n", "http://mirror.net/x"),
            "# Storm hits coast\n\nThe storm arrived at dawn.\n");
}

}  // namespace
}  // namespace redline::normalize
