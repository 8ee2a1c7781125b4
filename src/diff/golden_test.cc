// Golden files: every output format on the fixture story's revision pairs, compared with
// committed files under fixtures/diff/<format>/. To accept a deliberate change of output:
//   REDLINE_UPDATE_GOLDEN=1 build/diff_test --gtest_filter='Golden*'
// then review the files' diff like code.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "redline/diff.h"

namespace redline {
namespace {

namespace fs = std::filesystem;

const fs::path kStory = fs::path(REDLINE_SOURCE_DIR) / "fixtures" / "stories" / "un-xinjiang-report";
const fs::path kGolden = fs::path(REDLINE_SOURCE_DIR) / "fixtures" / "diff";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string Revision(int n) { return ReadFile(kStory / ("rev-" + std::to_string(n) + ".expected.txt")); }

const char* Extension(DiffFormat format) {
  switch (format) {
    case DiffFormat::kColor: return ".ansi";
    case DiffFormat::kJson: return ".json";
    case DiffFormat::kUnified: return ".diff";
    case DiffFormat::kMarkdown: return ".md";
    case DiffFormat::kHtml: return ".html";
    default: return ".txt";
  }
}

bool Updating() {
  const char* update = std::getenv("REDLINE_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

struct GoldenCase {
  DiffFormat format;
  int from, to;
};

class Golden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, MatchesCommittedFile) {
  const GoldenCase c = GetParam();
  ASSERT_FALSE(Revision(c.from).empty()) << "fixture missing under " << kStory;
  RenderOptions options;
  options.format = c.format;
  options.context_blocks = 1;
  options.width = 120;
  options.old_label = "a/rev-" + std::to_string(c.from) + ".txt";
  options.new_label = "b/rev-" + std::to_string(c.to) + ".txt";
  const std::string rendered = RenderDiff(DiffWords(Revision(c.from), Revision(c.to)), options);
  const fs::path path = kGolden / DiffFormatName(c.format) /
                        ("rev-" + std::to_string(c.from) + "-rev-" + std::to_string(c.to) + Extension(c.format));
  if (Updating()) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << rendered;
    GTEST_SKIP() << "wrote " << path;
  }
  ASSERT_TRUE(fs::exists(path)) << path << " is missing; REDLINE_UPDATE_GOLDEN=1 writes it";
  EXPECT_EQ(rendered, ReadFile(path)) << "output differs from " << path
                                      << "; if the change is intended, rerun with REDLINE_UPDATE_GOLDEN=1";
}

std::vector<GoldenCase> AllCases() {
  std::vector<GoldenCase> cases;
  for (const DiffFormat format : {DiffFormat::kColor, DiffFormat::kPlain, DiffFormat::kPorcelain, DiffFormat::kJson,
                                  DiffFormat::kUnified, DiffFormat::kSideBySide, DiffFormat::kMarkdown,
                                  DiffFormat::kHtml}) {
    for (const auto& [from, to] : {std::pair{1, 2}, {2, 3}, {3, 4}, {1, 4}}) cases.push_back({format, from, to});
  }
  return cases;
}

std::string CaseName(const ::testing::TestParamInfo<GoldenCase>& info) {
  std::string name = DiffFormatName(info.param.format);
  for (char& c : name) c = c == '-' ? '_' : c;
  return name + "_" + std::to_string(info.param.from) + "_" + std::to_string(info.param.to);
}

INSTANTIATE_TEST_SUITE_P(FixtureStory, Golden, ::testing::ValuesIn(AllCases()), CaseName);

}  // namespace
}  // namespace redline
