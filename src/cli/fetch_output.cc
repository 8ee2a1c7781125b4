#include "cli/fetch_output.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <vector>

#include "redline/archive.h"

extern char** environ;

namespace redline::cli {
namespace {

using nlohmann::json;

std::string Megabytes(std::uint64_t bytes) {
  char text[32];
  if (bytes < 1024 * 1024) {
    std::snprintf(text, sizeof text, "%.0f KB", static_cast<double>(bytes) / 1024.0);
  } else {
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  }
  return text;
}

const char* KindName(StoryResultKind kind) {
  switch (kind) {
    case StoryResultKind::kChanged:
      return "changed";
    case StoryResultKind::kUnchanged:
      return "unchanged";
    case StoryResultKind::kNotModified:
      return "not_modified";
    case StoryResultKind::kError:
      return "error";
  }
  return "error";
}

// "1 page", "2 pages", "1 page and 1 feed", "2 feeds".
std::string PagesAndFeeds(std::size_t pages, std::size_t feeds) {
  std::string text;
  if (pages > 0 || feeds == 0) text = std::to_string(pages) + (pages == 1 ? " page" : " pages");
  if (feeds > 0) {
    if (!text.empty()) text += " and ";
    text += std::to_string(feeds) + (feeds == 1 ? " feed" : " feeds");
  }
  return text;
}

// Local time: "06:58:40" when it is today, else "2024-05-02 06:58:40".
std::string LocalTime(std::int64_t seconds) {
  const std::time_t when = static_cast<std::time_t>(seconds);
  const std::time_t now = std::time(nullptr);
  std::tm when_tm{};
  std::tm now_tm{};
  localtime_r(&when, &when_tm);
  localtime_r(&now, &now_tm);
  const bool today = when_tm.tm_year == now_tm.tm_year && when_tm.tm_yday == now_tm.tm_yday;
  char text[32];
  std::strftime(text, sizeof text, today ? "%H:%M:%S" : "%Y-%m-%d %H:%M:%S", &when_tm);
  return text;
}

}  // namespace

std::string NextCheckText(const NextCheck& next) {
  return "at " + LocalTime(next.at) + " for " + PagesAndFeeds(next.stories, next.feeds);
}

std::string LaterNote(const RoundReport& report, bool verbose) {
  static const std::string kCheckNow = "; 'redline fetch --all' checks now";
  if (report.stories.empty() && report.feeds.empty()) {
    if (report.tracked == 0 && report.feeds_followed == 0) {
      return "nothing tracked; follow a page with 'redline track URL' or a feed with 'redline feed add URL'";
    }
    if (report.next_check) return "nothing due; next check " + NextCheckText(*report.next_check) + kCheckNow;
    if (report.stopped > 0) {
      return "nothing due; " + PagesAndFeeds(report.stopped, 0) +
             (report.stopped == 1 ? " is past its stop-after" : " are past their stop-after") +
             " (see 'redline tracked')" + kCheckNow;
    }
    return "";
  }
  if (!verbose || !report.next_check) return "";
  return PagesAndFeeds(report.not_due, report.feeds_not_due) + " not due; next check " +
         NextCheckText(*report.next_check) + kCheckNow;
}

std::string FetchProgressText(const web::FetchProgress& progress) {
  return "fetching " + std::to_string(progress.done) + "/" + std::to_string(progress.total) + ", " +
         Megabytes(progress.bytes) + ", " + std::to_string(progress.errors) + " error" +
         (progress.errors == 1 ? "" : "s");
}

void PrintRound(const RoundReport& report, bool verbose, bool story_errors) {
  for (const FeedResult& feed : report.feeds) {
    if (!feed.error.ok()) {
      std::fflush(stdout);
      std::fprintf(stderr, "redline: feed %s: %s\n", feed.url.c_str(), feed.error.message().c_str());
    }
    for (const std::string& story : feed.new_stories) {
      std::printf("%s: tracking (from feed %s)\n", story.c_str(), feed.url.c_str());
    }
  }
  for (const StoryResult& story : report.stories) {
    const Revision& r = story.revision;
    switch (story.kind) {
      case StoryResultKind::kChanged:
        std::printf("%s: revision %d (+%zu -%zu words)%s\n", story.story.c_str(), r.number, r.added_words,
                    r.removed_words,
                    r.returns_to > 0 ? (" = returns to " + std::to_string(r.returns_to)).c_str() : "");
        // The health alarm, as `snapshot` raises it: loud, but the revision is recorded.
        std::fflush(stdout);
        for (const std::string& warning : story.warnings) {
          std::fprintf(stderr, "redline: warning: %s: %s\n", story.story.c_str(), warning.c_str());
        }
        break;
      case StoryResultKind::kUnchanged:
      case StoryResultKind::kNotModified:
        if (verbose) std::printf("%s: unchanged\n", story.story.c_str());
        break;
      case StoryResultKind::kError:
        if (!story_errors) break;
        std::fflush(stdout);
        std::fprintf(stderr, "redline: %s: %s (%s)\n", story.story.c_str(), story.error.message().c_str(),
                     story.url.c_str());
        break;
    }
  }
  std::fflush(stdout);
}

std::string RoundJson(const RoundReport& report) {
  json stories = json::array();
  for (const StoryResult& story : report.stories) {
    json entry = {{"story", story.story}, {"url", story.url}, {"result", KindName(story.kind)}};
    if (story.http_status != 0) entry["http_status"] = story.http_status;
    if (story.kind == StoryResultKind::kChanged || story.kind == StoryResultKind::kUnchanged) {
      entry["revision"] = story.revision.number;
      entry["commit"] = story.revision.commit;
    }
    if (story.kind == StoryResultKind::kChanged) {
      entry["added_words"] = story.revision.added_words;
      entry["removed_words"] = story.revision.removed_words;
      if (story.revision.moved_words > 0) entry["moved_words"] = story.revision.moved_words;
      if (story.revision.returns_to > 0) entry["returns_to"] = story.revision.returns_to;
    }
    if (story.kind == StoryResultKind::kError) entry["error"] = story.error.message();
    if (!story.warnings.empty()) entry["warnings"] = story.warnings;
    stories.push_back(std::move(entry));
  }
  json feeds = json::array();
  for (const FeedResult& feed : report.feeds) {
    json entry = {{"url", feed.url}, {"new_stories", feed.new_stories}};
    if (!feed.error.ok()) entry["error"] = feed.error.message();
    feeds.push_back(std::move(entry));
  }
  const RoundTimings& t = report.timings;
  json out = {{"stories", stories},
              {"feeds", feeds},
              {"failed", report.Failed()},
              {"not_due", report.not_due},
              {"feeds_not_due", report.feeds_not_due},
              {"stopped", report.stopped},
              {"timings",
               {{"total_seconds", t.total_seconds},
                {"network_seconds", t.network_seconds},
                {"normalize_seconds", t.normalize_seconds},
                {"commit_seconds", t.commit_seconds},
                {"bytes", t.bytes}}}};
  if (report.next_check) {
    out["next_check"] = {{"at", FormatTime({report.next_check->at, 0})},
                         {"stories", report.next_check->stories},
                         {"feeds", report.next_check->feeds}};
  }
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

void RunOnChange(const std::string& command, const RoundReport& report, const std::string& archive_path) {
  for (const StoryResult& story : report.stories) {
    if (story.kind != StoryResultKind::kChanged) continue;
    const Revision& r = story.revision;
    std::vector<std::string> environment;
    environment.push_back("REDLINE_STORY=" + story.story);
    environment.push_back("REDLINE_REVISION=" + std::to_string(r.number));
    environment.push_back("REDLINE_COMMIT=" + r.commit);
    environment.push_back("REDLINE_URL=" + (r.source_url.empty() ? story.url : r.source_url));
    environment.push_back("REDLINE_HEADLINE=" + r.headline);
    environment.push_back("REDLINE_ADDED_WORDS=" + std::to_string(r.added_words));
    environment.push_back("REDLINE_REMOVED_WORDS=" + std::to_string(r.removed_words));
    environment.push_back("REDLINE_MOVED_WORDS=" + std::to_string(r.moved_words));
    environment.push_back("REDLINE_TOTAL_WORDS=" + std::to_string(r.total_words));
    environment.push_back("REDLINE_RETURNS_TO=" + std::to_string(r.returns_to));
    environment.push_back("REDLINE_ARCHIVE=" + archive_path);
    const std::size_t ours = environment.size();
    for (char** entry = environ; *entry != nullptr; ++entry) {
      const std::string_view inherited = *entry;
      const std::string_view name = inherited.substr(0, inherited.find('=') + 1);
      bool replaced = false;
      for (std::size_t i = 0; i < ours && !replaced; ++i) replaced = environment[i].starts_with(name);
      if (!replaced) environment.emplace_back(inherited);
    }
    std::vector<char*> envp;
    for (std::string& entry : environment) envp.push_back(entry.data());
    envp.push_back(nullptr);
    std::string shell = "/bin/sh";
    std::string flag = "-c";
    std::string script = command;
    char* argv[] = {shell.data(), flag.data(), script.data(), nullptr};
    std::fflush(stdout);
    pid_t pid = 0;
    if (posix_spawn(&pid, "/bin/sh", nullptr, nullptr, argv, envp.data()) != 0) {
      std::fprintf(stderr, "redline: --on-change: cannot run /bin/sh\n");
      return;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::fprintf(stderr, "redline: --on-change command failed for %s (status %d)\n", story.story.c_str(),
                   WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    }
  }
}

}  // namespace redline::cli
