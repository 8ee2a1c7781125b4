// Report speed (Google Benchmark): a story of 1,000 revisions of a 2,000-word text (1%
// edits each), recorded once into a temporary archive through the Archive API, then
// BuildReport (read the log and texts, diff every revision) and each renderer.
// The bar: a report over 1,000 revisions renders in under 2 seconds
// (BM_ReportHtml: build + render HTML).
// Data: REDLINE_BENCH_HISTORY (a folder of rev-NNNN.txt), else generated with
// shared/bench/make-pairs.py --revisions 1000 into a temporary folder.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "redline/archive.h"
#include "redline/diff.h"
#include "report/report.h"

namespace {

namespace fs = std::filesystem;
using namespace redline;

constexpr int kRevisions = 1000;
const std::string kStory = "bench-story";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void Check(const Status& status) {
  if (!status.ok()) throw std::runtime_error(status.message());
}

struct BenchArchive {
  fs::path root;
  std::unique_ptr<Archive> archive;

  BenchArchive() {
    char pattern[] = "/tmp/redline-report-bench-XXXXXX";
    if (::mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
    root = pattern;
    fs::path history;
    if (const char* given = std::getenv("REDLINE_BENCH_HISTORY"); given != nullptr && given[0] != '\0') {
      history = given;
    } else {
      history = root / "history";
      const std::string command = "python3 '" + std::string(REDLINE_SHARED_DIR) +
                                  "/bench/make-pairs.py' --words 2000 --edit-rate 0.01 --seed 7 --revisions " +
                                  std::to_string(kRevisions) + " --out '" + history.string() + "' -q";
      if (std::system(command.c_str()) != 0) throw std::runtime_error("make-pairs.py failed");
    }
    auto created = Archive::Init((root / "archive").string());
    Check(created.status());
    archive = std::make_unique<Archive>(std::move(*created));
    Check(archive->BeginBatch());
    std::string previous;
    DiffOptions counts;
    counts.label_sentences = false;
    counts.summarize = false;
    for (int i = 1; i <= kRevisions; ++i) {
      char name[32];
      std::snprintf(name, sizeof(name), "rev-%04d.txt", i);
      NewRevision r;
      r.story = kStory;
      r.text = "# Headline " + std::to_string(i / 100) + "\n\n" + ReadFile(history / name);
      r.raw = r.text;
      r.raw_extension = "txt";
      r.headline = "Headline " + std::to_string(i / 100);  // changes every 100 revisions
      r.source_url = "https://bench.example/story";
      r.captured_at = Timestamp{1661990400 + i * 600, 0};
      const WordDiff diff = DiffWords(previous, r.text, counts);
      r.added_words = diff.stats.added_words;
      r.removed_words = diff.stats.removed_words;
      r.total_words = CountWords(r.text);
      Check(archive->Record(r).status());
      previous = r.text;
    }
    Check(archive->CommitBatch());
  }
  ~BenchArchive() {
    archive.reset();
    std::error_code ignored;
    fs::remove_all(root, ignored);
  }
};

BenchArchive& Data() {
  static BenchArchive data;
  return data;
}

report::Report Build() {
  report::ReportOptions options;
  options.stories = {kStory};
  auto built = report::BuildReport(*Data().archive, options);
  if (!built.ok()) throw std::runtime_error(built.status().message());
  return std::move(*built);
}

void BM_BuildReport(benchmark::State& state) {
  Data();
  for (auto _ : state) benchmark::DoNotOptimize(Build());
}

template <std::string (*Render)(const report::Report&)>
void BM_Report(benchmark::State& state) {
  Data();
  std::size_t bytes = 0;
  for (auto _ : state) {
    const report::Report r = Build();
    const std::string out = Render(r);
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["output_bytes"] = static_cast<double>(bytes);
}

void BM_RenderHtmlOnly(benchmark::State& state) {
  const report::Report r = Build();
  for (auto _ : state) benchmark::DoNotOptimize(report::RenderHtml(r));
}

BENCHMARK(BM_BuildReport)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Report<report::RenderHtml>)->Name("BM_ReportHtml")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Report<report::RenderMarkdown>)->Name("BM_ReportMarkdown")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Report<report::RenderJson>)->Name("BM_ReportJson")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_RenderHtmlOnly)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
