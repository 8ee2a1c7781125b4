// The JSON report validates against docs/report-schema.json with a real JSON Schema
// validator (Debian's python3-jsonschema, listed in tools/packages.txt), and holds what
// the model holds.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <sys/wait.h>

#include "report/report.h"
#include "report/test_util.h"

namespace redline::report {
namespace {

using nlohmann::json;

// Runs python3-jsonschema on `instance`; returns its exit status (0: valid) and output.
int Validate(const std::string& instance, const std::string& dir, std::string* output) {
  const std::string instance_path = dir + "/instance.json";
  std::ofstream(instance_path, std::ios::binary) << instance;
  const std::string command =
      "/usr/bin/python3 -c '"
      "import json, sys, jsonschema\n"
      "schema = json.load(open(sys.argv[1]))\n"
      "jsonschema.Draft202012Validator.check_schema(schema)\n"
      "errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))\n"
      "for e in errors: print(list(e.absolute_path), e.message)\n"
      "sys.exit(1 if errors else 0)' '" +
      test::SourcePath("docs/report-schema.json") + "' '" + instance_path + "' 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), pipe)) > 0) output->append(buffer, n);
  const int status = ::pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class JsonReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::system("/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) {
      FAIL() << "python3-jsonschema is missing (tools/install-deps installs tools/packages.txt)";
    }
    auto archive = Archive::Init(tmp_ / "archive");
    ASSERT_OK(archive);
    archive_ = std::make_unique<Archive>(std::move(*archive));
  }
  redline::test::TempDir tmp_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(JsonReportTest, FixtureStoryAndDigestValidate) {
  ASSERT_OK(test::RecordFixtureStory(*archive_));
  ASSERT_OK(test::RecordText(*archive_, "other", "", "# Other\n\nA \"quote\" and 3 cats.\n", "2022-09-03T00:00:00Z",
                             "javascript:alert(1)"));
  ASSERT_OK(test::RecordText(*archive_, "other", "# Other\n\nA \"quote\" and 3 cats.\n",
                             "# Other\n\nA \"changed quote\" and 4 cats.\n", "2022-09-04T00:00:00Z", ""));
  for (const bool digest : {true, false}) {
    ReportOptions options;
    if (!digest) options.stories = {test::kStory};
    auto report = BuildReport(*archive_, options);
    ASSERT_OK(report);
    const std::string text = RenderJson(*report);
    std::string output;
    EXPECT_EQ(Validate(text, tmp_.path(), &output), 0) << output;
    const json parsed = json::parse(text);
    EXPECT_EQ(parsed["digest"], digest);
    EXPECT_EQ(parsed["stories"].size(), digest ? 2u : 1u);
  }
}

TEST_F(JsonReportTest, ValidatorRejectsAWrongReport) {
  ASSERT_OK(test::RecordFixtureStory(*archive_));
  auto report = BuildReport(*archive_, {});
  ASSERT_OK(report);
  json broken = json::parse(RenderJson(*report));
  broken["stories"][0]["revisions"][1]["sentences"][0]["label"] = "rewritten";
  broken["stories"][0].erase("headlines");
  std::string output;
  EXPECT_EQ(Validate(broken.dump(), tmp_.path(), &output), 1) << output;
  EXPECT_NE(output.find("rewritten"), std::string::npos) << output;
}

TEST_F(JsonReportTest, HoldsSentenceOperationsAndWordChanges) {
  ASSERT_OK(test::RecordFixtureStory(*archive_));
  auto report = BuildReport(*archive_, {});
  ASSERT_OK(report);
  const json parsed = json::parse(RenderJson(*report));
  const json& revisions = parsed["stories"][0]["revisions"];
  ASSERT_EQ(revisions.size(), 4u);
  EXPECT_TRUE(revisions[0]["summary"].is_null());
  EXPECT_TRUE(revisions[3]["headline_changed"].get<bool>());
  EXPECT_TRUE(revisions[3]["summary"]["headline_changed"].get<bool>());
  std::size_t inserted = 0;
  for (const json& change : revisions[2]["word_changes"]) {
    if (change["op"] == "insert") ++inserted;
  }
  EXPECT_GT(inserted, 0u);
  bool edited = false;
  for (const json& s : revisions[2]["sentences"]) {
    if (s["label"] == "edited" && s["old"].is_string() && s["new"].is_string() && s["old"] != s["new"]) edited = true;
  }
  EXPECT_TRUE(edited);
}

}  // namespace
}  // namespace redline::report
