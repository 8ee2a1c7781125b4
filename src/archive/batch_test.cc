// Batches: nothing visible until CommitBatch, everything visible after it, nothing after
// AbortBatch; checked with the real git binary.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include "archive/test_util.h"
#include "redline/archive.h"

namespace redline {
namespace {

using test::Git;
using test::TempDir;

NewRevision MakeRevision(const std::string& story, int n) {
  NewRevision revision;
  revision.story = story;
  revision.text = "# " + story + "\n\nVersion " + std::to_string(n) + " of the text.\n";
  revision.raw = "Version " + std::to_string(n) + "\n";
  revision.raw_extension = n % 2 == 0 ? "html" : "txt";
  revision.headline = story;
  revision.captured_at = {1661990400 + n * 60, 0};
  revision.total_words = 6;
  return revision;
}

class BatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto archive = Archive::Init(tmp_ / "archive");
    ASSERT_OK(archive);
    archive_.emplace(std::move(archive).value());
    dir_ = archive_->path();
  }
  TempDir tmp_;
  std::optional<Archive> archive_;
  std::string dir_;
};

TEST_F(BatchTest, NothingIsVisibleUntilCommitThenEverything) {
  ASSERT_OK(archive_->Record(MakeRevision("before", 1)));
  const auto before = test::Snapshot(dir_ + "/.git/refs");
  const std::string head_before = Git(dir_, "rev-parse main");

  ASSERT_OK(archive_->BeginBatch());
  EXPECT_TRUE(archive_->InBatch());
  for (int n = 1; n <= 3; ++n) {
    for (const char* story : {"alpha", "beta", "before"}) ASSERT_OK(archive_->Record(MakeRevision(story, n + 1)));
  }
  // Inside the batch the archive sees its own pending revisions...
  auto latest = archive_->Latest("alpha");
  ASSERT_OK(latest);
  ASSERT_TRUE(latest->has_value());
  EXPECT_EQ((*latest)->number, 3);
  auto text = archive_->ReadText(**latest);
  ASSERT_OK(text);
  EXPECT_EQ(*text, "# alpha\n\nVersion 4 of the text.\n");
  // ...while git sees nothing new.
  EXPECT_EQ(Git(dir_, "rev-parse main"), head_before);
  EXPECT_EQ(test::Snapshot(dir_ + "/.git/refs"), before);

  ASSERT_OK(archive_->CommitBatch());
  EXPECT_FALSE(archive_->InBatch());
  EXPECT_EQ(Git(dir_, "rev-list --count main"), "11\n");  // init + 1 + 9
  EXPECT_EQ(test::ArchiveProblems(dir_), "");
  const test::CommandResult fsck = test::RunShell("git -C '" + dir_ + "' fsck --strict --no-progress");
  EXPECT_EQ(fsck.exit_code, 0) << fsck.output;
  EXPECT_EQ(fsck.output, "");
  auto log = archive_->Log("before");
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 4u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ((*log)[i].number, i + 1);
  auto stories = archive_->Stories();
  ASSERT_OK(stories);
  EXPECT_EQ(stories->size(), 3u);

  // Records after the batch go straight to disk again.
  ASSERT_OK(archive_->Record(MakeRevision("gamma", 1)));
  EXPECT_EQ(Git(dir_, "rev-list --count main"), "12\n");
  EXPECT_EQ(test::ArchiveProblems(dir_), "");
  // A second archive object (another process) reads everything back.
  auto reopened = Archive::Open(dir_);
  ASSERT_OK(reopened);
  auto beta = reopened->Resolve("beta", "latest");
  ASSERT_OK(beta);
  auto beta_text = reopened->ReadText(*beta);
  ASSERT_OK(beta_text);
  EXPECT_EQ(*beta_text, "# beta\n\nVersion 4 of the text.\n");
}

TEST_F(BatchTest, AbortLeavesTheArchiveAsItWas) {
  ASSERT_OK(archive_->Record(MakeRevision("kept", 1)));
  const auto before = test::Snapshot(dir_);
  ASSERT_OK(archive_->BeginBatch());
  ASSERT_OK(archive_->Record(MakeRevision("kept", 2)));
  ASSERT_OK(archive_->Record(MakeRevision("dropped", 1)));
  archive_->AbortBatch();
  EXPECT_EQ(test::Snapshot(dir_), before);
  auto latest = archive_->Latest("kept");
  ASSERT_OK(latest);
  EXPECT_EQ((*latest)->number, 1);
  auto dropped = archive_->Latest("dropped");
  ASSERT_OK(dropped);
  EXPECT_FALSE(dropped->has_value());
  ASSERT_OK(archive_->Record(MakeRevision("kept", 3)));
  EXPECT_EQ(test::ArchiveProblems(dir_), "");
}

TEST_F(BatchTest, RefusesToCommitWhenMainMovedMeanwhile) {
  ASSERT_OK(archive_->BeginBatch());
  ASSERT_OK(archive_->Record(MakeRevision("alpha", 1)));
  // Plain git, which knows nothing of redline's write lock, pushes to main meanwhile.
  const std::string clone = tmp_ / "clone";
  ASSERT_EQ(test::RunShell("git clone -q '" + dir_ + "' '" + clone + "' && cd '" + clone +
                           "' && echo notes > NOTES.md && git add NOTES.md && git -c user.name=x -c user.email=x@y "
                           "commit -q -m notes && git push -q origin main")
                .exit_code,
            0);
  const auto refs = test::Snapshot(dir_ + "/.git/refs");
  const Status status = archive_->CommitBatch();
  EXPECT_EQ(status.kind(), ErrorKind::kArchive) << status.message();
  EXPECT_EQ(test::Snapshot(dir_ + "/.git/refs"), refs);
  auto alpha = archive_->Latest("alpha");
  ASSERT_OK(alpha);
  EXPECT_FALSE(alpha->has_value());
  EXPECT_EQ(test::ArchiveProblems(dir_), "");
}

TEST_F(BatchTest, OtherWritersWaitForTheBatch) {
  ASSERT_OK(archive_->BeginBatch());
  ASSERT_OK(archive_->Record(MakeRevision("alpha", 1)));
  // Another writer (its own Archive, as another process would have) waits for the lock.
  auto other = Archive::Open(dir_);
  ASSERT_OK(other);
  std::atomic<bool> done = false;
  Result<Revision> beta = Status::Internal("not run");
  std::thread writer([&] {
    beta = other->Record(MakeRevision("beta", 1));
    done = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(done);
  ASSERT_OK(archive_->CommitBatch());
  writer.join();
  ASSERT_OK(beta);
  EXPECT_EQ(Git(dir_, "log --format=%s -2 main"), "beta\nalpha\n");
  EXPECT_EQ(test::ArchiveProblems(dir_), "");
}

TEST_F(BatchTest, EmptyBatchAndMisuse) {
  ASSERT_OK(archive_->BeginBatch());
  EXPECT_FALSE(archive_->BeginBatch().ok());
  ASSERT_OK(archive_->CommitBatch());
  EXPECT_FALSE(archive_->CommitBatch().ok());
  EXPECT_EQ(Git(dir_, "rev-list --count main"), "1\n");
}

}  // namespace
}  // namespace redline
