// Issue 25: a paragraph added or removed beside an edited one is shown and counted as a
// paragraph added or removed, and the edited one as an edit: never as a split, a merge or
// one edit across both paragraphs. Real splits and merges beside them stay marked.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diff/test_util.h"
#include "redline/diff.h"
#include "support/paragraphs.h"

namespace redline {
namespace {

using testing::JoinParagraphs;
using testing::Paragraphs;

const std::string kEdited = "The mayor said the plan would create 450 jobs.";
const std::string kEdit = "The mayor said the plan would create 250 jobs.";
const std::string kLongerEdit = "The mayor said the plan would create 250 jobs, the council said.";
const std::string kCourt =
    "Opponents say the council did not consult fishing families and will challenge the vote in court.";
const std::string kLast = "A spokeswoman said all objections had been considered.";
const std::string kQuote = "\xE2\x80\x9CThe plan is a disaster,\xE2\x80\x9D one opponent said.";
const std::string kQuote2 = "\xE2\x80\x9CThe jobs will not last,\xE2\x80\x9D another said.";

std::string Plain(const WordDiff& diff) {
  RenderOptions options;
  options.format = DiffFormat::kPlain;
  options.context_blocks = 9;
  const std::string out = RenderDiff(diff, options);
  return out.substr(out.find('\n') + 1);  // without the hunk header
}

struct Case {
  const char* name;
  std::vector<std::string> old_paragraphs, new_paragraphs;
  std::size_t edited, added, deleted;
  std::size_t added_words, removed_words;
  std::string plain;
};

TEST(ParagraphPairs, EditedParagraphBesideAddedOrRemovedOnes) {
  const std::string court = "[-" + kCourt + "-]";
  const std::vector<Case> cases = {
      {"removed after the edited one", {kEdited, kCourt, kLast}, {kLongerEdit, kLast}, 1, 0, 1, 4, 17,
       "The mayor said the plan would create [-450-]{+250+} jobs{+, the council said+}.\n\n" + court + "\n\n" +
           kLast + "\n"},
      {"the issue's own example", {kEdited, kCourt, kLast}, {kEdit, kLast}, 1, 0, 1, 1, 17,
       "The mayor said the plan would create [-450-]{+250+} jobs.\n\n" + court + "\n\n" + kLast + "\n"},
      {"removed at the end", {kEdited, kCourt}, {kLongerEdit}, 1, 0, 1, 4, 17,
       "The mayor said the plan would create [-450-]{+250+} jobs{+, the council said+}.\n\n" + court + "\n"},
      {"added after the edited one", {kLongerEdit, kLast}, {kEdited, kCourt, kLast}, 1, 1, 0, 17, 4,
       "The mayor said the plan would create [-250-]{+450+} jobs[-, the council said-].\n\n{+" + kCourt +
           "+}\n\n" + kLast + "\n"},
      {"removed before, at the start", {kQuote, kEdited, kLast}, {kEdit, kLast}, 1, 0, 1, 1, 9,
       "[-" + kQuote + "-]\n\nThe mayor said the plan would create [-450-]{+250+} jobs.\n\n" + kLast + "\n"},
      {"added before, at the start", {kEdited, kLast}, {kQuote, kEdit, kLast}, 1, 1, 0, 9, 1,
       "{+" + kQuote + "+}\n\nThe mayor said the plan would create [-450-]{+250+} jobs.\n\n" + kLast + "\n"},
      {"removed before the last paragraph", {kLast, kQuote, kEdited}, {kLast, kEdit}, 1, 0, 1, 1, 9,
       kLast + "\n\n[-" + kQuote + "-]\n\nThe mayor said the plan would create [-450-]{+250+} jobs.\n"},
      {"added before the last paragraph", {kLast, kEdited}, {kLast, kQuote, kEdit}, 1, 1, 0, 9, 1,
       kLast + "\n\n{+" + kQuote + "+}\n\nThe mayor said the plan would create [-450-]{+250+} jobs.\n"},
      {"several removed", {kQuote, kQuote2, kEdited, kLast}, {kEdit, kLast}, 1, 0, 2, 1, 16,
       "[-" + kQuote + "-]\n\n[-" + kQuote2 + "-]\n\nThe mayor said the plan would create [-450-]{+250+} jobs.\n\n" +
           kLast + "\n"},
      {"several added", {kLast, kEdited}, {kLast, kQuote, kQuote2, kEdit}, 1, 2, 0, 16, 1,
       kLast + "\n\n{+" + kQuote + "+}\n\n{+" + kQuote2 +
           "+}\n\nThe mayor said the plan would create [-450-]{+250+} jobs.\n"},
      {"removed before and added after", {kQuote, kEdited, kLast}, {kEdit, kQuote2, kLast}, 1, 1, 1, 8, 9,
       "[-" + kQuote + "-]\n\nThe mayor said the plan would create [-450-]{+250+} jobs.\n\n{+" + kQuote2 + "+}\n\n" +
           kLast + "\n"},
  };
  for (const Case& c : cases) {
    const std::string old_text = JoinParagraphs(c.old_paragraphs), new_text = JoinParagraphs(c.new_paragraphs);
    const WordDiff diff = DiffWords(old_text, new_text);
    EXPECT_EQ(Plain(diff), c.plain) << c.name;
    EXPECT_EQ(diff.summary.blocks_edited, c.edited) << c.name;
    EXPECT_EQ(diff.summary.blocks_added, c.added) << c.name;
    EXPECT_EQ(diff.summary.blocks_deleted, c.deleted) << c.name;
    EXPECT_EQ(diff.summary.blocks_split + diff.summary.blocks_merged, 0u) << c.name;
    EXPECT_EQ(diff.stats.added_words, c.added_words) << c.name;
    EXPECT_EQ(diff.stats.removed_words, c.removed_words) << c.name;
    EXPECT_EQ(diff.stats.changed_blocks, c.edited + c.added + c.deleted) << c.name;
    // Counting only (as recording does) gives the same figures.
    DiffOptions counts;
    counts.label_sentences = false;
    counts.summarize = false;
    const WordDiff counted = DiffWords(old_text, new_text, counts);
    EXPECT_EQ(counted.stats.added_words, c.added_words) << c.name;
    EXPECT_EQ(counted.stats.removed_words, c.removed_words) << c.name;
    EXPECT_EQ(diff::testing::OldSide(diff), old_text);
    EXPECT_EQ(diff::testing::NewSide(diff), new_text);
  }
}

std::string Render(const WordDiff& diff, DiffFormat format) {
  RenderOptions options;
  options.format = format;
  options.width = 100;
  options.old_label = "a/story.txt";
  options.new_label = "b/story.txt";
  return RenderDiff(diff, options);
}

// The paragraph removed beside an edited one, in every format.
TEST(ParagraphPairs, EveryFormatShowsTheEditAndTheRemovedParagraph) {
  const WordDiff diff = DiffWords(JoinParagraphs({kEdited, kCourt, kLast}), JoinParagraphs({kLongerEdit, kLast}));
  const std::string header = "--- a/story.txt\n+++ b/story.txt\n";
  EXPECT_EQ(Render(diff, DiffFormat::kPlain),
            "@@ -1,5 +1,3 @@\nThe mayor said the plan would create [-450-]{+250+} jobs{+, the council said+}.\n\n[-" +
                kCourt + "-]\n\n" + kLast + "\n");
  EXPECT_EQ(Render(diff, DiffFormat::kColor),
            "\x1b[36m@@ -1,5 +1,3 @@\x1b[m\n"
            "The mayor said the plan would create \x1b[31m450\x1b[m\x1b[32m250\x1b[m jobs\x1b[32m, the council "
            "said\x1b[m.\n\n\x1b[31m" +
                kCourt + "\x1b[m\n\n" + kLast + "\n");
  EXPECT_EQ(Render(diff, DiffFormat::kUnified),
            header + "@@ -1,5 +1,3 @@\n-" + kEdited + "\n+" + kLongerEdit + "\n \n-" + kCourt + "\n-\n " + kLast +
                "\n");
  EXPECT_EQ(Render(diff, DiffFormat::kSideBySide),
                "@@ -1,5 +1,3 @@\n"
                "The mayor said the plan would create [-450-]     | The mayor said the plan would create {+250+}\n"
                "jobs.                                            | jobs{+, the council said+}.\n"
                "\n"
                "[-Opponents say the council did not consult      <\n"
                "fishing families and will challenge the vote in  <\n"
                "court.-]                                         <\n"
                "                                                 <\n"
                "A spokeswoman said all objections had been         A spokeswoman said all objections had been\n"
                "considered.                                        considered.\n");
  const std::string html = Render(diff, DiffFormat::kHtml);
  EXPECT_NE(html.find("<li>Blocks: 1 edited, 0 added, 1 deleted, 0 moved</li>"), std::string::npos) << html;
  EXPECT_NE(html.find("<p>The mayor said the plan would create <del>450</del><ins>250</ins> jobs<ins>, the council "
                      "said</ins>.</p>\n<p><del>" +
                      kCourt + "</del></p>\n<p>" + kLast + "</p>"),
            std::string::npos)
      << html;
  const std::string markdown = Render(diff, DiffFormat::kMarkdown);
  EXPECT_NE(markdown.find("- Blocks: 1 edited, 0 added, 1 deleted, 0 moved\n"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("\n~~" + kCourt + "~~\n"), std::string::npos) << markdown;
  EXPECT_EQ(Render(diff, DiffFormat::kPorcelain),
            "@@ -1,5 +1,3 @@\n The mayor said the plan would create \n-450\n+250\n  jobs\n+, the council said\n"
                     " .\n~\n~\n-" +
                kCourt + "\n~\n~\n " + kLast + "\n~\n");
  const nlohmann::json json = nlohmann::json::parse(Render(diff, DiffFormat::kJson));
  EXPECT_EQ(json["summary"]["blocks"]["edited"], 1);
  EXPECT_EQ(json["summary"]["blocks"]["deleted"], 1);
  EXPECT_EQ(json["summary"]["blocks"]["added"], 0);
  EXPECT_FALSE(json["summary"]["blocks"].contains("merged"));
  EXPECT_EQ(json["stats"]["added_words"], 4);
  EXPECT_EQ(json["stats"]["removed_words"], 17);
  EXPECT_EQ(json["stats"]["changed_blocks"], 2);
  EXPECT_EQ(json["summary"]["sentences"]["deleted"], 1);
  EXPECT_EQ(json["summary"]["sentences"]["edited"], 1);
  bool removed_whole = false;
  for (const auto& op : json["ops"]) {
    removed_whole = removed_whole || op == nlohmann::json{{"op", "delete"}, {"text", kCourt + "\n\n"}};
  }
  EXPECT_TRUE(removed_whole) << json["ops"].dump();
}

std::string Fixture() {
  std::ifstream in(std::string(REDLINE_SOURCE_DIR) + "/fixtures/stories/un-xinjiang-report/rev-4.expected.txt",
                   std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Every paragraph of a long story edited (a word replaced), with one or two paragraphs
// next to it removed, or added (paragraphs of the story itself), before or after it: one
// paragraph edited and the others removed or added whole, the words counted as such.
TEST(ParagraphPairs, AnywhereInALongStory) {
  const std::vector<std::string> paragraphs = Paragraphs(Fixture());
  ASSERT_GT(paragraphs.size(), 30u);
  int checked = 0;
  for (std::size_t i = 2; i + 3 < paragraphs.size(); ++i) {
    for (const std::size_t count : {1, 2}) {
      for (const bool before : {false, true}) {
        for (const bool removed : {true, false}) {
          std::vector<std::string> edited = paragraphs;
          std::string& p = edited[i];
          const std::size_t word = p.find(' ', p.size() / 2) + 1;
          p.replace(word, p.find(' ', word) - word, "changed");
          std::size_t whole_words = 0;
          const std::size_t at = before ? i - count : i + 1;
          if (removed) {
            for (std::size_t k = at; k < at + count; ++k) whole_words += CountWords(edited[k]);
            edited.erase(edited.begin() + static_cast<std::ptrdiff_t>(at),
                         edited.begin() + static_cast<std::ptrdiff_t>(at + count));
          } else {  // paragraphs from further on in the story
            const std::size_t from = (i + 10) % (paragraphs.size() - count);
            std::vector<std::string> added(paragraphs.begin() + static_cast<std::ptrdiff_t>(from),
                                           paragraphs.begin() + static_cast<std::ptrdiff_t>(from + count));
            for (const std::string& a : added) whole_words += CountWords(a);
            edited.insert(edited.begin() + static_cast<std::ptrdiff_t>(before ? i : i + 1), added.begin(), added.end());
          }
          DiffOptions options;
          options.detect_moves = false;  // added paragraphs are copies of others: not moves here
          const WordDiff diff = DiffWords(JoinParagraphs(paragraphs), JoinParagraphs(edited), options);
          const std::string where = "paragraph " + std::to_string(i) + (before ? " before" : " after") +
                                    (removed ? " removed " : " added ") + std::to_string(count);
          EXPECT_EQ(diff.summary.blocks_edited, 1u) << where;
          EXPECT_EQ(removed ? diff.summary.blocks_deleted : diff.summary.blocks_added, count) << where;
          EXPECT_EQ(diff.summary.blocks_split + diff.summary.blocks_merged, 0u) << where;
          EXPECT_EQ(removed ? diff.stats.removed_words : diff.stats.added_words, whole_words + 1) << where;
          EXPECT_EQ(removed ? diff.stats.added_words : diff.stats.removed_words, 1u) << where;
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 200);
}

// Real splits and merges next to a paragraph added or removed stay splits and merges,
// with no words added or removed but the other paragraph's.
TEST(ParagraphPairs, SplitsAndMergesBesideAddedOrRemovedParagraphs) {
  const std::string one = "The council met on Monday to discuss the budget. It approved new spending on roads.";
  const std::string first = "The council met on Monday to discuss the budget.";
  const std::string second = "It approved new spending on roads.";
  struct SplitCase {
    std::vector<std::string> old_paragraphs, new_paragraphs;
    bool split;
    std::size_t added, deleted;
  };
  const std::vector<SplitCase> cases = {
      {{one, kCourt, kLast}, {first, second, kLast}, true, 0, 1},
      {{kCourt, one, kLast}, {first, second, kLast}, true, 0, 1},
      {{one, kLast}, {kQuote, first, second, kLast}, true, 1, 0},
      {{one, kLast}, {first, second, kQuote, kLast}, true, 1, 0},
      {{first, second, kCourt, kLast}, {one, kLast}, false, 0, 1},
      {{kCourt, first, second}, {one}, false, 0, 1},
      {{first, second, kLast}, {kQuote, one, kLast}, false, 1, 0},
  };
  for (const SplitCase& c : cases) {
    const WordDiff diff = DiffWords(JoinParagraphs(c.old_paragraphs), JoinParagraphs(c.new_paragraphs));
    const std::string name = JoinParagraphs(c.old_paragraphs) + "->\n" + JoinParagraphs(c.new_paragraphs);
    EXPECT_EQ(diff.summary.blocks_split, c.split ? 1u : 0u) << name;
    EXPECT_EQ(diff.summary.blocks_merged, c.split ? 0u : 1u) << name;
    EXPECT_EQ(diff.summary.blocks_added, c.added) << name;
    EXPECT_EQ(diff.summary.blocks_deleted, c.deleted) << name;
    EXPECT_EQ(diff.summary.blocks_edited, 0u) << name;
    EXPECT_EQ(diff.stats.added_words, c.added * CountWords(kQuote)) << name;
    EXPECT_EQ(diff.stats.removed_words, c.deleted * CountWords(kCourt)) << name;
  }
}

}  // namespace
}  // namespace redline
