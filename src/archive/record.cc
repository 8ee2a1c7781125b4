// Recording a revision: stage the story's files in the reused index, write the tree (the
// index's tree cache rebuilds only the changed folders), commit on main, move main and the
// story's ref with compare-and-swap, then mirror the files in the work tree.
#include <cstdlib>
#include <optional>

#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/identity.h"
#include "archive/story_names.h"
#include "archive/trailers.h"
#include "archive/work_tree.h"
#include "redline/archive.h"

namespace redline {
namespace {

constexpr int kMaxOffsetMinutes = 24 * 60 - 1;

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

Result<git_oid> MainHead(git_repository* repo) {
  git_oid head;
  const int code = git_reference_name_to_id(&head, repo, std::string(kMainRef).c_str());
  if (code == GIT_ENOTFOUND) {
    git_error_clear();
    return Status::Archive("the archive has no main branch");
  }
  REDLINE_RETURN_IF_ERROR(git::Check(code, "reading main"));
  return head;
}

Result<git::CommitPtr> LookupCommit(git_repository* repo, const git_oid& id) {
  git_commit* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_commit_lookup(&raw, repo, &id), "reading commit " + git::ToHex(id)));
  return git::CommitPtr(raw);
}

Status CheckRefUpdate(int code, std::string_view ref) {
  if (code == GIT_EMODIFIED || code == GIT_EEXISTS) {
    return git::Check(code, std::string(ref) +
                                " was changed by someone else while recording; nothing was "
                                "recorded, try again");
  }
  return git::Check(code, "updating " + std::string(ref));
}

}  // namespace

Result<Revision> Archive::Record(const NewRevision& revision) {
  REDLINE_RETURN_IF_ERROR(ValidateNewRevision(revision));
  git_repository* repo = impl_->repo.get();
  git_index* index = impl_->index.get();

  REDLINE_ASSIGN_OR_RETURN(const git_oid head, MainHead(repo));
  REDLINE_ASSIGN_OR_RETURN(std::optional<Revision> previous, Latest(revision.story));
  git_oid previous_id = {};
  if (previous) git_oid_fromstr(&previous_id, previous->commit.c_str());

  RevisionTrailers trailers;
  trailers.story = revision.story;
  trailers.number = previous ? previous->number + 1 : 1;
  trailers.previous_commit = previous ? previous->commit : "";
  trailers.source_url = revision.source_url;
  trailers.captured_at = revision.captured_at;
  trailers.added_words = revision.added_words;
  trailers.removed_words = revision.removed_words;
  trailers.total_words = revision.total_words;
  const std::string message = FormatRevisionMessage(revision.headline, trailers);

  const std::string article_path = StoryFilePath(revision.story, kArticleFile);
  const std::string raw_path = StoryFilePath(revision.story, RawFileName(revision.raw_extension));
  const std::string other_raw_path =
      StoryFilePath(revision.story, RawFileName(revision.raw_extension == "html" ? "txt" : "html"));

  // Until both refs have moved, a failure leaves refs, index file and work tree untouched;
  // the in-memory index is reloaded from disk.
  const auto build = [&]() -> Result<git_oid> {
    REDLINE_RETURN_IF_ERROR(impl_->SyncIndexWithHead(head));
    REDLINE_RETURN_IF_ERROR(StageFile(index, article_path, revision.text));
    REDLINE_RETURN_IF_ERROR(StageFile(index, raw_path, revision.raw));
    REDLINE_RETURN_IF_ERROR(UnstageFile(index, other_raw_path));
    git_oid tree_id;
    REDLINE_RETURN_IF_ERROR(git::Check(git_index_write_tree(&tree_id, index), "writing the tree"));
    git_tree* raw_tree = nullptr;
    REDLINE_RETURN_IF_ERROR(git::Check(git_tree_lookup(&raw_tree, repo, &tree_id), "reading the tree"));
    git::TreePtr tree(raw_tree);
    REDLINE_ASSIGN_OR_RETURN(git::CommitPtr parent, LookupCommit(repo, head));
    REDLINE_ASSIGN_OR_RETURN(
        git::SignaturePtr signature,
        RedlineSignature(revision.captured_at.seconds, revision.captured_at.offset_minutes));
    const git_commit* parents[] = {parent.get()};
    git_oid commit_id;
    REDLINE_RETURN_IF_ERROR(git::Check(
        git_commit_create(&commit_id, repo, nullptr, signature.get(), signature.get(), nullptr,
                          message.c_str(), tree.get(), 1, parents),
        "writing the commit"));

    const std::string log_message = "redline: record " + revision.story + " revision " +
                                    std::to_string(trailers.number);
    git_reference* raw_ref = nullptr;
    REDLINE_RETURN_IF_ERROR(CheckRefUpdate(
        git_reference_create_matching(&raw_ref, repo, std::string(kMainRef).c_str(), &commit_id,
                                      1, &head, log_message.c_str()),
        kMainRef));
    git_reference_free(raw_ref);
    const std::string story_ref = StoryRefName(revision.story);
    const int code =
        previous ? git_reference_create_matching(&raw_ref, repo, story_ref.c_str(), &commit_id, 1,
                                                 &previous_id, log_message.c_str())
                 : git_reference_create(&raw_ref, repo, story_ref.c_str(), &commit_id, 0,
                                        log_message.c_str());
    Status story_moved = CheckRefUpdate(code, story_ref);
    if (!story_moved.ok()) {
      // Put main back so it never holds a revision its story's ref does not know.
      git_reference* undone = nullptr;
      if (git_reference_create_matching(&undone, repo, std::string(kMainRef).c_str(), &head, 1,
                                        &commit_id, "redline: undo failed record") < 0) {
        story_moved = story_moved.WithContext("main now holds an unreferenced commit " +
                                              git::ToHex(commit_id));
      }
      git_reference_free(undone);
      return story_moved;
    }
    git_reference_free(raw_ref);
    return commit_id;
  };
  Result<git_oid> commit_id = build();
  if (!commit_id.ok()) {
    impl_->index_synced = false;
    if (git_index_read(index, 1) < 0) git_error_clear();
    return commit_id.status();
  }

  Status checked_out = CheckOutFile(impl_->path, index, article_path, revision.text);
  if (checked_out.ok()) checked_out = CheckOutFile(impl_->path, index, raw_path, revision.raw);
  if (checked_out.ok()) checked_out = RemoveWorkTreeFile(impl_->path, other_raw_path);
  if (checked_out.ok()) checked_out = git::Check(git_index_write(index), "writing the index");
  if (!checked_out.ok()) {
    impl_->index_synced = false;
    return checked_out.WithContext("recorded " + revision.story + " revision " +
                                   std::to_string(trailers.number) + " as " +
                                   git::ToHex(*commit_id) + ", but the work tree is stale");
  }
  impl_->index_synced = true;
  impl_->synced_head = *commit_id;
  git_oid_cpy(&impl_->synced_checksum, git_index_checksum(index));

  Revision recorded;
  recorded.story = revision.story;
  recorded.number = trailers.number;
  recorded.commit = git::ToHex(*commit_id);
  recorded.time = revision.captured_at;
  recorded.headline = message.substr(0, message.find('\n'));
  recorded.source_url = SingleLine(revision.source_url);
  recorded.added_words = revision.added_words;
  recorded.removed_words = revision.removed_words;
  recorded.total_words = revision.total_words;
  recorded.previous_commit = trailers.previous_commit;
  return recorded;
}

// Makes the in-memory index hold exactly main's tree. After our own Record it already does
// (checked in O(1)); after outside changes (plain git, another process) it is reset to main.
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
