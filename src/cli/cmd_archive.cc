// init, stories, log, show, rm.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/command.h"
#include "cli/story_ref.h"
#include "redline/document.h"
#include "web/tracking.h"

namespace redline::cli {
namespace {

using nlohmann::json;

std::string Dump(const json& value) {
  return value.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

json RevisionJson(const Revision& r) {
  json out = {{"revision", r.number},          {"time", FormatTime(r.time)},
              {"commit", r.commit},            {"added_words", r.added_words},
              {"removed_words", r.removed_words}, {"total_words", r.total_words},
              {"headline", r.headline}};
  if (r.moved_words > 0) out["moved_words"] = r.moved_words;  // words of moved paragraphs and sentences
  if (!r.source_url.empty()) out["url"] = r.source_url;
  if (r.returns_to > 0) out["returns_to"] = r.returns_to;
  if (r.http_status > 0) out["http_status"] = r.http_status;
  if (r.fetched_at) out["fetched"] = FormatTime(*r.fetched_at);
  return out;
}

Runner SetupInit(CLI::App* app, const GlobalOptions* globals) {
  auto dir = std::make_shared<std::string>();
  app->add_option("DIR", *dir, "where to create the archive (default: -C or the current directory)");
  return [dir, globals]() -> Outcome {
    std::string target = *dir;
    if (target.empty()) target = globals->archive_dir.empty() ? "." : globals->archive_dir;
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(target, ec).lexically_normal();
    if (!absolute.has_filename() && absolute != absolute.root_path()) absolute = absolute.parent_path();
    // As `git init` in a repository: an archive is left exactly as it is.
    if (Archive::HoldsArchive(target)) {
      std::printf("Reinitialized existing redline archive in %s\n", absolute.c_str());
      return {};
    }
    auto archive = Archive::Init(target);
    if (!archive.ok()) return {archive.status()};
    std::printf("Initialized empty redline archive in %s\n", absolute.c_str());
    return {};
  };
}

Runner SetupStories(CLI::App* app, const GlobalOptions* globals) {
  auto as_json = std::make_shared<bool>(false);
  app->add_flag("--json", *as_json, "print JSON");
  return [as_json, globals]() -> Outcome {
    auto archive = OpenArchive(*globals);
    if (!archive.ok()) return {archive.status()};
    auto stories = archive->Stories();
    if (!stories.ok()) return {stories.status()};
    if (*as_json) {
      json list = json::array();
      for (const auto& s : *stories) {
        list.push_back({{"story", s.story}, {"revisions", s.revisions},
                        {"last_change", FormatTime(s.last_change)}, {"headline", s.headline}});
      }
      WriteOut(Dump({{"stories", list}}));
      return {};
    }
    Pager pager;
    MaybeStartPager(*globals, &pager);
    std::size_t width = 0;
    for (const auto& s : *stories) width = std::max(width, s.story.size());
    for (const auto& s : *stories) {
      std::printf("%-*s  %3d rev  %s  %s\n", static_cast<int>(width), s.story.c_str(), s.revisions,
                  FormatTime(s.last_change).c_str(), s.headline.c_str());
    }
    return {};
  };
}

Runner SetupLog(CLI::App* app, const GlobalOptions* globals) {
  auto story = std::make_shared<std::string>();
  auto as_json = std::make_shared<bool>(false);
  app->add_option("STORY", *story, "story id")->required();
  app->add_flag("--json", *as_json, "print JSON");
  return [story, as_json, globals]() -> Outcome {
    REDLINE_RETURN_OUTCOME_IF_ERROR(ValidateStoryId(*story));
    auto archive = OpenArchive(*globals);
    if (!archive.ok()) return {archive.status()};
    auto log = archive->Log(*story);
    if (!log.ok()) return {log.status()};
    if (*as_json) {
      json list = json::array();
      for (const auto& r : *log) list.push_back(RevisionJson(r));
      WriteOut(Dump({{"story", *story}, {"revisions", list}}));
      return {};
    }
    Pager pager;
    MaybeStartPager(*globals, &pager);
    const bool color = UseColor(globals->color);
    for (const auto& r : *log) {
      // Words moved (paragraphs and sentences moved, in neither count) follow as "~M".
      const std::string counts = "+" + std::to_string(r.added_words) + " -" + std::to_string(r.removed_words) +
                                 (r.moved_words > 0 ? " ~" + std::to_string(r.moved_words) : "");
      // A flip-flop is marked, so a return to an earlier text is visible.
      const std::string returns =
          r.returns_to > 0 ? (color ? "\x1b[36m" : "") + std::string("= returns to ") + std::to_string(r.returns_to) +
                                 (color ? "\x1b[m" : "") + "  "
                           : "";
      std::printf("%s%3d%s  %-25s  %s%s%s  %-13s  %s%s\n", color ? "\x1b[1m" : "", r.number, color ? "\x1b[m" : "",
                  FormatTime(r.time).c_str(), color ? "\x1b[33m" : "", r.commit.substr(0, 7).c_str(),
                  color ? "\x1b[m" : "", counts.c_str(), returns.c_str(), r.headline.c_str());
    }
    return {};
  };
}

Runner SetupShow(CLI::App* app, const GlobalOptions* globals) {
  auto target = std::make_shared<std::string>();
  auto raw = std::make_shared<bool>(false);
  app->add_option("STORY[@REV]", *target, "story id, optionally @ a revision (default latest)")->required();
  app->add_flag("--raw", *raw, "print the raw input that was recorded, byte for byte");
  return [target, raw, globals]() -> Outcome {
    auto ref = ParseStoryRef(*target);
    if (!ref.ok()) return {ref.status()};
    auto archive = OpenArchive(*globals);
    if (!archive.ok()) return {archive.status()};
    auto revision = archive->Resolve(ref->story, ref->revision);
    if (!revision.ok()) return {revision.status()};
    auto bytes = *raw ? archive->ReadRaw(*revision) : archive->ReadText(*revision);
    if (!bytes.ok()) return {bytes.status()};
    Pager pager;
    if (!*raw) MaybeStartPager(*globals, &pager);
    WriteOut(*bytes);
    return {};
  };
}

// redline rm STORY: one commit that removes the story's files; its history stays.
Runner SetupRm(CLI::App* app, const GlobalOptions* globals) {
  auto story = std::make_shared<std::string>();
  app->add_option("STORY", *story, "story id")->required();
  return [story, globals]() -> Outcome {
    REDLINE_RETURN_OUTCOME_IF_ERROR(ValidateStoryId(*story));
    auto archive = OpenArchive(*globals);
    if (!archive.ok()) return {archive.status()};
    // A tracked story would be fetched and recorded again at once: untracking comes first.
    auto list = web::LoadTrackingList(*archive);
    if (!list.ok()) return {list.status()};
    if (const web::TrackedStory* tracked = list->FindStory(*story)) {
      return {Status::BadInput("story '" + *story + "' is tracked (" + tracked->url + "); run 'redline untrack " +
                               *story + "' first, or the next fetch records it again")};
    }
    auto removed = archive->Remove(*story);
    if (!removed.ok()) return {removed.status()};
    std::printf("%s: removed (%d %s in the history: git log main -- %s)\n", story->c_str(), removed->revisions,
                removed->revisions == 1 ? "revision stays" : "revisions stay", StoryDirectory(*story).c_str());
    return {};
  };
}

}  // namespace

std::vector<Command> ArchiveCommands() {
  return {
      {"init", "create an archive", SetupInit},
      {"stories", "list the stories in the archive", SetupStories},
      {"log", "list a story's revisions, oldest first", SetupLog},
      {"show", "print a revision's canonical text (or --raw input)", SetupShow},
      {"rm", "remove a story from the archive (its history stays in git)", SetupRm},
  };
}

}  // namespace redline::cli
