// Issue 24's property: a page's canonical text does not change when its site renames every
// class and id (a deploy with CSS modules or styled-components does), swaps <div> and
// <section>, wraps its boxes in more divs, or serves AMP's media elements: over the fixture
// story, every test page of fixtures/extraction and the 181 benchmark pages when present.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <map>
#include <regex>
#include <set>
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

// What a template does to one tag: text put before it, its new name, text put after it.
struct TagEdit {
  std::string before;
  std::string name;
  std::string after;
};

// Rewrites every start and end tag of `html` with `edit(name, closing)`; all else is kept.
std::string RewriteTags(const std::string& html, const std::function<TagEdit(const std::string&, bool)>& edit) {
  std::string out;
  std::size_t pos = 0;
  while (pos < html.size()) {
    const std::size_t open = html.find('<', pos);
    if (open == std::string::npos) break;
    const bool closing = open + 1 < html.size() && html[open + 1] == '/';
    std::size_t name_end = open + 1 + (closing ? 1 : 0);
    const std::size_t name_start = name_end;
    while (name_end < html.size() && (std::isalnum(static_cast<unsigned char>(html[name_end])) || html[name_end] == '-')) {
      ++name_end;
    }
    const std::size_t close = html.find('>', name_end);
    if (name_end == name_start || close == std::string::npos) {
      out.append(html, pos, open + 1 - pos);
      pos = open + 1;
      continue;
    }
    std::string name = html.substr(name_start, name_end - name_start);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    const TagEdit e = edit(name, closing);
    out.append(html, pos, open - pos);
    out += e.before + (closing ? "</" : "<") + e.name;
    out.append(html, name_end, close + 1 - name_end);
    out += e.after;
    pos = close + 1;
  }
  out.append(html, std::min(pos, html.size()));
  return out;
}

// A redesign's markup: every div a section and every section a div.
std::string SwappedBoxes(const std::string& html) {
  return RewriteTags(html, [](const std::string& name, bool) {
    return TagEdit{"", name == "div" ? "section" : name == "section" ? "div" : name, ""};
  });
}

// Another wrapper div around every box, list, table, figure, quotation and subheading.
std::string Wrapped(const std::string& html) {
  static const std::set<std::string> kWrapped = {"div", "section", "ul", "ol", "figure", "blockquote", "h2", "table"};
  return RewriteTags(html, [](const std::string& name, bool closing) {
    if (kWrapped.count(name) == 0) return TagEdit{"", name, ""};
    return closing ? TagEdit{"", name, "</div>"} : TagEdit{"<div class=\"wrap\">", name, ""};
  });
}

// An AMP page's media: amp-img (closed, as AMP writes it), amp-iframe, amp-video, amp-audio.
std::string AmpMedia(const std::string& html) {
  return RewriteTags(html, [](const std::string& name, bool closing) {
    if (name == "img") return TagEdit{"", "amp-img", closing ? "" : "</amp-img>"};
    if (name == "iframe" || name == "video" || name == "audio") return TagEdit{"", "amp-" + name, ""};
    return TagEdit{"", name, ""};
  });
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

// The project's own pages: the fixture story's revisions and fixtures/extraction.
std::vector<std::pair<std::string, std::string>> OwnPages() {
  const std::string root = REDLINE_SOURCE_DIR;
  std::vector<std::pair<std::string, std::string>> pages;
  for (int rev = 1; rev <= 4; ++rev) {
    const std::string name = "fixtures/stories/un-xinjiang-report/rev-" + std::to_string(rev) + ".html";
    pages.emplace_back(name, testing::ReadFile(root + "/" + name));
  }
  for (const auto& entry : fs::directory_iterator(root + "/fixtures/extraction")) {
    if (entry.path().extension() == ".html") pages.emplace_back(entry.path().string(), testing::ReadFile(entry.path().string()));
  }
  return pages;
}

TEST(TemplateChange, RedesignsAreHonest) {
  const std::string page = R"(<section><div class="a"><p>Words.<img src="x.jpg"></div></section><ul><li>Item</ul>)";
  EXPECT_EQ(SwappedBoxes(page), R"(<div><section class="a"><p>Words.<img src="x.jpg"></section></div><ul><li>Item</ul>)");
  EXPECT_EQ(Wrapped(page), R"(<div class="wrap"><section><div class="wrap"><div class="a"><p>Words.<img src="x.jpg"></div></div>)"
                           R"(</section></div><div class="wrap"><ul><li>Item</ul></div>)");
  EXPECT_EQ(AmpMedia(page), R"(<section><div class="a"><p>Words.<amp-img src="x.jpg"></amp-img></div></section><ul><li>Item</ul>)");
}

TEST(TemplateChange, RenamedClassesAndIdsGiveTheSameText) {
  std::vector<std::pair<std::string, std::string>> pages = OwnPages();
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

// A redesign swaps div and section and serves AMP's media elements: every page, the
// benchmark's too, gives the same text. Wrapping every box in another div: the project's
// own pages (the benchmark's figure, with wrappers placed at random as a redesign does, is
// tools/scramble-templates' "wrappers" row in docs/normalization.md).
TEST(TemplateChange, SwappedBoxesWrappersAndAmpMediaGiveTheSameText) {
  std::vector<std::pair<std::string, std::string>> pages = OwnPages();
  const std::size_t own = pages.size();
  const auto benchmark = testing::BenchmarkPages(kAllBenchmarkPages);
  if (benchmark.empty()) {
    std::printf("benchmark pages absent (../shared): checked the project's own %zu pages only\n", pages.size());
  }
  pages.insert(pages.end(), benchmark.begin(), benchmark.end());
  int differing = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const auto& [name, html] = pages[i];
    const std::string before = Canonical(html);
    std::vector<std::pair<const char*, std::string>> variants = {{"swapped", SwappedBoxes(html)},
                                                                  {"amp", AmpMedia(html)}};
    if (i < own) variants.emplace_back("wrapped", Wrapped(html));
    for (const auto& [kind, variant] : variants) {
      if (Canonical(variant) != before) {
        ++differing;
        ADD_FAILURE() << name << " changes in its " << kind << " rendering";
      }
    }
  }
  EXPECT_EQ(differing, 0);
}

}  // namespace
}  // namespace redline
