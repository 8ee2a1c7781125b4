#include "archive/write_lock.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "archive/test_util.h"

namespace redline {
namespace {

class WriteLockTest : public ::testing::Test {
 protected:
  void SetUp() override { std::filesystem::create_directories(git_dir_ + "refs/heads"); }
  void Touch(const std::string& relative, const std::string& content = "") {
    std::ofstream(git_dir_ + relative) << content;
  }
  bool Exists(const std::string& relative) { return std::filesystem::exists(git_dir_ + relative); }
  test::TempDir dir_;
  std::string git_dir_ = dir_.path() + "/";
};

TEST_F(WriteLockTest, SecondHolderWaitsThenReportsBusy) {
  WriteLock first;
  ASSERT_OK(first.Acquire(git_dir_));
  WriteLock second;  // another open file: conflicts like another process would
  const auto started = std::chrono::steady_clock::now();
  const Status busy = second.Acquire(git_dir_, 0.2);
  EXPECT_FALSE(busy.ok());
  EXPECT_NE(busy.message().find("busy"), std::string::npos) << busy.message();
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(200));
  first.Release();
  ASSERT_OK(second.Acquire(git_dir_, 1));
}

TEST_F(WriteLockTest, CleanReleaseKeepsOtherProcessesGitLocks) {
  { WriteLock lock; ASSERT_OK(lock.Acquire(git_dir_)); }
  Touch("index.lock");
  WriteLock lock;
  ASSERT_OK(lock.Acquire(git_dir_));
  EXPECT_TRUE(Exists("index.lock"));  // maybe plain git's, in use
}

TEST_F(WriteLockTest, CrashedHoldersGitLocksAreRemoved) {
  Touch("redline-write.lock", "12345\n");  // a holder died without releasing
  Touch("index.lock");
  Touch("refs/heads/main.lock");
  Touch("refs/heads/main", "0000000000000000000000000000000000000000\n");
  WriteLock lock;
  ASSERT_OK(lock.Acquire(git_dir_));
  EXPECT_FALSE(Exists("index.lock"));
  EXPECT_FALSE(Exists("refs/heads/main.lock"));
  EXPECT_TRUE(Exists("refs/heads/main"));
}

TEST(RemoveIfStale, OnlyOldLockFiles) {
  test::TempDir dir;
  const std::string file = dir.path() + "/index.lock";
  std::ofstream(file) << "";
  EXPECT_FALSE(RemoveIfStale(file, 10));
  EXPECT_TRUE(std::filesystem::exists(file));
  std::filesystem::last_write_time(file, std::filesystem::file_time_type::clock::now() - std::chrono::seconds(60));
  EXPECT_TRUE(RemoveIfStale(file, 10));
  EXPECT_FALSE(std::filesystem::exists(file));
  EXPECT_TRUE(RemoveIfStale(file, 10));  // already gone
}

}  // namespace
}  // namespace redline
