// redline report end to end: the fixture story as HTML (to a file, atomically), JSON and
// Markdown on stdout, digests over a window, and refused command lines.
#include <nlohmann/json.hpp>

#include <filesystem>

#include "e2e/e2e.h"

namespace redline::testing {
namespace {

using nlohmann::json;

class ReportTest : public ArchiveTest {
 protected:
  void SetUp() override {
    ArchiveTest::SetUp();
    RecordRevisions(4);
  }
};

TEST_F(ReportTest, HtmlGoesToTheFileAtomically) {
  const std::string out_dir = root_ / "out";
  std::filesystem::create_directory(out_dir);
  const std::string path = out_dir + "/report.html";
  WriteFileOrDie(path, "old contents");
  const ProcessResult r = InArchive({"report", kStory, "--format", "html", "-o", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const std::string html = ReadFileOrDie(path);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_NE(html.find("<svg class=\"timeline\""), std::string::npos);
  EXPECT_NE(html.find("href=\"https://harbourpost.example/news/un-xinjiang-report\""), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  // Only the report is left: no temporary file beside it.
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out_dir)) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST_F(ReportTest, JsonAndMarkdownGoToStdout) {
  const ProcessResult j = InArchive({"report", kStory, "--format", "json"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  const json parsed = json::parse(j.out);
  EXPECT_EQ(parsed["format"], "redline-report");
  ASSERT_EQ(parsed["stories"].size(), 1u);
  EXPECT_EQ(parsed["stories"][0]["revisions"].size(), 4u);
  EXPECT_EQ(parsed["stories"][0]["revisions"][3]["time"], "2022-09-02T09:00:00+08:00");

  const ProcessResult m = InArchive({"report", kStory, "--format", "markdown"});
  ASSERT_EQ(m.exit_code, 0) << m.err;
  EXPECT_EQ(m.out.rfind("# Change report\n", 0), 0u);
  EXPECT_NE(m.out.find("### Revision 4"), std::string::npos);
  EXPECT_NE(m.out.find("<https://harbourpost.example/news/un-xinjiang-report>"), std::string::npos);
}

TEST_F(ReportTest, DigestKeepsStoriesChangedInTheWindow) {
  const ProcessResult in = InArchive({"report", "--since", "2022-09-01T12:00:00Z", "--format", "json"});
  ASSERT_EQ(in.exit_code, 0) << in.err;
  const json digest = json::parse(in.out);
  EXPECT_TRUE(digest["digest"].get<bool>());
  ASSERT_EQ(digest["stories"].size(), 1u);
  EXPECT_EQ(digest["stories"][0]["revisions"].size(), 2u);  // revisions 3 and 4

  const ProcessResult out = InArchive({"report", "--until", "2022-08-01", "--format", "json"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_EQ(json::parse(out.out)["stories"].size(), 0u);
}

TEST_F(ReportTest, RefusesBadCommandLines) {
  EXPECT_EQ(InArchive({"report", kStory, "--format", "pdf"}).exit_code, 2);
  EXPECT_EQ(InArchive({"report", "--since", "yesterday", "--format", "json"}).exit_code, 3);
  EXPECT_EQ(InArchive({"report", "no-such-story", "--format", "json"}).exit_code, 3);
  const ProcessResult bad_id = InArchive({"report", "Bad/Id", "--format", "json"});
  EXPECT_EQ(bad_id.exit_code, 3);
  EXPECT_EQ(bad_id.err.rfind("redline: error: ", 0), 0u) << bad_id.err;
  const std::string missing_dir = root_ / "no-such-dir/report.html";
  const ProcessResult unwritable = InArchive({"report", kStory, "--format", "html", "-o", missing_dir});
  EXPECT_NE(unwritable.exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(missing_dir));
}

}  // namespace
}  // namespace redline::testing
