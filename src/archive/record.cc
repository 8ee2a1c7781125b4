// Recording a revision: stage the story's files in the reused index, write the tree (the
// index's tree cache rebuilds only the changed folders), write the commit, move main and
// the story's ref together under their locks, then mirror the files in the work tree.
#include <cstdlib>
#include <optional>

#include <git2/sys/commit.h>

#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/identity.h"
#include "archive/story_names.h"
#include "archive/trailers.h"
#include "archive/work_tree.h"
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
    return Status::BadInput("cannot record a capture time before 1970: " +
                            FormatTime(revision.captured_at));
  }
  if (std::abs(revision.captured_at.offset_minutes) > kMaxOffsetMinutes) {
    return Status::BadInput("UTC offset out of range: " +
                            std::to_string(revision.captured_at.offset_minutes) + " minutes");
  }
  return Status::Ok();
}

}  // namespace

// The commit `ref` points at, or nullopt if there is no such ref.
Result<std::optional<git_oid>> RefTarget(git_repository* repo, const std::string& ref) {
  git_oid id;
  const int code = git_reference_name_to_id(&id, repo, ref.c_str());
  if (code == GIT_ENOTFOUND) {
    git_error_clear();
    return std::optional<git_oid>();
  }
  REDLINE_RETURN_IF_ERROR(git::Check(code, "reading " + ref));
  return std::optional<git_oid>(id);
}

namespace {

Result<git::CommitPtr> LookupCommit(git_repository* repo, const git_oid& id) {
  git_commit* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_commit_lookup(&raw, repo, &id), "reading commit " + git::ToHex(id)));
  return git::CommitPtr(raw);
}

bool SameTarget(const std::optional<git_oid>& a, const std::optional<git_oid>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || git_oid_equal(&*a, &*b);
}

// Moves main from `head` and the story's ref from `previous` (nullopt: absent) to `commit`.
// Both refs are locked first and checked under their locks, so either both move or, when
// someone else moved one meanwhile, neither does.
// Sets `*lost_race` when the refs moved meanwhile or another process holds one of their
// locks: recording again on top of the new main may then succeed.
Status MoveRefs(git_repository* repo, const git_oid& head, const std::optional<git_oid>& previous,
                const std::string& story_ref, const git_oid& commit,
                const git_signature* signature, const std::string& log_message, bool* lost_race) {
  const std::string main_ref(kMainRef);
  git_transaction* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_transaction_new(&raw, repo), "starting a ref update"));
  git::TransactionPtr transaction(raw);
  for (const std::string* ref : {&main_ref, &story_ref}) {
    const int code = git_transaction_lock_ref(transaction.get(), ref->c_str());
    if (code == GIT_ELOCKED) *lost_race = true;
    REDLINE_RETURN_IF_ERROR(git::Check(code, "locking " + *ref));
  }
  REDLINE_ASSIGN_OR_RETURN(std::optional<git_oid> main_now, RefTarget(repo, main_ref));
  REDLINE_ASSIGN_OR_RETURN(std::optional<git_oid> story_now, RefTarget(repo, story_ref));
  for (const auto& [ref, expected, now] :
       {std::tuple{&main_ref, std::optional<git_oid>(head), main_now},
        std::tuple{&story_ref, previous, story_now}}) {
    if (!SameTarget(expected, now)) {
      *lost_race = true;
      return Status::Archive(*ref + " was changed by someone else while recording; nothing " +
                             "was recorded, try again");
    }
  }
  for (const std::string* ref : {&main_ref, &story_ref}) {
    REDLINE_RETURN_IF_ERROR(git::Check(git_transaction_set_target(transaction.get(), ref->c_str(),
                                                                  &commit, signature,
                                                                  log_message.c_str()),
                                       "updating " + *ref));
  }
  const int code = git_transaction_commit(transaction.get());
  if (code == GIT_ELOCKED) *lost_race = true;
  return git::Check(code, "updating refs");
}

// Git lock files a lost race may have met; removed only once stale (see write_lock.h).
void RemoveStaleRefLocks(git_repository* repo, const std::string& story) {
  const std::string git_dir = git_repository_path(repo);
  for (const std::string& ref : {std::string(kMainRef), StoryRefName(story)}) {
    RemoveIfStale(git_dir + ref + ".lock", kStaleGitLockSeconds);
  }
  RemoveIfStale(git_dir + "packed-refs.lock", kStaleGitLockSeconds);
}

}  // namespace

Result<Revision> Archive::Record(const NewRevision& revision) {
  REDLINE_ASSIGN_OR_RETURN(std::optional<Revision> recorded, RecordIf(revision, nullptr));
  return std::move(*recorded);  // without `prepare` nothing declines
}

// Writers of one archive take turns under its write lock (write_lock.h), so between redline
// processes the compare-and-swap in MoveRefs does not fail; when something else moved main
// (plain git, an older redline) the whole revision is recorded again on top of the new main:
// new parent, tree and revision number, and `prepare` decides again.
Result<std::optional<Revision>> Archive::RecordIf(NewRevision revision, const PrepareRevision& prepare) {
  REDLINE_RETURN_IF_ERROR(ValidateNewRevision(revision));
  const auto record_once = [&](bool* lost_race) -> Result<std::optional<Revision>> {
    git_repository* repo = impl_->repo.get();
    git_index* index = impl_->index.get();

    std::optional<git_oid> head;
    if (impl_->batch) {
      head = impl_->batch->head;
    } else {
      REDLINE_ASSIGN_OR_RETURN(head, RefTarget(repo, std::string(kMainRef)));
    }
    if (!head) return Status::Archive("the archive has no main branch");
    REDLINE_ASSIGN_OR_RETURN(std::optional<Revision> previous, Latest(revision.story));
    if (prepare) {
      REDLINE_ASSIGN_OR_RETURN(const bool wanted, prepare(previous, &revision));
      if (!wanted) return std::optional<Revision>();
    }
    std::optional<git_oid> previous_id;
    if (previous) {
      previous_id.emplace();
      git_oid_fromstr(&*previous_id, previous->commit.c_str());
    }

    RevisionTrailers trailers;
    trailers.story = revision.story;
    trailers.number = previous ? previous->number + 1 : 1;
    trailers.previous_commit = previous ? previous->commit : "";
    trailers.source_url = revision.source_url;
    trailers.captured_at = revision.captured_at;
    trailers.added_words = revision.added_words;
    trailers.removed_words = revision.removed_words;
    trailers.total_words = revision.total_words;
    trailers.returns_to = revision.returns_to;
    trailers.http_status = revision.http_status;
    trailers.content_type = revision.content_type;
    trailers.fetched_at = revision.fetched_at;
    const std::string message = FormatRevisionMessage(revision.headline, trailers);
    REDLINE_ASSIGN_OR_RETURN(
        git::SignaturePtr signature,
        RedlineSignature(revision.captured_at.seconds, revision.captured_at.offset_minutes));

    const std::string article_path = StoryFilePath(revision.story, kArticleFile);
    const std::string raw_path = StoryFilePath(revision.story, RawFileName(revision.raw_extension));
    const std::string other_raw_path =
        StoryFilePath(revision.story, RawFileName(revision.raw_extension == "html" ? "txt" : "html"));

    // Until the refs move, a failure leaves refs, the index file and the work tree untouched
    // (only unreachable objects may remain); the in-memory index is then reloaded from disk.
    const auto commit_and_publish = [&]() -> Result<git_oid> {
      REDLINE_RETURN_IF_ERROR(impl_->SyncIndexWithHead(*head));
      if (impl_->batch) {
        REDLINE_RETURN_IF_ERROR(StageFileInMemory(index, impl_->batch->memory, article_path, revision.text));
        REDLINE_RETURN_IF_ERROR(StageFileInMemory(index, impl_->batch->memory, raw_path, revision.raw));
      } else {
        REDLINE_RETURN_IF_ERROR(StageFile(index, article_path, revision.text));
        REDLINE_RETURN_IF_ERROR(StageFile(index, raw_path, revision.raw));
      }
      REDLINE_RETURN_IF_ERROR(UnstageFile(index, other_raw_path));
      git_oid tree_id;
      REDLINE_RETURN_IF_ERROR(git::Check(git_index_write_tree(&tree_id, index), "writing the tree"));
      // By id: the tree was just written and main's head was just read, so there is nothing
      // to look up.
      const git_oid* parents[] = {&*head};
      git_oid commit_id;
      REDLINE_RETURN_IF_ERROR(git::Check(
          git_commit_create_from_ids(&commit_id, repo, nullptr, signature.get(), signature.get(),
                                     nullptr, message.c_str(), &tree_id, 1, parents),
          "writing the commit"));
      if (impl_->batch) return commit_id;  // refs move when the batch commits
      REDLINE_RETURN_IF_ERROR(MoveRefs(repo, *head, previous_id, StoryRefName(revision.story),
                                       commit_id, signature.get(),
                                       "redline: record " + revision.story + " revision " +
                                           std::to_string(trailers.number),
                                       lost_race));
      return commit_id;
    };
    Result<git_oid> commit_id = commit_and_publish();
    if (!commit_id.ok()) {
      impl_->index_synced = false;
      if (impl_->batch) {
        // Back to the batch's last tree, which only the in-memory index and database hold.
        if (!impl_->SyncIndexWithHead(impl_->batch->head).ok()) git_error_clear();
      } else if (git_index_read(index, /*force=*/1) < 0) {
        git_error_clear();
      }
      return commit_id.status();
    }

    Revision recorded = RevisionFromTrailers(trailers, git::ToHex(*commit_id), revision.captured_at,
                                             message.substr(0, message.find('\n')));

    if (impl_->batch) {
      Batch& batch = *impl_->batch;
      auto [pending, inserted] = batch.stories.try_emplace(revision.story);
      if (inserted) pending->second.original_tip = previous_id;
      pending->second.tip = *commit_id;
      pending->second.article_path = article_path;
      pending->second.raw_path = raw_path;
      pending->second.other_raw_path = other_raw_path;
      pending->second.text = revision.text;
      pending->second.raw = revision.raw;
      pending->second.mtime = revision.captured_at.seconds;
      batch.head = *commit_id;
      impl_->index_synced = true;
      impl_->synced_head = *commit_id;
      return std::optional<Revision>(std::move(recorded));
    }

    // The revision is recorded; now make the work tree and the index file match it.
    const std::int64_t mtime = revision.captured_at.seconds;
    Status checked_out = CheckOutFile(impl_->path, index, article_path, revision.text, mtime);
    if (checked_out.ok()) {
      checked_out = CheckOutFile(impl_->path, index, raw_path, revision.raw, mtime);
    }
    if (checked_out.ok()) checked_out = RemoveWorkTreeFile(impl_->path, other_raw_path);
    if (checked_out.ok()) checked_out = WriteIndexFile(repo, index);
    if (!checked_out.ok()) {
      impl_->index_synced = false;
      return checked_out.WithContext("recorded " + revision.story + " revision " +
                                     std::to_string(trailers.number) + " as " +
                                     git::ToHex(*commit_id) + ", but the work tree is stale");
    }
    impl_->index_synced = true;
    impl_->synced_head = *commit_id;
    git_oid_cpy(&impl_->synced_checksum, git_index_checksum(index));
    return std::optional<Revision>(std::move(recorded));
  };
  if (impl_->batch) {
    bool lost_race = false;
    return record_once(&lost_race);
  }
  EnableDurableWrites();
  WriteLock lock;
  REDLINE_RETURN_IF_ERROR(lock.Acquire(git_repository_path(impl_->repo.get())));
  for (int attempt = 0;; ++attempt) {
    bool lost_race = false;
    Result<std::optional<Revision>> recorded = record_once(&lost_race);
    if (recorded.ok() || !lost_race || attempt + 1 >= kMaxRecordAttempts) return recorded;
    RemoveStaleRefLocks(impl_->repo.get(), revision.story);
    BackOff(attempt);
  }
}

// After our own Record the index already holds main's tree (checked in O(1)). Otherwise
// (a fresh Archive, or plain git touched main or the index) compare the index's tree with
// main's, which the index's tree cache answers without rebuilding when they agree, and
// reset the index to main when they do not.
Status Archive::Impl::SyncIndexWithHead(const git_oid& head) {
  git_index* index = this->index.get();
  REDLINE_RETURN_IF_ERROR(git::Check(git_index_read(index, 0), "reading the index"));
  if (index_synced && git_oid_equal(&synced_head, &head) &&
      git_oid_equal(&synced_checksum, git_index_checksum(index))) {
    return Status::Ok();
  }
  REDLINE_ASSIGN_OR_RETURN(git::CommitPtr commit, LookupCommit(repo.get(), head));
  git_oid index_tree;
  if (git_index_write_tree(&index_tree, index) == 0 &&
      git_oid_equal(&index_tree, git_commit_tree_id(commit.get()))) {
    return Status::Ok();
  }
  git_error_clear();
  git_tree* raw_tree = nullptr;
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_commit_tree(&raw_tree, commit.get()), "reading the tree of main"));
  git::TreePtr tree(raw_tree);
  return git::Check(git_index_read_tree(index, tree.get()), "resetting the index to main");
}

}  // namespace redline
