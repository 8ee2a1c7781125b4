#include "redline/document.h"

#include <gtest/gtest.h>

namespace redline {
namespace {

TEST(CanonicalText, RendersHeadlineBylineAndMarkedBlocks) {
  Document doc;
  doc.title = "  UN report\n strains ties ";
  doc.byline = "Jane Doe";
  doc.body = {{BlockKind::kListItem, "Beijing rejects it"},
              {BlockKind::kParagraph, "First  paragraph."},
              {BlockKind::kSubheading, "Reaction"},
              {BlockKind::kQuote, "A quote."},
              {BlockKind::kParagraph, "   "}};
  EXPECT_EQ(CanonicalText(doc),
            "# UN report strains ties\n\nBy Jane Doe\n\n- Beijing rejects it\n\nFirst paragraph.\n\n"
            "## Reaction\n\n> A quote.\n");
  EXPECT_EQ(BodyText(doc), "- Beijing rejects it\n\nFirst paragraph.\n\n## Reaction\n\n> A quote.");
}

TEST(CanonicalText, KeepsAnExistingByPrefixOnce) {
  Document doc;
  doc.title = "T";
  doc.byline = "BY  John Roe";
  EXPECT_EQ(CanonicalText(doc), "# T\n\nBy John Roe\n");
}

TEST(CanonicalText, EmptyDocumentGivesEmptyText) { EXPECT_EQ(CanonicalText(Document{}), ""); }

TEST(CleanInlineText, CollapsesSpacesDropsInvisiblesAndComposes) {
  // NBSP, soft hyphen, zero-width space, decomposed e + combining acute, a tab and ESC.
  EXPECT_EQ(CleanInlineText("a\xC2\xA0" "b co\xC2\xADop\xE2\x80\x8B" "erate e\xCC\x81\tx\x1B[31m"),
            "a b cooperate \xC3\xA9 x [31m");
}

TEST(ValidateStoryId, AcceptsTheContractGrammar) {
  EXPECT_TRUE(ValidateStoryId("un-xinjiang-report").ok());
  EXPECT_TRUE(ValidateStoryId("a").ok());
  EXPECT_TRUE(ValidateStoryId("2022.09_story-1").ok());
  EXPECT_TRUE(ValidateStoryId(std::string(128, 'a')).ok());
}

TEST(ValidateStoryId, RefusesEverythingElse) {
  for (const char* bad : {"", "-x", ".hidden", "Upper", "a/b", "../etc", "a b", "ü", "a\nb"}) {
    const Status s = ValidateStoryId(bad);
    EXPECT_FALSE(s.ok()) << bad;
    EXPECT_EQ(s.kind(), ErrorKind::kBadInput);
  }
  EXPECT_FALSE(ValidateStoryId(std::string(129, 'a')).ok());
}

TEST(ValidateStoryId, SuggestsTheValidIdNearest) {
  EXPECT_EQ(ValidateStoryId("Harbour-Plan").message(),
            "invalid story id 'Harbour-Plan': it must start with a lowercase letter or digit; did you mean "
            "'harbour-plan'?");
  EXPECT_EQ(ValidateStoryId("harbour plan/2").message(),
            "invalid story id 'harbour plan/2': use only a-z, 0-9, '.', '_' and '-'; did you mean 'harbour-plan-2'?");
  EXPECT_EQ(ValidateStoryId("-x").message(),
            "invalid story id '-x': it must start with a lowercase letter or digit; did you mean 'x'?");
  EXPECT_EQ(ValidateStoryId("--").message(), "invalid story id '--': it must start with a lowercase letter or digit");
}

}  // namespace
}  // namespace redline
