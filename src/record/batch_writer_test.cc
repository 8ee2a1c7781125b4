// RecordSnapshots against real archives: the history it writes must be the one recording
// the same snapshots one at a time writes, checked with the real git binary.
#include "record/batch_writer.h"

#include <git2.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "archive/test_util.h"
#include "record/snapshot.h"
#include "redline/diff.h"

namespace redline::record {
namespace {

constexpr std::int64_t kStart = 1'700'000'000;

std::string Paragraphs(const std::string& headline, const std::vector<std::string>& paragraphs) {
  std::string text = headline + "\n\n";
  for (const std::string& p : paragraphs) text += p + "\n\n";
  return text;
}

const std::string kLead = "The council voted on Tuesday to approve the new budget after a long debate about roads.";
const std::string kLeadEdited = "The council voted on Tuesday night to approve the budget after a long debate about roads.";
const std::string kSecond = "Opponents said the plan would raise taxes for families across the region this year.";
const std::string kThird = "The mayor, Ana Silva, said the vote was a victory for every school in the city.";

struct Step {
  std::string story;
  std::string text;
};

// Revisions of three stories, interleaved as a tracker sees them: edits, an unchanged
// snapshot, a paragraph moved, a flip-flop back to an earlier text, a new story late.
std::vector<Step> Steps() {
  const std::string a1 = Paragraphs("Council passes budget", {kLead, kSecond});
  const std::string a2 = Paragraphs("Council passes budget", {kLeadEdited, kSecond, kThird});
  const std::string b1 = Paragraphs("Storm closes schools", {kSecond, kThird});
  const std::string b2 = Paragraphs("Storm closes schools", {kThird, kSecond});
  const std::string c1 = Paragraphs("Mayor speaks", {kThird});
  return {{"council", a1}, {"storm", b1}, {"council", a2}, {"storm", b1}, {"storm", b2},
          {"council", a1}, {"mayor", c1}, {"council", a2}, {"storm", b2}, {"mayor", c1 + "Updated.\n"}};
}

SnapshotRequest RequestAt(const std::string& story, std::size_t i) {
  return {story, "https://example.com/" + story, {kStart + static_cast<std::int64_t>(i) * 60, 0}, {}};
}

class SnapshotBatchTest : public ::testing::Test {
 protected:
  void SetUp() override { git_libgit2_init(); }
  void TearDown() override {
    for (const std::string& dir : dirs_) {
      const test::CommandResult fsck = test::RunShell("git -C '" + dir + "' fsck --strict --no-progress");
      EXPECT_EQ(fsck.exit_code, 0) << fsck.output;
      EXPECT_EQ(test::ArchiveProblems(dir), "");
    }
    git_libgit2_shutdown();
  }

  Archive NewArchive(const std::string& name) {
    auto archive = Archive::Init(tmp_ / name);
    if (!archive.ok()) ADD_FAILURE() << archive.status().message();
    dirs_.push_back(archive->path());
    return std::move(archive).value();
  }

  // A copy of a fresh archive (same first commit, whose time comes from the clock).
  Archive CopyOf(const Archive& original, const std::string& name) {
    const test::CommandResult copied = test::RunShell("cp -a '" + original.path() + "' '" + (tmp_ / name) + "'");
    if (copied.exit_code != 0) ADD_FAILURE() << copied.output;
    auto archive = Archive::Open(tmp_ / name);
    if (!archive.ok()) ADD_FAILURE() << archive.status().message();
    dirs_.push_back(archive->path());
    return std::move(archive).value();
  }

  // What plain git shows of an archive's history: trees, messages with their trailers,
  // dates, refs.
  static std::string History(const std::string& dir) {
    return test::Git(dir, "log --format='%T %at %an%n%B' main") + test::Git(dir, "for-each-ref");
  }

  test::TempDir tmp_;
  std::vector<std::string> dirs_;
};

TEST_F(SnapshotBatchTest, WritesTheHistoryThatRecordingOneByOneWrites) {
  const std::vector<Step> steps = Steps();
  Archive one_by_one = NewArchive("one-by-one");
  Archive batched = CopyOf(one_by_one, "batched");
  std::vector<SnapshotOutcome> expected;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    auto input = NormalizeInput(steps[i].text, InputFormat::kText);
    ASSERT_OK(input);
    auto outcome = RecordSnapshot(one_by_one, RequestAt(steps[i].story, i), std::move(*input));
    ASSERT_OK(outcome);
    expected.push_back(*outcome);
  }

  std::vector<SnapshotSource> sources;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    SnapshotSource source;
    source.request = RequestAt(steps[i].story, i);
    source.raw = steps[i].text;
    source.normalize.from = InputFormat::kText;
    sources.push_back(std::move(source));
  }
  auto outcomes = RecordSnapshots(batched, std::move(sources));
  ASSERT_OK(outcomes);
  ASSERT_EQ(outcomes->size(), steps.size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    ASSERT_OK((*outcomes)[i]);
    const SnapshotOutcome& got = *(*outcomes)[i];
    SCOPED_TRACE("snapshot " + std::to_string(i));
    EXPECT_EQ(got.changed, expected[i].changed);
    EXPECT_EQ(got.revision.number, expected[i].revision.number);
    EXPECT_EQ(got.revision.added_words, expected[i].revision.added_words);
    EXPECT_EQ(got.revision.removed_words, expected[i].revision.removed_words);
    EXPECT_EQ(got.revision.total_words, expected[i].revision.total_words);
    EXPECT_EQ(got.revision.returns_to, expected[i].revision.returns_to);
    EXPECT_EQ(got.health.body_words, expected[i].health.body_words);
    EXPECT_EQ(got.health.previous_words, expected[i].health.previous_words);
  }
  // The steps hold an unchanged snapshot and a flip-flop; both must have been seen.
  EXPECT_FALSE((*outcomes)[3]->changed);
  EXPECT_EQ((*outcomes)[5]->revision.returns_to, 1);
  EXPECT_EQ(History(batched.path()), History(one_by_one.path()));
}

TEST_F(SnapshotBatchTest, CountsAgainstRevisionsRecordedBeforeTheBatch) {
  Archive archive = NewArchive("archive");
  auto first = NormalizeInput(Paragraphs("Council passes budget", {kLead, kSecond}), InputFormat::kText);
  ASSERT_OK(first);
  ASSERT_OK(RecordSnapshot(archive, RequestAt("council", 0), std::move(*first)));

  std::vector<SnapshotSource> sources(1);
  sources[0].request = RequestAt("council", 1);
  sources[0].raw = Paragraphs("Council passes budget", {kLeadEdited, kSecond});
  auto outcomes = RecordSnapshots(archive, std::move(sources));
  ASSERT_OK(outcomes);
  ASSERT_OK(outcomes->front());
  const Revision& revision = outcomes->front()->revision;
  EXPECT_EQ(revision.number, 2);
  // "Tuesday to approve the new budget" -> "Tuesday night to approve the budget".
  EXPECT_EQ(revision.added_words, 1u);
  EXPECT_EQ(revision.removed_words, 1u);
  EXPECT_EQ(test::Git(archive.path(), "log --format=%s main -1"), "Council passes budget\n");
}

// A paragraph moved is counted as moved, not as added and removed, the same way whether
// the counts are taken on a worker (a batch) or under the lock (one snapshot): the diff's.
TEST_F(SnapshotBatchTest, AMovedParagraphCountsAsMovedWords) {
  const std::string before = Paragraphs("Storm closes schools", {kLead, kSecond, kThird});
  const std::string after = Paragraphs("Storm closes schools", {kThird, kLead, kSecond});
  const WordDiff diff = DiffWords(before, after);
  ASSERT_EQ(diff.moves.size(), 1u);
  const std::size_t moved = diff.moves[0].words;
  EXPECT_EQ(moved, CountWords(kThird));
  std::vector<Revision> recorded;
  for (const bool batch : {false, true}) {
    Archive archive = NewArchive(batch ? "batched" : "alone");
    auto first = NormalizeInput(before, InputFormat::kText);
    ASSERT_OK(first);
    ASSERT_OK(RecordSnapshot(archive, RequestAt("storm", 0), std::move(*first)));
    if (batch) {
      std::vector<SnapshotSource> sources(1);
      sources[0].request = RequestAt("storm", 1);
      sources[0].raw = after;
      auto outcomes = RecordSnapshots(archive, std::move(sources));
      ASSERT_OK(outcomes);
      ASSERT_OK(outcomes->front());
      recorded.push_back(outcomes->front()->revision);
    } else {
      auto second = NormalizeInput(after, InputFormat::kText);
      ASSERT_OK(second);
      auto outcome = RecordSnapshot(archive, RequestAt("storm", 1), std::move(*second));
      ASSERT_OK(outcome);
      recorded.push_back(outcome->revision);
    }
    EXPECT_EQ(recorded.back().added_words, 0u);
    EXPECT_EQ(recorded.back().removed_words, 0u);
    EXPECT_EQ(recorded.back().moved_words, moved);
    EXPECT_EQ(test::Git(archive.path(), "log -1 '--format=%(trailers:key=Redline-Words,valueonly)%(trailers:key=Redline-Moved-Words,valueonly)' main"),
              "+0 -0\n" + std::to_string(moved) + "\n\n");
  }
}

TEST_F(SnapshotBatchTest, ABadSourceFailsAloneAndTheOthersAreRecorded) {
  Archive archive = NewArchive("archive");
  const std::string text = Paragraphs("Council passes budget", {kLead, kSecond});
  std::vector<SnapshotSource> sources(4);
  sources[0].request = RequestAt("council", 0);
  sources[0].raw = text;
  sources[1].request = RequestAt("Not An Id", 1);
  sources[1].raw = text;
  sources[2].request = RequestAt("empty", 2);
  sources[2].raw = "";
  sources[3].request = RequestAt("storm", 3);
  sources[3].raw = Paragraphs("Storm closes schools", {kThird});
  auto outcomes = RecordSnapshots(archive, std::move(sources));
  ASSERT_OK(outcomes);
  ASSERT_EQ(outcomes->size(), 4u);
  EXPECT_TRUE((*outcomes)[0].ok());
  EXPECT_EQ((*outcomes)[1].status().kind(), ErrorKind::kBadInput);
  EXPECT_EQ((*outcomes)[2].status().kind(), ErrorKind::kBadInput);
  ASSERT_OK((*outcomes)[3]);
  EXPECT_EQ(test::Git(archive.path(), "rev-list --count main"), "3\n");  // init + 2 revisions
  auto stories = archive.Stories();
  ASSERT_OK(stories);
  ASSERT_EQ(stories->size(), 2u);
  EXPECT_EQ((*stories)[0].story, "council");
  EXPECT_EQ((*stories)[1].story, "storm");
}

TEST_F(SnapshotBatchTest, NothingToRecordLeavesTheArchiveAsItWas) {
  Archive archive = NewArchive("archive");
  const auto before = test::Snapshot(archive.path() + "/.git");
  auto outcomes = RecordSnapshots(archive, {});
  ASSERT_OK(outcomes);
  EXPECT_TRUE(outcomes->empty());
  EXPECT_EQ(test::Snapshot(archive.path() + "/.git"), before);
}

}  // namespace
}  // namespace redline::record
