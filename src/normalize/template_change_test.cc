// Issue 24's property: a page's canonical text does not change when its site renames every
// class and id (a deploy with CSS modules or styled-components does), over the fixture
// story, every test page of fixtures/extraction and the 181 benchmark pages when present.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "normalize/page_variants.h"
#include "normalize/test_util.h"
#include "redline/normalize.h"

namespace redline {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kAllBenchmarkPages = 181;

// Every class and id value renamed the way a hashing CSS toolchain does: each name becomes
// a meaningless one ("sc-1a2b3c"), the same name the same new name throughout the page.
std::string Renamed(const std::string& html) {
  static const std::regex kAttribute(R"re(\s(class|id)\s*=\s*("([^"]*)"|'([^']*)'))re", std::regex::icase);
  std::map<std::string, std::string> names;
  const auto rename = [&](const std::string& name) {
    if (name.starts_with("__")) return name;  // a framework's data script (__NEXT_DATA__), not a style
    auto [it, added] = names.try_emplace(name);
    if (added) it->second = "sc-" + std::to_string(std::hash<std::string>{}(name + "salt") % 1000003);
    return it->second;
  };
  std::string out;
  std::size_t copied = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kAttribute); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    const std::string value = m[3].matched ? m[3].str() : m[4].str();
    std::string renamed;
    std::size_t start = 0;
    while (start < value.size()) {
      const std::size_t end = std::min(value.find(' ', start), value.size());
      if (end > start) renamed += (renamed.empty() ? "" : " ") + rename(value.substr(start, end - start));
      start = end + 1;
    }
    out.append(html, copied, static_cast<std::size_t>(m.position(0)) - copied);
    out += " " + m[1].str() + "=\"" + renamed + "\"";
    copied = static_cast<std::size_t>(m.position(0) + m.length(0));
  }
  out.append(html, copied);
  return out;
}

std::string Canonical(const std::string& html) {
  const Result<Document> doc = Normalize(html, testing::OptionsFrom(InputFormat::kHtml));
  return doc.ok() ? CanonicalText(*doc) : "error: " + doc.status().message();
}

TEST(TemplateChange, RenamingIsHonest) {
  const std::string page = R"(<div class="story-body" id="main"><p class='lede first'>Words.</p></div>)";
  const std::string renamed = Renamed(page);
  EXPECT_EQ(renamed.find("story"), std::string::npos) << renamed;
  EXPECT_EQ(renamed.find("lede"), std::string::npos) << renamed;
  EXPECT_NE(renamed.find("Words."), std::string::npos);
}

TEST(TemplateChange, RenamedClassesAndIdsGiveTheSameText) {
  const std::string root = REDLINE_SOURCE_DIR;
  std::vector<std::pair<std::string, std::string>> pages;
  for (int rev = 1; rev <= 4; ++rev) {
    const std::string name = "fixtures/stories/un-xinjiang-report/rev-" + std::to_string(rev) + ".html";
    pages.emplace_back(name, testing::ReadFile(root + "/" + name));
  }
  for (const auto& entry : fs::directory_iterator(root + "/fixtures/extraction")) {
    if (entry.path().extension() == ".html") pages.emplace_back(entry.path().string(), testing::ReadFile(entry.path().string()));
  }
  const auto benchmark = testing::BenchmarkPages(kAllBenchmarkPages);
  if (benchmark.empty()) {
    std::printf("benchmark pages absent (../shared): checked the project's own %zu pages only\n", pages.size());
  }
  pages.insert(pages.end(), benchmark.begin(), benchmark.end());
  int differing = 0;
  for (const auto& [name, html] : pages) {
    const std::string before = Canonical(html);
    const std::string after = Canonical(Renamed(html));
    if (before != after) {
      ++differing;
      ADD_FAILURE() << name << " changes when its classes and ids are renamed";
    }
  }
  EXPECT_EQ(differing, 0);
}

}  // namespace
}  // namespace redline
