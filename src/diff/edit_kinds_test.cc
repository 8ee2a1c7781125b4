// Every edit shows as what it is (issue 24): a paragraph split or merge, a formatted
// number, a word inside a quotation, a new paragraph, a moved paragraph's words.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "diff/test_util.h"
#include "redline/diff.h"
#include "support/paragraphs.h"

namespace redline {
namespace {

using testing::JoinParagraphs;
using testing::Paragraphs;

DiffOp Eq(std::string text) { return {OpKind::kEqual, std::move(text)}; }
DiffOp Ins(std::string text) { return {OpKind::kInsert, std::move(text)}; }
DiffOp Del(std::string text) { return {OpKind::kDelete, std::move(text)}; }
DiffOp Mark(OpKind kind, std::string text, BlockChange change) { return {kind, std::move(text), -1, false, change}; }

std::string Plain(const WordDiff& diff) {
  RenderOptions options;
  options.format = DiffFormat::kPlain;
  options.context_blocks = 0;
  return RenderDiff(diff, options);
}

std::string Fixture() {
  std::ifstream in(std::string(REDLINE_SOURCE_DIR) + "/fixtures/stories/un-xinjiang-report/rev-4.expected.txt",
                   std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}


std::size_t Count(const WordDiff& diff, BlockChange change) {
  std::size_t n = 0;
  for (const DiffOp& op : diff.ops) n += op.kind == OpKind::kInsert && op.block_change == change;
  return n;
}

const char kOnePara[] = "The council met on Monday to discuss the budget. It approved new spending on roads.\n";
const char kTwoParas[] = "The council met on Monday to discuss the budget.\n\nIt approved new spending on roads.\n";

TEST(ParagraphSplit, IsASplitWithNoWordsAddedOrRemoved) {
  const WordDiff diff = DiffWords(kOnePara, kTwoParas);
  EXPECT_EQ(diff.ops, (std::vector<DiffOp>{Eq("The council met on Monday to discuss the budget."),
                                           Mark(OpKind::kDelete, " ", BlockChange::kSplit),
                                           Mark(OpKind::kInsert, "\n\n", BlockChange::kSplit),
                                           Eq("It approved new spending on roads.\n")}));
  EXPECT_TRUE(diff.has_changes);
  EXPECT_EQ(diff.stats.added_words, 0u);
  EXPECT_EQ(diff.stats.removed_words, 0u);
  EXPECT_EQ(diff.summary.blocks_split, 1u);
  EXPECT_EQ(diff.summary.blocks_edited + diff.summary.blocks_added + diff.summary.blocks_deleted, 0u);
  EXPECT_EQ(Plain(diff),
            "@@ -1 +1,3 @@\nThe council met on Monday to discuss the budget.{>>\xC2\xB6 split<<}\n\n"
            "It approved new spending on roads.\n");
}

TEST(ParagraphSplit, AWordEditBesideItStillShowsAsAnEdit) {
  const WordDiff diff =
      DiffWords(kOnePara, "The council met on Monday to discuss the budget.\n\nThen it approved new spending on roads.\n");
  EXPECT_EQ(diff.ops, (std::vector<DiffOp>{Eq("The council met on Monday to discuss the budget."),
                                           Mark(OpKind::kDelete, " ", BlockChange::kSplit),
                                           Mark(OpKind::kInsert, "\n\n", BlockChange::kSplit), Del("It"),
                                           Ins("Then it"), Eq(" approved new spending on roads.\n")}));
  EXPECT_EQ(diff.stats.added_words, 2u);
  EXPECT_EQ(diff.stats.removed_words, 1u);
}

TEST(ParagraphSplit, AnywhereInALongStoryWithEditsInTheNextParagraph) {
  const std::vector<std::string> paragraphs = Paragraphs(Fixture());
  ASSERT_GT(paragraphs.size(), 30u);
  int checked = 0;
  for (std::size_t i = 4; i + 1 < paragraphs.size(); i += 3) {
    const std::size_t space = paragraphs[i].find(' ', paragraphs[i].size() / 2);
    if (space == std::string::npos) continue;
    std::vector<std::string> edited = paragraphs;
    // The next paragraph edited too: its word counts are all the diff may report.
    std::string& next = edited[i + 1];
    next.replace(next.find(' ') + 1, 0, "also ");
    const WordDiff reference = DiffWords(JoinParagraphs(paragraphs), JoinParagraphs(edited));
    edited[i].replace(space, 1, "\n\n");
    const WordDiff diff = DiffWords(JoinParagraphs(paragraphs), JoinParagraphs(edited));
    EXPECT_EQ(Count(diff, BlockChange::kSplit), 1u) << "paragraph " << i;
    EXPECT_EQ(diff.stats.added_words, reference.stats.added_words) << "paragraph " << i;
    EXPECT_EQ(diff.stats.removed_words, reference.stats.removed_words) << "paragraph " << i;
    EXPECT_EQ(diff::testing::NewSide(diff), JoinParagraphs(edited));
    ++checked;
  }
  EXPECT_GT(checked, 8);
}

TEST(ParagraphMerge, IsAMergeWithNoWordsAddedOrRemoved) {
  const WordDiff diff = DiffWords(kTwoParas, kOnePara);
  EXPECT_EQ(diff.ops, (std::vector<DiffOp>{Eq("The council met on Monday to discuss the budget."),
                                           Mark(OpKind::kDelete, "\n\n", BlockChange::kMerge),
                                           Mark(OpKind::kInsert, " ", BlockChange::kMerge),
                                           Eq("It approved new spending on roads.\n")}));
  EXPECT_EQ(diff.stats.added_words + diff.stats.removed_words, 0u);
  EXPECT_EQ(diff.summary.blocks_merged, 1u);
  EXPECT_EQ(Plain(diff),
            "@@ -1,3 +1 @@\nThe council met on Monday to discuss the budget.{>>\xC2\xB6 merged<<} "
            "It approved new spending on roads.\n");
}

TEST(ParagraphMerge, AnywhereInALongStoryWithEditsInTheNextParagraph) {
  const std::vector<std::string> paragraphs = Paragraphs(Fixture());
  int checked = 0;
  for (std::size_t i = 5; i + 1 < paragraphs.size(); i += 3) {
    const std::size_t space = paragraphs[i].find(' ', paragraphs[i].size() / 3);
    if (space == std::string::npos) continue;
    std::vector<std::string> split = paragraphs;
    split[i].replace(space, 1, "\n\n");
    std::vector<std::string> edited = paragraphs;
    std::string& next = edited[i + 1];
    next.replace(next.find(' ') + 1, 0, "also ");
    const WordDiff diff = DiffWords(JoinParagraphs(split), JoinParagraphs(edited));
    EXPECT_EQ(Count(diff, BlockChange::kMerge), 1u) << "paragraph " << i;
    EXPECT_EQ(diff.stats.added_words, 1u) << "paragraph " << i;
    EXPECT_EQ(diff.stats.removed_words, 0u) << "paragraph " << i;
    ++checked;
  }
  EXPECT_GT(checked, 8);
}

TEST(ParagraphSplit, MarkupFormatsShowTheNote) {
  const WordDiff diff = DiffWords(kOnePara, kTwoParas);
  RenderOptions options;
  options.format = DiffFormat::kMarkdown;
  const std::string markdown = RenderDiff(diff, options);
  EXPECT_NE(markdown.find("budget.*(\xC2\xB6 split)*\n\nIt approved"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("1 split"), std::string::npos) << markdown;
  options.format = DiffFormat::kHtml;
  const std::string html = RenderDiff(diff, options);
  EXPECT_NE(html.find("budget.<span class=\"redline-break\">\xC2\xB6 split</span></p>"), std::string::npos) << html;
  options.format = DiffFormat::kJson;
  const std::string json = RenderDiff(diff, options);
  EXPECT_NE(json.find(R"({"op":"insert","text":"\n\n","split":true})"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("moved":0,"split":1},)"), std::string::npos) << json;
}

TEST(FormattedNumbers, ChangeAsOneToken) {
  struct Case {
    const char *old_number, *new_number;
  };
  for (const Case c : {Case{"5,000", "5,500"}, Case{"3.2", "3.4"}, Case{"40%", "45%"}, Case{"3.2%", "3.4%"},
                       Case{"1,000,000", "1,500,000"}}) {
    const std::string before = "Officials said ", after = " people were there.\n";
    const WordDiff diff = DiffWords(before + c.old_number + after, before + c.new_number + after);
    EXPECT_EQ(diff.ops, (std::vector<DiffOp>{Eq(before), Del(c.old_number), Ins(c.new_number), Eq(after)}))
        << c.old_number;
    EXPECT_EQ(diff.summary.numbers, (std::vector<TextChange>{{c.old_number, c.new_number}}));
    EXPECT_EQ(diff.stats.added_words, 1u);
    EXPECT_EQ(diff.stats.removed_words, 1u);
  }
}

TEST(QuotationWord, OnlyTheWordChanges) {
  const WordDiff diff = DiffWords("He said \xE2\x80\x9Cwe will not back down\xE2\x80\x9D on Monday.\n",
                                  "He said \xE2\x80\x9Cwe may not back down\xE2\x80\x9D on Monday.\n");
  EXPECT_EQ(diff.ops, (std::vector<DiffOp>{Eq("He said \xE2\x80\x9Cwe "), Del("will"), Ins("may"),
                                           Eq(" not back down\xE2\x80\x9D on Monday.\n")}));
  EXPECT_EQ(diff.summary.quotes.size(), 1u);
  // Beside a paragraph split: the split, and the word.
  const WordDiff split = DiffWords("He said \xE2\x80\x9Cwe will not back down.\xE2\x80\x9D Then he left the room.\n",
                                   "He said \xE2\x80\x9Cwe may not back down.\xE2\x80\x9D\n\nThen he left the room.\n");
  EXPECT_EQ(split.ops, (std::vector<DiffOp>{Eq("He said \xE2\x80\x9Cwe "), Del("will"), Ins("may"),
                                            Eq(" not back down.\xE2\x80\x9D"),
                                            Mark(OpKind::kDelete, " ", BlockChange::kSplit),
                                            Mark(OpKind::kInsert, "\n\n", BlockChange::kSplit),
                                            Eq("Then he left the room.\n")}));
  // A percentage inside a quotation.
  const WordDiff percent = DiffWords("She said \xE2\x80\x9Cup 40% this year\xE2\x80\x9D.\n",
                                     "She said \xE2\x80\x9Cup 45% this year\xE2\x80\x9D.\n");
  EXPECT_EQ(percent.ops, (std::vector<DiffOp>{Eq("She said \xE2\x80\x9Cup "), Del("40%"), Ins("45%"),
                                              Eq(" this year\xE2\x80\x9D.\n")}));
}

TEST(NewParagraph, ShowsAsAnAddedParagraphBesideAnEdit) {
  // The last word of the paragraph before changed too: the new paragraph is still added
  // whole, not spliced onto that word with its full stop matched across the break.
  const WordDiff diff = DiffWords("The mayor spoke on Monday.\n\nEnd.\n",
                                  "The mayor spoke on Tuesday.\n\nHe was also late.\n\nEnd.\n");
  EXPECT_EQ(diff.ops, (std::vector<DiffOp>{Eq("The mayor spoke on "), Del("Monday"), Ins("Tuesday"), Eq(".\n\n"),
                                           Ins("He was also late.\n\n"), Eq("End.\n")}));
  EXPECT_EQ(diff.summary.blocks_added, 1u);
  EXPECT_EQ(diff.summary.blocks_edited, 1u);
  // Before a paragraph whose first word changed, and one that starts like it.
  EXPECT_EQ(DiffWords("A.\n\nThe report said so.\n", "A.\n\nNew para here.\n\nChanged report said so.\n").ops,
            (std::vector<DiffOp>{Eq("A.\n\n"), Ins("New para here.\n\n"), Del("The"), Ins("Changed"),
                                 Eq(" report said so.\n")}));
  EXPECT_EQ(DiffWords("A.\n\nThe report said so.\n", "A.\n\nThe mayor spoke.\n\nThe report said so.\n").ops,
            (std::vector<DiffOp>{Eq("A.\n\n"), Ins("The mayor spoke.\n\n"), Eq("The report said so.\n")}));
  // Removed likewise.
  EXPECT_EQ(DiffWords("The mayor spoke on Tuesday.\n\nHe was also late.\n\nEnd.\n", "The mayor spoke on Monday.\n\nEnd.\n")
                .ops,
            (std::vector<DiffOp>{Eq("The mayor spoke on "), Del("Tuesday"), Ins("Monday"), Eq(".\n\n"),
                                 Del("He was also late.\n\n"), Eq("End.\n")}));
}

TEST(NewParagraph, AnywhereInALongStoryBesideEdits) {
  const std::vector<std::string> paragraphs = Paragraphs(Fixture());
  const std::string added = "\xE2\x80\x9CWe reject it,\xE2\x80\x9D Liu said.";
  int checked = 0;
  for (std::size_t i = 2; i + 1 < paragraphs.size(); ++i) {
    std::vector<std::string> edited = paragraphs;
    // The paragraph before loses its last word, the one after gets a new first word.
    std::string& before = edited[i];
    before.replace(before.rfind(' ') + 1, std::string::npos, "changed.");
    std::string& after = edited[i + 1];
    after.replace(0, after.find(' '), "Changed");
    edited.insert(edited.begin() + static_cast<std::ptrdiff_t>(i) + 1, added);
    const WordDiff diff = DiffWords(JoinParagraphs(paragraphs), JoinParagraphs(edited));
    bool whole = false;
    for (const DiffOp& op : diff.ops) whole = whole || (op.kind == OpKind::kInsert && op.text == added + "\n\n");
    EXPECT_TRUE(whole) << "after paragraph " << i;
    EXPECT_EQ(diff.summary.blocks_added, 1u) << "after paragraph " << i;
    ++checked;
  }
  EXPECT_GT(checked, 30);
}

// A 1% edit of a long story with four paragraphs moved: the moved words are moved, not
// added and removed.
TEST(MovedParagraphs, CountAsMovedNotAddedAndRemoved) {
  std::vector<std::string> paragraphs = Paragraphs(Fixture());
  const std::string old_text = JoinParagraphs(paragraphs);
  std::size_t moved = 0;
  for (const auto& [from, to] : {std::pair{8, 30}, std::pair{12, 25}, std::pair{20, 5}, std::pair{33, 16}}) {
    moved += CountWords(paragraphs[static_cast<std::size_t>(from)]);
    const std::string p = paragraphs[static_cast<std::size_t>(from)];
    paragraphs.erase(paragraphs.begin() + from);
    paragraphs.insert(paragraphs.begin() + to, p);
  }
  // 1% of the words: ten replaced, in paragraphs that did not move.
  for (std::size_t i = 2, edits = 0; edits < 10; i += 3, ++edits) {
    std::string& p = paragraphs[i];
    p.replace(p.find(' ') + 1, 0, "edited" + std::to_string(edits) + " ");
  }
  const WordDiff diff = DiffWords(old_text, JoinParagraphs(paragraphs));
  EXPECT_EQ(diff.moves.size(), 4u);
  EXPECT_EQ(diff.stats.added_words, 10u);
  EXPECT_EQ(diff.stats.removed_words, 0u);
  EXPECT_EQ(diff.stats.moved_words, moved);
  EXPECT_EQ(diff.summary.moved_words, moved);
  // Counting only (as recording does) gives the same figures.
  DiffOptions counts;
  counts.label_sentences = false;
  counts.summarize = false;
  const WordDiff counted = DiffWords(old_text, JoinParagraphs(paragraphs), counts);
  EXPECT_EQ(counted.stats.added_words, 10u);
  EXPECT_EQ(counted.stats.moved_words, moved);
  // Without moves, they are deletions and insertions again.
  counts.detect_moves = false;
  EXPECT_EQ(DiffWords(old_text, JoinParagraphs(paragraphs), counts).stats.moved_words, 0u);
}

}  // namespace
}  // namespace redline
