// Commands that need no archive: normalize and diff-files.
#include <nlohmann/json.hpp>

#include "e2e/e2e.h"

namespace redline::testing {
namespace {

using nlohmann::json;

std::string Expected(int n) {
  return ReadFileOrDie(FixturePath("stories/un-xinjiang-report/rev-" + std::to_string(n) + ".expected.txt"));
}

TEST(Normalize, FixturePagesGiveTheirCanonicalText) {
  for (int i = 1; i <= 4; ++i) {
    const ProcessResult r = RunCommand({REDLINE_BINARY, "normalize", StoryRevisionPath(i)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, Expected(i)) << "revision " << i;
  }
  const ProcessResult text = RunCommand({REDLINE_BINARY, "normalize", FixturePath("text/un-xinjiang-report-article.txt")});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out, ReadFileOrDie(FixturePath("text/un-xinjiang-report-article.expected.txt")));
}

TEST(Normalize, JsonHasTheContractFields) {
  const ProcessResult r = RunCommand({REDLINE_BINARY, "normalize", "--json", StoryRevisionPath(4)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json fields = json::parse(r.out);
  for (const char* key : {"title", "byline", "published", "body", "text"}) {
    EXPECT_TRUE(fields.contains(key)) << key;
  }
  EXPECT_EQ(fields["text"], Expected(4));
  const std::string title = fields["title"];
  EXPECT_EQ(Expected(4).rfind("# " + title + "\n\n", 0), 0u) << title;
  EXPECT_FALSE(fields["published"].get<std::string>().empty());
  // body is the text without the headline and byline blocks, and no final newline.
  const std::string body = fields["body"];
  EXPECT_NE(Expected(4).find(body), std::string::npos);
  EXPECT_EQ(body.find("# "), std::string::npos);
  EXPECT_NE(body.back(), '\n');
}

TEST(Normalize, ReadsStandardInputAndHonoursFrom) {
  ProcessOptions options;
  options.stdin_data = "<p>Not <b>a</b> page</p>";
  const ProcessResult as_text = RunCommand({REDLINE_BINARY, "normalize", "--from", "text", "-"}, options);
  ASSERT_EQ(as_text.exit_code, 0) << as_text.err;
  EXPECT_NE(as_text.out.find("<b>"), std::string::npos) << as_text.out;
  const ProcessResult as_html = RunCommand({REDLINE_BINARY, "normalize", "--from", "html"}, options);
  ASSERT_EQ(as_html.exit_code, 0) << as_html.err;
  EXPECT_EQ(as_html.out.find("<b>"), std::string::npos) << as_html.out;
  EXPECT_NE(as_html.out.find("Not a page"), std::string::npos) << as_html.out;
}

TEST(DiffFiles, NormalizesBothSidesFirst) {
  const ProcessResult r = RunCommand({REDLINE_BINARY, "diff-files", StoryRevisionPath(2), StoryRevisionPath(3), "--format", "plain"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("[-Bachlet\u2019s-]{+Bachelet\u2019s+}"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Advertisement"), std::string::npos);
  EXPECT_EQ(RunCommand({REDLINE_BINARY, "diff-files", StoryRevisionPath(2), StoryRevisionPath(2), "--exit-code"}).exit_code, 0);
  EXPECT_EQ(RunCommand({REDLINE_BINARY, "diff-files", StoryRevisionPath(2), StoryRevisionPath(3), "--exit-code"}).exit_code, 1);
}

TEST(DiffFiles, NoNormalizeComparesRawText) {
  TempDir dir;
  WriteFileOrDie(dir / "a.txt", "The toll rose to 1,000 people.\n");
  WriteFileOrDie(dir / "b.txt", "The toll rose to 1,200 people.\n");
  const ProcessResult r = RunCommand({REDLINE_BINARY, "diff-files", "--no-normalize", dir / "a.txt", dir / "b.txt", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json diff = json::parse(r.out);
  EXPECT_EQ(diff["stats"]["added_words"], 1);
  EXPECT_EQ(diff["stats"]["removed_words"], 1);
  const ProcessResult plain = RunCommand({REDLINE_BINARY, "diff-files", "--no-normalize", dir / "a.txt", dir / "b.txt", "--format", "plain"});
  EXPECT_NE(plain.out.find("[-1,000-]{+1,200+}"), std::string::npos) << plain.out;
}

TEST(DiffFiles, MissingFileIsBadInput) {
  TempDir dir;
  const ProcessResult r = RunCommand({REDLINE_BINARY, "diff-files", dir / "nope.html", StoryRevisionPath(1)});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err.rfind("redline: error: ", 0), 0u);
}

}  // namespace
}  // namespace redline::testing
