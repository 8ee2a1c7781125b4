// Archive::Resolve against a real archive: every REV form and its errors.
#include <gtest/gtest.h>

#include <vector>

#include <optional>

#include "archive/test_util.h"
#include "redline/archive.h"

namespace redline {
namespace {

class ResolveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto archive = Archive::Init(tmp_ / "archive");
    ASSERT_OK(archive);
    archive_.emplace(std::move(archive).value());
    // Revisions at 10:00Z, 11:00Z and 12:00Z on 2022-09-01, the last given in +02:00.
    for (int i = 0; i < 3; ++i) {
      NewRevision revision;
      revision.story = "story";
      revision.text = "# T\n\nversion " + std::to_string(i + 1) + "\n";
      revision.raw = revision.text;
      revision.raw_extension = "txt";
      revision.headline = "T";
      revision.captured_at = {1662026400 + i * 3600, i == 2 ? 120 : 0};
      auto recorded = archive_->Record(revision);
      ASSERT_OK(recorded);
      commits_.push_back(recorded->commit);
    }
  }

  // The revision number `spec` resolves to, or -1 with `*status` set.
  int NumberOf(const std::string& spec, Status* status = nullptr) {
    auto resolved = archive_->Resolve("story", spec);
    if (status) *status = resolved.status();
    return resolved.ok() ? resolved->number : -1;
  }

  test::TempDir tmp_;
  std::optional<Archive> archive_;
  std::vector<std::string> commits_;
};

TEST_F(ResolveTest, NumbersLatestAndBackwards) {
  EXPECT_EQ(NumberOf("1"), 1);
  EXPECT_EQ(NumberOf("3"), 3);
  EXPECT_EQ(NumberOf("03"), 3);
  EXPECT_EQ(NumberOf("latest"), 3);
  EXPECT_EQ(NumberOf("~0"), 3);
  EXPECT_EQ(NumberOf("~2"), 1);
  auto resolved = archive_->Resolve("story", "2");
  ASSERT_OK(resolved);
  EXPECT_EQ(resolved->commit, commits_[1]);
  auto text = archive_->ReadText(*resolved);
  ASSERT_OK(text);
  EXPECT_EQ(*text, "# T\n\nversion 2\n");
}

TEST_F(ResolveTest, OutOfRangeIsNotFound) {
  for (const std::string& spec : std::vector<std::string>{"0", "4", "~3", "99999999999999999999999"}) {
    Status status;
    EXPECT_EQ(NumberOf(spec, &status), -1) << spec;
    EXPECT_EQ(status.kind(), ErrorKind::kNotFound) << spec;
    EXPECT_EQ(status.message(), "story 'story' has no revision " + spec + " (it has 3)");
  }
}

TEST_F(ResolveTest, CommitIdPrefixes) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(NumberOf(commits_[i].substr(0, 7)), i + 1);
    EXPECT_EQ(NumberOf(commits_[i]), i + 1);
  }
  std::string upper = commits_[1].substr(0, 12);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(NumberOf(upper), 2);

  // A prefix that is not one of this story's revisions (the init commit is on main).
  Status status;
  const std::string init_commit =
      test::Git(archive_->path(), "rev-list --max-parents=0 main").substr(0, 10);
  EXPECT_EQ(NumberOf(init_commit, &status), -1);
  EXPECT_EQ(status.kind(), ErrorKind::kNotFound);
  EXPECT_EQ(status.message(), "story 'story' has no revision " + init_commit + " (it has 3)");

}

TEST_F(ResolveTest, TimesPickTheRevisionCurrentThen) {
  EXPECT_EQ(NumberOf("2022-09-01T10:00:00Z"), 1);
  EXPECT_EQ(NumberOf("2022-09-01T10:59:59Z"), 1);
  EXPECT_EQ(NumberOf("2022-09-01T13:00+02:00"), 2);  // 11:00Z
  EXPECT_EQ(NumberOf("2022-09-01 11:30"), 2);
  EXPECT_EQ(NumberOf("2022-09-01T12:00:00Z"), 3);
  EXPECT_EQ(NumberOf("2022-09-02"), 3);
  EXPECT_EQ(NumberOf("2030-01-01T00:00:00.5Z"), 3);

  Status status;
  EXPECT_EQ(NumberOf("2022-09-01", &status), -1);
  EXPECT_EQ(status.kind(), ErrorKind::kNotFound);
  EXPECT_EQ(status.message(),
            "story 'story' has no revision at 2022-09-01 (its earliest is from "
            "2022-09-01T10:00:00Z)");
  EXPECT_EQ(NumberOf("2022-09-01T09:59:59Z", &status), -1);
  EXPECT_EQ(status.kind(), ErrorKind::kNotFound);
}

TEST_F(ResolveTest, MalformedSpecsAreBadInput) {
  for (const std::string& spec : std::vector<std::string>{
           "", "first", "head", "~", "~x", "-1", "1.5", "abc", "abcdef", "2022-13-01", "2022-09-01T25:00",
        "latest ", "~-1", "0123456789abcdef0123456789abcdef012345678"}) {
    Status status;
    EXPECT_EQ(NumberOf(spec, &status), -1) << spec;
    EXPECT_EQ(status.kind(), ErrorKind::kBadInput) << spec;
    EXPECT_EQ(status.message(),
              "invalid revision '" + spec + "' (use N, latest, ~K, a commit id or a time)");
  }
}

TEST_F(ResolveTest, BadStoryIdIsBadInput) {
  EXPECT_EQ(archive_->Resolve("No Such", "1").status().kind(), ErrorKind::kBadInput);
  EXPECT_EQ(archive_->Resolve("other", "1").status().kind(), ErrorKind::kNotFound);
}

}  // namespace
}  // namespace redline
