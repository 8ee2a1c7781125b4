// normalize, snapshot, rules.
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

// Options shared by normalize and snapshot: how to read the input.
struct InputOptions {
  std::string path = "-";
  std::string from = "auto";
  std::string charset;
  std::string url;
  std::string rules_path;  // empty: the archive's rules (snapshot) or none (normalize)
  std::size_t max_bytes = NormalizeOptions().max_input_bytes;
  std::size_t max_depth = NormalizeOptions().max_nesting_depth;
};

void AddInputOptions(CLI::App* app, InputOptions* o) {
  app->add_option("FILE", o->path, "HTML or text file, or - for standard input (default)");
  app->add_option("--from", o->from, "input format: html, text or auto (default)")->option_text("FORMAT");
  app->add_option("--charset", o->charset, "the input's charset when it does not say (e.g. iso-8859-1, shift_jis)")
      ->option_text("NAME");
  app->add_option("--rules", o->rules_path, "site rules file (see docs/normalization.md)")->option_text("FILE");
  app->add_option("--max-bytes", o->max_bytes, "refuse inputs larger than this (default 64 MiB)")
      ->option_text("N")
      ->check(CLI::PositiveNumber);
  app->add_option("--max-depth", o->max_depth, "refuse HTML nested deeper than this (default 4000, at most 20000)")
      ->option_text("N")
      ->check(CLI::Range(std::size_t{1}, kMaxNestingDepthCeiling));
}

Result<SiteRules> ReadRulesFile(const std::string& path) {
  REDLINE_ASSIGN_OR_RETURN(const std::string text, ReadInput(path));
  Result<SiteRules> rules = SiteRules::Parse(text);
  if (!rules.ok()) return rules.status().WithContext(path);
  return rules;
}

Result<NormalizedInput> ReadAndNormalize(const InputOptions& o, const SiteRules& rules) {
  NormalizeOptions options;
  REDLINE_ASSIGN_OR_RETURN(options.from, ParseInputFormat(o.from));
  options.charset = o.charset;
  options.url = o.url;
  options.rules = rules;
  options.max_input_bytes = o.max_bytes;
  options.max_nesting_depth = o.max_depth;
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
  InputOptions input;
  std::string at;
  bool json = false;
  HealthPolicy health;
};

json HealthJson(const Health& health) {
  json out = {{"ok", health.ok()},
              {"body_words", health.body_words},
              {"words", health.words},
              {"previous_words", nullptr},
              {"warnings", health.warnings}};
  if (health.previous_words.has_value()) out["previous_words"] = *health.previous_words;
  return out;
}

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
  SiteRules rules;
  if (!o.input.rules_path.empty()) {
    auto parsed = ReadRulesFile(o.input.rules_path);
    if (!parsed.ok()) return {parsed.status()};
    rules = *parsed;
  } else if (archive.ok()) {
    auto stored = ArchiveSiteRules(*archive);
    if (!stored.ok()) return {stored.status()};
    rules = *stored;
  }
  auto input = ReadAndNormalize(o.input, rules);
  if (!input.ok()) return {input.status()};
  if (!archive.ok()) return {archive.status()};
  const SnapshotRequest request{o.story, o.input.url, captured, o.health};
  auto outcome = RecordSnapshot(*archive, request, std::move(*input));
  if (!outcome.ok()) return {outcome.status()};
  const Revision& r = outcome->revision;
  // A suspicious extraction is recorded, but never silently.
  if (outcome->changed) {
    for (const std::string& warning : outcome->health.warnings) {
      std::fprintf(stderr, "redline: warning: %s: %s\n", o.story.c_str(), warning.c_str());
    }
  }
  if (!outcome->changed) {
    if (o.json) {
      const json out = {{"story", o.story},
                        {"changed", false},
                        {"revision", r.number},
                        {"commit", r.commit},
                        {"health", HealthJson(outcome->health)}};
      WriteOut(out.dump(-1, ' ', false, json::error_handler_t::replace) + "\n");
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
                      {"headline", r.headline},
                      {"health", HealthJson(outcome->health)}};
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
  AddInputOptions(app, &o->input);
  app->add_option("--url", o->input.url, "the page's address, kept in the commit; also chooses site rules")
      ->option_text("URL");
  app->add_option("--at", o->at, "capture time, ISO-8601 (default now)")->option_text("TIME");
  app->add_option("--min-words", o->health.min_body_words,
                  "warn when the body has fewer words than this (default 50)")
      ->option_text("N");
  app->add_flag("--json", o->json, "print the outcome as JSON");
  return [o, globals]() { return RunSnapshot(*o, *globals); };
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
