// Test support: variants of real pages. Re-renderings (template noise outside and inside
// the article, character references, inline spans, line breaks) must leave the canonical
// text byte for byte as it was; real edits (a word, a number, a sentence, the headline)
// must change it exactly where the newsroom changed it. String-level edits on the HTML,
// driven by a seeded generator.
#ifndef REDLINE_NORMALIZE_PAGE_VARIANTS_H_
#define REDLINE_NORMALIZE_PAGE_VARIANTS_H_

#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace redline::testing {

// Byte ranges of the text between tags in the page's <body>: not tags, comments, or the
// content of script, style, textarea, title and other raw-text elements.
std::vector<std::pair<std::size_t, std::size_t>> BodyTextRanges(const std::string& html);

// Re-renderings: the page says the same to a reader.
std::string AddNoiseOutsideArticle(const std::string& html, std::mt19937* rng);
std::string AddNoiseInsideArticle(const std::string& html, std::mt19937* rng);
std::string EncodeCharacterReferences(const std::string& html, std::mt19937* rng);
std::string WrapInlineSpans(const std::string& html, std::mt19937* rng);
std::string ReflowWhitespace(const std::string& html, std::mt19937* rng);
std::string AddAttributes(const std::string& html, std::mt19937* rng);

// A real edit and the canonical text it must produce.
struct Edit {
  std::string html;
  std::string expected_text;
  std::string what;  // for failure messages
};

// Each returns nullopt when the page offers no place for that edit (see the .cc).
std::optional<Edit> ReplaceWord(const std::string& html, const std::string& canonical, std::mt19937* rng);
std::optional<Edit> ReplaceNumber(const std::string& html, const std::string& canonical, std::mt19937* rng);
std::optional<Edit> AddSentence(const std::string& html, const std::string& canonical, std::mt19937* rng);
std::optional<Edit> RemoveSentence(const std::string& html, const std::string& canonical, std::mt19937* rng);
std::optional<Edit> ChangeHeadline(const std::string& html, const std::string& canonical, const std::string& title);

// The decompressed pages of the shared article-extraction benchmark whose file names sort
// first (at most `count`), or none when the data is not there.
std::vector<std::pair<std::string, std::string>> BenchmarkPages(std::size_t count);

}  // namespace redline::testing

#endif  // REDLINE_NORMALIZE_PAGE_VARIANTS_H_
