// The golden files: Normalize + CanonicalText must reproduce each expected file byte for byte.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "normalize/site_rules.h"
#include "normalize/test_util.h"
#include "redline/normalize.h"

namespace redline {
namespace {

const std::string kFixtures = std::string(REDLINE_SOURCE_DIR) + "/fixtures";

void ExpectCanonical(const std::string& input_path, const std::string& expected_path, InputFormat from) {
  ASSERT_TRUE(std::filesystem::exists(input_path)) << input_path;
  ASSERT_TRUE(std::filesystem::exists(expected_path)) << expected_path;
  EXPECT_EQ(testing::Canonical(testing::ReadFile(input_path), from), testing::ReadFile(expected_path))
      << input_path;
}

class StoryFixture : public ::testing::TestWithParam<int> {};

TEST_P(StoryFixture, HtmlRevisionMatchesExpectedText) {
  const std::string base = kFixtures + "/stories/un-xinjiang-report/rev-" + std::to_string(GetParam());
  ExpectCanonical(base + ".html", base + ".expected.txt", InputFormat::kAuto);
}

INSTANTIATE_TEST_SUITE_P(UnXinjiangReport, StoryFixture, ::testing::Values(1, 2, 3, 4));

TEST(TextFixture, SeedArticleMatchesExpectedText) {
  const std::string base = kFixtures + "/text/un-xinjiang-report-article";
  ExpectCanonical(base + ".txt", base + ".expected.txt", InputFormat::kText);
}

TEST(TextFixture, SeedArticleIsDetectedAsText) {
  EXPECT_EQ(DetectFormat(testing::ReadFile(kFixtures + "/text/un-xinjiang-report-article.txt")),
            InputFormat::kText);
}

TEST(StoryFixtureMetadata, ReadsTimesUrlAndLanguage) {
  const std::string html = testing::ReadFile(kFixtures + "/stories/un-xinjiang-report/rev-2.html");
  const Result<Document> doc = Normalize(html, NormalizeOptions{});
  ASSERT_OK(doc);
  EXPECT_EQ(doc->published, "2022-09-01T20:00:00+08:00");
  EXPECT_EQ(doc->modified, "2022-09-01T21:12:00+08:00");
  EXPECT_EQ(doc->canonical_url,
            "https://www.harbourpost.example/news/china/politics/article/3191058/"
            "uns-xinjiang-human-rights-report-expected-further-strain-relations");
  EXPECT_EQ(doc->language, "en-GB");
  EXPECT_EQ(doc->byline, "Kinling Lo");
}

// fixtures/normalize/NAME.{html,txt} -> NAME.expected.txt, with NAME.rules.txt as site rules
// when there is one.
TEST(NormalizeFixtures, EveryPageMatchesItsExpectedText) {
  namespace fs = std::filesystem;
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(kFixtures + "/normalize")) {
    const std::string path = entry.path().string();
    if (!path.ends_with(".expected.txt")) continue;
    const std::string base = path.substr(0, path.size() - std::string(".expected.txt").size());
    const std::string input = fs::exists(base + ".html") ? base + ".html" : base + ".txt";
    NormalizeOptions options;
    if (fs::exists(base + ".rules.txt")) {
      const Result<SiteRules> rules = SiteRules::Parse(testing::ReadFile(base + ".rules.txt"));
      ASSERT_OK(rules);
      options.rules = *rules;
    }
    const Result<Document> doc = Normalize(testing::ReadFile(input), options);
    ASSERT_TRUE(doc.ok()) << input << ": " << doc.status().message();
    EXPECT_EQ(CanonicalText(*doc), testing::ReadFile(path)) << input;
    ++checked;
  }
  EXPECT_GE(checked, 8);
}

TEST(NormalizeFixtures, ExampleRulesFileParses) {
  const Result<SiteRules> rules = SiteRules::Parse(testing::ReadFile(kFixtures + "/normalize/redline-rules.example.txt"));
  ASSERT_OK(rules);
  EXPECT_EQ(rules->impl().sections.size(), 3u);
}

}  // namespace
}  // namespace redline
