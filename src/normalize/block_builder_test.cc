// Inline text -> blocks, through the whole HTML path (testing::Page wraps an article).
#include "normalize/block_builder.h"

#include <gtest/gtest.h>

#include "normalize/html_tree.h"
#include "normalize/test_util.h"

namespace redline {
namespace {

std::string Body(std::string_view article_html) {
  const std::string text = testing::Canonical(testing::Page(article_html));
  const std::string head = "# Test headline\n\n";
  return text.rfind(head, 0) == 0 ? text.substr(head.size()) : text;
}

TEST(BlockBuilder, InlineMarkupNeverGluesOrSplitsWords) {
  EXPECT_EQ(Body("<p><b>an</b>d more <a href='/x'>links</a><span>,</span> here.</p>"
                 "<p>word</p><p>Following</p>"),
            "and more links, here.\n\nword\n\nFollowing\n");
}

TEST(BlockBuilder, BreaksAndDoubleBreaks) {
  EXPECT_EQ(Body("<p>one<br>line</p><p>two<br><br>blocks<br> <br>here</p>"),
            "one line\n\ntwo\n\nblocks\n\nhere\n");
}

TEST(BlockBuilder, KindsOfBlocks) {
  EXPECT_EQ(Body("<p>Intro.</p><h2>Reaction</h2><blockquote><p>Quoted one.</p><p>Quoted two.</p>"
                 "</blockquote><ul><li>First item</li><li><p>Second item</p></li></ul>"
                 "<figure><img src=x><figcaption>A caption. Photo: AP</figcaption></figure>"
                 "<pre>code  line</pre><div>Loose div text.</div>"),
            "Intro.\n\n## Reaction\n\n> Quoted one.\n\n> Quoted two.\n\n- First item\n\n"
            "- Second item\n\nA caption. Photo: AP\n\ncode line\n\nLoose div text.\n");
}

TEST(BlockBuilder, EntitiesWhitespaceAndInvisibleText) {
  EXPECT_EQ(Body("<p>Xi&nbsp;Jinping &amp; counter&shy;terrorism &#x201C;q&#8221;</p>"
                 "<p>Seen<span style='display:none'> hidden</span><script>x()</script>.</p>"
                 "<p hidden>Hidden paragraph.</p><p aria-hidden=true>Also hidden.</p>"),
            "Xi Jinping & counterterrorism \u201Cq\u201D\n\nSeen.\n");
}

TEST(BlockBuilder, TableRowsAreBlocks) {
  EXPECT_EQ(Body("<p>Standings after the race, with points.</p><table><tr><th>Pos</th>"
                 "<th>Driver</th></tr><tr><td>1</td><td>Kyle Busch</td></tr></table>"),
            "Standings after the race, with points.\n\nPos Driver\n\n1 Kyle Busch\n");
}

TEST(BlockBuilder, CustomElementsBreakOnlyWhenTheyHoldBlocks) {
  EXPECT_EQ(Body("<p>An <x-term>inline</x-term> term.</p><x-card><p>Card text.</p></x-card>"),
            "An inline term.\n\nCard text.\n");
}

TEST(BlockBuilder, StartsAfterAndStopsAtGivenNodes) {
  const Result<html::ParsedHtml> parsed =
      html::Parse("<div><p>kicker</p><h1>Title</h1><p>lead</p><div id=body><p>body</p></div></div>");
  ASSERT_OK(parsed);
  const GumboNode* root = parsed->document();
  const GumboNode* h1 = html::FindFirst(root, GUMBO_TAG_H1);
  const GumboNode* body_div = html::FindAll(root, GUMBO_TAG_DIV).back();
  normalize::BlockBuilder builder([](const GumboNode*) { return false; });
  builder.Add(html::FindFirst(root, GUMBO_TAG_DIV), h1, body_div);
  const std::vector<normalize::Candidate> blocks = builder.Take();
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].block.text, "lead");
}

TEST(BlockBuilder, MarksLinkOnlyBlocks) {
  const Result<html::ParsedHtml> parsed =
      html::Parse("<p><a href='/other'>Another story entirely</a></p><p>Text <a href='/x'>link</a>.</p>");
  ASSERT_OK(parsed);
  normalize::BlockBuilder builder([](const GumboNode*) { return false; });
  builder.Add(parsed->document());
  const std::vector<normalize::Candidate> blocks = builder.Take();
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_TRUE(blocks[0].all_link);
  EXPECT_FALSE(blocks[1].all_link);
}

}  // namespace
}  // namespace redline
