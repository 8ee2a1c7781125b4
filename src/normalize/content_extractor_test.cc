// Main content selection and in-content furniture, through the whole HTML path.
#include "normalize/content_extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "normalize/html_tree.h"
#include "normalize/test_util.h"

namespace redline {
namespace {

const std::string kStory =
    "<p>The storm arrived at dawn on Tuesday, flooding streets, closing schools and cutting "
    "power to thousands of homes along the coast.</p>"
    "<p>Officials said the damage, though serious, was less than feared, and crews were already "
    "clearing roads by noon.</p>"
    "<p>Residents, many of whom had left the day before, began returning in the afternoon, "
    "officials said.</p>";

std::string PageWith(const std::string& body) {
  return "<!DOCTYPE html><html><head><title>Storm hits coast | Example News</title></head><body>" + body +
         "</body></html>";
}

TEST(ContentExtractor, PicksTheStoryOverNavigationAndSidebars) {
  const std::string page = PageWith(
      "<header class=site-header><nav><a href=/>Home</a><a href=/world>World</a></nav></header>"
      "<div class=sidebar><h3>Most read</h3><ul><li><a href=/a>Other story one</a></li>"
      "<li><a href=/b>Other story two</a></li></ul></div>"
      "<div class=main-column><h1>Storm hits coast</h1><div class=story-body>" +
      kStory + "</div></div><footer><p>Copyright Example News, all rights reserved.</p></footer>");
  EXPECT_EQ(testing::Canonical(page),
            "# Storm hits coast\n\n"
            "The storm arrived at dawn on Tuesday, flooding streets, closing schools and cutting "
            "power to thousands of homes along the coast.\n\n"
            "Officials said the damage, though serious, was less than feared, and crews were "
            "already clearing roads by noon.\n\n"
            "Residents, many of whom had left the day before, began returning in the afternoon, "
            "officials said.\n");
}

TEST(ContentExtractor, DropsFurnitureInsideTheStory) {
  const std::string page = PageWith(
      "<article><h1>Storm hits coast</h1><div class=body>"
      "<p>The storm arrived at dawn on Tuesday, flooding streets, closing schools and cutting "
      "power to thousands of homes along the coast.</p>"
      "<div class='ad-slot'><span>Advertisement</span></div>"
      "<div class=share-bar><a href=/fb>Facebook</a><a href=/tw>Twitter</a></div>"
      "<div class=video-player><span>03:47</span><div>Flood video</div><div>Flood video</div></div>"
      "<div class=related><a href=/other>Earlier floods left the town without power</a></div>"
      "<p><a href=/older>Read more: the earlier storm that hit the coast</a></p>"
      "<div class=newsletter-promo><p>Sign up for our daily newsletter</p><form><input>"
      "<button>Sign up</button></form></div>"
      "<p>Officials said the damage, though serious, was less than feared, and crews were "
      "already clearing roads by noon.</p><p>5 minutes ago</p></div></article>");
  EXPECT_EQ(testing::Canonical(page),
            "# Storm hits coast\n\n"
            "The storm arrived at dawn on Tuesday, flooding streets, closing schools and cutting "
            "power to thousands of homes along the coast.\n\n"
            "Officials said the damage, though serious, was less than feared, and crews were "
            "already clearing roads by noon.\n");
}

TEST(ContentExtractor, KeepsTheStandfirstBetweenHeadlineAndBody) {
  const std::string page = PageWith(
      "<article><header><a class=kicker href=/weather>Weather</a><h1>Storm hits coast</h1>"
      "<p class=standfirst>Thousands without power as crews clear roads</p>"
      "<div class=byline>By <a rel=author href=/jane>Jane Doe</a></div>"
      "<time datetime='2022-09-01T20:00:00Z'>2 hours ago</time></header>"
      "<div class=story-body>" +
      kStory + "</div></article>");
  const std::string expected_start =
      "# Storm hits coast\n\nBy Jane Doe\n\nThousands without power as crews clear roads\n\n"
      "The storm arrived at dawn";
  EXPECT_EQ(testing::Canonical(page).substr(0, expected_start.size()), expected_start);
}

TEST(ContentExtractor, DropsBylineAndDateLinesButKeepsQuotedPosts) {
  const std::string page = PageWith(
      "<article><h1>Storm hits coast</h1><div class=body>"
      "<p>November 20, 2019 <a rel=author href=/jane>Jane Doe</a></p>"
      "<p>The storm arrived at dawn on Tuesday, flooding streets, closing schools and cutting "
      "power to thousands of homes along the coast.</p>"
      "<div class='social-embed video-container'><blockquote class=twitter-tweet><p>Water is up "
      "to the doors on Main Street, stay safe everyone</p>&mdash; A Resident (@resident)</blockquote>"
      "</div><p>Officials said the damage was less than feared.</p></div></article>");
  EXPECT_EQ(testing::Canonical(page),
            "# Storm hits coast\n\nBy Jane Doe\n\n"
            "The storm arrived at dawn on Tuesday, flooding streets, closing schools and cutting "
            "power to thousands of homes along the coast.\n\n"
            "> Water is up to the doors on Main Street, stay safe everyone\n\n"
            "> \u2014 A Resident (@resident)\n\n"
            "Officials said the damage was less than feared.\n");
}

TEST(ContentExtractor, PrefersTheStoryOverAFeedOfTeasers) {
  std::string teasers;
  for (int i = 0; i < 6; ++i) {
    teasers += "<article class=teaser><h2>Teaser " + std::to_string(i) +
               "</h2><p>A teaser "
               "paragraph, long enough to score, with commas, clauses, and more words here.</p>"
               "</article>";
  }
  const std::string page = PageWith(
      "<div id=primary><article class=story><h1>Storm hits coast</h1>"
      "<p>The storm arrived at dawn, flooding streets.</p></article>"
      "<div class=feed>" +
      teasers + "</div></div>");
  EXPECT_EQ(testing::Canonical(page), "# Storm hits coast\n\nThe storm arrived at dawn, flooding streets.\n");
}

TEST(ContentExtractor, ScoresCandidatesByTextAndLinks) {
  const Result<html::ParsedHtml> parsed = html::Parse(
      PageWith("<div id=links><p><a href=/1>A link list entry that is long enough to count</a></p>"
               "<p><a href=/2>Another link list entry that is long enough too</a></p></div>"
               "<div id=story>" +
               kStory + "</div>"));
  ASSERT_OK(parsed);
  const normalize::PageAnalysis page(parsed->document(), normalize::ExtractionFlags{});
  ASSERT_NE(page.top(), nullptr);
  EXPECT_EQ(html::AttrView(page.top(), "id"), "story");
  const std::vector<const GumboNode*> content = page.SelectContent();
  ASSERT_EQ(content.size(), 1u);
  EXPECT_EQ(content[0], page.top());
}

}  // namespace
}  // namespace redline
