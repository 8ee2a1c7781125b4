#include "normalize/html_tree.h"

#include <gtest/gtest.h>

#include <string>

#include "normalize/test_util.h"
#include "redline/document.h"

namespace redline::html {
namespace {

TEST(EstimateNestingDepth, CountsOpenContainers) {
  EXPECT_EQ(EstimateNestingDepth("<div><div><span>x</span></div></div>"), 3u);
  EXPECT_EQ(EstimateNestingDepth("<div></div><div></div>"), 1u);
}

TEST(EstimateNestingDepth, IgnoresVoidAndSelfClosingElements) {
  EXPECT_EQ(EstimateNestingDepth("<p>a<p>b<li>c<br><img src=x><hr><input>"), 0u);
  EXPECT_EQ(EstimateNestingDepth("<div><svg><path/><path/></svg></div>"), 2u);
}

TEST(EstimateNestingDepth, SkipsCommentsScriptsAndQuotedBrackets) {
  EXPECT_EQ(EstimateNestingDepth("<!-- <div><div> --><script>'<div><div>'</script><b title='>'>x"), 1u);
}

TEST(Parse, RefusesPagesNestedTooDeeply) {
  std::string page;
  for (std::size_t i = 0; i <= kMaxNestingDepth; ++i) page += "<section>";
  const Result<ParsedHtml> parsed = Parse(page);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().kind(), ErrorKind::kBadInput);
}

TEST(Parse, TheNestingLimitIsConfigurableUpToItsCeiling) {
  std::string page = "<body>";
  for (int i = 0; i < 100; ++i) page += "<div>";
  page += "deep";
  EXPECT_FALSE(Parse(page, {}, 50).ok());
  ASSERT_OK(Parse(page, {}, 150));
  std::string deeper = "<body>";
  for (std::size_t i = 0; i <= kMaxNestingDepthCeiling; ++i) deeper += "<i>";
  const Result<ParsedHtml> refused = Parse(deeper, {}, std::size_t{1} << 30);  // asks for more than the ceiling
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find(std::to_string(kMaxNestingDepthCeiling)), std::string::npos)
      << refused.status().message();
}

TEST(Walk, VisitsDeepTreesWithoutRecursion) {
  std::string page = "<body>";
  for (int i = 0; i < 3000; ++i) page += "<div>";
  page += "deep";
  const Result<ParsedHtml> parsed = Parse(page);
  ASSERT_OK(parsed);
  int elements = 0;
  int leaves = 0;
  Walk(parsed->document(),
       [&](const GumboNode* n) {
         elements += IsElement(n);
         return true;
       },
       [&](const GumboNode* n) { leaves += Tag(n) == GUMBO_TAG_DIV; });
  EXPECT_GE(elements, 3003);  // html, head, body and the divs
  EXPECT_EQ(leaves, 3000);
  EXPECT_EQ(CleanInlineText(VisibleText(parsed->document())), "deep");
}

TEST(VisibleText, BreaksAtBlocksAndJoinsInlineElements) {
  const Result<ParsedHtml> parsed = Parse(
      "<p><b>an</b>d more</p><p>next<br>line</p><script>no</script><span hidden>no</span>"
      "<div style='display: none'>no</div><i aria-hidden=true>no</i><em class='sr-only'>yes</em>");
  ASSERT_OK(parsed);
  // A class hides nothing: its name is the template's, and a new template renames it.
  EXPECT_EQ(CleanInlineText(VisibleText(parsed->document())), "and more next line yes");
}

TEST(TreeOrder, PrecedesAndCommonAncestor) {
  const Result<ParsedHtml> parsed = Parse("<div id=a><p id=b>x</p><p id=c>y</p></div><p id=d>z</p>");
  ASSERT_OK(parsed);
  const std::vector<const GumboNode*> ps = FindAll(parsed->document(), GUMBO_TAG_P);
  ASSERT_EQ(ps.size(), 3u);
  EXPECT_TRUE(Precedes(ps[0], ps[1]));
  EXPECT_TRUE(Precedes(ps[1], ps[2]));
  EXPECT_FALSE(Precedes(ps[2], ps[0]));
  EXPECT_EQ(AttrView(CommonAncestor(ps[0], ps[1]), "id"), "a");
  EXPECT_EQ(Tag(CommonAncestor(ps[0], ps[2])), GUMBO_TAG_BODY);
  EXPECT_FALSE(Precedes(ps[0]->parent, ps[0]));  // an ancestor does not precede
}

TEST(TagName, NamesCustomElements) {
  const Result<ParsedHtml> parsed = Parse("<x-story-body data-a=1>text</x-story-body>");
  ASSERT_OK(parsed);
  const GumboNode* body = FindFirst(parsed->document(), GUMBO_TAG_BODY);
  ASSERT_NE(body, nullptr);
  EXPECT_EQ(TagName(Child(Children(body), 0)), "x-story-body");
}

}  // namespace
}  // namespace redline::html
