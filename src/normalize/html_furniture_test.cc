// Template boxes inside the story's HTML, and where the headline and byline come from.
#include <gtest/gtest.h>

#include "normalize/test_util.h"
#include "redline/normalize.h"

namespace redline {
namespace {

constexpr char kParagraphs[] =
    "<p>The storm arrived at dawn on Tuesday, flooding streets, closing schools and cutting power to "
    "thousands of homes along the coast.</p><p>Crews worked through the night, and officials said, on "
    "Wednesday, that most roads would reopen soon.</p>";

TEST(HtmlFurniture, HoverCardGoesTheNameStays) {
  const std::string page = testing::Page(
      std::string("<p>The plan was backed by <span class=rollover-people><a href=/p/jo>Jo Bloggs</a>"
                  "<span class=rollover-people-block><img src=jo.jpg><a href=/x>Bloggs on taxes</a> "
                  "<a href=/y>Bloggs on roads</a></span></span>, the council leader, on Monday.</p>") +
      kParagraphs);
  EXPECT_NE(testing::Canonical(page).find("backed by Jo Bloggs, the council leader, on Monday."), std::string::npos)
      << testing::Canonical(page);
}

TEST(HtmlFurniture, VideoFiguresGoWithTheirTitles) {
  const std::string page = testing::Page(std::string(kParagraphs) +
                                         "<figure><div class=video-player></div><figcaption>Watch: the flood "
                                         "at dawn</figcaption></figure><figure><img src=a.jpg><figcaption>Flooded "
                                         "streets in the old town.<cite>Jane Roe</cite></figcaption></figure>");
  const std::string text = testing::Canonical(page);
  EXPECT_EQ(text.find("Watch"), std::string::npos) << text;
  EXPECT_NE(text.find("\n\nFlooded streets in the old town.\n"), std::string::npos) << text;
}

TEST(HtmlFurniture, BiosCreditsAndMetadataBoxesGo) {
  // Told by their words, whatever the boxes are called: the bio names the byline's author.
  const std::string page = testing::Page(std::string(kParagraphs) +
                                             "<div class=x1><p>Jane Roe is a reporter who covers weather.</p></div>"
                                             "<div class=x2>Posted in: News | Tags: storm, coast</div>"
                                             "<p class=x3>Photograph: Jane Roe</p>",
                                         "<meta name=author content='Jane Roe'>");
  EXPECT_EQ(testing::Canonical(page),
            "# Test headline\n\nBy Jane Roe\n\nThe storm arrived at dawn on Tuesday, flooding streets, closing schools and "
            "cutting power to thousands of homes along the coast.\n\nCrews worked through the night, and "
            "officials said, on Wednesday, that most roads would reopen soon.\n");
}

TEST(HtmlFurniture, ByLineInTheBodyBecomesTheByline) {
  const Result<Document> doc = Normalize(testing::Page(std::string("<p>By JERUSALEM POST STAFF</p>") + kParagraphs),
                                         NormalizeOptions{});
  ASSERT_OK(doc);
  EXPECT_EQ(doc->byline, "JERUSALEM POST STAFF");
  EXPECT_EQ(doc->body.front().text.substr(0, 9), "The storm");
}

TEST(HtmlFurniture, TheHeadlineThePageDeclaresWinsOverAnEmbeddedOne) {
  const std::string page =
      "<html><head><title>Storm hits coast | Site</title><meta property=og:title content='Storm hits coast'>"
      "</head><body><article><h1>Storm hits coast</h1><div class=entry>" +
      std::string(kParagraphs) +
      "<div class=read-also-card><h1><a href=/other>Another story with its own headline</a></h1></div>"
      "</div></article></body></html>";
  const Result<Document> doc = Normalize(page, NormalizeOptions{});
  ASSERT_OK(doc);
  EXPECT_EQ(doc->title, "Storm hits coast");
}

constexpr char kLongParagraph[] =
    "<p>Engineers replaced the cables one by one through the summer, working at night so that the ferry could "
    "keep running by day, and they finished three days ahead of the schedule the council had set.</p>";

bool Has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(HtmlFurniture, DialogsAndIconLigaturesGo) {
  const std::string text = testing::Canonical(testing::Page(
      std::string(kParagraphs) +
      "<div role=dialog><h2>Make Example my homepage</h2><p>Click Settings, then choose Example "
      "as your start page.</p></div>"
      "<p><a href=/blog><i class=material-icons>chevron_left</i> Back to the blog</a></p>" +
      kLongParagraph));
  EXPECT_FALSE(Has(text, "homepage")) << text;
  EXPECT_FALSE(Has(text, "chevron_left")) << text;
  EXPECT_TRUE(Has(text, "Crews worked through the night")) << text;
  EXPECT_TRUE(Has(text, "three days ahead of the schedule")) << text;
}

TEST(HtmlFurniture, ABoxHoldingOneLinkedSentenceStays) {
  // A box around one paragraph, a quarter of whose letters are in a link: story text (readability
  // would drop it for its link density). A box of links goes.
  const std::string text = testing::Canonical(testing::Page(
      std::string(kParagraphs) +
      "<div class=inline><p>The findings were announced in an article published Monday in the "
      "<a href=https://journal.example/a1>journal Nature Astronomy</a>.</p></div>" +
      kLongParagraph +
      "<div class=inline><p><a href=/a>Storm clean-up begins</a>, <a href=/b>Schools reopen</a>.</p></div>"
      "<p>Insurers expect claims to run into the millions, and the council has opened a fund for families.</p>"));
  EXPECT_TRUE(Has(text, "in the journal Nature Astronomy.")) << text;
  EXPECT_FALSE(Has(text, "Schools reopen")) << text;
}

TEST(HtmlFurniture, LinkedSectionTitlesStayLinkListsGo) {
  const std::string text = testing::Canonical(testing::Page(
      std::string(kParagraphs) + "<h3><a href=https://shop.example/mouse>Logitech MX Master 3 Wireless Mouse</a></h3>" +
      kLongParagraph +
      "<h4>More:</h4><ul><li><h4><a href=/a>The new space race begins</a></h4></li></ul>"
      "<ul><li><h4><a href=/b>China completes landing test for its first Mars mission</a></h4></li></ul>"
      "<p>Officials said the next launch window opens in the spring, and the crews are already training.</p>"));
  EXPECT_TRUE(Has(text, "## Logitech MX Master 3 Wireless Mouse")) << text;
  EXPECT_FALSE(Has(text, "space race")) << text;
  EXPECT_FALSE(Has(text, "China completes")) << text;
  EXPECT_TRUE(Has(text, "next launch window")) << text;
}

TEST(HtmlFurniture, RepeatedCaptionsAndStandfirstsAppearOnce) {
  // The copies are far apart, or differ in their quotes, so only the words can tell.
  const std::string caption =
      "<div class=wp-caption><img src=a.jpg><p class=wp-caption-text>Jeongdong Theater performers at the "
      "festival opening in Marronnier Park</p></div>";
  const std::string page =
      "<html><head><title>Bridge reopens | Site</title></head><body><article><header><h1>Bridge reopens</h1>"
      "<p class=standfirst>Engineers finished the council\u2019s repairs three days early, it said.</p></header>"
      "<div class=story-body><p>Engineers finished the council's repairs three days early, it said.</p>" +
      caption + kParagraphs + kLongParagraph +
      "<p>The ferry will keep its summer timetable until the end of the month, the operator said.</p>"
      "<p>Drivers queued from dawn, and one commuter said the town had its heart back.</p>" +
      caption + "<p>The festival runs until the end of October, with shows every evening in the park.</p>"
      "</div></article></body></html>";
  const std::string text = testing::Canonical(page);
  const auto count = [&](std::string_view part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("three days early"), 1u) << text;
  EXPECT_EQ(count("Jeongdong Theater performers"), 1u) << text;
  EXPECT_TRUE(Has(text, "shows every evening")) << text;
}

TEST(HtmlFurniture, PressReleaseBoilerplateAfterARuleGoes) {
  const std::string text = testing::Canonical(testing::Page(
      std::string(kParagraphs) + kLongParagraph +
      "<hr><p>Example Holdings is a global solutions provider focused on healthcare software.<br><br>"
      "Example Holdings is headquartered in Baar (Switzerland), has subsidiaries in 15 countries and employs "
      "around 1,300 people worldwide.</p>"));
  EXPECT_FALSE(Has(text, "global solutions provider")) << text;
  EXPECT_FALSE(Has(text, "headquartered")) << text;
  EXPECT_TRUE(Has(text, "three days ahead of the schedule")) << text;
}

TEST(HtmlFurniture, ThirdPersonSentencesAboutSubscribersStay) {
  const std::string text = testing::Canonical(testing::Page(
      std::string(kParagraphs) +
      "<p>The tech teams isolated the problem, Mayer said, and patched the software as the company continued "
      "to sign up additional subscribers throughout the week.</p>"
      "<p class=note>Sign up for our newsletter to get the news in your inbox.</p>"));
  EXPECT_TRUE(Has(text, "additional subscribers")) << text;
  EXPECT_FALSE(Has(text, "newsletter")) << text;
}

}  // namespace
}  // namespace redline
