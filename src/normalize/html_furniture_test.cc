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
  const std::string page = testing::Page(std::string(kParagraphs) +
                                         "<div class=author-bio><p>Jane Roe covers weather.</p></div>"
                                         "<div class=post-meta>Posted in News</div>"
                                         "<p class=image-credit>Photograph: Jane Roe</p>");
  EXPECT_EQ(testing::Canonical(page),
            "# Test headline\n\nThe storm arrived at dawn on Tuesday, flooding streets, closing schools and "
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

}  // namespace
}  // namespace redline
