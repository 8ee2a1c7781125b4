// Properties over real pages (the fixture story and the first pages of the shared
// extraction benchmark): re-rendering a page never changes its canonical text, and a real
// edit always changes it, exactly where it was made.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "normalize/page_variants.h"
#include "normalize/test_util.h"
#include "redline/normalize.h"

namespace redline {
namespace {

constexpr int kSeedsPerPage = 3;
// Benchmark pages checked by default; REDLINE_PROPERTY_PAGES=181 checks all of them (a minute).
constexpr std::size_t kBenchmarkPages = 30;

std::size_t BenchmarkPageCount() {
  const char* count = std::getenv("REDLINE_PROPERTY_PAGES");
  return count != nullptr ? static_cast<std::size_t>(std::strtoul(count, nullptr, 10)) : kBenchmarkPages;
}

struct Page {
  std::string name;
  std::string html;
};

const std::vector<Page>& Pages() {
  static const std::vector<Page> pages = [] {
    std::vector<Page> all;
    for (int rev = 1; rev <= 4; ++rev) {
      const std::string name = "fixtures/stories/un-xinjiang-report/rev-" + std::to_string(rev) + ".html";
      all.push_back({name, testing::ReadFile(std::string(REDLINE_SOURCE_DIR) + "/" + name)});
    }
    for (auto& [name, html] : testing::BenchmarkPages(BenchmarkPageCount())) all.push_back({name, std::move(html)});
    return all;
  }();
  return pages;
}

Result<Document> Html(const std::string& html) { return Normalize(html, testing::OptionsFrom(InputFormat::kHtml)); }

// With REDLINE_VARIANT_DIR set, a variant that fails is written there for a closer look.
void KeepForInspection(const std::string& name, int seed, const std::string& html) {
  const char* dir = std::getenv("REDLINE_VARIANT_DIR");
  if (dir == nullptr) return;
  std::ofstream(std::string(dir) + "/" + name + "." + std::to_string(seed) + ".html", std::ios::binary) << html;
}

using Variant = std::function<std::string(const std::string&, std::mt19937*)>;

void ExpectSameText(const Variant& variant, const char* what) {
  ASSERT_GE(Pages().size(), 4u);
  for (const Page& page : Pages()) {
    const Result<Document> original = Html(page.html);
    if (!original.ok()) continue;  // the property concerns pages that have a text
    const std::string text = CanonicalText(*original);
    for (int seed = 1; seed <= kSeedsPerPage; ++seed) {
      std::mt19937 rng(seed);
      const std::string html = variant(page.html, &rng);
      const Result<Document> varied = Html(html);
      ASSERT_TRUE(varied.ok()) << page.name << " seed " << seed << ": " << varied.status().message();
      EXPECT_EQ(CanonicalText(*varied), text) << what << " changed the text of " << page.name << ", seed " << seed;
      if (CanonicalText(*varied) != text) KeepForInspection(page.name, seed, html);
    }
  }
}

TEST(Property, TemplateNoiseOutsideTheArticleChangesNothing) {
  ExpectSameText(testing::AddNoiseOutsideArticle, "noise outside the article");
}

TEST(Property, TemplateNoiseInsideTheArticleChangesNothing) {
  ExpectSameText(testing::AddNoiseInsideArticle, "noise inside the article");
}

TEST(Property, CharacterReferencesChangeNothing) {
  ExpectSameText(testing::EncodeCharacterReferences, "character references");
}

TEST(Property, InlineSpansChangeNothing) { ExpectSameText(testing::WrapInlineSpans, "inline spans"); }

TEST(Property, LineBreaksAndSpacesChangeNothing) { ExpectSameText(testing::ReflowWhitespace, "reflowed whitespace"); }

TEST(Property, AttributesChangeNothing) { ExpectSameText(testing::AddAttributes, "extra attributes"); }

TEST(Property, AllReRenderingsAtOnceChangeNothing) {
  ExpectSameText(
      [](const std::string& html, std::mt19937* rng) {
        std::string out = testing::AddNoiseInsideArticle(html, rng);
        out = testing::AddNoiseOutsideArticle(out, rng);
        out = testing::WrapInlineSpans(out, rng);
        out = testing::EncodeCharacterReferences(out, rng);
        return testing::ReflowWhitespace(out, rng);
      },
      "all re-renderings");
}

using EditFn = std::function<std::optional<testing::Edit>(const std::string&, const std::string&, std::mt19937*)>;

void ExpectEditShows(const EditFn& edit_fn, const char* what, std::size_t min_pages) {
  std::size_t tried = 0;
  for (const Page& page : Pages()) {
    const Result<Document> original = Html(page.html);
    if (!original.ok()) continue;
    const std::string text = CanonicalText(*original);
    std::mt19937 rng(7);
    const std::optional<testing::Edit> edit = edit_fn(page.html, text, &rng);
    if (!edit.has_value()) continue;
    ++tried;
    const Result<Document> edited = Html(edit->html);
    ASSERT_TRUE(edited.ok()) << page.name << ": " << edited.status().message();
    const std::string edited_text = CanonicalText(*edited);
    EXPECT_NE(edited_text, text) << what << " (" << edit->what << ") did not show in " << page.name;
    EXPECT_EQ(edited_text, edit->expected_text) << edit->what << " in " << page.name;
  }
  // Outside CI, a clone without ../shared has only the fixture story's pages: say so
  // rather than fail (CI has the benchmark pages and runs this in full).
  if (tried < min_pages && std::getenv("CI") == nullptr && testing::BenchmarkPages(1).empty()) {
    GTEST_SKIP() << "the shared benchmark pages (../shared/data/article-extraction-benchmark) are absent: only "
                 << tried << " pages offered a place to " << what;
  }
  EXPECT_GE(tried, min_pages) << "too few pages offered a place to " << what;
}

TEST(Property, ReplacedWordShowsWhereItWasReplaced) { ExpectEditShows(testing::ReplaceWord, "a replaced word", 8); }

TEST(Property, ChangedNumberShowsWhereItWasChanged) { ExpectEditShows(testing::ReplaceNumber, "a changed number", 4); }

TEST(Property, AddedSentenceShows) { ExpectEditShows(testing::AddSentence, "an added sentence", 4); }

TEST(Property, RemovedSentenceShows) { ExpectEditShows(testing::RemoveSentence, "a removed sentence", 4); }

TEST(Property, ChangedHeadlineShows) {
  ExpectEditShows(
      [](const std::string& html, const std::string& text, std::mt19937*) -> std::optional<testing::Edit> {
        const Result<Document> doc = Html(html);
        return doc.ok() ? testing::ChangeHeadline(html, text, doc->title) : std::nullopt;
      },
      "a changed headline", 4);
}

}  // namespace
}  // namespace redline

namespace redline {
namespace {

// Text input: the same story scraped again with other line ends, spaces and template lines.
std::string TextVariant(const std::string& text, std::mt19937* rng) {
  static const char* const kTemplateLines[] = {"Advertisement", "ADVERTISEMENT", "Share on Facebook",
                                               "Story continues below advertisement", "261", "Learn more"};
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    // Spaces inside the line: doubled, no-break, or with a zero-width space beside them.
    std::string respaced;
    for (const char c : line) {
      if (c == ' ' && (*rng)() % 5 == 0) {
        static const char* const kSpaces[] = {"  ", "\u00A0", " \u200B", "\t"};
        respaced += kSpaces[(*rng)() % 4];
      } else {
        respaced.push_back(c);
      }
    }
    out += respaced + ((*rng)() % 3 == 0 ? "   " : "") + ((*rng)() % 2 == 0 ? "\r\n" : "\n");
    // Template lines between paragraphs of the story (not inside the headline block).
    if (out.size() > 600 && !line.empty() && (*rng)() % 6 == 0) {
      out += std::string("\n") + kTemplateLines[(*rng)() % std::size(kTemplateLines)] + "\n\n";
    }
  }
  return out;
}

TEST(Property, TextInputReScrapedGivesTheSameText) {
  const std::string text =
      testing::ReadFile(std::string(REDLINE_SOURCE_DIR) + "/fixtures/text/un-xinjiang-report-article.txt");
  const std::string canonical = testing::Canonical(text, InputFormat::kText);
  ASSERT_FALSE(canonical.empty());
  for (int seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    EXPECT_EQ(testing::Canonical(TextVariant(text, &rng), InputFormat::kText), canonical) << "seed " << seed;
  }
}

}  // namespace
}  // namespace redline
