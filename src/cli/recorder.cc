#include "cli/recorder.h"

#include "redline/diff.h"

namespace redline::cli {

Result<NormalizedInput> NormalizeInput(std::string raw, InputFormat format, std::string_view charset) {
  NormalizeOptions options;
  options.from = format == InputFormat::kAuto ? DetectFormat(raw) : format;
  options.charset = std::string(charset);
  REDLINE_ASSIGN_OR_RETURN(Document document, Normalize(raw, options));
  NormalizedInput input;
  input.text = CanonicalText(document);
  if (input.text.empty()) return Status::BadInput("no article text found in input");
  input.document = std::move(document);
  input.raw = std::move(raw);
  input.format = options.from;
  return input;
}

Result<SnapshotOutcome> RecordSnapshot(Archive& archive, const SnapshotRequest& request, NormalizedInput input,
                                       const FetchFacts& fetched) {
  REDLINE_RETURN_IF_ERROR(ValidateStoryId(request.story));
  REDLINE_ASSIGN_OR_RETURN(const std::optional<Revision> latest, archive.Latest(request.story));
  std::string previous_text;
  if (latest.has_value()) {
    REDLINE_ASSIGN_OR_RETURN(previous_text, archive.ReadText(*latest));
    if (previous_text == input.text) return SnapshotOutcome{false, *latest};
  }
  // A flip-flop: the text is back to an earlier revision's (not the latest's).
  int returns_to = 0;
  if (latest.has_value() && latest->number > 1) {
    REDLINE_ASSIGN_OR_RETURN(const std::vector<Revision> log, archive.Log(request.story));
    for (auto earlier = log.rbegin() + 1; earlier != log.rend() && returns_to == 0; ++earlier) {
      REDLINE_ASSIGN_OR_RETURN(const std::string earlier_text, archive.ReadText(*earlier));
      if (earlier_text == input.text) returns_to = earlier->returns_to > 0 ? earlier->returns_to : earlier->number;
    }
  }
  // Only the word counts go into the commit: skip sentence labels and the summary.
  DiffOptions counts_only;
  counts_only.label_sentences = false;
  counts_only.summarize = false;
  const WordDiff diff = DiffWords(previous_text, input.text, counts_only);
  NewRevision revision;
  revision.story = request.story;
  revision.headline = CleanInlineText(input.document.title);
  revision.source_url = request.source_url;
  revision.captured_at = request.captured_at;
  revision.added_words = diff.stats.added_words;
  revision.removed_words = diff.stats.removed_words;
  revision.total_words = CountWords(input.text);
  revision.raw_extension = input.format == InputFormat::kHtml ? "html" : "txt";
  revision.returns_to = returns_to;
  revision.http_status = fetched.http_status;
  revision.content_type = fetched.content_type;
  revision.fetched_at = fetched.fetched_at;
  revision.text = std::move(input.text);
  revision.raw = std::move(input.raw);
  REDLINE_ASSIGN_OR_RETURN(Revision recorded, archive.Record(revision));
  return SnapshotOutcome{true, std::move(recorded)};
}

}  // namespace redline::cli
