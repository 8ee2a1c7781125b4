// `redline import`: a manifest of snapshots (STORY<TAB>TIME<TAB>FILE[<TAB>URL] per line)
// streamed through the batch writer, so that a manifest of any size is recorded in bounded
// memory, batch after batch. A re-run of the same manifest records only what is missing.
#ifndef REDLINE_RECORD_IMPORT_H_
#define REDLINE_RECORD_IMPORT_H_

#include <cstdio>
#include <functional>
#include <optional>
#include <string>

#include "record/batch_writer.h"
#include "redline/archive.h"
#include "redline/status.h"

namespace redline::record {

inline constexpr std::string_view kManifestLineFormat = "STORY<TAB>TIME<TAB>FILE[<TAB>URL]";

struct ManifestEntry {
  std::string label;  // "list.tsv:12"
  std::string story;
  Timestamp captured_at;
  std::string file;  // as given, relative to the manifest's folder
  std::string url;
};

// Reads a manifest line by line (never whole): blank lines and lines starting with '#' are
// skipped; a malformed line is a BadInput error naming it.
class ManifestReader {
 public:
  // `path` "-" reads standard input (once; it cannot be rewound).
  static Result<ManifestReader> Open(const std::string& path);
  ManifestReader(ManifestReader&&) noexcept;
  ManifestReader& operator=(ManifestReader&&) noexcept;
  ~ManifestReader();

  // The next entry, or nullopt at the end.
  Result<std::optional<ManifestEntry>> Next();
  // Back to the first line. REQUIRES: a file, not standard input.
  Status Rewind();
  bool rewindable() const { return file_ != stdin; }
  // FILE resolved against the manifest's folder.
  std::string Resolve(const std::string& file) const;

 private:
  ManifestReader() = default;
  std::FILE* file_ = nullptr;
  std::string name_;  // "standard input" or the path
  std::string base_;  // the manifest's folder
  std::size_t line_number_ = 0;
  char* line_ = nullptr;
  std::size_t capacity_ = 0;
};

inline BatchWriterOptions LargeBatches() {
  BatchWriterOptions options;
  options.max_sources = 5000;
  return options;
}

struct ImportOptions {
  NormalizeOptions normalize;  // how to read the pages (the URL comes from each line)
  HealthPolicy health;
  // Sizes (bulk work: larger batches than a fetch round's mean fewer packs and fewer merges
  // of them); skip_recorded and stop_at_first_error are set by the import.
  BatchWriterOptions batches = LargeBatches();
  // Reads one page or text (the caller's size limits and error messages).
  std::function<Result<std::string>(const std::string& path)> read_file;
  // Each snapshot's outcome, in manifest order, once its batch is committed.
  std::function<void(const ManifestEntry& entry, const SnapshotOutcome& outcome)> on_outcome;
  // How many are done, of how many (0 when unknown: standard input).
  std::function<void(std::size_t done, std::size_t total)> on_progress;
};

struct ImportSummary {
  std::size_t entries = 0;
  std::size_t recorded = 0;
  std::size_t unchanged = 0;
  std::size_t already_recorded = 0;
  std::size_t batches = 0;
};

// Checks every line of a manifest file first (nothing is recorded when one is malformed),
// then records the snapshots in batches. A snapshot that fails (a file that cannot be read,
// a page without text) stops the import: the batches before it stay recorded, and the error
// says how many snapshots were; running the import again records the rest.
Result<ImportSummary> ImportManifest(Archive& archive, const std::string& manifest, const ImportOptions& options);

}  // namespace redline::record

#endif  // REDLINE_RECORD_IMPORT_H_
