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
            "Standings after the race, with points.\n\nPos | Driver\n\n1 | Kyle Busch\n");
}

constexpr std::string_view kFirst =
    "The council published its yearly figures on Monday, and they show a sharp rise in the cost of running "
    "the city's schools, libraries and swimming pools, which together take more than half of the money the "
    "city spends on its buildings every year.\n\n";
constexpr std::string_view kLast =
    "The mayor said the rise was no surprise, because energy prices had doubled since the last report, and "
    "that the council would not close any of the buildings this year, although it would look again at the "
    "opening hours of the pools in the winter months.\n";

// `html` between two paragraphs of story: over 500 characters, so that the content is
// cleaned (shorter content is extracted again without the cleaning).
std::string Story(std::string_view html) {
  return Body("<p>" + std::string(kFirst.substr(0, kFirst.size() - 2)) + "</p>" + std::string(html) + "<p>" +
              std::string(kLast.substr(0, kLast.size() - 1)) + "</p>");
}

// The canonical body Story gives: its two paragraphs around `blocks`.
std::string Between(std::string_view blocks) { return std::string(kFirst) + std::string(blocks) + std::string(kLast); }

TEST(BlockBuilder, TableCellsAreSeparatedAndEmptyInnerCellsKeepTheirPlace) {
  EXPECT_EQ(Story("<table><thead><tr><th></th><th>2023</th><th>2024</th></tr></thead><tbody>"
                  "<tr><th>Schools</th><td>12.5</td><td>14.1</td></tr><tr><td>Pools</td><td></td><td>3.2</td>"
                  "<td></td></tr></tbody></table>"),
            Between("2023 | 2024\n\nSchools | 12.5 | 14.1\n\nPools | | 3.2\n\n"));
}

TEST(BlockBuilder, SmallDataTablesSurviveCleaning) {
  // No header cells, few words, linked names, a wrapper: readability's cleaning removed such
  // tables as thin boxes, and rows of capitalised names read as photo credits.
  EXPECT_EQ(Story("<div class=table-wrapper><table><tr><td>Building</td><td>Cost</td></tr>"
                  "<tr><td><a href=/lib>Library</a></td><td>4</td></tr>"
                  "<tr><td>Pool</td><td>3</td></tr></table></div>"),
            Between("Building | Cost\n\nLibrary | 4\n\nPool | 3\n\n"));
}

TEST(BlockBuilder, LayoutTablesReadAsParagraphs) {
  EXPECT_EQ(Story("<table><tr><td><p>The schools' bill rose by a fifth.</p></td></tr>"
                  "<tr><td><p>The pools' bill rose by a third.</p><p>Libraries cost the same.</p></td></tr>"
                  "</table>"),
            Between("The schools' bill rose by a fifth.\n\nThe pools' bill rose by a third.\n\n"
                    "Libraries cost the same.\n\n"));
}

TEST(BlockBuilder, ListsAndNumberedStepsAreListItemsInOrder) {
  // The contract knows one list mark, "- ", for bulleted and numbered lists alike.
  EXPECT_EQ(Story("<h2>How to appeal</h2><ol><li><p>Write to the council.</p><p>Quote your reference."
                  "</p></li><li>Wait for an answer.</li><li>Go to the tribunal.</li></ol>"
                  "<div class=ingredients><ul><li>2 eggs</li><li>1 onion</li></ul></div>"),
            Between("## How to appeal\n\n- Write to the council.\n\n- Quote your reference.\n\n"
                    "- Wait for an answer.\n\n- Go to the tribunal.\n\n- 2 eggs\n\n- 1 onion\n\n"));
}

TEST(BlockBuilder, EachLineOfCodeIsABlock) {
  // Blank lines go; a line without a word ("}") joins the line before it, where the
  // separator and repeat filters cannot take it; "read ..." is code, not a teaser.
  EXPECT_EQ(Story("<pre><code>{\n  read -r line\n\n  if [ -n \"$line\" ]; then\n    echo  \"$line\"\n"
                  "  fi\n}</code></pre><div class=code-toolbar><pre>make test</pre></div>"),
            Between("{ read -r line\n\nif [ -n \"$line\" ]; then\n\necho \"$line\"\n\nfi }\n\n"
                    "make test\n\n"));
}

TEST(BlockBuilder, CollapsedAccordionsAndDetailsAreKept) {
  // The answers are cleaned like any text of the story, so they are sentences here.
  EXPECT_EQ(Story("<details><summary>What changes for parents?</summary><p>Nothing changes this year.</p>"
                  "</details><div class=acc><h3><button>Will pools close?</button></h3><div hidden>"
                  "<p>No, none of the pools will close.</p></div></div>"
                  "<div><button>Who pays?</button><div aria-hidden=true><p>The city pays for all of it.</p>"
                  "</div></div><div><button>When?</button><div style='display: none'><p>The new prices "
                  "apply from May.</p></div></div><div class=card><div class=card-header><h4><button aria-expanded=false>Why now?"
                  "</button></h4></div><div class=collapse><p>Energy prices have doubled.</p></div></div>"
                  "<dl class=faq><dt>Which libraries?</dt><dd class=hidden>All nine of the libraries.</dd></dl>"),
            Between("What changes for parents?\n\nNothing changes this year.\n\n## Will pools close?\n\n"
                    "No, none of the pools will close.\n\nWho pays?\n\nThe city pays for all of it.\n\n"
                    "When?\n\nThe new prices apply from May.\n\n## Why now?\n\nEnergy prices have doubled.\n\n"
                    "Which libraries?\n\nAll nine of the libraries.\n\n"));
}

TEST(BlockBuilder, HiddenTextOutsideAccordionsStaysOut) {
  // Hidden boxes without a toggle before them, a dialog or a menu behind a button, a screen-
  // reader label (its words tell it: the class is the site's), and a hidden cookie banner
  // behind its button outside the article.
  std::string page = testing::Page(
      "<p>" + std::string(kFirst.substr(0, kFirst.size() - 2)) + "</p>" +
      "<p hidden>Draft paragraph.</p><div aria-hidden=true><p>Slide two.</p></div>"
      "<button>Share</button><div role=dialog hidden><p>Share this story by email.</p></div>"
      "<button>Menu</button><nav hidden><ul><li>Sports</li></ul></nav>"
      "<p>The mayor said<span class=x7f2a> (opens in a new window)</span>" +
      std::string(kLast.substr(14, kLast.size() - 15)) + "</p>");
  page.replace(page.find("</body>"), 7,
               "<button>Cookie settings</button><div hidden><p>We use cookies on this site.</p></div></body>");
  EXPECT_EQ(testing::Canonical(page), "# Test headline\n\n" + std::string(kFirst) + std::string(kLast));
}

TEST(BlockBuilder, RubyAnnotationsAreLeftOutTheirBaseTextKept) {
  EXPECT_EQ(Body("<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rt>じ</rt></ruby>の書き取り練習</p>"),
            "漢字の書き取り練習\n");
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
