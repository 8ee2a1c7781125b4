#include "archive/index_sync.h"

#include <memory>

#include "archive/git_handles.h"
#include "archive/story_names.h"
#include "archive/trailers.h"

namespace redline {
namespace {

using RevwalkPtr = std::unique_ptr<git_revwalk, git::Deleter<git_revwalk_free>>;

// Adds the revisions among the commits `walk` yields, oldest first.
Status AddWalk(git_repository* repo, RevisionIndex& index, git_revwalk* walk, bool* inconsistent) {
  git_oid id;
  int code = 0;
  while ((code = git_revwalk_next(&id, walk)) == 0) {
    REDLINE_ASSIGN_OR_RETURN(std::optional<CommitRevision> found, ReadCommitRevision(repo, id));
    if (found) {
      REDLINE_RETURN_IF_ERROR(index.Add(found->revision, found->text_id, inconsistent));
      continue;
    }
    REDLINE_ASSIGN_OR_RETURN(std::optional<StoryRemoval> removal, ReadCommitRemoval(repo, id));
    if (removal) REDLINE_RETURN_IF_ERROR(index.Remove(*removal, inconsistent));
  }
  if (code != GIT_ITEROVER) return git::Check(code, "walking main's history");
  git_error_clear();
  return Status::Ok();
}

Result<RevwalkPtr> OldestFirstWalk(git_repository* repo, const git_oid& head, const git_oid* hide) {
  git_revwalk* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_revwalk_new(&raw, repo), "walking main's history"));
  RevwalkPtr walk(raw);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
  REDLINE_RETURN_IF_ERROR(git::Check(git_revwalk_push(walk.get(), &head), "walking main's history"));
  if (hide != nullptr) REDLINE_RETURN_IF_ERROR(git::Check(git_revwalk_hide(walk.get(), hide), "walking main"));
  return walk;
}

Status Refill(git_repository* repo, RevisionIndex& index, const git_oid& head) {
  REDLINE_RETURN_IF_ERROR(index.Clear());
  REDLINE_ASSIGN_OR_RETURN(RevwalkPtr walk, OldestFirstWalk(repo, head, nullptr));
  bool inconsistent = false;
  REDLINE_RETURN_IF_ERROR(AddWalk(repo, index, walk.get(), &inconsistent));
  return index.SetHead(git::ToHex(head));
}

// Whether the commits after `seen` (the index's head) up to `head` can simply be added.
bool CanCatchUp(git_repository* repo, const std::optional<std::string>& seen, const git_oid& head, git_oid* from) {
  if (!seen || git_oid_fromstr(from, seen->c_str()) != 0) return false;
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo, from) != 0) {  // not in this repository (a copied index)
    git_error_clear();
    return false;
  }
  git_commit_free(raw);
  const int descends = git_graph_descendant_of(repo, &head, from);
  git_error_clear();
  return descends == 1;
}

template <typename Work>
Status InTransaction(RevisionIndex& index, const Work& work) {
  REDLINE_RETURN_IF_ERROR(index.Begin());
  Status status = work();
  if (status.ok()) status = index.Commit();
  if (!status.ok()) index.Rollback();
  return status;
}

}  // namespace

Result<std::optional<CommitRevision>> ReadCommitRevision(git_repository* repo, const git_oid& id) {
  const std::string hex = git::ToHex(id);
  git_commit* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_commit_lookup(&raw, repo, &id), "reading commit " + hex));
  git::CommitPtr commit(raw);
  auto trailers = ParseRevisionMessage(git_commit_message(commit.get()));
  if (!trailers.ok()) return std::optional<CommitRevision>();  // not a revision
  const std::string story = trailers->story;
  const git_signature* author = git_commit_author(commit.get());
  const char* summary = git_commit_summary(commit.get());
  CommitRevision found;
  found.revision = RevisionFromTrailers(std::move(*trailers), hex, {author->when.time, author->when.offset},
                                        summary ? summary : "");
  git_tree* raw_tree = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_commit_tree(&raw_tree, commit.get()), "reading the tree of " + hex));
  git::TreePtr tree(raw_tree);
  std::optional<git_oid> text = git::EntryIdAt(tree.get(), StoryFilePath(story, kArticleFile));
  if (!text) text = git::EntryIdAt(tree.get(), LegacyStoryFilePath(story, kArticleFile));
  if (!text) return Status::Archive("commit " + hex + " records story '" + story + "' but holds no " + std::string(kArticleFile));
  found.text_id = git::ToHex(*text);
  found.revision.text_id = found.text_id;
  return std::optional<CommitRevision>(std::move(found));
}

Result<std::optional<StoryRemoval>> ReadCommitRemoval(git_repository* repo, const git_oid& id) {
  const std::string hex = git::ToHex(id);
  git_commit* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_commit_lookup(&raw, repo, &id), "reading commit " + hex));
  git::CommitPtr commit(raw);
  auto trailers = ParseRemovalMessage(git_commit_message(commit.get()));
  if (!trailers.ok()) return std::optional<StoryRemoval>();  // not a removal
  const git_signature* author = git_commit_author(commit.get());
  StoryRemoval removal;
  removal.story = std::move(trailers->story);
  removal.revisions = trailers->revisions;
  removal.commit = hex;
  removal.last_commit = std::move(trailers->previous_commit);
  removal.time = {author->when.time, author->when.offset};
  return std::optional<StoryRemoval>(std::move(removal));
}

Status SyncIndex(git_repository* repo, RevisionIndex& index, const git_oid& head) {
  return InTransaction(index, [&]() -> Status {
    REDLINE_ASSIGN_OR_RETURN(const std::optional<std::string> seen, index.Head());
    if (seen && *seen == git::ToHex(head)) return Status::Ok();
    git_oid from;
    if (CanCatchUp(repo, seen, head, &from)) {
      REDLINE_ASSIGN_OR_RETURN(RevwalkPtr walk, OldestFirstWalk(repo, head, &from));
      bool inconsistent = false;
      const Status added = AddWalk(repo, index, walk.get(), &inconsistent);
      if (added.ok()) return index.SetHead(git::ToHex(head));
      if (!inconsistent) return added;
      // The index disagrees with the history: start again from the history alone.
    }
    return Refill(repo, index, head);
  });
}

Status RebuildIndex(git_repository* repo, RevisionIndex& index, const git_oid& head) {
  return InTransaction(index, [&] { return Refill(repo, index, head); });
}

}  // namespace redline
