// What the snapshot and import commands share: how input is read and how an outcome is
// printed.
#ifndef REDLINE_CLI_SNAPSHOT_IO_H_
#define REDLINE_CLI_SNAPSHOT_IO_H_

#include <CLI/CLI.hpp>

#include <string>

#include "record/snapshot.h"
#include "redline/normalize.h"
#include "redline/status.h"

namespace redline::cli {

// The command line prints and parses what the recording pipeline does.
using namespace ::redline::record;  // NOLINT(google-build-using-namespace)

// How to read the input.
struct InputOptions {
  std::string path = "-";
  std::string from = "auto";
  std::string charset;
  std::string url;
  std::string rules_path;  // empty: the archive's rules (snapshot) or none (normalize)
  std::size_t max_bytes = NormalizeOptions().max_input_bytes;
  std::size_t max_depth = NormalizeOptions().max_nesting_depth;
};

// --from, --charset, --rules, --max-bytes, --max-depth.
void AddReadingOptions(CLI::App* app, InputOptions* o);

// --min-words, with HealthPolicy's default in its help.
void AddHealthOptions(CLI::App* app, HealthPolicy* health);

// The options `o` gives, without the input's own (path, url).
Result<NormalizeOptions> ReadingOptions(const InputOptions& o, const SiteRules& rules);

Result<SiteRules> ReadRulesFile(const std::string& path);

// --rules FILE when given, else the archive's rules (none without an archive).
Result<SiteRules> RulesFor(const InputOptions& o, Result<Archive>& archive);

// "STORY: revision N (+A -R words)" or "STORY: unchanged (revision N)", or with `json` the
// outcome as one line of JSON; a changed snapshot's health warnings go to stderr.
void PrintSnapshotOutcome(const std::string& story, const SnapshotOutcome& outcome, bool json);

}  // namespace redline::cli

#endif  // REDLINE_CLI_SNAPSHOT_IO_H_
