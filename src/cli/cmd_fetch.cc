// fetch and watch: rounds of fetching what is tracked (record/fetch_round.h), shown as fetch_output.h
// describes. Ctrl-C or SIGTERM stops starting new fetches; those in flight finish and are
// recorded; a second signal kills the process.
#include "cli/cmd_fetch.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>
#include <thread>

#include "cli/fetch_output.h"
#include "cli/snapshot_io.h"
#include "cli/story_ref.h"
#include "record/fetch_round.h"
#include "redline/document.h"
#include "web/schedule.h"

namespace redline::cli {

using namespace ::redline::record;  // NOLINT(google-build-using-namespace)
namespace {

std::atomic<bool> g_stop_requested{false};

extern "C" void OnStopSignal(int signal_number) {
  g_stop_requested.store(true);
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigaction(signal_number, &default_action, nullptr);  // a second signal ends the process
}

// Catches SIGINT and SIGTERM while alive; puts the previous handlers back after.
class StopSignals {
 public:
  StopSignals() {
    g_stop_requested.store(false);
    struct sigaction action {};
    action.sa_handler = OnStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous_int_);
    sigaction(SIGTERM, &action, &previous_term_);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  ~StopSignals() {
    sigaction(SIGINT, &previous_int_, nullptr);
    sigaction(SIGTERM, &previous_term_, nullptr);
  }

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

struct NetworkOptions {
  std::string user_agent;
  std::string timeout = "30s";
  std::string connect_timeout = "10s";
  std::size_t max_bytes = std::size_t{16} << 20;
  int per_host = 2;
  std::string delay = "250ms";
  std::string on_change;
  bool verbose = false;
  HealthPolicy health;
};

void AddNetworkOptions(CLI::App* app, NetworkOptions* o) {
  app->add_option("--user-agent", o->user_agent,
                  "User-Agent header (default: $REDLINE_USER_AGENT or redline/VERSION)")
      ->option_text("TEXT");
  app->add_option("--timeout", o->timeout, "give up on a page after this long (default 30s)")
      ->option_text("DURATION");
  app->add_option("--connect-timeout", o->connect_timeout, "give up connecting after this long (default 10s)")
      ->option_text("DURATION");
  app->add_option("--max-bytes", o->max_bytes, "refuse pages larger than this (default 16 MiB)")
      ->option_text("N");
  app->add_option("--per-host", o->per_host, "fetches in flight at once per host (default 2)")
      ->option_text("N")
      ->check(CLI::Range(1, 64));
  app->add_option("--delay", o->delay, "wait between two requests to one host (default 250ms; 0 for none)")
      ->option_text("DURATION");
  app->add_option(
         "--on-change", o->on_change,
         "run this shell command for each changed story (REDLINE_STORY, REDLINE_REVISION, REDLINE_URL, "
         "REDLINE_ADDED_WORDS, ... in its environment)")
      ->option_text("CMD");
  app->add_flag("-v,--verbose", o->verbose, "also list unchanged stories");
  AddHealthOptions(app, &o->health);
}

// "250ms" as well as the schedule's durations; "0" for none.
Result<long> ParseMilliseconds(const std::string& text, const char* option) {
  if (text == "0") return 0L;
  if (text.size() > 2 && text.ends_with("ms")) {
    const std::string digits = text.substr(0, text.size() - 2);
    if (digits.find_first_not_of("0123456789") == std::string::npos && digits.size() < 9)
      return std::stol(digits);
  }
  auto seconds = web::ParseDuration(text);
  if (!seconds.ok()) return Status::Usage(std::string(option) + ": " + seconds.status().message());
  return static_cast<long>(*seconds * 1000);
}

Result<web::FetchOptions> MakeFetchOptions(const NetworkOptions& o) {
  web::FetchOptions options;
  const char* agent = std::getenv("REDLINE_USER_AGENT");
  if (!o.user_agent.empty()) {
    options.user_agent = o.user_agent;
  } else if (agent != nullptr && agent[0] != '\0') {
    options.user_agent = agent;
  }
  REDLINE_ASSIGN_OR_RETURN(options.total_timeout_ms, ParseMilliseconds(o.timeout, "--timeout"));
  REDLINE_ASSIGN_OR_RETURN(options.connect_timeout_ms,
                           ParseMilliseconds(o.connect_timeout, "--connect-timeout"));
  REDLINE_ASSIGN_OR_RETURN(options.per_host_delay_ms, ParseMilliseconds(o.delay, "--delay"));
  if (options.total_timeout_ms <= 0 || options.connect_timeout_ms <= 0) {
    return Status::Usage("--timeout and --connect-timeout must be more than 0");
  }
  options.max_body_bytes = o.max_bytes;
  options.per_host_transfers = o.per_host;
  return options;
}

}  // namespace

web::FetchOptions DefaultFetchOptions() {
  auto options = MakeFetchOptions(NetworkOptions());
  return options.ok() ? *options : web::FetchOptions();
}

namespace {

struct FetchCommandOptions {
  std::vector<std::string> stories;
  bool all = false;
  bool json = false;
  NetworkOptions network;
};

Outcome RunFetch(const FetchCommandOptions& o, const GlobalOptions& globals) {
  for (const std::string& story : o.stories) REDLINE_RETURN_OUTCOME_IF_ERROR(ValidateStoryId(story));
  auto fetch_options = MakeFetchOptions(o.network);
  if (!fetch_options.ok()) return {fetch_options.status()};
  auto archive = OpenArchive(globals);
  if (!archive.ok()) return {archive.status()};
  web::Fetcher fetcher(*fetch_options);
  StopSignals signals;
  ProgressLine progress;
  RoundOptions options;
  options.all = o.all;
  options.only = o.stories;
  options.health = o.network.health;
  options.stop = &g_stop_requested;
  options.on_progress = [&progress](const web::FetchProgress& p) {
    progress.Show(FetchProgressText(p), p.done == p.total);
  };
  auto report = RunFetchRound(*archive, fetcher, options);
  progress.Clear();
  if (!report.ok()) return {report.status()};
  // One named story that failed: its error is the command's, said once (with its URL).
  const bool one_named = o.stories.size() == 1 && report->stories.size() == 1;
  if (o.json) {
    WriteOut(RoundJson(*report));
  } else {
    PrintRound(*report, o.network.verbose, !one_named);
    if (o.stories.empty() && (o.network.verbose || isatty(STDERR_FILENO) == 1)) {
      const std::string note = LaterNote(*report, o.network.verbose);
      if (!note.empty()) std::fprintf(stderr, "redline: %s\n", note.c_str());
    }
  }
  if (!o.network.on_change.empty()) RunOnChange(o.network.on_change, *report, archive->path());
  // After the round, as git runs gc --auto after a command: the automatic threshold.
  if (auto repacked = archive->MaybeGc(); !repacked.ok()) {
    std::fprintf(stderr, "redline: warning: packing the archive: %s\n", repacked.status().message().c_str());
  }
  const std::size_t failed = report->Failed();
  if (failed == 0) return {};
  if (one_named) {
    const StoryResult& only = report->stories.front();
    return {only.error.WithContext(only.story).WithSuffix(" (" + only.url + ")")};
  }
  const std::size_t attempted = report->stories.size() + report->feeds.size();
  return {Status::Network(std::to_string(failed) + " of " + std::to_string(attempted) +
                          (attempted == 1 ? " fetch failed (see the message above)"
                                          : " fetches failed (see the messages above)"))};
}

Runner SetupFetch(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<FetchCommandOptions>();
  app->add_option("STORY", o->stories,
                  "fetch these tracked stories now, whatever the schedule (default: what is due)");
  app->add_flag("--all", o->all, "fetch every tracked story and feed now, whatever the schedule");
  app->add_flag("--json", o->json, "print the round as JSON");
  AddNetworkOptions(app, &o->network);
  app->footer(
      "Without STORY, each page and feed is fetched when its schedule says it is due (docs/tracking.md);\n"
      "on a terminal, or with -v, a round that fetched nothing says when the next check is.\n"
      "Exit status: 0 when every fetch succeeded (or nothing was due); 2 usage; 3 a STORY that is not\n"
      "tracked; 4 archive; 5 when any fetch failed (each failure is shown and recorded; the others are\n"
      "still fetched and recorded); for one named story, its own error's status (3 no article text).");
  return [o, globals]() { return RunFetch(*o, *globals); };
}

// Without --every, watch looks for what its schedule made due this often.
constexpr std::int64_t kWatchPeriod = 60;

struct WatchOptions {
  std::string every;  // empty: each page's schedule, looked at every kWatchPeriod
  int rounds = 0;
  NetworkOptions network;
};

Outcome RunWatch(const WatchOptions& o, const GlobalOptions& globals) {
  std::optional<std::int64_t> every;
  if (!o.every.empty()) {
    auto seconds = web::ParseDuration(o.every);
    if (!seconds.ok()) return {Status::Usage("--every: " + seconds.status().message())};
    every = *seconds;
  }
  const std::int64_t period = every.value_or(kWatchPeriod);
  auto fetch_options = MakeFetchOptions(o.network);
  if (!fetch_options.ok()) return {fetch_options.status()};
  auto archive = OpenArchive(globals);
  if (!archive.ok()) return {archive.status()};
  web::Fetcher fetcher(*fetch_options);
  StopSignals signals;
  const bool terminal = isatty(STDERR_FILENO) == 1;
  for (int round = 1; !g_stop_requested.load(); ++round) {
    const auto started = std::chrono::steady_clock::now();
    ProgressLine progress;
    RoundOptions options;
    options.every = every;
    options.started = static_cast<std::int64_t>(std::time(nullptr));
    options.health = o.network.health;
    options.stop = &g_stop_requested;
    options.on_progress = [&progress](const web::FetchProgress& p) {
      progress.Show(FetchProgressText(p), p.done == p.total);
    };
    auto report = RunFetchRound(*archive, fetcher, options);
    progress.Clear();
    if (!report.ok()) {
      std::fprintf(stderr, "redline: error: %s\n", report.status().message().c_str());
    } else {
      PrintRound(*report, o.network.verbose);
      if (!o.network.on_change.empty()) RunOnChange(o.network.on_change, *report, archive->path());
      if (terminal) {
        std::size_t changed = 0;
        for (const StoryResult& s : report->stories) changed += s.kind == StoryResultKind::kChanged ? 1 : 0;
        std::string summary = report->stories.empty() && report->feeds.empty()
                                  ? "nothing due"
                                  : std::to_string(report->stories.size()) + " fetched, " +
                                        std::to_string(changed) + " changed, " +
                                        std::to_string(report->Failed()) + " failed";
        if (report->next_check) summary += "; next check " + NextCheckText(*report->next_check);
        std::fprintf(stderr, "round %d: %s\n", round, summary.c_str());
      }
    }
    // Between rounds, the automatic threshold for delta compression (as git's gc.auto).
    if (auto repacked = archive->MaybeGc(); !repacked.ok()) {
      std::fprintf(stderr, "redline: warning: packing the archive: %s\n", repacked.status().message().c_str());
    }
    if (o.rounds > 0 && round >= o.rounds) break;
    const auto next = started + std::chrono::seconds(period);
    while (!g_stop_requested.load() && std::chrono::steady_clock::now() < next) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  return {};
}

Runner SetupWatch(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<WatchOptions>();
  app->add_option("--every", o->every,
                  "check every page and feed this often (a page tracked with its own --every keeps "
                  "it); default: each page's schedule, looked at every minute")
      ->option_text("DURATION");
  app->add_option("--rounds", o->rounds, "stop after this many rounds (default: until SIGINT or SIGTERM)")
      ->option_text("N")
      ->check(CLI::NonNegativeNumber);
  AddNetworkOptions(app, &o->network);
  app->footer(
      "Exit status: 0 when stopped by SIGINT or SIGTERM or after --rounds (a round's errors are shown\n"
      "and the next round runs); 2 usage; 4 when the archive cannot be opened.");
  return [o, globals]() { return RunWatch(*o, *globals); };
}

}  // namespace

std::vector<Command> FetchCommands() {
  return {
      {"fetch", "fetch tracked pages and feeds that are due (or the STORYs named) and record changes",
       SetupFetch},
      {"watch", "fetch what is due in rounds until SIGINT or SIGTERM", SetupWatch},
  };
}

}  // namespace redline::cli
