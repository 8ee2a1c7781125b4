// The snapshot pipeline shared by the snapshot command and the benchmarks:
// bytes -> Document -> canonical text -> compare with the latest revision -> commit.
#ifndef REDLINE_RECORD_SNAPSHOT_H_
#define REDLINE_RECORD_SNAPSHOT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "redline/archive.h"
#include "redline/document.h"
#include "redline/normalize.h"
#include "redline/status.h"

namespace redline::record {

struct NormalizedInput {
  Document document;
  std::string text;  // canonical, never empty
  std::string raw;
  InputFormat format = InputFormat::kText;  // html or text, never auto
};

// Normalizes raw bytes; `format` kAuto detects; `charset` is the one the transport declared
// (an HTTP Content-Type's), if any. BadInput when no text is found.
Result<NormalizedInput> NormalizeInput(std::string raw, InputFormat format, std::string_view charset = {});
// The same with every option (size limit, site rules, the page's URL).
Result<NormalizedInput> NormalizeInput(std::string raw, const NormalizeOptions& options);

// The archive's site rules (redline-rules.txt at its root); no rules when there is no file.
// BadInput when the file does not parse.
inline constexpr const char* kSiteRulesFile = "redline-rules.txt";
Result<SiteRules> ArchiveSiteRules(Archive& archive);

// When a new text looks like a failed extraction rather than an edit.
struct HealthPolicy {
  std::size_t min_body_words = 50;  // a body shorter than this is suspicious
  double max_shrink = 0.5;          // so is losing more than this share of the words
};

struct Health {
  std::size_t body_words = 0;                 // the new body, without headline and byline
  std::size_t words = 0;                      // the new canonical text
  std::optional<std::size_t> previous_words;  // the latest revision's text, if any
  Document::Provenance provenance;            // where the text came from, how sure, stray bytes
  std::vector<std::string> warnings;          // one line each; empty when healthy
  bool ok() const { return warnings.empty(); }
};

// The warnings normalization alone raises: stray bytes shown as U+FFFD, and a text taken
// as the best candidate because no article was recognized.
std::vector<std::string> ExtractionWarnings(const Document::Provenance& provenance);

struct SnapshotRequest {
  std::string story;
  std::string source_url;
  Timestamp captured_at;
  HealthPolicy health;
};

// For pages fetched from the web: recorded as the Redline-HTTP-Status, -Content-Type and
// -Fetched trailers.
struct FetchFacts {
  int http_status = 0;
  std::string content_type;
  std::optional<Timestamp> fetched_at;
};

struct SnapshotOutcome {
  bool changed = false;
  // Not recorded because the story already has this text at this capture time (a re-run of
  // an import); `revision` is that revision.
  bool already_recorded = false;
  Revision revision;  // the new revision, or the latest one when unchanged
  Health health;      // of the input against the latest revision before it
};

// Records `input` as the story's next revision unless its text equals the latest one. A
// text equal to an earlier revision's is recorded as a return to the first revision that
// had it (Revision::returns_to).
Result<SnapshotOutcome> RecordSnapshot(Archive& archive, const SnapshotRequest& request, NormalizedInput input,
                                       const FetchFacts& fetched = {});

// What recording a snapshot needs that can be worked out without the archive, so that it
// can be worked out on another thread: the word counts, and the diff's counts against the
// text the latest revision is expected to have. The expectation is checked under the
// archive's write lock; when it was wrong the counts are taken again there.
struct PreparedSnapshot {
  NormalizedInput input;
  std::size_t words = 0;       // of input.text
  std::size_t body_words = 0;  // of its body alone
  struct Counts {
    std::string against;  // the latest revision's text, as expected ("" when the story is new)
    std::size_t added_words = 0;
    std::size_t removed_words = 0;
    std::size_t moved_words = 0;
  };
  std::optional<Counts> counts;  // nullopt: no expectation
};

// `expected_latest`: the text the story's latest revision is expected to have ("" for a new
// story), or nullptr when unknown.
PreparedSnapshot PrepareSnapshot(NormalizedInput input, const std::string* expected_latest);

// RecordSnapshot for a prepared input.
Result<SnapshotOutcome> RecordPrepared(Archive& archive, const SnapshotRequest& request, PreparedSnapshot prepared,
                                       const FetchFacts& fetched = {});

}  // namespace redline::record

#endif  // REDLINE_RECORD_SNAPSHOT_H_
