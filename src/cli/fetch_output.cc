#include "cli/fetch_output.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
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

}  // namespace

std::string FetchProgressText(const web::FetchProgress& progress) {
  return "fetching " + std::to_string(progress.done) + "/" + std::to_string(progress.total) + ", " +
         Megabytes(progress.bytes) + ", " + std::to_string(progress.errors) + " error" +
         (progress.errors == 1 ? "" : "s");
}

void PrintRound(const RoundReport& report, bool verbose) {
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
  const json out = {{"stories", stories},
                    {"feeds", feeds},
                    {"failed", report.Failed()},
                    {"timings",
                     {{"total_seconds", t.total_seconds},
                      {"network_seconds", t.network_seconds},
                      {"normalize_seconds", t.normalize_seconds},
                      {"commit_seconds", t.commit_seconds},
                      {"bytes", t.bytes}}}};
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
