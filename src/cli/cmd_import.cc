// redline import: many snapshots recorded at once, as one batch (cli/snapshot_batch.h).
#include <filesystem>
#include <memory>

#include "cli/command.h"
#include "cli/snapshot_batch.h"
#include "cli/snapshot_io.h"

namespace redline::cli {
namespace {

constexpr std::string_view kLineFormat = "STORY<TAB>TIME<TAB>FILE[<TAB>URL]";

struct ImportOptions {
  std::string manifest = "-";
  InputOptions input;
  HealthPolicy health;
  bool json = false;
};

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (std::size_t tab; (tab = line.find('\t', start)) != std::string_view::npos; start = tab + 1) {
    fields.push_back(line.substr(start, tab - start));
  }
  fields.push_back(line.substr(start));
  return fields;
}

// Every line checked and every file read before the archive is touched: a bad line stops
// the import with nothing recorded. FILEs are relative to the manifest's folder.
Result<std::vector<SnapshotSource>> ReadManifest(const ImportOptions& o, const NormalizeOptions& reading) {
  REDLINE_ASSIGN_OR_RETURN(const std::string manifest, ReadInput(o.manifest));
  const std::string name = o.manifest == "-" ? "standard input" : o.manifest;
  const std::filesystem::path base =
      o.manifest == "-" ? std::filesystem::path() : std::filesystem::path(o.manifest).parent_path();
  std::vector<SnapshotSource> sources;
  std::size_t number = 0;
  for (std::size_t start = 0; start < manifest.size();) {
    std::size_t end = manifest.find('\n', start);
    if (end == std::string::npos) end = manifest.size();
    std::string_view line(manifest.data() + start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::string label = name + ":" + std::to_string(number);
    const std::vector<std::string_view> fields = SplitTabs(line);
    if (fields.size() < 3 || fields.size() > 4) {
      return Status::BadInput(label + ": expected " + std::string(kLineFormat) + ", found " +
                              std::to_string(fields.size()) + " field" + (fields.size() == 1 ? "" : "s"));
    }
    SnapshotSource source;
    source.label = label;
    source.request.story = std::string(fields[0]);
    source.request.health = o.health;
    if (fields.size() == 4) source.request.source_url = std::string(fields[3]);
    REDLINE_RETURN_IF_ERROR(ValidateStoryId(source.request.story).WithContext(label));
    Result<Timestamp> at = ParseTime(fields[1]);
    if (!at.ok()) return at.status().WithContext(label);
    source.request.captured_at = *at;
    const std::filesystem::path file = base / std::filesystem::path(std::string(fields[2]));
    Result<std::string> raw = ReadInput(file.string(), o.input.max_bytes);
    if (!raw.ok()) return raw.status().WithContext(label);
    source.raw = std::move(*raw);
    source.normalize = reading;
    source.normalize.url = source.request.source_url;
    sources.push_back(std::move(source));
  }
  return sources;
}

Outcome RunImport(const ImportOptions& o, const GlobalOptions& globals) {
  auto archive = OpenArchive(globals);
  auto rules = RulesFor(o.input, archive);
  if (!rules.ok()) return {rules.status()};
  auto reading = ReadingOptions(o.input, *rules);
  if (!reading.ok()) return {reading.status()};
  auto sources = ReadManifest(o, *reading);
  if (!sources.ok()) return {sources.status()};
  if (!archive.ok()) return {archive.status()};

  ProgressLine progress;
  RecordSnapshotsOptions options;
  options.all_or_nothing = true;
  options.on_progress = [&progress](std::size_t done, std::size_t total) {
    progress.Show("importing " + std::to_string(done) + "/" + std::to_string(total), done == total);
  };
  auto outcomes = RecordSnapshots(*archive, std::move(*sources), options);
  progress.Clear();
  if (!outcomes.ok()) return {outcomes.status()};
  for (const Result<SnapshotOutcome>& outcome : *outcomes) {
    PrintSnapshotOutcome(outcome->revision.story, *outcome, o.json);
  }
  return {};
}

Runner SetupImport(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<ImportOptions>();
  app->add_option("MANIFEST", o->manifest,
                  "one snapshot per line, " + std::string(kLineFormat) +
                      " (FILE relative to the manifest; - reads standard input, the default)");
  AddReadingOptions(app, &o->input);
  app->add_option("--min-words", o->health.min_body_words,
                  "warn when a body has fewer words than this (default 50)")
      ->option_text("N");
  app->add_flag("--json", o->json, "print each outcome as a line of JSON");
  return [o, globals]() { return RunImport(*o, *globals); };
}

}  // namespace

std::vector<Command> ImportCommands() {
  return {{"import", "record many snapshots at once, listed in a manifest (all or nothing)", SetupImport}};
}

}  // namespace redline::cli
