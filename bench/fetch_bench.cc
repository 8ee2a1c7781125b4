// One fetch round over 1,000 tracked pages served from 127.0.0.1 by the test server
// (tests/support/http_server.h): BM_FirstRound records every page (1,000 new stories);
// BM_SteadyRound is the usual case, 950 pages answering 304 to the conditional GET and 50
// changed. Counters split the round's wall time into network (fetching, less the time
// spent processing responses), normalize (bytes -> canonical text) and commit (compare,
// diff, record in the batch, write the pack and refs).
#include <benchmark/benchmark.h>
#include <git2.h>

#include <atomic>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "record/fetch_round.h"
#include "support/http_server.h"
#include "web/tracking.h"

namespace {
namespace fs = std::filesystem;
using redline::testing::HttpServer;

constexpr int kPages = 1000;
constexpr int kChangedPerRound = 50;

const char* kWords[] = {"council", "budget", "minister", "report", "said",    "the",   "on",
                        "a",       "new",    "plan",     "would",  "schools", "roads", "families",
                        "region",  "vote",   "after",    "debate", "and",     "of"};

std::string Paragraph(unsigned seed, int words) {
  std::string text = "The";
  for (int i = 0; i < words; ++i) {
    seed = seed * 1103515245u + 12345u;
    text += " ";
    text += kWords[(seed >> 16) % 20];
  }
  return text + ".";
}

// A ~25 KB page: navigation, an article of 12 paragraphs, related links and a footer.
std::string Page(int page, int version) {
  std::string html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story " +
                     std::to_string(page) + " | Bench Post</title><style>" + std::string(4000, ' ') +
                     "</style></head><body><nav>";
  for (int i = 0; i < 40; ++i)
    html += "<a href=\"/section/" + std::to_string(i) + "\">Section " + std::to_string(i) + "</a>";
  html += "</nav><article><h1>Story number " + std::to_string(page) +
          "</h1><p class=\"byline\">By Bench Reporter</p>";
  for (int p = 0; p < 12; ++p) {
    html +=
        "<p>" + Paragraph(static_cast<unsigned>(page * 100 + p + (p == 3 ? version * 7919 : 0)), 50) + "</p>";
  }
  html += "</article><aside><ul>";
  for (int i = 0; i < 30; ++i)
    html +=
        "<li><a href=\"/related/" + std::to_string(i) + "\">Related story " + std::to_string(i) + "</a></li>";
  return html + "</ul></aside><footer>Copyright Bench Post</footer></body></html>";
}

struct Site {
  HttpServer server;
  std::vector<std::shared_ptr<std::atomic<int>>> versions;
  Site() {
    for (int i = 0; i < kPages; ++i) {
      auto version = std::make_shared<std::atomic<int>>(0);
      versions.push_back(version);
      server.Route("/story/" + std::to_string(i),
                   redline::testing::ConditionalPage([i, version] { return Page(i, version->load()); }));
    }
  }
};

fs::path FreshDir(const std::string& name) {
  const char* base = std::getenv("REDLINE_BENCH_TMP");
  const fs::path parent = base != nullptr ? fs::path(base) : fs::temp_directory_path();
  fs::create_directories(parent);
  const fs::path dir = parent / ("redline-fetch-bench-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  return dir;
}

redline::Archive TrackedArchive(const fs::path& dir, const Site& site) {
  auto archive = redline::Archive::Init(dir.string());
  if (!archive.ok()) throw std::runtime_error(archive.status().message());
  redline::web::TrackingList list;
  for (int i = 0; i < kPages; ++i) {
    auto tracked = redline::web::Track(&list, site.server.Url("/story/" + std::to_string(i)),
                                       "story-" + std::to_string(i), {}, std::time(nullptr));
    if (!tracked.ok()) throw std::runtime_error(tracked.status().message());
  }
  const redline::Status saved = redline::web::SaveTrackingList(*archive, list, "Track 1000 stories");
  if (!saved.ok()) throw std::runtime_error(saved.message());
  return std::move(*archive);
}

redline::web::FetchOptions BenchFetchOptions() {
  redline::web::FetchOptions options;
  options.per_host_transfers = 8;  // one local host: the per-host limit is the parallelism
  options.max_transfers = 8;
  options.per_host_delay_ms = 0;
  return options;
}

void AddCounters(benchmark::State& state, const redline::record::RoundReport& report, double* sums) {
  sums[0] += report.timings.network_seconds;
  sums[1] += report.timings.normalize_seconds;
  sums[2] += report.timings.commit_seconds;
  sums[3] += report.timings.total_seconds;
  std::size_t changed = 0;
  std::size_t not_modified = 0;
  for (const auto& story : report.stories) {
    changed += story.kind == redline::record::StoryResultKind::kChanged ? 1 : 0;
    not_modified += story.kind == redline::record::StoryResultKind::kNotModified ? 1 : 0;
    if (story.kind == redline::record::StoryResultKind::kError)
      state.SkipWithError(story.error.message().c_str());
  }
  state.counters["changed"] = static_cast<double>(changed);
  state.counters["not_modified"] = static_cast<double>(not_modified);
  state.counters["MB"] = static_cast<double>(report.timings.bytes) / 1e6;
}

void SetSplit(benchmark::State& state, const double* sums) {
  const auto average = benchmark::Counter::kAvgIterations;
  state.counters["network_s"] = benchmark::Counter(sums[0], average);
  state.counters["normalize_s"] = benchmark::Counter(sums[1], average);
  state.counters["commit_s"] = benchmark::Counter(sums[2], average);
  state.counters["round_s"] = benchmark::Counter(sums[3], average);
}

void BM_FirstRound(benchmark::State& state) {
  git_libgit2_init();
  Site site;
  double sums[4] = {};
  for (auto _ : state) {
    state.PauseTiming();
    const fs::path dir = FreshDir("first");
    redline::Archive archive = TrackedArchive(dir, site);
    redline::web::Fetcher fetcher(BenchFetchOptions());
    state.ResumeTiming();
    auto report = redline::record::RunFetchRound(archive, fetcher, {});
    if (!report.ok()) {
      state.SkipWithError(report.status().message().c_str());
      break;
    }
    state.PauseTiming();
    AddCounters(state, *report, sums);
    fs::remove_all(dir);
    state.ResumeTiming();
  }
  SetSplit(state, sums);
}
BENCHMARK(BM_FirstRound)->Iterations(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SteadyRound(benchmark::State& state) {
  git_libgit2_init();
  Site site;
  const fs::path dir = FreshDir("steady");
  redline::Archive archive = TrackedArchive(dir, site);
  redline::web::Fetcher fetcher(BenchFetchOptions());
  if (auto first = redline::record::RunFetchRound(archive, fetcher, {}); !first.ok()) {
    state.SkipWithError(first.status().message().c_str());
    return;
  }
  redline::record::RoundOptions options;
  options.all = true;  // every page is checked, as when all are due
  double sums[4] = {};
  int round = 0;
  for (auto _ : state) {
    state.PauseTiming();
    ++round;
    for (int i = 0; i < kChangedPerRound; ++i) site.versions[(round * 97 + i * 19) % kPages]->store(round);
    state.ResumeTiming();
    auto report = redline::record::RunFetchRound(archive, fetcher, options);
    if (!report.ok()) {
      state.SkipWithError(report.status().message().c_str());
      break;
    }
    state.PauseTiming();
    AddCounters(state, *report, sums);
    state.ResumeTiming();
  }
  SetSplit(state, sums);
  fs::remove_all(dir);
}
BENCHMARK(BM_SteadyRound)->Iterations(5)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
