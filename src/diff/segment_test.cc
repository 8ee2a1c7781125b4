#include "diff/segment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "redline/diff.h"

namespace redline {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  for (const std::string_view s : SplitSentences(text)) out.emplace_back(s);
  return out;
}

using Sentences = std::vector<std::string>;

TEST(SplitSentences, EndsAtTerminatorSpaceAndCapital) {
  EXPECT_EQ(Split("One thing. Another! A third? Yes."), (Sentences{"One thing. ", "Another! ", "A third? ", "Yes."}));
  EXPECT_EQ(Split("Sales rose. 2022 was good."), (Sentences{"Sales rose. ", "2022 was good."}));
}

TEST(SplitSentences, ClosingQuotesStayWithTheSentence) {
  EXPECT_EQ(Split("He said: \xE2\x80\x9CNo.\xE2\x80\x9D Then he left."),
            (Sentences{"He said: \xE2\x80\x9CNo.\xE2\x80\x9D ", "Then he left."}));
  EXPECT_EQ(Split("\"It is over.\" She nodded."), (Sentences{"\"It is over.\" ", "She nodded."}));
  EXPECT_EQ(Split("It ended. \xE2\x80\x9CWhy?\xE2\x80\x9D he asked."),
            (Sentences{"It ended. ", "\xE2\x80\x9CWhy?\xE2\x80\x9D he asked."}));
}

TEST(SplitSentences, AbbreviationsInitialsAndDecimalsDoNotEnd) {
  EXPECT_EQ(Split("Mr. Wang met Dr. Li in the U.S. Capitol."), (Sentences{"Mr. Wang met Dr. Li in the U.S. Capitol."}));
  EXPECT_EQ(Split("Prices rose 3.5 per cent. Then fell."), (Sentences{"Prices rose 3.5 per cent. ", "Then fell."}));
  EXPECT_EQ(Split("See e.g. Smith. He agreed."), (Sentences{"See e.g. Smith. ", "He agreed."}));
  EXPECT_EQ(Split("It was small. and then lower case."), (Sentences{"It was small. and then lower case."}));
}

TEST(SplitSentences, EveryBlockEndsASentence) {
  EXPECT_EQ(Split("# Headline\n\nBy Jane Doe\n\nFirst. Second.\n"),
            (Sentences{"# Headline", "By Jane Doe", "First. ", "Second."}));
  EXPECT_TRUE(Split("").empty());
  EXPECT_TRUE(Split("\n\n\n").empty());
}

TEST(SplitSentences, WideTerminatorsNeedNoSpace) {
  EXPECT_EQ(Split("\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82\xE5\x86\x8D\xE8\xA7\x81\xE3\x80\x82"),
            (Sentences{"\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82", "\xE5\x86\x8D\xE8\xA7\x81\xE3\x80\x82"}));
}

TEST(SplitSentences, TileTheBlocksForAnyBytes) {
  const std::string text = "A.\xFF B? \xC3 C!\n\nD";
  std::string joined;
  for (const std::string_view s : SplitSentences(text)) joined += s;
  EXPECT_EQ(joined, "A.\xFF B? \xC3 C!D");
}

TEST(SplitLines, NumbersBlocksAndSkipsBlankLines) {
  const std::vector<diff::Line> lines = diff::SplitLines("a\n\n  \nb");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].block, 0);
  EXPECT_TRUE(lines[1].blank());
  EXPECT_TRUE(lines[2].blank());
  EXPECT_EQ(lines[3].block, 1);
  EXPECT_EQ(lines[3].end, lines[3].content_end);  // no final line break
}

}  // namespace
}  // namespace redline
