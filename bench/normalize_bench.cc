// Normalization speed and memory on the 181 pages of the article-extraction benchmark
// (../shared/data/article-extraction-benchmark/html/*.html.gz): redline's Normalize against
// a bare gumbo parse of the same pages in the same run, both in pages per second, and the
// heap peak of one Normalize call per page as a multiple of the page's size.
// Pages come from $REDLINE_SHARED_DIR, else ../shared beside the source tree.
// tools/bench-normalize builds and runs this.
#include <benchmark/benchmark.h>
#include <gumbo.h>
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "redline/normalize.h"

// Heap accounting: malloc and friends are interposed for the whole process (gumbo's
// allocations included) and forward to glibc's own. Live bytes are counted by usable size.
extern "C" {
void* __libc_malloc(size_t);
void __libc_free(void*);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
}

namespace {
std::atomic<long long> live_bytes{0};
std::atomic<long long> peak_bytes{0};

void Track(long long delta) {
  const long long now = live_bytes.fetch_add(delta, std::memory_order_relaxed) + delta;
  long long peak = peak_bytes.load(std::memory_order_relaxed);
  while (now > peak && !peak_bytes.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
  }
}
}  // namespace

extern "C" {
void* malloc(size_t size) {
  void* p = __libc_malloc(size);
  if (p != nullptr) Track(static_cast<long long>(malloc_usable_size(p)));
  return p;
}
void free(void* p) {
  if (p == nullptr) return;
  Track(-static_cast<long long>(malloc_usable_size(p)));
  __libc_free(p);
}
void* calloc(size_t n, size_t size) {
  void* p = __libc_calloc(n, size);
  if (p != nullptr) Track(static_cast<long long>(malloc_usable_size(p)));
  return p;
}
void* realloc(void* old, size_t size) {
  const long long before = old != nullptr ? static_cast<long long>(malloc_usable_size(old)) : 0;
  void* p = __libc_realloc(old, size);
  if (p != nullptr) {
    Track(static_cast<long long>(malloc_usable_size(p)) - before);
  } else if (size == 0 && old != nullptr) {
    Track(-before);
  }
  return p;
}
}

namespace {
namespace fs = std::filesystem;

struct Page {
  std::string name;
  std::string html;
};

std::string SharedDir() {
  if (const char* dir = std::getenv("REDLINE_SHARED_DIR")) return dir;
  // bench/normalize_bench.cc -> <source>/../shared
  return (fs::path(__FILE__).parent_path().parent_path().parent_path() / "shared").string();
}

std::string Gunzip(const fs::path& path) {
  const std::string command = "gzip -dc '" + path.string() + "'";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buffer[65536];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  if (pclose(pipe) != 0) throw std::runtime_error("failed: " + command);
  return out;
}

const std::vector<Page>& Pages() {
  static const std::vector<Page> pages = [] {
    const fs::path dir = fs::path(SharedDir()) / "data" / "article-extraction-benchmark" / "html";
    if (!fs::is_directory(dir)) throw std::runtime_error("no benchmark pages in " + dir.string());
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().string().ends_with(".html.gz")) paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<Page> all;
    for (const fs::path& p : paths) all.push_back({p.filename().string(), Gunzip(p)});
    return all;
  }();
  return pages;
}

std::size_t TotalBytes() {
  std::size_t total = 0;
  for (const Page& p : Pages()) total += p.html.size();
  return total;
}

void BM_GumboParse(benchmark::State& state) {
  const std::vector<Page>& pages = Pages();
  for (auto _ : state) {
    for (const Page& page : pages) {
      GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, page.html.data(), page.html.size());
      benchmark::DoNotOptimize(output);
      gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
  state.counters["pages_per_s"] =
      benchmark::Counter(static_cast<double>(pages.size()), benchmark::Counter::kIsIterationInvariantRate);
}

// The same parse as redline's: no error list (gumbo copies its stack into every error).
void BM_GumboParseNoErrors(benchmark::State& state) {
  const std::vector<Page>& pages = Pages();
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  for (auto _ : state) {
    for (const Page& page : pages) {
      GumboOutput* output = gumbo_parse_with_options(&options, page.html.data(), page.html.size());
      benchmark::DoNotOptimize(output);
      gumbo_destroy_output(&options, output);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
  state.counters["pages_per_s"] =
      benchmark::Counter(static_cast<double>(pages.size()), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Normalize(benchmark::State& state) {
  const std::vector<Page>& pages = Pages();
  redline::NormalizeOptions options;
  options.from = redline::InputFormat::kHtml;
  std::size_t failures = 0;
  for (auto _ : state) {
    for (const Page& page : pages) {
      const redline::Result<redline::Document> doc = redline::Normalize(page.html, options);
      failures += !doc.ok();
      benchmark::DoNotOptimize(doc);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes()));
  state.counters["pages_per_s"] =
      benchmark::Counter(static_cast<double>(pages.size()), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["failures"] = static_cast<double>(failures / std::max<std::size_t>(1, state.iterations()));
}

// Heap peak of one call per page over the page's size: the largest ratio, the mean, and the
// same for gumbo alone.
template <typename Fn>
void PeakRatios(benchmark::State& state, Fn&& run) {
  double max_ratio = 0;
  double sum_ratio = 0;
  for (auto _ : state) {
    max_ratio = 0;
    sum_ratio = 0;
    for (const Page& page : Pages()) {
      const long long base = live_bytes.load();
      peak_bytes.store(base);
      run(page);
      const double ratio = static_cast<double>(peak_bytes.load() - base) / static_cast<double>(page.html.size());
      max_ratio = std::max(max_ratio, ratio);
      if (std::getenv("REDLINE_BENCH_VERBOSE") != nullptr) {
        std::fprintf(stderr, "%s %zu bytes: peak %.2fx\n", page.name.c_str(), page.html.size(), ratio);
      }
      sum_ratio += ratio;
    }
  }
  state.counters["peak_x_page_max"] = max_ratio;
  state.counters["peak_x_page_mean"] = sum_ratio / static_cast<double>(Pages().size());
}

void BM_NormalizePeakMemory(benchmark::State& state) {
  redline::NormalizeOptions options;
  options.from = redline::InputFormat::kHtml;
  PeakRatios(state, [&](const Page& page) {
    const redline::Result<redline::Document> doc = redline::Normalize(page.html, options);
    benchmark::DoNotOptimize(doc);
  });
}

void BM_GumboPeakMemory(benchmark::State& state) {
  PeakRatios(state, [](const Page& page) {
    GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, page.html.data(), page.html.size());
    benchmark::DoNotOptimize(output);
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  });
}

// Interleaved so that both see the same machine state; the ratio is Normalize / GumboParse.
BENCHMARK(BM_GumboParse)->Unit(benchmark::kMillisecond)->MinTime(3);
BENCHMARK(BM_GumboParseNoErrors)->Unit(benchmark::kMillisecond)->MinTime(3);
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond)->MinTime(3);
BENCHMARK(BM_GumboPeakMemory)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_NormalizePeakMemory)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
