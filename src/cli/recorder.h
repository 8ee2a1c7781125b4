// The snapshot pipeline shared by the snapshot command and the benchmarks:
// bytes -> Document -> canonical text -> compare with the latest revision -> commit.
#ifndef REDLINE_CLI_RECORDER_H_
#define REDLINE_CLI_RECORDER_H_

#include <optional>
#include <string>
#include <string_view>

#include "redline/archive.h"
#include "redline/document.h"
#include "redline/normalize.h"
#include "redline/status.h"

namespace redline::cli {

struct NormalizedInput {
  Document document;
  std::string text;  // canonical, never empty
  std::string raw;
  InputFormat format = InputFormat::kText;  // html or text, never auto
};

// Normalizes raw bytes; `format` kAuto detects; `charset` is the one the transport declared
// (an HTTP Content-Type's), if any. BadInput when no text is found.
Result<NormalizedInput> NormalizeInput(std::string raw, InputFormat format, std::string_view charset = {});

struct SnapshotRequest {
  std::string story;
  std::string source_url;
  Timestamp captured_at;
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
  Revision revision;  // the new revision, or the latest one when unchanged
};

// Records `input` as the story's next revision unless its text equals the latest one. A
// text equal to an earlier revision's is recorded as a return to the first revision that
// had it (Revision::returns_to).
Result<SnapshotOutcome> RecordSnapshot(Archive& archive, const SnapshotRequest& request, NormalizedInput input,
                                       const FetchFacts& fetched = {});

}  // namespace redline::cli

#endif  // REDLINE_CLI_RECORDER_H_
