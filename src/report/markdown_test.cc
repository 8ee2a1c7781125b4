// The Markdown report: page text cannot open raw HTML, links or emphasis; only http(s)
// sources become links.
#include <string>

#include "report/report.h"
#include "report/test_util.h"

namespace redline::report {
namespace {

// '<' not escaped with a backslash and not opening an http(s) autolink.
bool HasRawAngle(const std::string& markdown) {
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    if (markdown[i] != '<') continue;
    if (i > 0 && markdown[i - 1] == '\\') continue;
    if (markdown.compare(i + 1, 8, "https://") == 0 || markdown.compare(i + 1, 7, "http://") == 0) continue;
    return true;
  }
  return false;
}

// `token` somewhere without a backslash escaping its first character.
bool HasUnescaped(const std::string& markdown, const std::string& token) {
  for (std::size_t at = markdown.find(token); at != std::string::npos; at = markdown.find(token, at + 1)) {
    if (at == 0 || markdown[at - 1] != '\\') return true;
  }
  return false;
}

TEST(MarkdownReport, HostileTextComesOutInert) {
  redline::test::TempDir tmp;
  auto archive = Archive::Init(tmp / "archive");
  ASSERT_OK(archive);
  const std::string old_text = "# Calm\n\nA first paragraph.\n";
  const std::string new_text =
      "# <script>alert(1)</script> [x](javascript:alert(2))\n\n"
      "A first paragraph with \"><img src=x onerror=alert(1)> inside.\n\n"
      "[more](javascript:alert(3)) and ![i](https://evil.example/i.png) and *bold*\n";
  ASSERT_OK(test::RecordText(*archive, "hostile", "", old_text, "2022-01-01T00:00:00Z", "javascript:alert(4)"));
  ASSERT_OK(test::RecordText(*archive, "hostile", old_text, new_text, "2022-01-02T00:00:00Z",
                             "https://ok.example/a> <javascript:x"));
  auto report = BuildReport(*archive, {});
  ASSERT_OK(report);
  const std::string markdown = RenderMarkdown(*report);
  EXPECT_FALSE(HasRawAngle(markdown)) << markdown;
  EXPECT_FALSE(HasUnescaped(markdown, "](")) << markdown;  // no link or image can form
  EXPECT_FALSE(HasUnescaped(markdown, "![")) << markdown;
  EXPECT_NE(markdown.find("javascript:alert\\(4\\)"), std::string::npos) << markdown;  // shown as text
}

TEST(MarkdownReport, FixtureStoryLinksItsSource) {
  redline::test::TempDir tmp;
  auto archive = Archive::Init(tmp / "archive");
  ASSERT_OK(archive);
  ASSERT_OK(test::RecordFixtureStory(*archive));
  auto report = BuildReport(*archive, {});
  ASSERT_OK(report);
  const std::string markdown = RenderMarkdown(*report);
  EXPECT_NE(markdown.find("<" + test::kSourceUrl + ">"), std::string::npos);
  EXPECT_NE(markdown.find("~~"), std::string::npos);
  EXPECT_NE(markdown.find("**"), std::string::npos);
}

}  // namespace
}  // namespace redline::report
