// In-process diff and blame speed (Google Benchmark). tools/bench-diff generates the data
// with shared/bench/make-pairs.py and passes it in:
//   REDLINE_BENCH_OLD, REDLINE_BENCH_NEW  a 2,000-word article before and after 1% edits;
//   REDLINE_BENCH_HISTORY                 a folder of rev-NNNN.txt, 1,000 revisions of one story;
//   REDLINE_BENCH_PAIRS                   optional "NAME=OLD:NEW;..." for BM_DiffFiles/NAME: what
//                                         `redline diff-files --no-normalize --format porcelain`
//                                         does (read, check UTF-8, diff, render, write), without
//                                         process start-up.
// The bars: a 2,000-word article diffed in under 200 microseconds; blame over
// 1,000 revisions of a 2,000-word story in under one second.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "redline/diff.h"

namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string EnvFile(const char* name) {
  const char* path = std::getenv(name);
  if (path == nullptr) throw std::runtime_error(std::string("set ") + name + " (tools/bench-diff does)");
  return ReadFile(path);
}

const std::string& OldArticle() {
  static const std::string text = EnvFile("REDLINE_BENCH_OLD");
  return text;
}

const std::string& NewArticle() {
  static const std::string text = EnvFile("REDLINE_BENCH_NEW");
  return text;
}

// Everything: moves, sentence labels, the summary (what --format json computes).
void BM_DiffArticle(benchmark::State& state) {
  for (auto _ : state) {
    redline::WordDiff diff = redline::DiffWords(OldArticle(), NewArticle());
    benchmark::DoNotOptimize(diff);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(OldArticle().size() + NewArticle().size()));
}
BENCHMARK(BM_DiffArticle)->Unit(benchmark::kMicrosecond);

// What the terminal formats compute: moves, no labels or summary.
void BM_DiffArticleForTerminal(benchmark::State& state) {
  redline::DiffOptions options;
  options.label_sentences = false;
  options.summarize = false;
  for (auto _ : state) {
    redline::WordDiff diff = redline::DiffWords(OldArticle(), NewArticle(), options);
    benchmark::DoNotOptimize(diff);
  }
}
BENCHMARK(BM_DiffArticleForTerminal)->Unit(benchmark::kMicrosecond);

void BM_RenderArticle(benchmark::State& state) {
  const redline::WordDiff diff = redline::DiffWords(OldArticle(), NewArticle());
  redline::RenderOptions options;
  options.format = static_cast<redline::DiffFormat>(state.range(0));
  for (auto _ : state) {
    std::string out = redline::RenderDiff(diff, options);
    benchmark::DoNotOptimize(out);
  }
  state.SetLabel(redline::DiffFormatName(options.format));
}
BENCHMARK(BM_RenderArticle)->DenseRange(0, 7)->Unit(benchmark::kMicrosecond);

const std::vector<std::string>& History() {
  static const std::vector<std::string> texts = [] {
    const char* dir = std::getenv("REDLINE_BENCH_HISTORY");
    if (dir == nullptr) throw std::runtime_error("set REDLINE_BENCH_HISTORY (tools/bench-diff does)");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const auto& file : files) out.push_back(ReadFile(file));
    return out;
  }();
  return texts;
}

void BM_Blame(benchmark::State& state) {
  const std::vector<std::string>& texts = History();
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  for (auto _ : state) {
    std::vector<redline::BlameEntry> entries = redline::Blame(views);
    benchmark::DoNotOptimize(entries);
  }
  state.SetLabel(std::to_string(texts.size()) + " revisions");
}
BENCHMARK(BM_Blame)->Unit(benchmark::kMillisecond);

// What `diff-files --no-normalize --format porcelain` does, in process.
void DiffFiles(benchmark::State& state, const std::string& old_path, const std::string& new_path) {
  std::FILE* sink = std::fopen("/dev/null", "wb");
  for (auto _ : state) {
    const std::string a = ReadFile(old_path), b = ReadFile(new_path);
    if (!redline::utf8::IsValid(a) || !redline::utf8::IsValid(b)) state.SkipWithError("not UTF-8");
    redline::DiffOptions options;
    options.label_sentences = false;
    options.summarize = false;
    const redline::WordDiff diff = redline::DiffWords(a, b, options);
    redline::RenderOptions render;
    render.format = redline::DiffFormat::kPorcelain;
    const std::string out = redline::RenderDiff(diff, render);
    std::fwrite(out.data(), 1, out.size(), sink);
  }
  std::fclose(sink);
}

void RegisterFilePairs() {
  const char* pairs = std::getenv("REDLINE_BENCH_PAIRS");
  if (pairs == nullptr) return;
  std::string_view rest = pairs;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find(';'), rest.size());
    const std::string_view entry = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    const std::size_t eq = entry.find('='), colon = entry.find(':');
    if (eq == std::string_view::npos || colon == std::string_view::npos || colon < eq) continue;
    const std::string name(entry.substr(0, eq)), old_path(entry.substr(eq + 1, colon - eq - 1)),
        new_path(entry.substr(colon + 1));
    benchmark::RegisterBenchmark(("BM_DiffFiles/" + name).c_str(),
                                 [old_path, new_path](benchmark::State& state) { DiffFiles(state, old_path, new_path); })
        ->Unit(benchmark::kMillisecond);
  }
}

}  // namespace

int main(int argc, char** argv) {
  RegisterFilePairs();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
