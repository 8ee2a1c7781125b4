// Many redline processes writing one archive at once: every snapshot lands, each story's
// revisions stay numbered 1..N in the order each writer recorded them, and the repository
// stays sound (git fsck --strict) and clean (git status).
#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <regex>
#include <thread>

#include "e2e/e2e.h"

namespace redline::testing {
namespace {

using nlohmann::json;

constexpr int kWriters = 8;
constexpr int kSnapshotsPerWriter = 250;

// Writers 0-3 each have a story of their own; writers 4-7 all write the story "shared".
std::string StoryOf(int writer) { return writer < 4 ? "solo-" + std::to_string(writer) : "shared"; }

// A small text, distinct per writer and revision; its headline names both.
std::string TextOf(int writer, int n) {
  return "Writer " + std::to_string(writer) + " snapshot " + std::to_string(n) + "\n\nThe council met on day " +
         std::to_string(n) + " and writer " + std::to_string(writer) + " took notes about item " +
         std::to_string(n * 7 + writer) + ".\n";
}

class ConcurrencyTest : public ArchiveTest {};

TEST_F(ConcurrencyTest, EightWritersRecordTwoThousandRevisionsInOrder) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::string> failures(kWriters);
  std::vector<std::thread> writers;
  for (int writer = 0; writer < kWriters; ++writer) {
    writers.emplace_back([&, writer] {
      const std::regex recorded(StoryOf(writer) + R"(: revision \d+ \(\+\d+ -\d+ words\)\n)");
      for (int n = 1; n <= kSnapshotsPerWriter && failures[writer].empty(); ++n) {
        ProcessOptions options;
        options.stdin_data = TextOf(writer, n);
        // The locking and retries are the same with or without fsync; without, 2,000
        // snapshots fit the test's time on a loaded 2-core machine (crash_test keeps fsync).
        options.env.emplace("REDLINE_FSYNC", "0");
        const ProcessResult r = InArchive({"snapshot", StoryOf(writer), "-", "--from", "text"}, options);
        if (r.exit_code != 0 || !std::regex_match(r.out, recorded)) {
          failures[writer] = "writer " + std::to_string(writer) + " snapshot " + std::to_string(n) + ": exit " +
                             std::to_string(r.exit_code) + " out: " + r.out + " err: " + r.err;
        }
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "[ concurrency ] " << kWriters * kSnapshotsPerWriter << " snapshots by " << kWriters
            << " processes in " << seconds << " s\n";
  for (const std::string& failure : failures) EXPECT_EQ(failure, "");

  int total = 0;
  for (const std::string story : {"solo-0", "solo-1", "solo-2", "solo-3", "shared"}) {
    const ProcessResult log = InArchive({"log", story, "--json"});
    ASSERT_EQ(log.exit_code, 0) << log.err;
    const json revisions = json::parse(log.out)["revisions"];
    ASSERT_TRUE(revisions.is_array()) << log.out.substr(0, 200);
    // Each writer's snapshots, in the order the story's log holds them.
    std::map<int, std::vector<int>> seen;
    const std::regex headline(R"(Writer (\d) snapshot (\d+))");
    for (std::size_t i = 0; i < revisions.size(); ++i) {
      EXPECT_EQ(revisions[i]["revision"].get<int>(), static_cast<int>(i) + 1) << story;
      std::smatch m;
      const std::string subject = revisions[i]["headline"].get<std::string>();
      ASSERT_TRUE(std::regex_search(subject, m, headline)) << subject;
      seen[std::stoi(m[1])].push_back(std::stoi(m[2]));
    }
    for (const auto& [writer, numbers] : seen) {
      EXPECT_EQ(StoryOf(writer), story);
      ASSERT_EQ(numbers.size(), static_cast<std::size_t>(kSnapshotsPerWriter)) << "writer " << writer;
      for (int n = 1; n <= kSnapshotsPerWriter; ++n) EXPECT_EQ(numbers[n - 1], n) << "writer " << writer;
    }
    total += static_cast<int>(revisions.size());
  }
  EXPECT_EQ(total, kWriters * kSnapshotsPerWriter);
  EXPECT_EQ(Git({"rev-list", "--count", "main"}).out, std::to_string(total + 1) + "\n");

  const ProcessResult fsck = Git({"fsck", "--strict"});
  EXPECT_EQ(fsck.exit_code, 0) << fsck.out << fsck.err;
  // The revision index, updated by every writer in turn, equals one rebuilt from the history.
  const ProcessResult check = InArchive({"reindex", "--check"});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_EQ(check.out, "revision index matches the history (" + std::to_string(total) + " revisions)\n");
}

// Word counts and "unchanged" are decided under the write lock against the revision the new
// one follows, so racing writers of one story never count against a stale revision and
// never record the same text twice.
TEST_F(ConcurrencyTest, RacingWritersOfOneStoryCountAgainstTheRealPredecessor) {
  constexpr int kRacers = 4;
  constexpr int kRounds = 12;
  std::vector<std::string> failures(kRacers);
  std::vector<std::thread> racers;
  for (int racer = 0; racer < kRacers; ++racer) {
    racers.emplace_back([&, racer] {
      for (int n = 1; n <= kRounds && failures[racer].empty(); ++n) {
        ProcessOptions options;
        options.env.emplace("REDLINE_FSYNC", "0");
        // Every racer sends round n's text (so all but one are unchanged), then a text of its own.
        for (const std::string& text : {TextOf(9, n), TextOf(racer, n)}) {
          options.stdin_data = text;
          const ProcessResult r = InArchive({"snapshot", "raced", "-", "--from", "text"}, options);
          if (r.exit_code != 0) failures[racer] = "racer " + std::to_string(racer) + ": " + r.err;
        }
      }
    });
  }
  for (std::thread& racer : racers) racer.join();
  for (const std::string& failure : failures) EXPECT_EQ(failure, "");

  const ProcessResult log = InArchive({"log", "raced", "--json"});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  const json revisions = json::parse(log.out)["revisions"];
  ASSERT_GE(revisions.size(), static_cast<std::size_t>(kRacers * kRounds));
  std::string previous_text;
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    const std::string number = std::to_string(i + 1);
    const ProcessResult text = InArchive({"show", "raced@" + number});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out, previous_text) << "revision " << number << " repeats its predecessor";
    previous_text = text.out;
    if (i == 0) continue;
    const ProcessResult diff = InArchive({"diff", "raced", std::to_string(i), number, "--format", "json"});
    ASSERT_EQ(diff.exit_code, 0) << diff.err;
    const json stats = json::parse(diff.out)["stats"];
    EXPECT_EQ(revisions[i]["added_words"], stats["added_words"]) << "revision " << number;
    EXPECT_EQ(revisions[i]["removed_words"], stats["removed_words"]) << "revision " << number;
  }
}

}  // namespace
}  // namespace redline::testing
