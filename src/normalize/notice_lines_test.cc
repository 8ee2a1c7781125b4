#include <gtest/gtest.h>

#include "normalize/date_lines.h"
#include "normalize/template_filter.h"
#include "normalize/test_util.h"

namespace redline::normalize {
namespace {

std::vector<std::string> Filter(const std::vector<Candidate>& blocks) {
  std::vector<Candidate> copy = blocks;
  DropFurniture(&copy);
  std::vector<std::string> kept;
  for (const Candidate& c : copy) kept.push_back(c.block.text);
  return kept;
}

Candidate Para(std::string text) { return {{BlockKind::kParagraph, std::move(text)}}; }
Candidate Item(std::string text, float link_share) {
  Candidate c{{BlockKind::kListItem, std::move(text)}};
  c.link_share = link_share;
  return c;
}

TEST(NoticeLines, CopyrightAndContactLines) {
  EXPECT_TRUE(IsCopyrightLine("Copyright \u00A9 2019 Press TV. All rights reserved."));
  EXPECT_TRUE(IsCopyrightLine("\u00A9 2024 Example Media"));
  EXPECT_FALSE(IsCopyrightLine("\u00A9 John Brecher A nurse gives a flu shot in Washington."));
  EXPECT_FALSE(IsCopyrightLine("The copyright case dragged on until 2019, when the court ruled."));
  EXPECT_TRUE(IsContactLine("Write to Al Root at allen.root@example.com"));
  EXPECT_TRUE(IsContactLine("Have a tip? Amy Doe may be reached at adoe@example.com. Follow her on Twitter @AmyDoe."));
  EXPECT_TRUE(IsContactLine("Follow AP's full coverage of Brexit at https://apnews.example/Brexit"));
  EXPECT_FALSE(IsContactLine("The report is at https://example.org/report, officials said."));
  EXPECT_TRUE(IsAddressLine("paul.doe@example.com"));
  EXPECT_TRUE(IsAddressLine("- @janedoe"));
  EXPECT_FALSE(IsAddressLine("http://amzn.to/2hXQPDr"));
}

TEST(NoticeLines, PlayersOffersSeparatorsAndShortcodes) {
  EXPECT_TRUE(IsPlayerMessage("Media playback is unsupported on your device"));
  EXPECT_TRUE(IsPlayerMessage("Up next"));
  EXPECT_FALSE(IsPlayerMessage("Up next for the team is a trip to Madrid."));
  EXPECT_TRUE(IsOfferLine("Get Motor Cycle Monthly delivered every month. 12 issues for \u00A311.99. Click here."));
  EXPECT_TRUE(IsOfferLine("Like this story? Share it with a friend!"));
  EXPECT_FALSE(IsOfferLine("If you sign up for the bundle you pay $12.99, a saving on three subscriptions."));
  EXPECT_TRUE(IsSeparatorLine("______"));
  EXPECT_TRUE(IsSeparatorLine("* * *"));
  EXPECT_FALSE(IsSeparatorLine("3"));
  EXPECT_TRUE(IsShortcode("[button link=\"x\" type=\"big\"] Send us your review[/button]"));
  EXPECT_FALSE(IsShortcode("[Updated] The council met."));
  EXPECT_TRUE(IsBracketTeaser("China furious at Macron [INSIGHT] | Lakers vs Nets decision [VIDEO]"));
  EXPECT_FALSE(IsBracketTeaser("He said [the plan] would work."));
}

TEST(NoticeLines, ListLabelsTakeTheirLinkedListAlong) {
  EXPECT_TRUE(IsListLabel("More Great Example Stories"));
  EXPECT_TRUE(IsListLabel("Related coverage"));
  EXPECT_TRUE(IsListLabel("About the author"));
  EXPECT_FALSE(IsListLabel("More people voted this year."));
  EXPECT_EQ(Filter({Para("The story ends here."), Para("More Great Example Stories"), Item("A linked story", 0.8f),
                    Item("Another linked story", 0.5f)}),
            (std::vector<std::string>{"The story ends here."}));
  // A list without links after such a label is the story's own list... and stays.
  EXPECT_EQ(Filter({Para("Related stories"), Item("Point one of the story", 0.f)}),
            (std::vector<std::string>{"Point one of the story"}));
}

TEST(NoticeLines, AuthorBiosNameTheByline) {
  EXPECT_TRUE(IsAuthorBio("Phil Doe is a reporter for Example News.", "Phil Doe"));
  EXPECT_TRUE(IsAuthorBio("Emiliano joined the magazine in March 2017.", "Emiliano Bell"));
  EXPECT_TRUE(IsAuthorBio("Eric Song is the site's deal curator and spends his pay on stuff.", "Eric Song"));
  EXPECT_TRUE(IsAuthorBio("I am a writer, journalist and professor.", "Bruce Lee"));
  EXPECT_FALSE(IsAuthorBio("Phil Collins is a singer who played the town in 1985.", "Phil Doe and Jane Roe"));
  EXPECT_FALSE(IsAuthorBio("The mayor is a former teacher.", "Phil Doe"));
  std::vector<Candidate> blocks = {Para("The story ends."), Para("Jane Roe is the paper's transport correspondent."),
                                   Para("jane.roe@example.com")};
  DropAuthorNotes("Jane Roe", &blocks);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].block.text, "The story ends.");
}

TEST(NoticeLines, GalleryCountersAndTruncatedCaptions) {
  EXPECT_EQ(Filter({Para("1of4Grass Valley's Dionicio Torres looks at gas cans."), Para("Story text.")}),
            (std::vector<std::string>{"Grass Valley's Dionicio Torres looks at gas cans.", "Story text."}));
  EXPECT_EQ(Filter({Para("Mark Esper, left, shakes hands with Ngo Xuan Lich in Hanoi on Wednesday."),
                    Para("Mark Esper, left, shakes hands with Ngo ... more"), Para("Story text.")}),
            (std::vector<std::string>{"Mark Esper, left, shakes hands with Ngo Xuan Lich in Hanoi on Wednesday.",
                                      "Story text."}));
}

TEST(DateLines, OtherLanguages) {
  EXPECT_TRUE(IsDateTimeLine("segunda-feira, 22 de janeiro de 2018 \u00E0s 0:13"));
  EXPECT_TRUE(IsDateTimeLine("Publicado el 12 de mayo de 2019"));
  EXPECT_TRUE(IsDateTimeLine("Mis \u00E0 jour le 3 mars 2020 \u00E0 10h"));
  EXPECT_TRUE(IsDateTimeLine("vor 5 Minuten"));
  EXPECT_TRUE(IsDateTimeLine("11 \u043E\u043A\u0442\u044F\u0431\u0440\u044F 2018"));
  EXPECT_FALSE(IsDateTimeLine("El presidente habl\u00F3 el 12 de mayo de 2019 en Madrid."));
}

}  // namespace
}  // namespace redline::normalize
