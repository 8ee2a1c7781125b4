// Markdown and JSON golden files for the fixture story (fixtures/report/). Commit ids
// depend on the archive's first commit (made "now"), so they are masked in the JSON.
// REDLINE_UPDATE_GOLDEN=1 rewrites the files instead of comparing.
#include <cstdlib>
#include <fstream>
#include <regex>
#include <string>

#include "report/report.h"
#include "report/test_util.h"

namespace redline::report {
namespace {

std::string MaskCommits(const std::string& json) {
  static const std::regex commit("\"commit\": \"[0-9a-f]{40}\"");
  return std::regex_replace(json, commit, "\"commit\": \"<commit>\"");
}

void CheckGolden(const std::string& relative, const std::string& actual) {
  const std::string path = test::SourcePath(relative);
  const char* update = std::getenv("REDLINE_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  const std::string expected = test::ReadFile(path);
  ASSERT_FALSE(expected.empty()) << path << " is missing (run with REDLINE_UPDATE_GOLDEN=1)";
  EXPECT_EQ(actual, expected) << "differs from " << path << " (REDLINE_UPDATE_GOLDEN=1 regenerates it)";
}

class GoldenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto archive = Archive::Init(tmp_ / "archive");
    ASSERT_OK(archive);
    ASSERT_OK(test::RecordFixtureStory(*archive));
    ReportOptions options;
    options.stories = {test::kStory};
    auto built = BuildReport(*archive, options);
    ASSERT_OK(built);
    report_ = std::move(*built);
  }
  redline::test::TempDir tmp_;
  Report report_;
};

TEST_F(GoldenTest, Markdown) { CheckGolden("fixtures/report/un-xinjiang-report.md", RenderMarkdown(report_)); }

TEST_F(GoldenTest, Json) { CheckGolden("fixtures/report/un-xinjiang-report.json", MaskCommits(RenderJson(report_))); }

}  // namespace
}  // namespace redline::report
