#include "base/nearest.h"

#include <gtest/gtest.h>

namespace redline {
namespace {

TEST(EditDistance, CountsASwapOfNeighboursAsOneEdit) {
  EXPECT_EQ(EditDistance("lgo", "log"), 1u);
  EXPECT_EQ(EditDistance("sohw", "show"), 1u);
  EXPECT_EQ(EditDistance("log", "log"), 0u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("ca", "abc"), 3u);  // no edits of a swapped pair (optimal string alignment)
}

TEST(NearestNames, TyposFirstThenNamesThatBeginWithOrHoldTheTypedText) {
  const std::vector<std::string> stories = {"harbour-plan", "harbour-strike", "city-budget", "harbor",
                                            "new-harbour-bridge"};
  EXPECT_EQ(NearestNames("harbour", stories),
            (std::vector<std::string>{"harbor", "harbour-plan", "harbour-strike"}));
  EXPECT_EQ(NearestNames("harbour", stories, 5),
            (std::vector<std::string>{"harbor", "harbour-plan", "harbour-strike", "new-harbour-bridge"}));
  EXPECT_EQ(NearestNames("city-budgte", stories), (std::vector<std::string>{"city-budget"}));
  EXPECT_TRUE(NearestNames("weather", stories).empty());
  EXPECT_TRUE(NearestNames("harbor", {"harbor"}).empty());  // the name itself is no suggestion
}

TEST(NearestNames, ShortWordsGetOnlyTypos) {
  const std::vector<std::string> commands = {"log", "show", "diff", "diff-files", "init", "rm"};
  EXPECT_EQ(NearestNames("lgo", commands), (std::vector<std::string>{"log"}));
  EXPECT_EQ(NearestNames("dif", commands), (std::vector<std::string>{"diff", "diff-files"}));
  EXPECT_TRUE(NearestNames("xy", commands).empty());
}

TEST(DidYouMean, ListsTheNames) {
  EXPECT_EQ(DidYouMean({}), "");
  EXPECT_EQ(DidYouMean({"log"}), "did you mean 'log'?");
  EXPECT_EQ(DidYouMean({"a", "b"}), "did you mean 'a' or 'b'?");
  EXPECT_EQ(DidYouMean({"a", "b", "c"}), "did you mean 'a', 'b' or 'c'?");
}

}  // namespace
}  // namespace redline
