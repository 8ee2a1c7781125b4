// normalize, snapshot, rules.
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <cstdio>
#include <ctime>
#include <memory>

#include "cli/command.h"
#include "record/snapshot.h"
#include "cli/snapshot_io.h"
#include "cli/story_ref.h"
#include "redline/diff.h"
#include "redline/document.h"

namespace redline::cli {

using namespace ::redline::record;  // NOLINT(google-build-using-namespace)
namespace {

using nlohmann::json;

void AddInputOptions(CLI::App* app, InputOptions* o) {
  app->add_option("FILE", o->path, "HTML or text file, or - for standard input (default)");
  AddReadingOptions(app, o);
}

Result<NormalizedInput> ReadAndNormalize(const InputOptions& o, const SiteRules& rules) {
  REDLINE_ASSIGN_OR_RETURN(NormalizeOptions options, ReadingOptions(o, rules));
  options.url = o.url;
  REDLINE_ASSIGN_OR_RETURN(std::string raw, ReadInput(o.path, o.max_bytes));
  auto input = NormalizeInput(std::move(raw), options);
  if (!input.ok() && o.path != "-") return input.status().WithContext(o.path);
  return input;
}

Runner SetupNormalize(CLI::App* app, const GlobalOptions*) {
  auto o = std::make_shared<InputOptions>();
  auto as_json = std::make_shared<bool>(false);
  AddInputOptions(app, o.get());
  app->add_option("--url", o->url, "the page's address, to choose site rules")->option_text("URL");
  app->add_flag("--json", *as_json, "print the extracted fields as JSON");
  return [o, as_json]() -> Outcome {
    SiteRules rules;
    if (!o->rules_path.empty()) {
      auto parsed = ReadRulesFile(o->rules_path);
      if (!parsed.ok()) return {parsed.status()};
      rules = *parsed;
    }
    auto input = ReadAndNormalize(*o, rules);
    if (!input.ok()) return {input.status()};
    const Document::Provenance& provenance = input->document.provenance;
    const std::vector<std::string> warnings = ExtractionWarnings(provenance);
    for (const std::string& warning : warnings) std::fprintf(stderr, "redline: warning: %s\n", warning.c_str());
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
                      {"text", input->text},
                      {"source", provenance.source},
                      {"health",
                       {{"ok", warnings.empty()},
                        {"confident", provenance.confident},
                        {"replaced_bytes", provenance.replaced_bytes},
                        {"warnings", warnings}}}};
    WriteOut(out.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
    return {};
  };
}

// An existing file, or a path: what a story id never is meant to be.
bool LooksLikeFile(const std::string& argument) {
  struct stat info {};
  return argument.find('/') != std::string::npos || (stat(argument.c_str(), &info) == 0 && S_ISREG(info.st_mode));
}

struct SnapshotOptions {
  std::string story;
  InputOptions input;
  std::string at;
  bool json = false;
  HealthPolicy health;
};

Outcome RunSnapshot(const SnapshotOptions& o, const GlobalOptions& globals) {
  REDLINE_RETURN_OUTCOME_IF_ERROR(ValidateStoryId(o.story));
  Timestamp captured{static_cast<std::int64_t>(std::time(nullptr)), 0};
  if (!o.at.empty()) {
    auto parsed = ParseTime(o.at);
    if (!parsed.ok()) return {parsed.status().WithContext("--at")};
    captured = *parsed;
  }
  // Site rules come from --rules, else from the archive. Everything that can fail on the
  // input fails before the archive is written.
  auto archive = OpenArchive(globals);
  auto rules = RulesFor(o.input, archive);
  if (!rules.ok()) return {rules.status()};
  auto input = ReadAndNormalize(o.input, *rules);
  if (!input.ok()) return {input.status()};
  if (!archive.ok()) return {archive.status()};
  const SnapshotRequest request{o.story, o.input.url, captured, o.health};
  auto outcome = RecordSnapshot(*archive, request, std::move(*input));
  if (!outcome.ok()) return {outcome.status()};
  PrintSnapshotOutcome(o.story, *outcome, o.json);
  return {};
}

Runner SetupSnapshot(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<SnapshotOptions>();
  app->add_option("STORY", o->story, "story id: [a-z0-9][a-z0-9._-]{0,127}")->required();
  AddInputOptions(app, &o->input);
  app->add_option("--url", o->input.url, "the page's address, kept in the commit; also chooses site rules")
      ->option_text("URL");
  app->add_option("--at", o->at, "capture time, ISO-8601 (default now)")->option_text("TIME");
  AddHealthOptions(app, &o->health);
  app->add_flag("--json", o->json, "print the outcome as JSON");
  const CLI::Option* file = app->get_option("FILE");
  return [o, globals, file]() -> Outcome {
    // `snapshot page.html`: the story id was left out, not mistyped. (A story named like a
    // file in the folder is still recorded from standard input when "-" is given.)
    if (file->count() == 0 && LooksLikeFile(o->story)) {
      return {Status::Usage("missing STORY: '" + o->story + "' is a file; usage: redline snapshot STORY [FILE]")};
    }
    return RunSnapshot(*o, *globals);
  };
}

// redline rules [--set FILE]: shows the archive's site rules, or checks and stores new ones.
Runner SetupRules(CLI::App* app, const GlobalOptions* globals) {
  auto set_path = std::make_shared<std::string>();
  app->add_option("--set", *set_path, "check FILE (- for standard input) and store it as the archive's rules")
      ->option_text("FILE");
  return [set_path, globals]() -> Outcome {
    auto archive = OpenArchive(*globals);
    if (!archive.ok()) return {archive.status()};
    if (set_path->empty()) {
      auto text = archive->ReadStateFile(kSiteRulesFile);
      if (!text.ok()) return {text.status()};
      if (text->has_value()) WriteOut(**text);
      return {};
    }
    auto text = ReadInput(*set_path);
    if (!text.ok()) return {text.status()};
    const Result<SiteRules> rules = SiteRules::Parse(*text);
    if (!rules.ok()) return {rules.status().WithContext(*set_path)};
    return {archive->WriteStateFile(kSiteRulesFile, *text, "Update site rules")};
  };
}

}  // namespace

std::vector<Command> SnapshotCommands() {
  return {
      {"normalize", "print a page's canonical text", SetupNormalize},
      {"snapshot", "normalize a page and record it as the story's next revision", SetupSnapshot},
      {"rules", "show or set the archive's site rules (redline-rules.txt)", SetupRules},
  };
}

}  // namespace redline::cli
