// The HTML report: well-formed (gumbo re-parses it without errors), self-contained, and
// inert whatever the page text holds.
#include <gumbo.h>

#include <memory>
#include <string>

#include "report/report.h"
#include "report/safe_link.h"
#include "report/test_util.h"

namespace redline::report {
namespace {

using GumboPtr = std::unique_ptr<GumboOutput, void (*)(GumboOutput*)>;

GumboPtr Parse(const std::string& html) {
  return GumboPtr(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()),
                  [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
}

// GumboError is not part of gumbo's installed headers, so errors are only counted; the
// page is dumped to help find them.
std::string ErrorsOf(const GumboOutput& output, const std::string& html) {
  return std::to_string(output.errors.length) + " parse errors in:\n" + html;
}

// Every element: tag and attributes checked; collects failures into `problems`.
void CheckInert(const GumboNode* node, std::string* problems, int* links) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& e = node->v.element;
  if (e.tag == GUMBO_TAG_SCRIPT || e.tag == GUMBO_TAG_IFRAME || e.tag == GUMBO_TAG_OBJECT ||
      e.tag == GUMBO_TAG_EMBED || e.tag == GUMBO_TAG_IMG || e.tag == GUMBO_TAG_BASE || e.tag == GUMBO_TAG_FORM) {
    *problems += std::string("element <") + gumbo_normalized_tagname(e.tag) + ">\n";
  }
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    const std::string name = a->name, value = a->value;
    if (name.rfind("on", 0) == 0) *problems += "event handler " + name + "\n";
    if (name == "src" || name == "srcset" || name == "action" || name == "formaction") {
      *problems += "fetching attribute " + name + "\n";
    }
    if (name == "href" || name == "xlink:href") {
      ++*links;
      if (!(value.rfind('#', 0) == 0 || IsWebLink(value))) *problems += "link to " + value + "\n";
    }
  }
  for (unsigned i = 0; i < e.children.length; ++i) {
    CheckInert(static_cast<const GumboNode*>(e.children.data[i]), problems, links);
  }
}

class HtmlReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto archive = Archive::Init(tmp_ / "archive");
    ASSERT_OK(archive);
    archive_ = std::make_unique<Archive>(std::move(*archive));
  }
  std::string Html(const ReportOptions& options) {
    auto report = BuildReport(*archive_, options);
    EXPECT_TRUE(report.ok()) << report.status().message();
    return report.ok() ? RenderHtml(*report) : "";
  }
  redline::test::TempDir tmp_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(HtmlReportTest, FixtureStoryReparsesWithoutErrors) {
  ASSERT_OK(test::RecordFixtureStory(*archive_));
  const std::string html = Html({});
  const GumboPtr output = Parse(html);
  EXPECT_EQ(output->errors.length, 0u) << ErrorsOf(*output, html);
  std::string problems;
  int links = 0;
  CheckInert(output->root, &problems, &links);
  EXPECT_EQ(problems, "");
  EXPECT_GT(links, 0);
  EXPECT_NE(html.find("<svg class=\"timeline\""), std::string::npos);
  EXPECT_NE(html.find("<ins>"), std::string::npos);
  EXPECT_NE(html.find("<del>"), std::string::npos);
  EXPECT_NE(html.find("href=\"" + test::kSourceUrl + "\""), std::string::npos);
  EXPECT_NE(html.find("class=\"tl-headline\""), std::string::npos);  // revision 4 changed it
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("prefers-color-scheme:dark"), std::string::npos);
  EXPECT_NE(html.find("script-src 'none'"), std::string::npos);
}

TEST_F(HtmlReportTest, HostilePageTextComesOutInert) {
  const std::string old_text = "# Calm <b>headline</b>\n\nA first paragraph.\n";
  const std::string new_text =
      "# <script>alert(1)</script> headline\n\n"
      "A first paragraph with \"><img src=x onerror=alert(1)> inside.\n\n"
      "<a href=\"javascript:alert(2)\">click</a> and [more](javascript:alert(3)) and <iframe src=//evil.example>\n";
  ASSERT_OK(test::RecordText(*archive_, "hostile", "", old_text, "2022-01-01T00:00:00Z", "javascript:alert(4)"));
  ASSERT_OK(test::RecordText(*archive_, "hostile", old_text, new_text, "2022-01-02T00:00:00Z",
                             "https://ok.example/a\"><script>"));
  ASSERT_OK(test::RecordText(*archive_, "hostile", new_text, old_text, "2022-01-03T00:00:00Z",
                             "HTTPS://ok.example/a?b=1&c=<2>"));
  const std::string html = Html({});
  const GumboPtr output = Parse(html);
  EXPECT_EQ(output->errors.length, 0u) << ErrorsOf(*output, html);
  std::string problems;
  int links = 0;
  CheckInert(output->root, &problems, &links);
  EXPECT_EQ(problems, "");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<iframe"), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
  // The text is still there, shown as text.
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("javascript:alert(4)"), std::string::npos);
}

TEST_F(HtmlReportTest, EmptyDigestIsAValidPage) {
  const std::string html = Html({});
  const GumboPtr output = Parse(html);
  EXPECT_EQ(output->errors.length, 0u) << ErrorsOf(*output, html);
  EXPECT_NE(html.find("No story changed"), std::string::npos);
}

TEST(SafeLink, OnlyHttpAndHttpsWithAHostAreLinks) {
  EXPECT_TRUE(IsWebLink("https://a.example/x?y=1"));
  EXPECT_TRUE(IsWebLink("HTTP://a.example"));
  EXPECT_FALSE(IsWebLink("javascript:alert(1)"));
  EXPECT_FALSE(IsWebLink(" https://a.example"));
  EXPECT_FALSE(IsWebLink("https:///path"));
  EXPECT_FALSE(IsWebLink("https://a.example/\"onmouseover=x"));
  EXPECT_FALSE(IsWebLink("data:text/html,<script>"));
  EXPECT_FALSE(IsWebLink("//a.example"));
  EXPECT_FALSE(IsWebLink(""));
}

TEST(SafeLink, EscapeHtmlEscapesMarkupAndControls) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(EscapeHtml("a\x1b[31mb"), "a\xEF\xBF\xBD[31mb");
}

}  // namespace
}  // namespace redline::report
