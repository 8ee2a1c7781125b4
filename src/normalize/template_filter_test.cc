#include "normalize/template_filter.h"

#include <gtest/gtest.h>

namespace redline::normalize {
namespace {

std::vector<std::string> Filter(const std::vector<std::string>& lines) {
  std::vector<Candidate> blocks;
  for (const std::string& line : lines) blocks.push_back({{BlockKind::kParagraph, line}});
  DropFurniture(&blocks);
  std::vector<std::string> kept;
  for (const Candidate& c : blocks) kept.push_back(c.block.text);
  return kept;
}

TEST(TemplateFilter, AdLabels) {
  EXPECT_TRUE(IsAdLabel("Advertisement"));
  EXPECT_TRUE(IsAdLabel("ADVERTISEMENT"));
  EXPECT_TRUE(IsAdLabel("Sponsored"));
  EXPECT_TRUE(IsAdLabel("Story continues below advertisement"));
  EXPECT_FALSE(IsAdLabel("The advertisement ran for weeks."));
}

TEST(TemplateFilter, Durations) {
  EXPECT_TRUE(IsDuration("03:47"));
  EXPECT_TRUE(IsDuration("1:02:03"));
  EXPECT_FALSE(IsDuration("3:4"));
  EXPECT_FALSE(IsDuration("12:30pm"));
  EXPECT_FALSE(IsDuration("2022"));
}

TEST(TemplateFilter, DateAndTimeLines) {
  EXPECT_TRUE(IsDateTimeLine("5 minutes ago"));
  EXPECT_TRUE(IsDateTimeLine("2 hours ago"));
  EXPECT_TRUE(IsDateTimeLine("Published: 8:00pm, 1 Sep, 2022"));
  EXPECT_TRUE(IsDateTimeLine("Updated: 9:12pm, 1 Sep, 2022"));
  EXPECT_TRUE(IsDateTimeLine("1 hour ago Published: 8:00pm, 1 Sep, 2022 Updated: 9:12pm, 1 Sep, 2022"));
  EXPECT_TRUE(IsDateTimeLine("The Associated Press Published Monday, November 18, 2019 8:22AM EST"));
  EXPECT_TRUE(IsDateTimeLine("5 min read"));
  EXPECT_FALSE(IsDateTimeLine("Monday"));
  EXPECT_FALSE(IsDateTimeLine("Published figures show growth of 2 per cent in May."));
  EXPECT_FALSE(IsDateTimeLine("On the first day of May 2022 the talks began."));
}

TEST(TemplateFilter, ShareCommentTeaserAndPromoLines) {
  EXPECT_TRUE(IsShareLine("Share on Facebook"));
  EXPECT_TRUE(IsShareLine("Facebook Twitter Email"));
  EXPECT_TRUE(IsShareLine("Copy link"));
  EXPECT_FALSE(IsShareLine("Facebook shares fell 3 per cent on Monday."));
  EXPECT_TRUE(IsCommentLine("261"));
  EXPECT_TRUE(IsCommentLine("41 comments"));
  EXPECT_TRUE(IsCommentLine("Comments (41)"));
  EXPECT_TRUE(IsCommentLine("Join the conversation"));
  EXPECT_FALSE(IsCommentLine("41 people commented on the plan."));
  EXPECT_TRUE(IsTeaserLine("Read more"));
  EXPECT_TRUE(IsTeaserLine("READ MORE: Xi visits Xinjiang"));
  EXPECT_TRUE(IsTeaserLine("Related: Storm batters coast"));
  EXPECT_FALSE(IsTeaserLine("Read the report, he said: it is all there."));
  EXPECT_TRUE(IsCallToAction("Learn more"));
  EXPECT_TRUE(IsCallToAction("Subscribe now"));
  EXPECT_TRUE(IsPromoLine("Sign up for our daily newsletter"));
  EXPECT_TRUE(IsPromoLine("Get the day's top China stories in your inbox."));
  EXPECT_FALSE(IsPromoLine("The newsletter was first published in 1990."));
  EXPECT_TRUE(IsGalleryCounter("Image 1 of 5"));
  EXPECT_TRUE(IsCreditLine("Photo: Hau Dinh, AP"));
  EXPECT_TRUE(IsBylineLine("By HNN Staff | November 18, 2019 at 2:26 PM HST"));
  EXPECT_FALSE(IsBylineLine("By then the storm had passed."));
}

TEST(TemplateFilter, PhotoCaptions) {
  EXPECT_TRUE(IsPhotoCaption("UN human rights chief Michelle Bachelet visited Xinjiang in May. Photo: AFP"));
  EXPECT_TRUE(IsPhotoCaption("A mosque in Kashgar. Photo: AP"));
  EXPECT_FALSE(IsPhotoCaption("Photo: AP"));
  EXPECT_FALSE(IsPhotoCaption("The photo showed him leaving."));
}

TEST(TemplateFilter, SentencesAndWords) {
  EXPECT_TRUE(EndsSentence("He left."));
  EXPECT_TRUE(EndsSentence("“It is over,” he said.”"));
  EXPECT_TRUE(EndsSentence("Is it?\u201D"));
  EXPECT_FALSE(EndsSentence("China to allow Turkish delegation to visit Xinjiang"));
  EXPECT_EQ(CountWords("  two  words "), 2u);
  EXPECT_EQ(LowerWords("UN\u2019s Report, 2022"), (std::vector<std::string>{"un", "s", "report", "2022"}));
  EXPECT_TRUE(StartsWithUppercaseOrDigit("\u201CQuoted start"));
  EXPECT_FALSE(StartsWithUppercaseOrDigit("lower case"));
}

TEST(DropFurniture, RemovesVideoPlayersWithTheirRepeatedTitle) {
  EXPECT_EQ(Filter({"First paragraph.", "03:47", "Leaked documents describe camps",
                    "Leaked documents describe camps", "Second paragraph."}),
            (std::vector<std::string>{"First paragraph.", "Second paragraph."}));
  EXPECT_EQ(Filter({"First.", "02:04", "Xi visits region", "Next."}),
            (std::vector<std::string>{"First.", "Next."}));
}

TEST(DropFurniture, RemovesLabelsAndRepeats) {
  EXPECT_EQ(Filter({"Advertisement", "A paragraph that stays here.", "A paragraph that stays here.",
                    "5 minutes ago", "Share on Twitter", "Another one.", "41 comments"}),
            (std::vector<std::string>{"A paragraph that stays here.", "Another one."}));
}

TEST(DropFurniture, KeepsShortRepeatsFarApart) {
  EXPECT_EQ(Filter({"Yes.", "A.", "B.", "C.", "D.", "E.", "Yes."}),
            (std::vector<std::string>{"Yes.", "A.", "B.", "C.", "D.", "E.", "Yes."}));
  EXPECT_EQ(Filter({"The same five word caption", "Text between.", "The same five word caption"}),
            (std::vector<std::string>{"The same five word caption", "Text between."}));
}

}  // namespace
}  // namespace redline::normalize
