// Removing a story (`redline rm`): one commit that deletes the story's folder from main's
// tree, as `git rm -r` and a commit would; the history keeps every revision.
#include <git2/sys/commit.h>

#include <ctime>
#include <optional>

#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/identity.h"
#include "archive/story_names.h"
#include "archive/trailers.h"
#include "archive/write_lock.h"
#include "redline/archive.h"

namespace redline {
namespace {

// Lost races (plain git moving main meanwhile) before Remove gives up ("... try again").
constexpr int kMaxRemoveAttempts = 5;

}  // namespace

Result<StoryRemoval> Archive::Remove(const std::string& story) {
  REDLINE_RETURN_IF_ERROR(ValidateArchiveStoryId(story));
  if (impl_->batch) return Status::Internal("cannot remove a story while a batch is open");
  for (int attempt = 0;; ++attempt) {
    bool lost_race = false;
    Result<StoryRemoval> removed = RemoveOnce(story, &lost_race);
    if (removed.ok() || !lost_race || attempt + 1 >= kMaxRemoveAttempts) return removed;
    BackOff(attempt);
  }
}

Result<StoryRemoval> Archive::RemoveOnce(const std::string& story, bool* lost_race) {
  REDLINE_RETURN_IF_ERROR(BeginBatch());
  const auto removed = [&]() -> Result<StoryRemoval> {
    REDLINE_ASSIGN_OR_RETURN(const std::optional<Revision> latest, Latest(story));
    if (!latest) return impl_->NoSuchStory(story);
    Batch& batch = *impl_->batch;
    git_repository* repo = impl_->repo.get();
    git_tree* raw_base = nullptr;
    REDLINE_RETURN_IF_ERROR(git::Check(git_tree_lookup(&raw_base, repo, &batch.head_tree), "reading main's tree"));
    git::TreePtr base(raw_base);
    const std::string folder = StoryDirectory(story);
    if (!git::EntryIdAt(base.get(), folder)) {
      return Status::Archive("story '" + story + "' has revisions but main holds no " + folder +
                             " (run 'redline reindex')");
    }
    // The folder goes, and with it any parent folder left empty.
    const git_tree_update update = {GIT_TREE_UPDATE_REMOVE, {}, GIT_FILEMODE_TREE, folder.c_str()};
    git_oid tree_id;
    REDLINE_RETURN_IF_ERROR(
        git::Check(git_tree_create_updated(&tree_id, repo, base.get(), 1, &update), "writing the tree"));
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    REDLINE_ASSIGN_OR_RETURN(git::SignaturePtr signature, RedlineSignature(now, 0));
    const std::string message = FormatRemovalMessage({story, latest->number, latest->commit});
    const git_oid* parents[] = {&batch.head};
    git_oid commit_id;
    REDLINE_RETURN_IF_ERROR(git::Check(git_commit_create_from_ids(&commit_id, repo, nullptr, signature.get(),
                                                                  signature.get(), nullptr, message.c_str(),
                                                                  &tree_id, 1, parents),
                                       "writing the commit"));
    batch.head = commit_id;
    batch.head_tree = tree_id;
    StoryRemoval removal{story, latest->number, git::ToHex(commit_id), latest->commit, Timestamp{now, 0}};
    batch.removals.push_back(removal);
    return removal;
  }();
  if (!removed.ok()) {
    AbortBatch();
    return removed;
  }
  REDLINE_RETURN_IF_ERROR(impl_->CommitBatch(lost_race));
  return removed;
}

}  // namespace redline
