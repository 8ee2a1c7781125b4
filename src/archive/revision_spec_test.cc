#include "archive/revision_spec.h"

#include <gtest/gtest.h>

namespace redline {
namespace {

std::vector<Revision> SyntheticLog() {
  std::vector<Revision> log(3);
  const char* commits[] = {"abcdef1000000000000000000000000000000000",
                           "abcdef2000000000000000000000000000000000",
                           "1234567000000000000000000000000000000000"};
  for (int i = 0; i < 3; ++i) {
    log[i].story = "s";
    log[i].number = i + 1;
    log[i].commit = commits[i];
    log[i].time = {1000 * (i + 1), 0};
  }
  // Out of order capture times (a backfilled revision): revision 3 was captured first.
  log[2].time = {500, 0};
  return log;
}

TEST(SelectRevision, AmbiguousPrefixIsBadInput) {
  auto selected = SelectRevision("s", SyntheticLog(), "abcdef0");
  EXPECT_EQ(selected.status().kind(), ErrorKind::kNotFound);
  selected = SelectRevision("s", SyntheticLog(), "abcdef");
  EXPECT_EQ(selected.status().kind(), ErrorKind::kBadInput);  // too short
  selected = SelectRevision("s", SyntheticLog(), "abcdef1");
  ASSERT_TRUE(selected.ok());
  EXPECT_EQ(selected->number, 1);
  selected = SelectRevision("s", SyntheticLog(), "abcdef10");
  ASSERT_TRUE(selected.ok());
  EXPECT_EQ(selected->number, 1);

  std::vector<Revision> log = SyntheticLog();
  log[1].commit = "abcdef1999999999999999999999999999999999";
  selected = SelectRevision("s", log, "abcdef1");
  ASSERT_FALSE(selected.ok());
  EXPECT_EQ(selected.status().kind(), ErrorKind::kBadInput);
  EXPECT_EQ(selected.status().message(),
            "commit id prefix 'abcdef1' is ambiguous in story 's' (revisions 1 and 2); give "
            "more digits");
  EXPECT_EQ(SelectRevision("s", log, "abcdef19")->number, 2);
}

TEST(SelectRevision, AllDigitsAreANumberFirstThenAPrefix) {
  // "1234567" is out of range as a number, so it is tried as a commit id prefix.
  auto selected = SelectRevision("s", SyntheticLog(), "1234567");
  ASSERT_TRUE(selected.ok());
  EXPECT_EQ(selected->number, 3);
  EXPECT_EQ(SelectRevision("s", SyntheticLog(), "0000002")->number, 2);  // a number
  EXPECT_EQ(SelectRevision("s", SyntheticLog(), "7654321").status().kind(),
            ErrorKind::kNotFound);
}

TEST(SelectRevision, TimeTakesTheNewestRevisionNotAfterIt) {
  const std::vector<Revision> log = SyntheticLog();
  // At 1970-01-01T00:16:40Z (1000 s) revisions 1 (1000 s) and 3 (500 s) exist; 3 is newer.
  EXPECT_EQ(SelectRevision("s", log, "1970-01-01T00:16:40Z")->number, 3);
  EXPECT_EQ(SelectRevision("s", log, "1970-01-01T00:08:20Z")->number, 3);
  EXPECT_EQ(SelectRevision("s", log, "1970-01-01T00:08:19Z").status().kind(),
            ErrorKind::kNotFound);
}

TEST(SelectRevision, EmptyLogIsNotFound) {
  EXPECT_EQ(SelectRevision("s", {}, "latest").status().kind(), ErrorKind::kNotFound);
}

}  // namespace
}  // namespace redline
