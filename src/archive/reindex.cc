// Story refs rebuilt from main's history: a `git clone` copies main but not refs/redline/*,
// and a clone must read like the original.
#include <set>
#include <string>

#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/story_names.h"
#include "archive/trailers.h"

namespace redline {

Status RebuildStoryRefsIfMissing(git_repository* repo) {
  git_reference_iterator* raw_iterator = nullptr;
  const std::string glob = std::string(kStoryRefPrefix) + "*";
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_reference_iterator_glob_new(&raw_iterator, repo, glob.c_str()), "listing story refs"));
  git::ReferenceIteratorPtr iterator(raw_iterator);
  const char* name = nullptr;
  if (git_reference_next_name(&name, iterator.get()) == 0) return Status::Ok();  // refs exist
  git_error_clear();

  git_revwalk* raw_walk = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_revwalk_new(&raw_walk, repo), "walking main"));
  std::unique_ptr<git_revwalk, git::Deleter<git_revwalk_free>> walk(raw_walk);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  const std::string main_ref(kMainRef);
  if (git_revwalk_push_ref(walk.get(), main_ref.c_str()) < 0) {
    git_error_clear();
    return Status::Ok();  // no main yet: nothing to rebuild
  }
  // Newest first: the first commit seen for a story is its latest revision.
  std::set<std::string> seen;
  git_oid id;
  while (git_revwalk_next(&id, walk.get()) == 0) {
    git_commit* raw_commit = nullptr;
    REDLINE_RETURN_IF_ERROR(git::Check(git_commit_lookup(&raw_commit, repo, &id), "reading main's history"));
    git::CommitPtr commit(raw_commit);
    auto trailers = ParseRevisionMessage(git_commit_message(commit.get()));
    if (!trailers.ok()) continue;  // not a revision (valid story ids only)
    if (!seen.insert(trailers->story).second) continue;
    git_reference* ref = nullptr;
    REDLINE_RETURN_IF_ERROR(git::Check(git_reference_create(&ref, repo, StoryRefName(trailers->story).c_str(), &id,
                                                            /*force=*/0, "redline: rebuild story refs"),
                                       "recreating the ref of story '" + trailers->story + "'"));
    git_reference_free(ref);
  }
  git_error_clear();
  return Status::Ok();
}

}  // namespace redline
