#include "record/snapshot.h"

#include <algorithm>

#include "redline/diff.h"

namespace redline::record {

Result<NormalizedInput> NormalizeInput(std::string raw, InputFormat format, std::string_view charset) {
  NormalizeOptions options;
  options.from = format;
  options.charset = std::string(charset);
  return NormalizeInput(std::move(raw), options);
}

Result<NormalizedInput> NormalizeInput(std::string raw, const NormalizeOptions& given) {
  NormalizeOptions options = given;
  if (options.from == InputFormat::kAuto) options.from = DetectFormat(raw);
  REDLINE_ASSIGN_OR_RETURN(Document document, Normalize(raw, options));
  NormalizedInput input;
  input.text = CanonicalText(document);
  if (input.text.empty()) return Status::BadInput("no article text found in input");
  input.document = std::move(document);
  input.raw = std::move(raw);
  input.format = options.from;
  return input;
}

Result<SiteRules> ArchiveSiteRules(Archive& archive) {
  REDLINE_ASSIGN_OR_RETURN(const std::optional<std::string> text, archive.ReadStateFile(kSiteRulesFile));
  if (!text.has_value()) return SiteRules();
  Result<SiteRules> rules = SiteRules::Parse(*text);
  if (!rules.ok()) return rules.status().WithContext(std::string("the archive's ") + kSiteRulesFile);
  return rules;
}

namespace {

// The body's words, given the canonical text's (`words`): those of the headline and byline
// taken away. No word spans the blank line between blocks, and a block's mark ("## ", "- ",
// "> ") holds none, so the text's words are its blocks' words added up.
std::size_t CountBodyWords(const Document& document, std::size_t words) {
  Document header;
  header.title = document.title;
  header.byline = document.byline;
  return words - std::min(words, CountWords(CanonicalText(header)));
}

}  // namespace

std::vector<std::string> ExtractionWarnings(const Document::Provenance& provenance) {
  std::vector<std::string> warnings;
  if (provenance.replaced_bytes > 0) {
    warnings.push_back(std::to_string(provenance.replaced_bytes) +
                       " invalid UTF-8 byte(s) in the page were shown as U+FFFD");
  }
  if (!provenance.confident) {
    warnings.push_back("no article was recognized with confidence; the best candidate text was taken");
  }
  return warnings;
}

namespace {

// Checks the new text against the latest revision's (`previous_words`, nullopt when the
// story is new).
Health CheckHealth(const PreparedSnapshot& prepared, std::optional<std::size_t> previous_words,
                   const HealthPolicy& policy) {
  Health health;
  health.body_words = prepared.body_words;
  health.words = prepared.words;
  health.provenance = prepared.input.document.provenance;
  health.warnings = ExtractionWarnings(health.provenance);
  if (health.body_words < policy.min_body_words) {
    // The snapshot's counts include the headline and byline; say so, so that "+2 -0 words"
    // beside "no words" reads as what it is.
    const std::size_t header_words = health.words - std::min(health.words, health.body_words);
    const std::string not_counted =
        header_words == 0 ? ""
        : header_words == 1
            ? "; the 1 word of the headline and byline is not counted"
            : "; the " + std::to_string(header_words) + " words of the headline and byline are not counted";
    const std::string body = health.body_words == 0 ? "the body has no words"
                             : health.body_words == 1
                                 ? "the body has only 1 word"
                                 : "the body has only " + std::to_string(health.body_words) + " words";
    health.warnings.push_back(body + " (under --min-words " + std::to_string(policy.min_body_words) + not_counted +
                              "); the page may not have been extracted well");
  }
  if (previous_words.has_value()) {
    health.previous_words = previous_words;
    const double kept = *health.previous_words > 0 ? static_cast<double>(health.words) / *health.previous_words : 1;
    if (kept < 1 - policy.max_shrink) {
      health.warnings.push_back("the text shrank from " + std::to_string(*health.previous_words) + " to " +
                                std::to_string(health.words) + " words (more than " +
                                std::to_string(static_cast<int>(policy.max_shrink * 100 + 0.5)) +
                                "%); the extraction may have failed rather than the story changed");
    }
  }
  return health;
}

// The previous revision's words: its trailer says, unless it predates the trailer.
std::optional<std::size_t> PreviousWords(const std::optional<Revision>& latest, const std::string& text) {
  if (!latest.has_value()) return std::nullopt;
  return latest->total_words > 0 || text.empty() ? latest->total_words : CountWords(text);
}

// The word counts a revision's trailers record, as `redline diff` counts them (DiffStats:
// moved paragraphs and sentences are moved words, not added and removed ones); `against`
// is left to the caller (a copy of the previous text is needed only off the lock).
PreparedSnapshot::Counts CountChanges(std::string_view previous_text, std::string_view text) {
  // Only the word counts go into the commit: skip sentence labels and the summary.
  DiffOptions counts_only;
  counts_only.label_sentences = false;
  counts_only.summarize = false;
  const WordDiff diff = DiffWords(previous_text, text, counts_only);
  PreparedSnapshot::Counts counts;
  counts.added_words = diff.stats.added_words;
  counts.removed_words = diff.stats.removed_words;
  counts.moved_words = diff.stats.moved_words;
  return counts;
}

}  // namespace

PreparedSnapshot PrepareSnapshot(NormalizedInput input, const std::string* expected_latest) {
  PreparedSnapshot prepared;
  prepared.words = CountWords(input.text);
  prepared.body_words = CountBodyWords(input.document, prepared.words);
  if (expected_latest != nullptr && *expected_latest != input.text) {
    prepared.counts = CountChanges(*expected_latest, input.text);
    prepared.counts->against = *expected_latest;
  }
  prepared.input = std::move(input);
  return prepared;
}

Result<SnapshotOutcome> RecordSnapshot(Archive& archive, const SnapshotRequest& request, NormalizedInput input,
                                       const FetchFacts& fetched) {
  return RecordPrepared(archive, request, PrepareSnapshot(std::move(input), nullptr), fetched);
}

Result<SnapshotOutcome> RecordPrepared(Archive& archive, const SnapshotRequest& request, PreparedSnapshot prepared,
                                       const FetchFacts& fetched) {
  REDLINE_RETURN_IF_ERROR(ValidateStoryId(request.story));
  SnapshotOutcome outcome;
  // Decided under the archive's write lock, against the latest revision as it is then.
  const auto prepare = [&](const std::optional<Revision>& latest, NewRevision* revision) -> Result<bool> {
    std::string previous_text;
    if (latest.has_value()) {
      REDLINE_ASSIGN_OR_RETURN(previous_text, archive.ReadText(*latest));
    }
    outcome.health = CheckHealth(prepared, PreviousWords(latest, previous_text), request.health);
    if (latest.has_value() && previous_text == revision->text) {
      outcome.revision = *latest;
      return false;
    }
    // A flip-flop: the text is back to an earlier revision's (not the latest's); it returns
    // to the first revision that had it.
    revision->returns_to = 0;
    if (latest.has_value() && latest->number > 1) {
      REDLINE_ASSIGN_OR_RETURN(revision->returns_to, archive.FirstRevisionWithText(request.story, revision->text));
    }
    if (!prepared.counts.has_value() || prepared.counts->against != previous_text) {
      prepared.counts = CountChanges(previous_text, revision->text);
    }
    revision->added_words = prepared.counts->added_words;
    revision->removed_words = prepared.counts->removed_words;
    revision->moved_words = prepared.counts->moved_words;
    return true;
  };
  NormalizedInput& input = prepared.input;
  NewRevision revision;
  revision.story = request.story;
  revision.headline = CleanInlineText(input.document.title);
  revision.source_url = request.source_url;
  revision.captured_at = request.captured_at;
  revision.total_words = prepared.words;
  revision.raw_extension = input.format == InputFormat::kHtml ? "html" : "txt";
  revision.http_status = fetched.http_status;
  revision.content_type = fetched.content_type;
  revision.fetched_at = fetched.fetched_at;
  revision.text = std::move(input.text);
  revision.raw = std::move(input.raw);
  REDLINE_ASSIGN_OR_RETURN(std::optional<Revision> recorded, archive.RecordIf(std::move(revision), prepare));
  outcome.changed = recorded.has_value();
  if (recorded.has_value()) outcome.revision = std::move(*recorded);
  return outcome;
}

}  // namespace redline::record
