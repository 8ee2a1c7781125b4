// The library facade: redline::lib over the archive, record, normalize and diff modules.
// Internal types never cross the API; this file translates them.
#include "redline/redline.h"

#include <ctime>
#include <utility>

#include "record/snapshot.h"
#include "redline/archive.h"
#include "redline/diff.h"
#include "redline/document.h"
#include "redline/normalize.h"

namespace redline::lib {
namespace {

InputFormat ToInputFormat(Format format) {
  switch (format) {
    case Format::kHtml: return InputFormat::kHtml;
    case Format::kText: return InputFormat::kText;
    case Format::kAuto: break;
  }
  return InputFormat::kAuto;
}

::redline::DiffFormat ToDiffFormat(DiffFormat format) {
  switch (format) {
    case DiffFormat::kColor: return ::redline::DiffFormat::kColor;
    case DiffFormat::kUnified: return ::redline::DiffFormat::kUnified;
    case DiffFormat::kMarkdown: return ::redline::DiffFormat::kMarkdown;
    case DiffFormat::kHtml: return ::redline::DiffFormat::kHtml;
    case DiffFormat::kJson: return ::redline::DiffFormat::kJson;
    case DiffFormat::kPlain: break;
  }
  return ::redline::DiffFormat::kPlain;
}

RevisionInfo ToRevisionInfo(const Revision& revision) {
  RevisionInfo info;
  info.number = revision.number;
  info.commit = revision.commit;
  info.captured_at = FormatTime(revision.time);
  info.headline = revision.headline;
  info.source_url = revision.source_url;
  info.added_words = revision.added_words;
  info.removed_words = revision.removed_words;
  info.moved_words = revision.moved_words;
  info.total_words = revision.total_words;
  info.returns_to = revision.returns_to;
  return info;
}

// As `redline diff`: the summary and sentence labels only for the formats that show them.
std::string Render(std::string_view old_text, std::string_view new_text, DiffFormat format,
                   const std::string& old_label, const std::string& new_label) {
  RenderOptions render;
  render.format = ToDiffFormat(format);
  render.old_label = old_label;
  render.new_label = new_label;
  DiffOptions options;
  const bool rich = format == DiffFormat::kJson || format == DiffFormat::kMarkdown || format == DiffFormat::kHtml;
  options.label_sentences = rich;
  options.summarize = rich;
  return RenderDiff(DiffWords(old_text, new_text, options), render);
}

std::string Label(const Revision& revision) {
  return revision.story + "@" + std::to_string(revision.number) + " (" + FormatTime(revision.time) + ")";
}

}  // namespace

const char* Version() { return REDLINE_VERSION_STRING; }

Result<Page> Normalize(std::string_view bytes, Format format) {
  REDLINE_ASSIGN_OR_RETURN(record::NormalizedInput input,
                           record::NormalizeInput(std::string(bytes), ToInputFormat(format)));
  return Page{std::move(input.document.title), std::move(input.document.byline), std::move(input.text)};
}

std::string DiffTexts(std::string_view old_text, std::string_view new_text, DiffFormat format) {
  return Render(old_text, new_text, format, "a", "b");
}

struct Archive::Impl {
  ::redline::Archive archive;
};

Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::Archive(Archive&&) noexcept = default;
Archive& Archive::operator=(Archive&&) noexcept = default;
Archive::~Archive() = default;

Result<Archive> Archive::Create(const std::string& dir) {
  REDLINE_ASSIGN_OR_RETURN(::redline::Archive archive, ::redline::Archive::Init(dir));
  return Archive(std::make_unique<Impl>(Impl{std::move(archive)}));
}

Result<Archive> Archive::Open(const std::string& dir) {
  REDLINE_ASSIGN_OR_RETURN(::redline::Archive archive, ::redline::Archive::Open(dir));
  return Archive(std::make_unique<Impl>(Impl{std::move(archive)}));
}

Result<Recorded> Archive::Record(const Snapshot& snapshot) {
  REDLINE_RETURN_IF_ERROR(ValidateStoryId(snapshot.story));
  Timestamp captured{static_cast<std::int64_t>(std::time(nullptr)), 0};
  if (!snapshot.captured_at.empty()) {
    REDLINE_ASSIGN_OR_RETURN(captured, ParseTime(snapshot.captured_at));
  }
  NormalizeOptions options;
  options.from = ToInputFormat(snapshot.format);
  options.url = snapshot.url;
  REDLINE_ASSIGN_OR_RETURN(options.rules, record::ArchiveSiteRules(impl_->archive));
  REDLINE_ASSIGN_OR_RETURN(record::NormalizedInput input, record::NormalizeInput(snapshot.bytes, options));
  const record::SnapshotRequest request{snapshot.story, snapshot.url, captured, record::HealthPolicy{}};
  REDLINE_ASSIGN_OR_RETURN(record::SnapshotOutcome outcome,
                           record::RecordSnapshot(impl_->archive, request, std::move(input)));
  return Recorded{outcome.changed, ToRevisionInfo(outcome.revision)};
}

Result<std::vector<std::string>> Archive::Stories() {
  REDLINE_ASSIGN_OR_RETURN(std::vector<StorySummary> summaries, impl_->archive.Stories());
  std::vector<std::string> stories;
  stories.reserve(summaries.size());
  for (StorySummary& summary : summaries) stories.push_back(std::move(summary.story));
  return stories;
}

Result<std::vector<RevisionInfo>> Archive::Revisions(const std::string& story) {
  REDLINE_RETURN_IF_ERROR(ValidateStoryId(story));
  REDLINE_ASSIGN_OR_RETURN(std::vector<Revision> revisions, impl_->archive.Log(story));
  std::vector<RevisionInfo> infos;
  infos.reserve(revisions.size());
  for (const Revision& revision : revisions) infos.push_back(ToRevisionInfo(revision));
  return infos;
}

Result<std::string> Archive::Text(const std::string& story, const std::string& revision) {
  REDLINE_RETURN_IF_ERROR(ValidateStoryId(story));
  REDLINE_ASSIGN_OR_RETURN(Revision resolved, impl_->archive.Resolve(story, revision));
  return impl_->archive.ReadText(resolved);
}

Result<std::string> Archive::Diff(const std::string& story, const std::string& from, const std::string& to,
                                  DiffFormat format) {
  REDLINE_RETURN_IF_ERROR(ValidateStoryId(story));
  REDLINE_ASSIGN_OR_RETURN(Revision old_revision, impl_->archive.Resolve(story, from));
  REDLINE_ASSIGN_OR_RETURN(Revision new_revision, impl_->archive.Resolve(story, to));
  REDLINE_ASSIGN_OR_RETURN(std::string old_text, impl_->archive.ReadText(old_revision));
  REDLINE_ASSIGN_OR_RETURN(std::string new_text, impl_->archive.ReadText(new_revision));
  return Render(old_text, new_text, format, Label(old_revision), Label(new_revision));
}

}  // namespace redline::lib
