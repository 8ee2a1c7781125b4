// Recording a revision inside a batch: the story's files go into main's tree along their
// one path (git_tree_create_updated reads and rewrites only the trees on it, each at most
// 16 entries wide), then the commit; nothing else in the archive is visited.
#include <cstdlib>
#include <optional>

#include <git2/sys/commit.h>

#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/identity.h"
#include "archive/memory_odb.h"
#include "archive/story_names.h"
#include "archive/trailers.h"
#include "archive/write_lock.h"
#include "redline/archive.h"

namespace redline {
namespace {

constexpr int kMaxOffsetMinutes = 24 * 60 - 1;
// Lost races before Record gives up ("... try again").
constexpr int kMaxRecordAttempts = 20;

Status ValidateNewRevision(const NewRevision& revision) {
  REDLINE_RETURN_IF_ERROR(ValidateArchiveStoryId(revision.story));
  if (revision.raw_extension != "html" && revision.raw_extension != "txt") {
    return Status::BadInput("raw input must be recorded as 'html' or 'txt', not '" +
                            SingleLine(revision.raw_extension) + "'");
  }
  // git fsck refuses negative commit times.
  if (revision.captured_at.seconds < 0) {
    return Status::BadInput("cannot record a capture time before 1970: " + FormatTime(revision.captured_at));
  }
  if (std::abs(revision.captured_at.offset_minutes) > kMaxOffsetMinutes) {
    return Status::BadInput("UTC offset out of range: " + std::to_string(revision.captured_at.offset_minutes) +
                            " minutes");
  }
  return Status::Ok();
}

}  // namespace

Result<Revision> Archive::Record(const NewRevision& revision) {
  REDLINE_ASSIGN_OR_RETURN(std::optional<Revision> recorded, RecordIf(revision, nullptr));
  return std::move(*recorded);  // without `prepare` nothing declines
}

// Outside a batch, a revision is a batch of one. Writers take turns under the archive's
// write lock; when something else moved main (plain git, an older redline) the whole
// revision is recorded again on top of the new main: new parent, tree and revision
// number, and `prepare` decides again.
Result<std::optional<Revision>> Archive::RecordIf(NewRevision revision, const PrepareRevision& prepare) {
  REDLINE_RETURN_IF_ERROR(ValidateNewRevision(revision));
  if (impl_->batch) return RecordInBatch(std::move(revision), prepare);
  for (int attempt = 0;; ++attempt) {
    REDLINE_RETURN_IF_ERROR(BeginBatch());
    Result<std::optional<Revision>> recorded = RecordInBatch(revision, prepare);
    if (!recorded.ok() || !recorded->has_value()) {
      AbortBatch();
      return recorded;
    }
    bool lost_race = false;
    const Status committed = impl_->CommitBatch(&lost_race);
    if (committed.ok()) return recorded;
    if (!lost_race || attempt + 1 >= kMaxRecordAttempts) return committed;
    BackOff(attempt);
  }
}

Result<std::optional<Revision>> Archive::RecordInBatch(NewRevision revision, const PrepareRevision& prepare) {
  Batch& batch = *impl_->batch;
  git_repository* repo = impl_->repo.get();
  REDLINE_ASSIGN_OR_RETURN(std::optional<Revision> previous, Latest(revision.story));
  if (prepare) {
    REDLINE_ASSIGN_OR_RETURN(const bool wanted, prepare(previous, &revision));
    if (!wanted) return std::optional<Revision>();
  }

  RevisionTrailers trailers;
  trailers.story = revision.story;
  trailers.number = previous ? previous->number + 1 : 1;
  trailers.previous_commit = previous ? previous->commit : "";
  trailers.source_url = revision.source_url;
  trailers.captured_at = revision.captured_at;
  trailers.added_words = revision.added_words;
  trailers.removed_words = revision.removed_words;
  trailers.moved_words = revision.moved_words;
  trailers.total_words = revision.total_words;
  trailers.returns_to = revision.returns_to;
  trailers.http_status = revision.http_status;
  trailers.content_type = revision.content_type;
  trailers.fetched_at = revision.fetched_at;
  const std::string message = FormatRevisionMessage(revision.headline, trailers);
  REDLINE_ASSIGN_OR_RETURN(git::SignaturePtr signature,
                           RedlineSignature(revision.captured_at.seconds, revision.captured_at.offset_minutes));

  REDLINE_ASSIGN_OR_RETURN(const git_oid text_id, WriteMemoryObject(batch.memory, GIT_OBJECT_BLOB, revision.text));
  REDLINE_ASSIGN_OR_RETURN(const git_oid raw_id, WriteMemoryObject(batch.memory, GIT_OBJECT_BLOB, revision.raw));
  const std::string article_path = StoryFilePath(revision.story, kArticleFile);
  const std::string raw_path = StoryFilePath(revision.story, RawFileName(revision.raw_extension));
  const std::string other_raw_path =
      StoryFilePath(revision.story, RawFileName(revision.raw_extension == "html" ? "txt" : "html"));

  git_tree* raw_base = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_tree_lookup(&raw_base, repo, &batch.head_tree), "reading main's tree"));
  git::TreePtr base(raw_base);
  git_tree_update updates[3] = {};
  updates[0] = {GIT_TREE_UPDATE_UPSERT, text_id, GIT_FILEMODE_BLOB, article_path.c_str()};
  updates[1] = {GIT_TREE_UPDATE_UPSERT, raw_id, GIT_FILEMODE_BLOB, raw_path.c_str()};
  std::size_t count = 2;
  // Only the raw input of the latest revision is kept (raw.html or raw.txt).
  if (previous && git::EntryIdAt(base.get(), other_raw_path).has_value()) {
    updates[count++] = {GIT_TREE_UPDATE_REMOVE, {}, GIT_FILEMODE_BLOB, other_raw_path.c_str()};
  }
  git_oid tree_id;
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_tree_create_updated(&tree_id, repo, base.get(), count, updates), "writing the tree"));
  const git_oid* parents[] = {&batch.head};
  git_oid commit_id;
  REDLINE_RETURN_IF_ERROR(git::Check(git_commit_create_from_ids(&commit_id, repo, nullptr, signature.get(),
                                                                signature.get(), nullptr, message.c_str(), &tree_id,
                                                                1, parents),
                                     "writing the commit"));
  batch.head = commit_id;
  batch.head_tree = tree_id;

  Revision recorded = RevisionFromTrailers(trailers, git::ToHex(commit_id), revision.captured_at,
                                           message.substr(0, message.find('\n')));
  recorded.text_id = git::ToHex(text_id);
  batch.by_story[revision.story].push_back(batch.revisions.size());
  batch.revisions.push_back({recorded, recorded.text_id});
  return std::optional<Revision>(std::move(recorded));
}

}  // namespace redline
