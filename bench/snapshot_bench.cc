// Snapshot throughput: redline's in-process pipeline (normalize, compare, diff stats,
// libgit2 commit) against a loop of `git add` + `git commit` on the same 1,000 snapshots
// (100 stories x 10 revisions of 2,000 words from shared/bench/make-pairs.py).
// tools/bench generates the data and passes its folder in REDLINE_BENCH_DATA.
#include <benchmark/benchmark.h>
#include <git2.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "record/snapshot.h"
#include "record/batch_writer.h"
#include "redline/diff.h"

extern char** environ;

namespace {
namespace fs = std::filesystem;

struct Snapshot {
  std::string story;
  std::string text;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Revision-major order, as a tracker would see them: every story's revision 1, then 2...
const std::vector<Snapshot>& Snapshots() {
  static const std::vector<Snapshot> snapshots = [] {
    const char* dir = std::getenv("REDLINE_BENCH_DATA");
    if (dir == nullptr) throw std::runtime_error("set REDLINE_BENCH_DATA (tools/bench does)");
    std::vector<fs::path> stories;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.is_directory()) stories.push_back(entry.path());
    }
    std::sort(stories.begin(), stories.end());
    std::vector<Snapshot> all;
    for (int rev = 1; rev <= 10; ++rev) {
      char name[32];
      std::snprintf(name, sizeof name, "rev-%04d.txt", rev);
      for (const auto& story : stories) all.push_back({story.filename().string(), ReadFile(story / name)});
    }
    return all;
  }();
  return snapshots;
}

// Under $REDLINE_BENCH_TMP (tools/bench: build/bench-tmp), else the system temp folder.
// Folders are removed only when the program exits (Scratch()): ext4 skips inodes freed in
// the last minutes when it allocates new ones, so creating files right after deleting
// thousands is slow; that is the benchmark's artefact, not the cost of recording.
fs::path ScratchParent() {
  const char* base = std::getenv("REDLINE_BENCH_TMP");
  return (base != nullptr ? fs::path(base) : fs::temp_directory_path()) / ("redline-bench-" + std::to_string(getpid()));
}

struct ScratchDirs {
  int next = 0;
  fs::path Fresh(const std::string& name) {
    const fs::path dir = ScratchParent() / (name + "-" + std::to_string(next++));
    fs::remove_all(dir);
    fs::create_directories(dir.parent_path());
    return dir;
  }
  ~ScratchDirs() { fs::remove_all(ScratchParent()); }
};

ScratchDirs& Scratch() {
  static ScratchDirs scratch;
  return scratch;
}

int Spawn(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ) != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// state.range(0): snapshots per batch; 1 records each snapshot on its own (a commit, its
// refs, index and work tree written before the next snapshot starts). state.range(1): 1 to
// fsync as redline does by default, 0 for REDLINE_FSYNC=0 (git's own defaults fsync
// neither loose objects nor refs, so 0 is the like-for-like comparison with the git loop).
// state.range(2): 2 records batches with RecordSnapshots (normalizing and comparing on a
// second thread), 1 with RecordSnapshot one after another on one thread.
void BM_SnapshotInProcess(benchmark::State& state) {
  const auto& snapshots = Snapshots();
  const auto batch_size = static_cast<std::size_t>(state.range(0));
  const bool pipelined = state.range(2) == 2;
  setenv("REDLINE_FSYNC", state.range(1) != 0 ? "1" : "0", 1);
  git_libgit2_init();
  for (auto _ : state) {
    state.PauseTiming();
    const fs::path dir = Scratch().Fresh("redline");
    auto archive = redline::Archive::Init(dir.string());
    if (!archive.ok()) {
      state.SkipWithError(archive.status().message().c_str());
      break;
    }
    state.ResumeTiming();
    std::int64_t t = 1661990400;
    redline::Status status;
    if (pipelined) {
      for (std::size_t begin = 0; begin < snapshots.size() && status.ok(); begin += batch_size) {
        std::vector<redline::record::SnapshotSource> sources;
        for (std::size_t i = begin; i < std::min(snapshots.size(), begin + batch_size); ++i) {
          redline::record::SnapshotSource source;
          source.request = {snapshots[i].story, "", {t += 60, 0}, {}};
          source.raw = snapshots[i].text;
          source.normalize.from = redline::InputFormat::kText;
          sources.push_back(std::move(source));
        }
        auto outcomes = redline::record::RecordSnapshots(*archive, std::move(sources));
        if (!outcomes.ok()) status = outcomes.status();
        for (std::size_t i = 0; status.ok() && i < outcomes->size(); ++i) {
          if (!(*outcomes)[i].ok()) status = (*outcomes)[i].status();
        }
      }
    }
    for (std::size_t i = 0; !pipelined && i < snapshots.size() && status.ok(); ++i) {
      const auto& s = snapshots[i];
      if (batch_size > 1 && i % batch_size == 0) status = archive->BeginBatch();
      auto input = redline::record::NormalizeInput(s.text, redline::InputFormat::kText);
      if (!input.ok()) {
        status = input.status();
        break;
      }
      auto outcome = redline::record::RecordSnapshot(*archive, {s.story, "", {t += 60, 0}, {}}, std::move(*input));
      if (!outcome.ok()) status = outcome.status();
      if (status.ok() && batch_size > 1 && (i + 1 == snapshots.size() || (i + 1) % batch_size == 0)) {
        status = archive->CommitBatch();
      }
    }
    if (!status.ok()) {
      state.SkipWithError(status.message().c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(snapshots.size()));
  git_libgit2_shutdown();
}

double ChildrenCpuSeconds() {
  struct rusage usage {};
  getrusage(RUSAGE_CHILDREN, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The loop's CPU time is mostly its git processes': counted as "git_cpu_ms_per_snapshot",
// which, unlike wall time, hardly depends on what else the machine is doing.
void BM_GitAddCommitLoop(benchmark::State& state) {
  const auto& snapshots = Snapshots();
  const double children_before = ChildrenCpuSeconds();
  for (auto _ : state) {
    state.PauseTiming();
    const fs::path dir = Scratch().Fresh("git");
    fs::create_directories(dir);
    Spawn({"git", "-C", dir.string(), "init", "-q", "-b", "main"});
    state.ResumeTiming();
    for (const auto& s : snapshots) {
      const fs::path file = dir / "stories" / s.story / "article.txt";
      fs::create_directories(file.parent_path());
      std::ofstream(file, std::ios::binary) << s.text;
      const std::string relative = "stories/" + s.story + "/article.txt";
      if (Spawn({"git", "-C", dir.string(), "add", relative}) != 0 ||
          Spawn({"git", "-C", dir.string(), "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit",
                 "-q", "-m", s.story}) != 0) {
        state.SkipWithError("git failed");
        break;
      }
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(snapshots.size()));
  state.counters["git_cpu_ms_per_snapshot"] =
      (ChildrenCpuSeconds() - children_before) * 1000 / static_cast<double>(state.iterations() * snapshots.size());
}

BENCHMARK(BM_SnapshotInProcess)
    ->ArgNames({"batch", "fsync", "threads"})
    ->ArgsProduct({{1}, {0, 1}, {1}})
    ->ArgsProduct({{100, 1000}, {0, 1}, {1, 2}})
    ->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_GitAddCommitLoop)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

}  // namespace

BENCHMARK_MAIN();

namespace {

// The parts of one snapshot, for finding where the time goes.
void BM_NormalizeText2000Words(benchmark::State& state) {
  const std::string& text = Snapshots().front().text;
  for (auto _ : state) {
    auto input = redline::record::NormalizeInput(text, redline::InputFormat::kText);
    benchmark::DoNotOptimize(input);
  }
}
BENCHMARK(BM_NormalizeText2000Words)->Unit(benchmark::kMicrosecond);

void BM_DiffWordsRevisionPair(benchmark::State& state) {
  const auto& snapshots = Snapshots();
  auto a = redline::record::NormalizeInput(snapshots[0].text, redline::InputFormat::kText);
  auto b = redline::record::NormalizeInput(snapshots[100].text, redline::InputFormat::kText);
  for (auto _ : state) benchmark::DoNotOptimize(redline::DiffWords(a->text, b->text));
}
BENCHMARK(BM_DiffWordsRevisionPair)->Unit(benchmark::kMicrosecond);

}  // namespace

namespace {

// What RecordSnapshots' second thread does for each snapshot.
void BM_PrepareSnapshot(benchmark::State& state) {
  const auto& snapshots = Snapshots();
  auto previous = redline::record::NormalizeInput(snapshots[0].text, redline::InputFormat::kText);
  for (auto _ : state) {
    auto input = redline::record::NormalizeInput(snapshots[100].text, redline::InputFormat::kText);
    benchmark::DoNotOptimize(redline::record::PrepareSnapshot(std::move(*input), &previous->text));
  }
}
BENCHMARK(BM_PrepareSnapshot)->Unit(benchmark::kMicrosecond);

}  // namespace

namespace {

// The same for all 1,000 snapshots in order, each against its story's previous one.
void BM_PrepareAllSnapshots(benchmark::State& state) {
  const auto& snapshots = Snapshots();
  for (auto _ : state) {
    std::map<std::string, std::string> latest;
    for (const auto& s : snapshots) {
      auto input = redline::record::NormalizeInput(s.text, redline::InputFormat::kText);
      std::string& previous = latest[s.story];
      auto prepared = redline::record::PrepareSnapshot(std::move(*input), &previous);
      previous = prepared.input.text;
      benchmark::DoNotOptimize(prepared);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(snapshots.size()));
}
BENCHMARK(BM_PrepareAllSnapshots)->Unit(benchmark::kMillisecond);

}  // namespace
