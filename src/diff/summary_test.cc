#include <gtest/gtest.h>

#include <string>

#include "diff/summary.h"
#include "diff/test_util.h"
#include "redline/diff.h"

namespace redline {
namespace {

const char kOld[] =
    "# Protests grow in Santiago\n\nBy Ana Pérez\n\n"
    "Police said 1,000 people came. The march was peaceful.\n\n"
    "\xE2\x80\x9CWe will not stop,\xE2\x80\x9D said one organiser.\n";

TEST(Summary, CountsWordsSentencesAndBlocks) {
  const std::string new_text =
      "# Protests grow in Santiago\n\nBy Ana Pérez\n\n"
      "Police said 3,500 people came. The march was peaceful.\n\n"
      "\xE2\x80\x9CWe will not stop,\xE2\x80\x9D said one organiser.\n\nMore marches are planned.\n";
  const WordDiff diff = DiffWords(kOld, new_text);
  const ChangeSummary& s = diff.summary;
  EXPECT_EQ(s.added_words, 5u);
  EXPECT_EQ(s.removed_words, 1u);
  EXPECT_EQ(s.sentences_unchanged, 4u);
  EXPECT_EQ(s.sentences_edited, 1u);
  EXPECT_EQ(s.sentences_added, 1u);
  EXPECT_EQ(s.sentences_deleted, 0u);
  EXPECT_EQ(s.blocks_edited, 1u);
  EXPECT_EQ(s.blocks_added, 1u);
  EXPECT_FALSE(s.headline_changed);
  EXPECT_FALSE(s.byline_changed);
  EXPECT_EQ(s.numbers, (std::vector<TextChange>{{"1,000", "3,500"}}));
  EXPECT_TRUE(s.quotes.empty());
  EXPECT_FALSE(s.minor);
}

TEST(Summary, SentenceLabelsCoverEverySentenceOnce) {
  const std::string new_text =
      "# Protests grow in Chile\n\nBy Ana Pérez\n\n"
      "The march was peaceful. Police said 1,000 people came.\n";
  const WordDiff diff = DiffWords(kOld, new_text);
  std::vector<int> old_seen(SplitSentences(kOld).size(), 0), new_seen(SplitSentences(new_text).size(), 0);
  for (const SentenceChange& s : diff.sentences) {
    if (s.old_index >= 0) ++old_seen[static_cast<std::size_t>(s.old_index)];
    if (s.new_index >= 0) ++new_seen[static_cast<std::size_t>(s.new_index)];
  }
  for (const int n : old_seen) EXPECT_EQ(n, 1);
  for (const int n : new_seen) EXPECT_EQ(n, 1);
  EXPECT_TRUE(diff.summary.headline_changed);
  EXPECT_EQ(diff.summary.sentences_moved, 1u);
  EXPECT_EQ(diff.summary.sentences_deleted, 1u);  // the quote paragraph
  EXPECT_EQ(diff.summary.sentences_edited, 1u);   // the headline
}

TEST(Summary, HeadlineBylineAndSoftenedQuote) {
  const std::string new_text =
      "# Protests grow in Chile\n\nBy Ana Pérez and Luis Soto\n\n"
      "Police said 1,000 people came. The march was peaceful.\n\n"
      "\xE2\x80\x9CWe may pause,\xE2\x80\x9D said one organiser.\n";
  const ChangeSummary s = DiffWords(kOld, new_text).summary;
  EXPECT_TRUE(s.headline_changed);
  EXPECT_TRUE(s.byline_changed);
  EXPECT_EQ(s.quotes, (std::vector<TextChange>{{"\xE2\x80\x9CWe will not stop,\xE2\x80\x9D",
                                                "\xE2\x80\x9CWe may pause,\xE2\x80\x9D"}}));
}

TEST(Summary, PunctuationCaseAndSpaceOnlyIsMinor) {
  EXPECT_TRUE(DiffWords("The march was peaceful.\n", "the march was peaceful!\n").summary.minor);
  EXPECT_TRUE(DiffWords("A  b, c.\n", "A b c.\n").summary.minor);
  EXPECT_FALSE(DiffWords("The march was peaceful.\n", "The march was calm.\n").summary.minor);
  EXPECT_FALSE(DiffWords("Same.\n", "Same.\n").summary.minor);
}

TEST(IgnoreOptions, IgnoredChangesCountAsNone) {
  DiffOptions options;
  options.ignore_case = true;
  WordDiff diff = DiffWords("The March was peaceful.\n", "the march was peaceful.\n", options);
  EXPECT_FALSE(diff.has_changes);
  EXPECT_EQ(diff.stats.added_words + diff.stats.removed_words + diff.stats.changed_blocks, 0u);
  EXPECT_EQ(diff::testing::OldSide(diff), "The March was peaceful.\n");  // ops still rebuild both
  EXPECT_EQ(diff::testing::NewSide(diff), "the march was peaceful.\n");
  EXPECT_EQ(RenderDiff(diff, {DiffFormat::kPlain}), "");

  options = {};
  options.ignore_punctuation = true;
  diff = DiffWords("Yes, it was peaceful.\n", "Yes it was peaceful!\n", options);
  EXPECT_FALSE(diff.has_changes);
  diff = DiffWords("Yes, it was peaceful.\n", "No it was peaceful!\n", options);
  EXPECT_TRUE(diff.has_changes);
  EXPECT_EQ(diff.stats.added_words, 1u);
  EXPECT_EQ(RenderDiff(diff, {DiffFormat::kPlain}), "@@ -1 +1 @@\n[-Yes,-]{+No+} it was peaceful!\n");

  options = {};
  options.ignore_whitespace = true;
  EXPECT_FALSE(DiffWords("a  b\tc\n", "a b c\n", options).has_changes);
  EXPECT_TRUE(DiffWords("a b\n", "a\nb\n", options).has_changes);  // line breaks always count
}

TEST(QuoteSpans, ApostrophesAreNotQuotes) {
  const std::string text =
      "Bachelet\xE2\x80\x99s \xE2\x80\x98" "anti-China forces\xE2\x80\x99 and \"plain\" and \xE2\x80\x9Copen";
  std::vector<std::string> quotes;
  for (const diff::Span& q : diff::QuoteSpans(text)) quotes.push_back(text.substr(q.begin, q.size()));
  EXPECT_EQ(quotes, (std::vector<std::string>{"\xE2\x80\x98" "anti-China forces\xE2\x80\x99", "\"plain\"",
                                              "\xE2\x80\x9Copen"}));
}

}  // namespace
}  // namespace redline
