#include "normalize/template_filter.h"

#include <gtest/gtest.h>

#include "normalize/notice_words.h"

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
  EXPECT_TRUE(IsDateTimeLine("Updated less than a minute ago"));
  EXPECT_TRUE(IsDateTimeLine("about 2 hours ago"));
  EXPECT_FALSE(IsDateTimeLine("Less than 5"));
  EXPECT_FALSE(IsDateTimeLine("More than 300 people came 2 hours ago"));
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

// Live furniture (issue 24): whatever the count, the time or the headline a widget shows, its
// line is furniture as a whole, so two renderings with "12 comments" and "15 comments" give
// the same text.
TEST(TemplateFilter, LiveFurnitureWhateverItsValues) {
  for (const char* form : {"Updated {T} minutes ago", "{T} hrs ago", "Published {T} hours ago", "{T} day ago",
                           "{T}m ago", "Updated less than {T} minute ago", "{T} hrs ago \u00B7 {N} comments",
                           "Updated {T} minutes ago {N} people reading now"}) {
    for (const char* time : {"1", "2", "5", "12", "59"}) {
      for (const char* count : {"2", "34", "1,234"}) {
        std::string line = form;
        for (std::size_t pos; (pos = line.find("{T}")) != std::string::npos;) line.replace(pos, 3, time);
        for (std::size_t pos; (pos = line.find("{N}")) != std::string::npos;) line.replace(pos, 3, count);
        EXPECT_TRUE(IsFurnitureLine(line)) << line;
      }
    }
  }
  const std::vector<std::string> forms = {
      "{N} comments",
      "Comments ({N})",
      "View all {N} comments",
      "Join the conversation ({N})",
      "Share Tweet Facebook {N} {N} comments",
      "Share on Facebook {N}",
      "Share on X {N}",
      "{N} shares",
      "Facebook {N}",
      "Twitter {N} Facebook {N} Instagram {N}",
      "Tweet {N}",
      "Like {N}",
      "{N} likes",
      "Like ({N})",
      "Like {N} Love {N}",
      "{N} people reading now",
      "{N} reading now",
      "{N} people are reading this",
      "Join {N} readers",
      "Follow us Twitter {N} followers Facebook {N} likes",
      "Follow {N} Like {N}",
      "Listen to this article {N} min",
      "\u25B6 Listen to this article \u00B7 {N} min",
      "Listen 0:00 / {N}:12 1x",
      "{N} people reading nowLike {N}",
      "{N} commentsLike {N}",
      "{N} people reading nowRead more: Storm leaves thousands without power",
      "{N} commentsRead more: City council approves new budget",
      "Like {N} {N} comments Share"};
  for (const std::string& form : forms) {
    for (const char* value : {"1", "2", "12", "15", "999", "1,234", "9,870", "1.2K", "12.5K", "3M"}) {
      std::string line = form;
      for (std::size_t pos; (pos = line.find("{N}")) != std::string::npos;) line.replace(pos, 3, value);
      EXPECT_TRUE(IsFurnitureLine(line)) << line;
    }
  }
  for (const char* line :
       {"Just now", "Like", "Follow", "Pin it", "Facebook Twitter Instagram YouTube", "Share Tweet",
        "Listen to this article", "Updated an hour ago", "Listen to this article 4 min", "3.9K 1.3K", "12.5K",
        "Share your thoughts", "Sharing is caring",
        "Share to LinkedInLinkedInShare to FacebookFacebookShare to TwitterTwitterShare to EmailEmailShare "
        "to MoreMore",
        "AddThis Sharing Buttons Share to LinkedIn Share to Facebook",
        "Unlimited access to all our journalism", "Start your free trial"}) {
    EXPECT_TRUE(IsFurnitureLine(line) || IsReaderNotice(line)) << line;
  }
}

TEST(TemplateFilter, StorySentencesWithWidgetWordsStay) {
  for (const char* line :
       {"The vote came 5 minutes ago, officials said, and counting will go on through the night.",
        "Share prices fell 12%",
        "Share prices fell 12% after the announcement.",
        "Facebook shares fell 3 per cent on Monday.",
        "Like 17 Democrats before him, he voted against the bill.",
        "People are still reading the report, 12 days after it came out.",
        "Comments from 34 residents were read out at the meeting.",
        "1,234 people attended the rally.",
        "The post had 12,000 likes within an hour, the police said.",
        "Reading",
        "Love",
        "Instagram",
        "Like this:",
        "About 5 hours",
        "12 people",
        "Following",
        "10K",
        "Listen to the full interview with the minister on our podcast page.",
        "Related questions remain unanswered",
        "Read more books, the minister told pupils.",
        "Follow the money, she said."}) {
    EXPECT_FALSE(IsFurnitureLine(line)) << line;
    EXPECT_FALSE(IsEngagementLine(line)) << line;
  }
  // Figures without a K or M are no widget's counts (other rules judge them as dates).
  for (const char* line : {"2019 2020", "5.2 3.1", "10K", "1,234 5,678"})
    EXPECT_FALSE(IsEngagementLine(line)) << line;
}

TEST(TemplateFilter, TeaserLabels) {
  EXPECT_EQ(TeaserLabelLength("Related: Storm batters coast"), std::string("Related: ").size());
  EXPECT_EQ(TeaserLabelLength("Read more Storm batters coast"), std::string("Read more ").size());
  EXPECT_EQ(TeaserLabelLength("READ MORE \u00BB Storm batters coast"),
            std::string("READ MORE \u00BB ").size());
  EXPECT_EQ(TeaserLabelLength("Readers wrote in"), 0u);
  EXPECT_EQ(TeaserLabelLength("Relatedly, the council voted"), 0u);
  EXPECT_TRUE(IsNewsletterTitle("The Daily Brief"));
  EXPECT_TRUE(IsNewsletterTitle("Morning Edition"));
  EXPECT_FALSE(IsNewsletterTitle("What happens next"));
  EXPECT_FALSE(IsNewsletterTitle("The brief was filed on Monday."));
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

TEST(DropFurniture, LiveFurnitureGoesWholeWhateverItsValues) {
  const auto page = [](const std::string& comments, const std::string& readers, const std::string& time) {
    return Filter({"Updated " + time + " minutes ago", "First paragraph of the story.",
                   "Share Tweet Facebook " + readers + " " + comments + " comments", "Second paragraph.",
                   readers + " people reading now", "Like " + comments, "Third paragraph.",
                   time + " hrs ago \u00B7 " + comments + " comments"});
  };
  const std::vector<std::string> story = {"First paragraph of the story.", "Second paragraph.",
                                          "Third paragraph."};
  EXPECT_EQ(page("12", "1.2K", "5"), story);
  EXPECT_EQ(page("15", "2,431", "12"), story);
}

TEST(DropFurniture, LabelledLinksAndNewsletterTitles) {
  const auto block = [](std::string text, float link_share) {
    Candidate c{{BlockKind::kParagraph, std::move(text)}};
    c.link_share = link_share;
    return c;
  };
  std::vector<Candidate> blocks = {
      block("First paragraph of the story.", 0),
      block("Related Why a loaf of bread costs twice what it did", 0.85f),
      block("Read more Puffin numbers recover on the outer islands", 0.8f),
      // Prose: no link, or a link on a few words only.
      block("Related questions remain unanswered, the minister said.", 0),
      block("Related cases were heard in Paris and Lyon, according to court records from the time.", 0.2f),
      block("The Daily Brief", 0),
      block("Get the day's top stories sent straight to your inbox every morning.", 0),
      block("Last paragraph.", 0)};
  DropFurniture(&blocks);
  std::vector<std::string> kept;
  for (const Candidate& c : blocks) kept.push_back(c.block.text);
  EXPECT_EQ(kept,
            (std::vector<std::string>{
                "First paragraph of the story.", "Related questions remain unanswered, the minister said.",
                "Related cases were heard in Paris and Lyon, according to court records "
                "from the time.",
                "Last paragraph."}));
}

TEST(DropFurniture, KeepsShortRepeatsFarApart) {
  EXPECT_EQ(Filter({"Yes.", "A.", "B.", "C.", "D.", "E.", "Yes."}),
            (std::vector<std::string>{"Yes.", "A.", "B.", "C.", "D.", "E.", "Yes."}));
  EXPECT_EQ(Filter({"The same five word caption", "Text between.", "The same five word caption"}),
            (std::vector<std::string>{"The same five word caption", "Text between."}));
}

}  // namespace
}  // namespace redline::normalize
