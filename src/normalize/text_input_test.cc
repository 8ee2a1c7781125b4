#include "normalize/text_input.h"

#include <gtest/gtest.h>

#include "normalize/test_util.h"

namespace redline {
namespace {

std::string Text(std::string_view input) { return testing::Canonical(input, InputFormat::kText); }

TEST(TextInput, HeadlineBeforeBulletsAndCaptionAfterThem) {
  EXPECT_EQ(Text("Advertisement\nWorld news\nGet more with our app\nLearn more\n"
                 "Flooded streets in the old town. Photo: AP\n\nStorm hits coast\n\n"
                 "  \u2022 Thousands without power\n  * Crews clear roads\n"
                 "The storm arrived at dawn.\n"),
            "# Storm hits coast\n\n- Thousands without power\n\n- Crews clear roads\n\n"
            "Flooded streets in the old town. Photo: AP\n\nThe storm arrived at dawn.\n");
}

TEST(TextInput, HeadlineIsTheFirstHeadlineLikeLineWithoutBullets) {
  EXPECT_EQ(Text("Storm hits coast\r\nBy Jane Doe\r\n\r\nThe storm arrived at dawn.\r\n"),
            "# Storm hits coast\n\nBy Jane Doe\n\nThe storm arrived at dawn.\n");
  EXPECT_EQ(Text("The storm arrived at dawn.\nIt left at noon.\n"),
            "The storm arrived at dawn.\n\nIt left at noon.\n");
}

TEST(TextInput, DropsVideoBlocksAdsAndCommentCounts) {
  EXPECT_EQ(Text("Storm hits coast\n\nFirst paragraph.\n\n03:47\n\nFlood video title\n\n"
                 "Flood video title\nSecond paragraph.\nAdvertisement\n\n261"),
            "# Storm hits coast\n\nFirst paragraph.\n\nSecond paragraph.\n");
}

TEST(TextInput, DropsInlineRelatedStoryLines) {
  EXPECT_EQ(Text("Storm hits coast\n\nFirst paragraph ends here.\n\n"
                 "Earlier floods left the town without power for a week\n\n"
                 "Second paragraph.\n"),
            "# Storm hits coast\n\nFirst paragraph ends here.\n\nSecond paragraph.\n");
}

TEST(TextInput, KeepsShortUnpunctuatedLinesAndBulletLists) {
  EXPECT_EQ(Text("Storm hits coast\n\nFirst paragraph.\n\nWhat next\n\nThe list:\n- one\n- two\n"),
            "# Storm hits coast\n\nFirst paragraph.\n\nWhat next\n\nThe list:\n\n- one\n\n- two\n");
}

TEST(TextInput, OnlyTemplateLinesAreKeptFlaggedRatherThanRefused) {
  const Result<Document> doc =
      Normalize("Advertisement\n\nShare on Facebook\n", testing::OptionsFrom(InputFormat::kText));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(CanonicalText(*doc), "Advertisement\n\nShare on Facebook\n");
  EXPECT_FALSE(doc->provenance.confident);
  EXPECT_EQ(doc->provenance.source, "text");
  EXPECT_EQ(Normalize(" \n\n", testing::OptionsFrom(InputFormat::kText)).status().message(), "input is empty");
}

}  // namespace
}  // namespace redline
