#include "cli/snapshot_io.h"

#include <nlohmann/json.hpp>

#include <cstdio>

#include "cli/command.h"

namespace redline::cli {
namespace {

using nlohmann::json;

json HealthJson(const Health& health) {
  json out = {{"ok", health.ok()},
              {"body_words", health.body_words},
              {"words", health.words},
              {"previous_words", nullptr},
              {"source", health.provenance.source},
              {"confident", health.provenance.confident},
              {"replaced_bytes", health.provenance.replaced_bytes},
              {"warnings", health.warnings}};
  if (health.previous_words.has_value()) out["previous_words"] = *health.previous_words;
  return out;
}

}  // namespace

void AddHealthOptions(CLI::App* app, HealthPolicy* health) {
  app->add_option("--min-words", health->min_body_words,
                  "warn when a recorded body has fewer words than this (default " +
                      std::to_string(HealthPolicy().min_body_words) + ")")
      ->option_text("N");
}

void AddReadingOptions(CLI::App* app, InputOptions* o) {
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

Result<NormalizeOptions> ReadingOptions(const InputOptions& o, const SiteRules& rules) {
  NormalizeOptions options;
  REDLINE_ASSIGN_OR_RETURN(options.from, ParseInputFormat(o.from));
  options.charset = o.charset;
  options.rules = rules;
  options.max_input_bytes = o.max_bytes;
  options.max_nesting_depth = o.max_depth;
  return options;
}

Result<SiteRules> ReadRulesFile(const std::string& path) {
  REDLINE_ASSIGN_OR_RETURN(const std::string text, ReadInput(path));
  Result<SiteRules> rules = SiteRules::Parse(text);
  if (!rules.ok()) return rules.status().WithContext(path);
  return rules;
}

Result<SiteRules> RulesFor(const InputOptions& o, Result<Archive>& archive) {
  if (!o.rules_path.empty()) return ReadRulesFile(o.rules_path);
  if (archive.ok()) return ArchiveSiteRules(*archive);
  return SiteRules();
}

void PrintSnapshotOutcome(const std::string& story, const SnapshotOutcome& outcome, bool as_json) {
  const Revision& r = outcome.revision;
  // A suspicious extraction is recorded, but never silently.
  if (outcome.changed) {
    for (const std::string& warning : outcome.health.warnings) {
      std::fprintf(stderr, "redline: warning: %s: %s\n", story.c_str(), warning.c_str());
    }
  }
  if (!as_json) {
    if (outcome.changed) {
      std::printf("%s: revision %d (+%zu -%zu words)\n", story.c_str(), r.number, r.added_words, r.removed_words);
    } else if (outcome.already_recorded) {
      std::printf("%s: already recorded (revision %d)\n", story.c_str(), r.number);
    } else {
      std::printf("%s: unchanged (revision %d)\n", story.c_str(), r.number);
    }
    return;
  }
  json out = {{"story", story}, {"changed", outcome.changed}, {"revision", r.number}, {"commit", r.commit}};
  if (outcome.already_recorded) out["already_recorded"] = true;
  if (outcome.changed) {
    out["added_words"] = r.added_words;
    out["removed_words"] = r.removed_words;
    if (r.moved_words > 0) out["moved_words"] = r.moved_words;
    out["total_words"] = r.total_words;
    out["headline"] = r.headline;
  }
  out["health"] = HealthJson(outcome.health);
  WriteOut(out.dump(-1, ' ', false, json::error_handler_t::replace) + "\n");
}

}  // namespace redline::cli
