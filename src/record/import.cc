#include "record/import.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

namespace redline::record {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (std::size_t tab; (tab = line.find('\t', start)) != std::string_view::npos; start = tab + 1) {
    fields.push_back(line.substr(start, tab - start));
  }
  fields.push_back(line.substr(start));
  return fields;
}

}  // namespace

Result<ManifestReader> ManifestReader::Open(const std::string& path) {
  ManifestReader reader;
  if (path == "-") {
    reader.file_ = stdin;
    reader.name_ = "standard input";
    return reader;
  }
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return Status::BadInput("cannot read '" + path + "': it is a directory");
  }
  reader.file_ = std::fopen(path.c_str(), "rb");
  if (reader.file_ == nullptr) return Status::BadInput("cannot read '" + path + "': " + std::strerror(errno));
  reader.name_ = path;
  reader.base_ = std::filesystem::path(path).parent_path().string();
  return reader;
}

ManifestReader::ManifestReader(ManifestReader&& other) noexcept { *this = std::move(other); }

ManifestReader& ManifestReader::operator=(ManifestReader&& other) noexcept {
  std::swap(file_, other.file_);
  std::swap(name_, other.name_);
  std::swap(base_, other.base_);
  std::swap(line_number_, other.line_number_);
  std::swap(line_, other.line_);
  std::swap(capacity_, other.capacity_);
  return *this;
}

ManifestReader::~ManifestReader() {
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
  std::free(line_);
}

Status ManifestReader::Rewind() {
  if (!rewindable()) return Status::Internal("standard input cannot be read twice");
  std::rewind(file_);
  line_number_ = 0;
  return Status::Ok();
}

std::string ManifestReader::Resolve(const std::string& file) const {
  return (std::filesystem::path(base_) / std::filesystem::path(file)).string();
}

Result<std::optional<ManifestEntry>> ManifestReader::Next() {
  for (;;) {
    const ssize_t read = ::getline(&line_, &capacity_, file_);
    if (read < 0) {
      if (std::ferror(file_)) return Status::BadInput("cannot read " + name_ + ": " + std::strerror(errno));
      return std::optional<ManifestEntry>();
    }
    ++line_number_;
    std::string_view line(line_, static_cast<std::size_t>(read));
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    ManifestEntry entry;
    entry.label = name_ + ":" + std::to_string(line_number_);
    const std::vector<std::string_view> fields = SplitTabs(line);
    if (fields.size() < 3 || fields.size() > 4) {
      return Status::BadInput(entry.label + ": expected " + std::string(kManifestLineFormat) + ", found " +
                              std::to_string(fields.size()) + " field" + (fields.size() == 1 ? "" : "s"));
    }
    entry.story = std::string(fields[0]);
    REDLINE_RETURN_IF_ERROR(ValidateStoryId(entry.story).WithContext(entry.label));
    Result<Timestamp> at = ParseTime(fields[1]);
    if (!at.ok()) return at.status().WithContext(entry.label);
    entry.captured_at = *at;
    entry.file = std::string(fields[2]);
    if (entry.file.empty()) return Status::BadInput(entry.label + ": no FILE");
    if (fields.size() == 4) entry.url = std::string(fields[3]);
    return std::optional<ManifestEntry>(std::move(entry));
  }
}

Result<ImportSummary> ImportManifest(Archive& archive, const std::string& manifest, const ImportOptions& options) {
  REDLINE_ASSIGN_OR_RETURN(ManifestReader reader, ManifestReader::Open(manifest));
  ImportSummary summary;
  std::size_t total = 0;
  if (reader.rewindable()) {
    // A malformed line anywhere stops the import before anything is recorded.
    // So does a FILE that is missing (its content is checked as it is read).
    for (;;) {
      REDLINE_ASSIGN_OR_RETURN(const std::optional<ManifestEntry> entry, reader.Next());
      if (!entry) break;
      std::error_code error;
      if (!std::filesystem::exists(reader.Resolve(entry->file), error)) {
        return Status::BadInput(entry->label + ": cannot read '" + reader.Resolve(entry->file) +
                                "': No such file or directory");
      }
      ++total;
    }
    REDLINE_RETURN_IF_ERROR(reader.Rewind());
  }

  // The entries of the batch being filled, to report their outcomes once it is committed.
  std::vector<ManifestEntry> waiting;
  std::size_t first_waiting = 0;
  BatchWriterOptions batches = options.batches;
  batches.skip_recorded = true;
  batches.stop_at_first_error = true;
  batches.on_outcome = [&](std::size_t index, const SnapshotSource&, const Result<SnapshotOutcome>& outcome) {
    if (!outcome.ok()) return;  // the whole batch fails with it
    const ManifestEntry& entry = waiting[index - first_waiting];
    if (outcome->changed) {
      ++summary.recorded;
    } else if (outcome->already_recorded) {
      ++summary.already_recorded;
    } else {
      ++summary.unchanged;
    }
    if (options.on_outcome) options.on_outcome(entry, *outcome);
  };
  if (options.on_progress) {
    batches.on_progress = [&](std::size_t done) { options.on_progress(done, total); };
  }
  BatchWriter writer(archive, std::move(batches));
  const auto stopped = [&](const Status& error) {
    const std::size_t kept = summary.recorded + summary.unchanged + summary.already_recorded;
    if (kept == 0) return error;
    return error.WithContext("stopped after " + std::to_string(kept) + " of the snapshots were recorded "
                             "(run the import again to record the rest)");
  };
  for (;;) {
    Result<std::optional<ManifestEntry>> next = reader.Next();
    if (!next.ok()) return stopped(next.status());
    if (!next->has_value()) break;
    ManifestEntry& entry = **next;
    Result<std::string> raw = options.read_file(reader.Resolve(entry.file));
    if (!raw.ok()) {
      if (const Status finished = writer.Finish(); !finished.ok()) return stopped(finished);
      return stopped(raw.status().WithContext(entry.label));
    }
    SnapshotSource source;
    source.label = entry.label;
    source.request.story = entry.story;
    source.request.source_url = entry.url;
    source.request.captured_at = entry.captured_at;
    source.request.health = options.health;
    source.normalize = options.normalize;
    source.normalize.url = entry.url;
    source.raw = std::move(*raw);
    if (waiting.empty()) first_waiting = summary.entries;
    waiting.push_back(std::move(entry));
    ++summary.entries;
    const std::size_t batches_before = writer.recorded_batches();
    if (const Status added = writer.Add(std::move(source)); !added.ok()) return stopped(added);
    if (writer.recorded_batches() != batches_before) waiting.clear();
  }
  if (const Status finished = writer.Finish(); !finished.ok()) return stopped(finished);
  summary.batches = writer.recorded_batches();
  return summary;
}

}  // namespace redline::record
