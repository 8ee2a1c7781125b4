#include "cli/recorder.h"

#include "redline/diff.h"

namespace redline::cli {

Result<NormalizedInput> NormalizeInput(std::string raw, InputFormat format) {
  NormalizeOptions options;
  options.from = format == InputFormat::kAuto ? DetectFormat(raw) : format;
  REDLINE_ASSIGN_OR_RETURN(Document document, Normalize(raw, options));
  NormalizedInput input;
  input.text = CanonicalText(document);
  if (input.text.empty()) return Status::BadInput("no article text found in input");
  input.document = std::move(document);
  input.raw = std::move(raw);
  input.format = options.from;
  return input;
}

Result<SnapshotOutcome> RecordSnapshot(Archive& archive, const SnapshotRequest& request, NormalizedInput input) {
  REDLINE_RETURN_IF_ERROR(ValidateStoryId(request.story));
  REDLINE_ASSIGN_OR_RETURN(const std::optional<Revision> latest, archive.Latest(request.story));
  std::string previous_text;
  if (latest.has_value()) {
    REDLINE_ASSIGN_OR_RETURN(previous_text, archive.ReadText(*latest));
    if (previous_text == input.text) return SnapshotOutcome{false, *latest};
  }
  const WordDiff diff = DiffWords(previous_text, input.text);
  NewRevision revision;
  revision.story = request.story;
  revision.headline = CleanInlineText(input.document.title);
  revision.source_url = request.source_url;
  revision.captured_at = request.captured_at;
  revision.added_words = diff.stats.added_words;
  revision.removed_words = diff.stats.removed_words;
  revision.total_words = CountWords(input.text);
  revision.raw_extension = input.format == InputFormat::kHtml ? "html" : "txt";
  revision.text = std::move(input.text);
  revision.raw = std::move(input.raw);
  REDLINE_ASSIGN_OR_RETURN(Revision recorded, archive.Record(revision));
  return SnapshotOutcome{true, std::move(recorded)};
}

}  // namespace redline::cli
