// Reading stories back: one story's revisions follow Redline-Previous from the story's ref,
// so the cost depends on that story's history only, never on main's.
#include <algorithm>
#include <optional>

#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/revision_spec.h"
#include "archive/story_names.h"
#include "archive/trailers.h"
#include "redline/archive.h"

namespace redline {
namespace {

Status NoSuchStory(std::string_view story) {
  return Status::NotFound("no story '" + std::string(story) + "' in the archive");
}

}  // namespace

// The commit refs/redline/stories/<story> points at, or nullopt.
Result<std::optional<git_oid>> StoryRefTarget(git_repository* repo, std::string_view story) {
  git_oid id;
  const int code = git_reference_name_to_id(&id, repo, StoryRefName(story).c_str());
  if (code == GIT_ENOTFOUND) {
    git_error_clear();
    return std::optional<git_oid>();
  }
  REDLINE_RETURN_IF_ERROR(git::Check(code, "reading the ref of story '" + std::string(story) + "'"));
  return std::optional<git_oid>(id);
}

Result<std::optional<git_oid>> Archive::Impl::StoryTip(std::string_view story) {
  if (batch) {
    const auto pending = batch->stories.find(story);
    if (pending != batch->stories.end()) return std::optional<git_oid>(pending->second.tip);
  }
  return StoryRefTarget(repo.get(), story);
}

namespace {

Result<Revision> ReadRevision(git_repository* repo, const git_oid& id, std::string_view story) {
  const std::string hex = git::ToHex(id);
  git_commit* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_commit_lookup(&raw, repo, &id), "reading commit " + hex));
  git::CommitPtr commit(raw);
  auto trailers = ParseRevisionMessage(git_commit_message(commit.get()));
  if (!trailers.ok()) return trailers.status().WithContext("commit " + hex);
  if (trailers->story != story) {
    return Status::Archive("commit " + hex + " belongs to story '" + SingleLine(trailers->story) +
                           "', not '" + std::string(story) + "'");
  }
  const git_signature* author = git_commit_author(commit.get());
  const char* summary = git_commit_summary(commit.get());
  return RevisionFromTrailers(std::move(*trailers), hex, {author->when.time, author->when.offset},
                              summary ? summary : "");
}

// The blob at `path` in the tree of `commit_hex`; nullopt when there is no such file.
Result<std::optional<std::string>> ReadFileAt(git_repository* repo, const std::string& commit_hex,
                                              const std::string& path) {
  git_oid id;
  if (git_oid_fromstr(&id, commit_hex.c_str()) < 0) {
    git_error_clear();
    return Status::BadInput("invalid commit id '" + SingleLine(commit_hex) + "'");
  }
  git_commit* raw_commit = nullptr;
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_commit_lookup(&raw_commit, repo, &id), "reading commit " + commit_hex));
  git::CommitPtr commit(raw_commit);
  git_tree* raw_tree = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_commit_tree(&raw_tree, commit.get()),
                                     "reading the tree of commit " + commit_hex));
  git::TreePtr tree(raw_tree);
  git_tree_entry* raw_entry = nullptr;
  const int code = git_tree_entry_bypath(&raw_entry, tree.get(), path.c_str());
  if (code == GIT_ENOTFOUND) {
    git_error_clear();
    return std::optional<std::string>();
  }
  REDLINE_RETURN_IF_ERROR(git::Check(code, "finding " + path + " in commit " + commit_hex));
  git::TreeEntryPtr entry(raw_entry);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) {
    return Status::Archive(path + " in commit " + commit_hex + " is not a file");
  }
  git_blob* raw_blob = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_blob_lookup(&raw_blob, repo, git_tree_entry_id(entry.get())),
                                     "reading " + path + " in commit " + commit_hex));
  git::BlobPtr blob(raw_blob);
  const auto* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
  return std::optional<std::string>(
      std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob.get()))));
}

}  // namespace

Result<std::optional<Revision>> Archive::Latest(const std::string& story) {
  REDLINE_RETURN_IF_ERROR(ValidateArchiveStoryId(story));
  REDLINE_ASSIGN_OR_RETURN(std::optional<git_oid> head, impl_->StoryTip(story));
  if (!head) return std::optional<Revision>();
  REDLINE_ASSIGN_OR_RETURN(Revision latest, ReadRevision(impl_->repo.get(), *head, story));
  return std::optional<Revision>(std::move(latest));
}

Result<std::vector<Revision>> Archive::Log(const std::string& story) {
  REDLINE_RETURN_IF_ERROR(ValidateArchiveStoryId(story));
  git_repository* repo = impl_->repo.get();
  REDLINE_ASSIGN_OR_RETURN(std::optional<git_oid> head, impl_->StoryTip(story));
  if (!head) return NoSuchStory(story);

  std::vector<Revision> log;
  git_oid id = *head;
  for (;;) {
    REDLINE_ASSIGN_OR_RETURN(Revision revision, ReadRevision(repo, id, story));
    // Numbers must count down by one, which also guarantees the walk ends.
    if (!log.empty() && revision.number != log.back().number - 1) {
      return Status::Archive("history of story '" + story + "' is broken: commit " +
                             revision.commit + " is revision " + std::to_string(revision.number) +
                             ", expected " + std::to_string(log.back().number - 1));
    }
    if (log.empty()) log.reserve(static_cast<std::size_t>(std::min(revision.number, 100000)));
    const bool first = revision.number == 1;
    if (!first && git_oid_fromstr(&id, revision.previous_commit.c_str()) < 0) {
      git_error_clear();
      return Status::Archive("commit " + revision.commit + " has a bad Redline-Previous");
    }
    log.push_back(std::move(revision));
    if (first) break;
  }
  std::reverse(log.begin(), log.end());
  return log;
}

Result<std::vector<StorySummary>> Archive::Stories() {
  git_repository* repo = impl_->repo.get();
  git_reference_iterator* raw_iterator = nullptr;
  const std::string glob = std::string(kStoryRefPrefix) + "*";
  REDLINE_RETURN_IF_ERROR(git::Check(
      git_reference_iterator_glob_new(&raw_iterator, repo, glob.c_str()), "listing story refs"));
  git::ReferenceIteratorPtr iterator(raw_iterator);

  std::vector<StorySummary> stories;
  const char* name = nullptr;
  int code = 0;
  while ((code = git_reference_next_name(&name, iterator.get())) == 0) {
    const std::string_view full_name = name;
    if (!full_name.starts_with(kStoryRefPrefix)) continue;
    const std::string story(full_name.substr(kStoryRefPrefix.size()));
    if (!ValidateArchiveStoryId(story).ok()) continue;  // not one of ours
    REDLINE_ASSIGN_OR_RETURN(std::optional<git_oid> head, impl_->StoryTip(story));
    if (!head) continue;  // deleted while listing
    REDLINE_ASSIGN_OR_RETURN(Revision latest, ReadRevision(repo, *head, story));
    stories.push_back({story, latest.number, latest.time, std::move(latest.headline)});
  }
  if (code != GIT_ITEROVER) REDLINE_RETURN_IF_ERROR(git::Check(code, "listing story refs"));
  git_error_clear();
  std::sort(stories.begin(), stories.end(),
            [](const StorySummary& a, const StorySummary& b) { return a.story < b.story; });
  return stories;
}

Result<Revision> Archive::Resolve(const std::string& story, const std::string& spec) {
  REDLINE_ASSIGN_OR_RETURN(std::vector<Revision> log, Log(story));
  return SelectRevision(story, log, spec);
}

Result<std::string> Archive::ReadText(const Revision& revision) {
  REDLINE_RETURN_IF_ERROR(ValidateArchiveStoryId(revision.story));
  const std::string path = StoryFilePath(revision.story, kArticleFile);
  REDLINE_ASSIGN_OR_RETURN(std::optional<std::string> text,
                           ReadFileAt(impl_->repo.get(), revision.commit, path));
  if (!text) return Status::Archive("commit " + revision.commit + " has no " + path);
  return std::move(*text);
}

Result<std::string> Archive::ReadRaw(const Revision& revision) {
  REDLINE_RETURN_IF_ERROR(ValidateArchiveStoryId(revision.story));
  for (const char* extension : {"html", "txt"}) {
    const std::string path = StoryFilePath(revision.story, RawFileName(extension));
    REDLINE_ASSIGN_OR_RETURN(std::optional<std::string> raw,
                             ReadFileAt(impl_->repo.get(), revision.commit, path));
    if (raw) return std::move(*raw);
  }
  return Status::NotFound("revision " + std::to_string(revision.number) + " of story '" +
                          revision.story + "' has no recorded input");
}

}  // namespace redline
