// normalize, snapshot.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <ctime>
#include <memory>

#include "cli/command.h"
#include "cli/recorder.h"
#include "cli/story_ref.h"
#include "redline/diff.h"
#include "redline/document.h"

namespace redline::cli {
namespace {

using nlohmann::json;

Result<NormalizedInput> ReadAndNormalize(const std::string& path, const std::string& from) {
  REDLINE_ASSIGN_OR_RETURN(const InputFormat format, ParseInputFormat(from));
  REDLINE_ASSIGN_OR_RETURN(std::string raw, ReadInput(path));
  auto input = NormalizeInput(std::move(raw), format);
  if (!input.ok() && path != "-") return input.status().WithContext(path);
  return input;
}

Runner SetupNormalize(CLI::App* app, const GlobalOptions*) {
  auto path = std::make_shared<std::string>("-");
  auto from = std::make_shared<std::string>("auto");
  auto as_json = std::make_shared<bool>(false);
  app->add_option("FILE", *path, "HTML or text file, or - for standard input (default)");
  app->add_option("--from", *from, "input format: html, text or auto (default)")->option_text("FORMAT");
  app->add_flag("--json", *as_json, "print the extracted fields as JSON");
  return [path, from, as_json]() -> Outcome {
    auto input = ReadAndNormalize(*path, *from);
    if (!input.ok()) return {input.status()};
    if (!*as_json) {
      WriteOut(input->text);
      return {};
    }
    const Document& doc = input->document;
    const json out = {{"title", CleanInlineText(doc.title)},
                      {"byline", CleanInlineText(doc.byline)},
                      {"published", doc.published},
                      {"modified", doc.modified},
                      {"url", doc.canonical_url},
                      {"language", doc.language},
                      {"body", BodyText(doc)},
                      {"text", input->text}};
    WriteOut(out.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
    return {};
  };
}

struct SnapshotOptions {
  std::string story;
  std::string path = "-";
  std::string url;
  std::string at;
  std::string from = "auto";
  bool json = false;
};

Outcome RunSnapshot(const SnapshotOptions& o, const GlobalOptions& globals) {
  REDLINE_RETURN_OUTCOME_IF_ERROR(ValidateStoryId(o.story));
  Timestamp captured{static_cast<std::int64_t>(std::time(nullptr)), 0};
  if (!o.at.empty()) {
    auto parsed = ParseTime(o.at);
    if (!parsed.ok()) return {parsed.status().WithContext("--at")};
    captured = *parsed;
  }
  // Everything that can fail on the input fails before the archive is touched.
  auto input = ReadAndNormalize(o.path, o.from);
  if (!input.ok()) return {input.status()};
  auto archive = OpenArchive(globals);
  if (!archive.ok()) return {archive.status()};
  auto outcome = RecordSnapshot(*archive, {o.story, o.url, captured}, std::move(*input));
  if (!outcome.ok()) return {outcome.status()};
  const Revision& r = outcome->revision;
  if (!outcome->changed) {
    if (o.json) {
      const json out = {{"story", o.story}, {"changed", false}, {"revision", r.number}, {"commit", r.commit}};
      WriteOut(out.dump() + "\n");
    } else {
      std::printf("%s: unchanged (revision %d)\n", o.story.c_str(), r.number);
    }
    return {};
  }
  if (o.json) {
    const json out = {{"story", o.story},
                      {"changed", true},
                      {"revision", r.number},
                      {"commit", r.commit},
                      {"added_words", r.added_words},
                      {"removed_words", r.removed_words},
                      {"total_words", r.total_words},
                      {"headline", r.headline}};
    WriteOut(out.dump(-1, ' ', false, json::error_handler_t::replace) + "\n");
  } else {
    std::printf("%s: revision %d (+%zu -%zu words)\n", o.story.c_str(), r.number,
                r.added_words, r.removed_words);
  }
  return {};
}

Runner SetupSnapshot(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<SnapshotOptions>();
  app->add_option("STORY", o->story, "story id: [a-z0-9][a-z0-9._-]{0,127}")->required();
  app->add_option("FILE", o->path, "HTML or text file, or - for standard input (default)");
  app->add_option("--url", o->url, "the page's address, kept in the commit")->option_text("URL");
  app->add_option("--at", o->at, "capture time, ISO-8601 (default now)")->option_text("TIME");
  app->add_option("--from", o->from, "input format: html, text or auto (default)")->option_text("FORMAT");
  app->add_flag("--json", o->json, "print the outcome as JSON");
  return [o, globals]() { return RunSnapshot(*o, *globals); };
}

}  // namespace

std::vector<Command> SnapshotCommands() {
  return {
      {"normalize", "print a page's canonical text", SetupNormalize},
      {"snapshot", "normalize a page and record it as the story's next revision", SetupSnapshot},
  };
}

}  // namespace redline::cli
