// A writer killed with SIGKILL at random moments (seeded): after every kill the archive
// passes git fsck --strict, main is a complete commit, every snapshot the writer saw
// acknowledged is there, and the next writer carries on without help.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "e2e/e2e.h"

namespace redline::testing {
namespace {

using nlohmann::json;

constexpr int kSnapshots = 300;
constexpr const char* kCrashStory = "crash-story";

std::string TextOf(int n) {
  return "Crash snapshot " + std::to_string(n) + "\n\nParagraph " + std::to_string(n) +
         " says the river rose by " + std::to_string(n * 3) + " centimetres overnight.\n";
}

// The snapshot numbers the writer saw acknowledged, one per line of `ack_file`.
std::set<int> ReadAcknowledged(const std::string& ack_file) {
  std::set<int> acked;
  std::ifstream in(ack_file);
  int n = 0;
  while (in >> n) acked.insert(n);
  return acked;
}

class CrashTest : public ArchiveTest {
 protected:
  // Forks a writer (in its own process group, with its redline children) that snapshots
  // from..kSnapshots, appending each acknowledged number to `ack_file`.
  pid_t StartWriter(int from, const std::string& ack_file) {
    const pid_t pid = fork();
    if (pid != 0) return pid;
    setpgid(0, 0);
    for (int n = from; n <= kSnapshots; ++n) {
      ProcessOptions options;
      options.stdin_data = TextOf(n);
      const ProcessResult r = InArchive({"snapshot", kCrashStory, "-", "--from", "text"}, options);
      if (r.exit_code != 0) _exit(10);
      std::ofstream(ack_file, std::ios::app) << n << "\n";
    }
    _exit(0);
  }
};

TEST_F(CrashTest, KilledWriterLosesNothingAcknowledged) {
  const std::string ack_file = root_ / "acked";
  std::mt19937 random(20261128);
  std::uniform_int_distribution<int> delay_ms(5, 250);
  int kills = 0;
  bool finished = false;
  while (!finished) {
    const std::set<int> before = ReadAcknowledged(ack_file);
    const int from = before.empty() ? 1 : *before.rbegin() + 1;
    const pid_t writer = StartWriter(from, ack_file);
    ASSERT_GT(writer, 0);
    setpgid(writer, writer);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
    int status = 0;
    if (waitpid(writer, &status, WNOHANG) == writer) {
      ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "writer failed on its own";
      finished = true;
    } else {
      kill(-writer, SIGKILL);
      ASSERT_EQ(waitpid(writer, &status, 0), writer);
      ++kills;
    }

    const ProcessResult fsck = Git({"fsck", "--strict", "--no-dangling"});
    ASSERT_EQ(fsck.exit_code, 0) << "after kill " << kills << ": " << fsck.out << fsck.err;
    EXPECT_EQ(Git({"cat-file", "-t", "main"}).out, "commit\n");
    const std::set<int> acked = ReadAcknowledged(ack_file);
    if (acked.empty()) continue;
    const ProcessResult log = InArchive({"log", kCrashStory, "--json"});
    ASSERT_EQ(log.exit_code, 0) << "after kill " << kills << ": " << log.err;
    std::set<int> recorded;
    int number = 0;
    const json revisions = json::parse(log.out)["revisions"];
    for (const json& revision : revisions) {
      EXPECT_EQ(revision["revision"].get<int>(), ++number);
      const std::string headline = revision["headline"].get<std::string>();
      recorded.insert(std::stoi(headline.substr(headline.rfind(' ') + 1)));
    }
    for (int n : acked) ASSERT_TRUE(recorded.count(n)) << "acknowledged snapshot " << n << " lost after kill " << kills;
    if (*acked.rbegin() == kSnapshots) finished = true;
  }
  std::cout << "[ crash ] " << kSnapshots << " snapshots with " << kills << " kills\n";
  EXPECT_GT(kills, 5);
  const ProcessResult log = InArchive({"log", kCrashStory, "--json"});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  EXPECT_EQ(json::parse(log.out)["revisions"].size(), static_cast<std::size_t>(kSnapshots));
}

}  // namespace
}  // namespace redline::testing
