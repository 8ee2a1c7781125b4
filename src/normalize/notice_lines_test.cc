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

TEST(DateLines, PostingLabelsAndReadingTimes) {
  // A posting label, a date in a language the word lists lack, a name.
  EXPECT_TRUE(IsDateTimeLine("Posted on Maret 30, 2015 by Admin"));
  EXPECT_TRUE(IsDateTimeLine("Tempo de leitura: 1 minuto"));
  EXPECT_TRUE(IsDateTimeLine("Tiempo de lectura: 3 minutos"));
  EXPECT_TRUE(IsDateTimeLine("Temps de lecture : 2 min"));
  EXPECT_FALSE(IsDateTimeLine("Posted on the door of the town hall, the notice listed 30 names."));
  EXPECT_FALSE(IsDateTimeLine("O tempo de espera chegou a 3 horas no hospital."));
}

TEST(NoticeLines, PromosSpeakToTheReader) {
  EXPECT_TRUE(IsPromoLine("Sign up for the free daily newsletter."));
  EXPECT_TRUE(IsPromoLine("Want the news in your inbox? Subscribe to our morning briefing."));
  // A story about subscribers is not a promo.
  EXPECT_FALSE(IsPromoLine("Disney's tech teams isolated the problem, Mayer said, and patched the software as "
                           "the company continued to sign up additional subscribers throughout the week."));
}

TEST(NoticeLines, TeaserLabelsButNotReferences) {
  EXPECT_TRUE(IsTeaserLine("More: Storm batters coast"));
  EXPECT_FALSE(IsTeaserLine("More information: G. Petit et al. Hibernation and Torpor, Handbook of Life Support "
                            "Systems (2018). DOI: 10.1007/978-3-319-09575-2_199-1"));
  EXPECT_TRUE(IsTeaserLine("Popular on Example News"));
  EXPECT_FALSE(IsTeaserLine("Popular online games"));
  EXPECT_TRUE(IsTeaserLine("Leggi anche"));
  EXPECT_TRUE(IsTeaserLine("Lesen Sie auch"));
}

TEST(NoticeLines, CommentPoliciesAndPostMetadata) {
  EXPECT_TRUE(IsCommentPolicy("Note: we are temporarily moderating all comments submitted to deal with a surge "
                              "in spam."));
  EXPECT_TRUE(IsCommentPolicy("ATEN\u00C7\u00C3O: Coment\u00E1rios com textos inintelig\u00EDveis ou que faltem com "
                              "respeito ao usu\u00E1rio n\u00E3o ser\u00E3o aprovados pelo moderador."));
  EXPECT_FALSE(IsCommentPolicy("Facebook said comments on the page would be moderated by an outside firm."));
  EXPECT_TRUE(IsPostMetaLine("05/10/2018 - Publicado por: Clarissa Borba - Categoria: Sa\u00FAde - Tags: sad "
                             "arrombamento"));
  EXPECT_TRUE(IsPostMetaLine("November 3, 2019 | Posted by Jane Doe | Category: Health"));
  EXPECT_FALSE(IsPostMetaLine("Tags: a b c"));
  EXPECT_FALSE(IsPostMetaLine("Category of the year - best new band"));
}

TEST(NoticeLines, CreditLabelsTakeTheirValueAlong) {
  EXPECT_TRUE(IsCreditLabel("\u0424\u043E\u0442\u043E:"));  // "Фото:"
  EXPECT_TRUE(IsCreditLabel("Photo:"));
  EXPECT_FALSE(IsCreditLabel("Photo"));
  EXPECT_TRUE(IsCreditLine("Via SyndiGate.info"));
  EXPECT_FALSE(IsCreditLine("Via the old road, the trip takes three hours."));
  EXPECT_EQ(Filter({Para("The chef opened her first restaurant in 2015."), Para("Photo:"),
                    Para("personal archive of Anna Doe"), Para("She now runs three.")}),
            (std::vector<std::string>{"The chef opened her first restaurant in 2015.", "She now runs three."}));
  // A sentence after the label is the story's own.
  EXPECT_EQ(Filter({Para("Credit:"), Para("The council paid for the repairs, the mayor said.")}),
            (std::vector<std::string>{"The council paid for the repairs, the mayor said."}));
}

TEST(NoticeLines, TeaserLabelsTakeTheirLinksAlong) {
  Candidate link = Para("Storm damage bill passes ten million");
  link.all_link = true;
  link.link_share = 1.f;
  EXPECT_EQ(Filter({Para("The story ends here."), Para("Read more"), link, Para("Repairs continue.")}),
            (std::vector<std::string>{"The story ends here.", "Repairs continue."}));
}

TEST(NoticeLines, RepeatsOfStandfirstsAndCaptionsGo) {
  Candidate standfirst = Para("The council says the bridge will reopen three days early.");
  standfirst.lead = true;
  Candidate caption = Para("The bridge at dawn on Tuesday, before the first cars crossed it.");
  caption.caption = true;
  const Candidate refrain = Para("We shall overcome, we shall overcome some day, they sang.");
  std::vector<Candidate> blocks = {standfirst, caption,
                                   Para("The council says the bridge will reopen three days early."),
                                   refrain,    caption, refrain};
  DropRepeats(&blocks);
  std::vector<std::string> kept;
  for (const Candidate& c : blocks) kept.push_back(c.block.text);
  EXPECT_EQ(kept, (std::vector<std::string>{standfirst.block.text, caption.block.text, refrain.block.text,
                                            refrain.block.text}));
}

TEST(NoticeLines, PressReleaseBoilerplateAfterARule) {
  EXPECT_TRUE(IsOrganisationProfile("Example Holdings is a global provider of widgets. Example Holdings is "
                                    "headquartered in Baar and employs around 1,300 people worldwide."));
  EXPECT_FALSE(IsOrganisationProfile("The company is a shadow of its former self, analysts said."));
  Candidate profile = Para("Example Holdings is a global provider of widgets for hospitals and clinics.");
  profile.after_rule = true;
  std::vector<Candidate> blocks = {Para("Example Holdings signed the deal on Monday."), profile,
                                   Para("Example Holdings is headquartered in Baar, Switzerland, and its shares "
                                        "are listed on the SIX Swiss Exchange.")};
  DropReleaseBoilerplate(&blocks);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].block.text, "Example Holdings signed the deal on Monday.");
  // The same words ending a story, not set apart, stay: a reporter's background.
  std::vector<Candidate> story = {Para("Example Holdings signed the deal on Monday."),
                                  Para("Example Holdings is a global provider of widgets, headquartered in Baar.")};
  DropReleaseBoilerplate(&story);
  EXPECT_EQ(story.size(), 2u);
}

}  // namespace
}  // namespace redline::normalize
