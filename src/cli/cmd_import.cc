// redline import: many snapshots listed in a manifest, streamed in batches (record/import.h).
#include <memory>

#include "cli/command.h"
#include "cli/snapshot_io.h"
#include "record/import.h"

namespace redline::cli {

using namespace ::redline::record;  // NOLINT(google-build-using-namespace)
namespace {

struct ImportCommandOptions {
  std::string manifest = "-";
  InputOptions input;
  HealthPolicy health;
  std::size_t batch = record::ImportOptions().batches.max_sources;
  bool json = false;
};

Outcome RunImport(const ImportCommandOptions& o, const GlobalOptions& globals) {
  auto archive = OpenArchive(globals);
  auto rules = RulesFor(o.input, archive);
  if (!rules.ok()) return {rules.status()};
  auto reading = ReadingOptions(o.input, *rules);
  if (!reading.ok()) return {reading.status()};
  if (!archive.ok()) return {archive.status()};

  ProgressLine progress;
  record::ImportOptions options;
  options.normalize = *reading;
  options.health = o.health;
  options.batches.max_sources = o.batch;
  options.read_file = [&o](const std::string& path) { return ReadInput(path, o.input.max_bytes); };
  options.on_outcome = [&](const record::ManifestEntry& entry, const SnapshotOutcome& outcome) {
    progress.Clear();
    PrintSnapshotOutcome(entry.story, outcome, o.json);
  };
  options.on_progress = [&progress](std::size_t done, std::size_t total) {
    progress.Show("importing " + std::to_string(done) + (total > 0 ? "/" + std::to_string(total) : ""),
                  total > 0 && done == total);
  };
  auto summary = record::ImportManifest(*archive, o.manifest, options);
  progress.Clear();
  if (!summary.ok()) return {summary.status()};
  if (summary->recorded >= 10000) {
    std::fprintf(stderr, "redline: hint: run 'redline gc' to compress what was imported\n");
  }
  return {};
}

Runner SetupImport(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<ImportCommandOptions>();
  app->add_option("MANIFEST", o->manifest,
                  "one snapshot per line, " + std::string(record::kManifestLineFormat) +
                      " (FILE relative to the manifest; - reads standard input, the default)");
  AddReadingOptions(app, &o->input);
  AddHealthOptions(app, &o->health);
  app->add_option("--batch", o->batch,
                  "record at most N snapshots per batch (default " +
                      std::to_string(record::ImportOptions().batches.max_sources) + ")")
      ->option_text("N")
      ->check(CLI::PositiveNumber);
  app->add_flag("--json", o->json, "print each outcome as a line of JSON");
  return [o, globals]() { return RunImport(*o, *globals); };
}

}  // namespace

std::vector<Command> ImportCommands() {
  return {{"import",
           "record many snapshots listed in a manifest, in batches (a re-run records only what is missing)",
           SetupImport}};
}

}  // namespace redline::cli
