// The doctor's checks that need no archive: ownership against a given user, and programs
// found (and run) on a PATH made for the test.
#include "record/doctor.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>

#include "archive/test_util.h"

namespace redline::record {
namespace {

TEST(DoctorTest, AnArchiveOwnedByAnotherUserIsAnErrorThatNamesSafeDirectory) {
  const Finding refused = CheckOwnership("/srv/news", 1000, 1001, /*opens=*/false);
  EXPECT_EQ(refused.health, Health::kError);
  EXPECT_EQ(refused.topic, "ownership");
  EXPECT_NE(refused.message.find("uid 1000"), std::string::npos) << refused.message;
  EXPECT_NE(refused.message.find("detected dubious ownership in repository at '/srv/news'"), std::string::npos)
      << refused.message;
  EXPECT_NE(refused.message.find("git config --global --add safe.directory /srv/news"), std::string::npos)
      << refused.message;

  EXPECT_EQ(CheckOwnership("/srv/news", 1000, 1001, /*opens=*/true).health, Health::kWarning);
  EXPECT_EQ(CheckOwnership("/srv/news", 1000, 1000, /*opens=*/false).health, Health::kOk);
}

TEST(DoctorTest, ProgramsAreFoundOnThePathGivenAndGitIsRunForItsVersion) {
  test::TempDir bin;
  test::WriteFile(bin / "git", "#!/bin/sh\necho 'git version 9.8.7'\n");
  ASSERT_EQ(::chmod((bin / "git").c_str(), 0755), 0);
  test::WriteFile(bin / "chromium", "#!/bin/sh\n");
  ASSERT_EQ(::chmod((bin / "chromium").c_str(), 0755), 0);

  const std::vector<Finding> found = CheckEnvironment({bin.path(), "most -s"});
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].health, Health::kOk);
  EXPECT_EQ(found[0].message, "git version 9.8.7 (" + (bin / "git") + ")");
  EXPECT_EQ(found[1].health, Health::kWarning);  // no `most` on this PATH
  EXPECT_NE(found[1].message.find("'most'"), std::string::npos) << found[1].message;
  EXPECT_EQ(found[2].health, Health::kOk);
  EXPECT_EQ(found[2].message, "chromium (" + (bin / "chromium") + ")");
  EXPECT_EQ(found[3].topic, "libcurl");
  EXPECT_EQ(found[3].health, Health::kOk) << found[3].message;  // Debian's libcurl speaks HTTPS

  test::TempDir empty;
  const std::vector<Finding> missing = CheckEnvironment({empty.path(), ""});
  EXPECT_EQ(missing[0].health, Health::kWarning);
  EXPECT_NE(missing[0].message.find("not found on PATH"), std::string::npos) << missing[0].message;
  EXPECT_EQ(missing[1].message, "none (output is never paged)");
  EXPECT_EQ(missing[2].health, Health::kWarning);
  EXPECT_NE(missing[2].message.find("no chromium on PATH"), std::string::npos);
}

TEST(DoctorTest, OutsideAnArchiveOnlyTheEnvironmentIsChecked) {
  test::TempDir dir;
  EXPECT_EQ(FindArchiveCandidate(dir.path()), "");
  const std::vector<Finding> findings = CheckArchive({"", false, 0});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].health, Health::kOk);
  EXPECT_NE(findings[0].message.find("only the environment was checked"), std::string::npos);
}

}  // namespace
}  // namespace redline::record
