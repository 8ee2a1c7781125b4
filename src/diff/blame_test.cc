#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "redline/diff.h"

namespace redline {
namespace {

struct Line {
  std::string text;
  std::size_t origin;
  bool operator==(const Line&) const = default;
};

std::vector<Line> BlameOf(const std::vector<std::string>& texts) {
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  std::vector<Line> out;
  for (const BlameEntry& e : Blame(views)) out.push_back({std::string(e.text), e.origin});
  return out;
}

TEST(Blame, EachSentenceKeepsTheRevisionThatIntroducedItsCurrentForm) {
  const std::vector<Line> lines = BlameOf({
      "# Title\n\nOne. Two.\n",
      "# Title\n\nOne. Two. Three.\n",
      "# New title\n\nOne. Two, edited. Three.\n",
  });
  EXPECT_EQ(lines, (std::vector<Line>{{"# New title", 2}, {"One. ", 0}, {"Two, edited. ", 2}, {"Three.", 1}}));
}

TEST(Blame, MovedSentencesKeepTheirOrigin) {
  const std::vector<Line> lines = BlameOf({
      "First paragraph here.\n\nSecond paragraph here.\n",
      "Second paragraph here.\n\nA new one.\n\nFirst paragraph here.\n",
  });
  EXPECT_EQ(lines, (std::vector<Line>{{"Second paragraph here.", 0}, {"A new one.", 1}, {"First paragraph here.", 0}}));
}

TEST(Blame, ASentenceThatComesBackIsNewAgain) {
  const std::vector<Line> lines = BlameOf({"Alpha. Beta.\n", "Alpha.\n", "Alpha. Beta.\n"});
  EXPECT_EQ(lines, (std::vector<Line>{{"Alpha. ", 0}, {"Beta.", 2}}));
}

TEST(Blame, BlocksAndEdgeCases) {
  EXPECT_TRUE(Blame({}).empty());
  const std::vector<BlameEntry> entries = Blame({"Alpha. Beta.\n\nGamma.\n"});
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[2].block, 1u);
  EXPECT_EQ(entries[2].origin, 0u);
}

}  // namespace
}  // namespace redline
