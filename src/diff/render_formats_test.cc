// The formats beyond plain, color and json: porcelain, unified, side-by-side, markdown,
// html; moves in the human formats; and what may reach a terminal.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "diff/test_util.h"
#include "redline/diff.h"

namespace redline {
namespace {

std::string Render(const WordDiff& diff, DiffFormat format, int width = 80) {
  RenderOptions options;
  options.format = format;
  options.width = width;
  options.old_label = "a/story.txt";
  options.new_label = "b/story.txt";
  return RenderDiff(diff, options);
}

const char kOld[] = "# Title\n\nPolice said 1,000 people came.\n\nThe march was peaceful.\n";
const char kNew[] = "# Title\n\nPolice said 3,500 people came.\n\nThe march was largely peaceful.\n";

TEST(Porcelain, FollowsGitsWordDiffPorcelain) {
  EXPECT_EQ(Render(DiffWords(kOld, kNew), DiffFormat::kPorcelain),
            "@@ -1,5 +1,5 @@\n"
            " # Title\n~\n~\n"
            " Police said \n-1,000\n+3,500\n  people came.\n~\n~\n"
            " The march was \n+largely \n peaceful.\n~\n");
}

TEST(Unified, IsALineDiffThatPatchApplies) {
  const std::string unified = Render(DiffWords(kOld, kNew), DiffFormat::kUnified);
  EXPECT_EQ(unified,
            "--- a/story.txt\n+++ b/story.txt\n@@ -1,5 +1,5 @@\n # Title\n \n"
            "-Police said 1,000 people came.\n+Police said 3,500 people came.\n \n"
            "-The march was peaceful.\n+The march was largely peaceful.\n");
  EXPECT_EQ(Render(DiffWords("a\nb", "a\nc"), DiffFormat::kUnified),
            "--- a/story.txt\n+++ b/story.txt\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n"
            "\\ No newline at end of file\n");
}

TEST(Unified, PatchRebuildsTheNewTextOnRandomPairs) {
  if (std::system("command -v patch >/dev/null 2>&1") != 0) GTEST_SKIP() << "patch(1) not installed";
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "redline-unified-test";
  std::filesystem::create_directories(dir);
  std::mt19937 rng(3);
  for (int round = 0; round < 25; ++round) {
    std::string old_text = diff::testing::RandomText(&rng, 60) + "\n";
    std::string new_text = diff::testing::Edit(&rng, old_text);
    if (!utf8::IsValid(new_text)) new_text = utf8::Repair(new_text);
    for (const std::string* t : {&old_text, &new_text}) {
      // patch(1) wants text: no control characters that AppendSafe would replace.
      ASSERT_EQ(TerminalSafe(*t), *t);
    }
    std::ofstream(dir / "story.txt", std::ios::binary) << old_text;
    std::ofstream(dir / "change.diff", std::ios::binary) << Render(DiffWords(old_text, new_text), DiffFormat::kUnified);
    const std::string command =
        "cd '" + dir.string() + "' && patch -s -p1 story.txt < change.diff >/dev/null 2>&1";
    if (old_text != new_text) {
      ASSERT_EQ(std::system(command.c_str()), 0) << old_text << "\n---\n" << new_text;
    }
    std::ifstream in(dir / "story.txt", std::ios::binary);
    ASSERT_EQ(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()), new_text);
  }
  std::filesystem::remove_all(dir);
}

TEST(SideBySide, TwoColumnsWithinTheWidth) {
  const std::string out = Render(DiffWords(kOld, kNew), DiffFormat::kSideBySide, 60);
  // Columns of (60 - 3) / 2 = 28 cells; words wrap; "|" marks changed rows.
  EXPECT_EQ(out,
            "@@ -1,5 +1,5 @@\n"
            "# Title                        # Title\n"
            "\n"
            "Police said [-1,000-]        | Police said {+3,500+}\n"
            "people came.                 | people came.\n"
            "\n"
            "The march was peaceful.      | The march was {+largely\n"
            "                             | +}peaceful.\n");
  // Long lines wrap at the column width, in display cells.
  const std::string wide = Render(DiffWords("x\n", std::string(100, 'y') + "\n"), DiffFormat::kSideBySide, 43);
  std::size_t start = 0;
  while (start < wide.size()) {
    const std::size_t end = wide.find('\n', start);
    EXPECT_LE(end - start, 43u) << wide;
    start = end + 1;
  }
}

TEST(MarkupFormats, EscapePageTextAndMarkChanges) {
  const WordDiff diff = DiffWords("# A <b> & *c*\n", "# A <b> & *d*\n");
  const std::string html = Render(diff, DiffFormat::kHtml);
  EXPECT_NE(html.find("<p># A &lt;b&gt; &amp; *<del>c</del><ins>d</ins>*</p>"), std::string::npos) << html;
  EXPECT_TRUE(html.starts_with("<div class=\"redline-diff\">\n<ul class=\"redline-summary\">"));
  const std::string markdown = Render(diff, DiffFormat::kMarkdown);
  EXPECT_NE(markdown.find("\\# A \\<b\\> \\& \\*~~c~~**d**\\*"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("- Words: +1 \xE2\x88\x92" "1"), std::string::npos) << markdown;
  EXPECT_EQ(Render(DiffWords("same\n", "same\n"), DiffFormat::kMarkdown), "No changes.\n");
}

TEST(Moves, HumanFormatsShowAMoveOnceWithNotesAtBothPlaces) {
  const std::string a = "Alpha paragraph stays in its place here.";
  const std::string b = "Bravo paragraph moves to the very end of the story.";
  const std::string c = "Charlie paragraph also stays where it was before.";
  const WordDiff diff = DiffWords(b + "\n\n" + a + "\n\n" + c + "\n", a + "\n\n" + c + "\n\n" + b + "\n");
  ASSERT_EQ(diff.moves.size(), 1u);
  const std::string plain = Render(diff, DiffFormat::kPlain);
  EXPECT_NE(plain.find("{>>moved to \xC2\xB6" "3<<}"), std::string::npos) << plain;
  EXPECT_NE(plain.find("{>>moved from \xC2\xB6" "1<<}" + b), std::string::npos) << plain;
  EXPECT_EQ(plain.find("[-" + b), std::string::npos) << "a move is not a deletion:\n" << plain;
  const std::string color = Render(diff, DiffFormat::kColor);
  EXPECT_NE(color.find("\x1b[1;35m{>>moved to"), std::string::npos) << color;
  EXPECT_NE(Render(diff, DiffFormat::kHtml).find("<span class=\"redline-move\">moved from"), std::string::npos);
  EXPECT_NE(Render(diff, DiffFormat::kMarkdown).find("*(moved to \xC2\xB6" "3)*"), std::string::npos);
  const std::string json = Render(diff, DiffFormat::kJson);
  EXPECT_NE(json.find(R"("moves":[{"level":"block","exact":true,"from":{"block":0,)"), std::string::npos) << json;
}

// Nothing from the page may drive the terminal: no C0 (other than \n), DEL or C1 control
// characters and no invalid UTF-8 in any format a terminal shows.
TEST(TerminalSafety, NoControlCharactersFromThePage) {
  const std::string evil_old = "Title\x1b]0;pwned\x07 here\n\nBody \x1b[2J text\r more.\n";
  const std::string evil_new = "Title\x1b]0;owned\x07 here\n\nBody \x9b" "31m \xC2\x9B" "1m\x7f text\xFF more.\n";
  const WordDiff diff = DiffWords(evil_old, evil_new);
  for (const DiffFormat format :
       {DiffFormat::kColor, DiffFormat::kPlain, DiffFormat::kPorcelain, DiffFormat::kUnified, DiffFormat::kSideBySide}) {
    const std::string out = Render(diff, format);
    ASSERT_FALSE(out.empty()) << DiffFormatName(format);
    ASSERT_TRUE(utf8::IsValid(out)) << DiffFormatName(format);
    std::size_t pos = 0;
    while (pos < out.size()) {
      std::size_t length = 0;
      const char32_t c = utf8::Decode(out, pos, &length);
      const bool control = (c < 0x20 && c != '\n') || c == 0x7F || (c >= 0x80 && c <= 0x9F);
      if (c == 0x1B) {
        // Only our own color codes: ESC [ digits ; m.
        std::size_t end = pos + 1;
        EXPECT_EQ(out[end], '[') << DiffFormatName(format);
        ++end;
        while (end < out.size() && (std::isdigit(static_cast<unsigned char>(out[end])) || out[end] == ';')) ++end;
        EXPECT_EQ(out[end], 'm') << DiffFormatName(format) << ": " << out;
        EXPECT_TRUE(format == DiffFormat::kColor) << DiffFormatName(format);
      } else {
        EXPECT_FALSE(control) << DiffFormatName(format) << " has U+" << std::hex << static_cast<int>(c);
      }
      pos += length;
    }
  }
  EXPECT_EQ(TerminalSafe("a\x1b[31mb\tc\nd\x9b"), "a\xEF\xBF\xBD[31mb\xEF\xBF\xBD" "c\nd\xEF\xBF\xBD");
}

}  // namespace
}  // namespace redline

namespace redline {
namespace {

// Never crash, whatever the bytes and options: every format renders, JSON parses and its
// ops rebuild both texts, and the terminal formats stay valid UTF-8.
TEST(AllFormats, RandomPairsWithEveryOption) {
  std::mt19937 rng(77);
  for (int round = 0; round < 300; ++round) {
    std::string a = diff::testing::RandomText(&rng, 50);
    std::string b = round % 4 == 0 ? diff::testing::RandomText(&rng, 50) : diff::testing::Edit(&rng, a);
    if (round % 7 == 0) a.push_back('\x01');
    DiffOptions options;
    options.ignore_case = round % 2 == 1;
    options.ignore_punctuation = round % 3 == 1;
    options.ignore_whitespace = round % 5 == 1;
    options.detect_moves = round % 11 != 0;
    const WordDiff diff = DiffWords(a, b, options);
    ASSERT_EQ(diff::testing::OldSide(diff), a);
    ASSERT_EQ(diff::testing::NewSide(diff), b);
    for (const DiffFormat format : {DiffFormat::kColor, DiffFormat::kPlain, DiffFormat::kPorcelain, DiffFormat::kUnified,
                                    DiffFormat::kSideBySide, DiffFormat::kMarkdown, DiffFormat::kHtml}) {
      ASSERT_TRUE(utf8::IsValid(Render(diff, format, 40))) << DiffFormatName(format);
    }
    const nlohmann::json json = nlohmann::json::parse(Render(diff, DiffFormat::kJson));
    std::string old_side, new_side;
    for (const auto& op : json["ops"]) {
      if (op["op"] != "insert") old_side += op["text"].get<std::string>();
      if (op["op"] != "delete") new_side += op["text"].get<std::string>();
    }
    if (utf8::IsValid(a) && utf8::IsValid(b)) {
      ASSERT_EQ(old_side, a);
      ASSERT_EQ(new_side, b);
    }
  }
}

}  // namespace
}  // namespace redline
