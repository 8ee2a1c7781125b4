// Reading stories back through the revision index: one story's revisions, or the list of
// stories, cost the same however many other stories the archive holds.
#include <charconv>
#include <optional>

#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/object_hash.h"
#include "archive/revision_spec.h"
#include "archive/story_names.h"
#include "archive/trailers.h"
#include "base/nearest.h"
#include "redline/archive.h"

namespace redline {
namespace {

// The blob at `path` in the tree of `commit_hex`; nullopt when there is no such file.
Result<std::optional<std::string>> ReadFileAt(git_repository* repo, const std::string& commit_hex,
                                              const std::string& path) {
  git_oid id;
  if (git_oid_fromstr(&id, commit_hex.c_str()) < 0) {
    git_error_clear();
    return Status::BadInput("invalid commit id '" + SingleLine(commit_hex) + "'");
  }
  git_commit* raw_commit = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_commit_lookup(&raw_commit, repo, &id), "reading commit " + commit_hex));
  git::CommitPtr commit(raw_commit);
  git_tree* raw_tree = nullptr;
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_commit_tree(&raw_tree, commit.get()), "reading the tree of commit " + commit_hex));
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
  return std::optional<std::string>(std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob.get()))));
}

std::optional<std::string> ReadBlobIfPresent(git_repository* repo, const std::string& blob_hex) {
  git_oid id;
  git_blob* raw_blob = nullptr;
  if (blob_hex.size() != GIT_OID_HEXSZ || git_oid_fromstr(&id, blob_hex.c_str()) != 0 ||
      git_blob_lookup(&raw_blob, repo, &id) != 0) {
    git_error_clear();
    return std::nullopt;
  }
  git::BlobPtr blob(raw_blob);
  const auto* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
  return std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob.get())));
}

// The story's file in `commit_hex`, where format 2 keeps it or, for revisions recorded
// before an upgrade, where format 1 did.
Result<std::optional<std::string>> ReadStoryFile(git_repository* repo, const std::string& commit_hex,
                                                 const std::string& story, const std::string& file) {
  REDLINE_ASSIGN_OR_RETURN(std::optional<std::string> found,
                           ReadFileAt(repo, commit_hex, StoryFilePath(story, file)));
  if (found) return found;
  return ReadFileAt(repo, commit_hex, LegacyStoryFilePath(story, file));
}

// Whether the commit really records revision `number` of `story`: the index is checked
// against the history where a decision rests on it, never trusted blindly.
bool CommitRecords(git_repository* repo, const Revision& revision) {
  git_oid id;
  git_commit* raw = nullptr;
  if (git_oid_fromstr(&id, revision.commit.c_str()) != 0 || git_commit_lookup(&raw, repo, &id) != 0) {
    git_error_clear();
    return false;
  }
  git::CommitPtr commit(raw);
  const auto trailers = ParseRevisionMessage(git_commit_message(commit.get()));
  return trailers.ok() && trailers->story == revision.story && trailers->number == revision.number;
}

}  // namespace

Status Archive::Impl::NoSuchStory(std::string_view story) {
  const std::string id(story);
  std::string hint;
  if (Result<RevisionIndex*> opened = OpenIndex(); opened.ok()) {
    const Result<std::optional<StoryRemoval>> removal = (*opened)->Removal(id);
    if (removal.ok() && removal->has_value()) {
      const StoryRemoval& r = **removal;
      return Status::NotFound("story '" + id + "' was removed in commit " + r.commit.substr(0, 7) + " (" +
                              FormatTime(r.time) + "); its " + std::to_string(r.revisions) +
                              (r.revisions == 1 ? " revision stays" : " revisions stay") +
                              " in the history: git log main -- " + StoryDirectory(id));
    }
    // Only on this error path are all the ids read (a few milliseconds for 100,000).
    if (const Result<std::vector<std::string>> ids = (*opened)->StoryIds(); ids.ok()) {
      hint = DidYouMean(NearestNames(id, *ids));
    }
  }
  return Status::NotFound("no story '" + id + "' in the archive" + (hint.empty() ? "" : "; " + hint));
}

Result<std::optional<StoryRemoval>> Archive::RemovalOf(const std::string& story) {
  REDLINE_RETURN_IF_ERROR(ValidateArchiveStoryId(story));
  REDLINE_ASSIGN_OR_RETURN(RevisionIndex* index, impl_->Index());
  return index->Removal(story);
}

Result<std::optional<Revision>> Archive::Latest(const std::string& story) {
  REDLINE_RETURN_IF_ERROR(ValidateArchiveStoryId(story));
  const std::vector<const CommitRevision*> pending = impl_->Pending(story);
  if (!pending.empty()) return std::optional<Revision>(pending.back()->revision);
  REDLINE_ASSIGN_OR_RETURN(RevisionIndex* index, impl_->Index());
  REDLINE_ASSIGN_OR_RETURN(std::optional<Revision> latest, index->Find(story));
  if (latest && !CommitRecords(impl_->repo.get(), *latest)) {
    // An index that disagrees with the history: rebuild it and ask again.
    REDLINE_RETURN_IF_ERROR(Reindex());
    REDLINE_ASSIGN_OR_RETURN(index, impl_->Index());
    REDLINE_ASSIGN_OR_RETURN(latest, index->Find(story));
  }
  return latest;
}

Result<std::vector<Revision>> Archive::Log(const std::string& story) {
  REDLINE_RETURN_IF_ERROR(ValidateArchiveStoryId(story));
  REDLINE_ASSIGN_OR_RETURN(RevisionIndex* index, impl_->Index());
  REDLINE_ASSIGN_OR_RETURN(std::vector<Revision> log, index->Log(story));
  for (const CommitRevision* pending : impl_->Pending(story)) log.push_back(pending->revision);
  if (log.empty()) return impl_->NoSuchStory(story);
  return log;
}

Result<std::vector<StorySummary>> Archive::Stories() {
  REDLINE_ASSIGN_OR_RETURN(RevisionIndex* index, impl_->Index());
  return index->Stories();
}

Result<std::vector<StorySummary>> Archive::StoriesStartingWith(const std::string& prefix) {
  REDLINE_ASSIGN_OR_RETURN(RevisionIndex* index, impl_->Index());
  return index->StoriesStartingWith(prefix);
}

Result<Revision> Archive::Resolve(const std::string& story, const std::string& spec) {
  // The common specs are answered by one lookup; the rest choose from the whole log.
  if (spec == "latest" || spec == "~0") {
    REDLINE_ASSIGN_OR_RETURN(std::optional<Revision> latest, Latest(story));
    if (!latest) return impl_->NoSuchStory(story);
    return std::move(*latest);
  }
  int number = 0;
  const auto [end, error] = std::from_chars(spec.data(), spec.data() + spec.size(), number);
  if (error == std::errc() && end == spec.data() + spec.size() && number > 0 && !spec.starts_with('0') &&
      impl_->Pending(story).empty()) {
    REDLINE_RETURN_IF_ERROR(ValidateArchiveStoryId(story));
    REDLINE_ASSIGN_OR_RETURN(RevisionIndex* index, impl_->Index());
    REDLINE_ASSIGN_OR_RETURN(std::optional<Revision> found, index->Find(story, number));
    if (found) return std::move(*found);
  }
  REDLINE_ASSIGN_OR_RETURN(std::vector<Revision> log, Log(story));
  return SelectRevision(story, log, spec);
}

Result<std::string> Archive::ReadText(const Revision& revision) {
  REDLINE_RETURN_IF_ERROR(ValidateArchiveStoryId(revision.story));
  // The index names the blob: one object read instead of the commit and the trees on the
  // story's path (blame reads thousands). An id git does not have falls back to the path.
  if (std::optional<std::string> text = ReadBlobIfPresent(impl_->repo.get(), revision.text_id)) {
    return std::move(*text);
  }
  REDLINE_ASSIGN_OR_RETURN(std::optional<std::string> text,
                           ReadStoryFile(impl_->repo.get(), revision.commit, revision.story, std::string(kArticleFile)));
  if (!text) return Status::Archive("commit " + revision.commit + " has no " + StoryFilePath(revision.story, kArticleFile));
  return std::move(*text);
}

Result<std::string> Archive::ReadRaw(const Revision& revision) {
  REDLINE_RETURN_IF_ERROR(ValidateArchiveStoryId(revision.story));
  for (const char* extension : {"html", "txt"}) {
    REDLINE_ASSIGN_OR_RETURN(std::optional<std::string> raw,
                             ReadStoryFile(impl_->repo.get(), revision.commit, revision.story, RawFileName(extension)));
    if (raw) return std::move(*raw);
  }
  return Status::NotFound("revision " + std::to_string(revision.number) + " of story '" + revision.story +
                          "' has no recorded input");
}

Result<int> Archive::FirstRevisionWithText(const std::string& story, std::string_view text) {
  REDLINE_RETURN_IF_ERROR(ValidateArchiveStoryId(story));
  REDLINE_ASSIGN_OR_RETURN(const git_oid id, HashObject(GIT_OBJECT_BLOB, text));
  const std::string hex = git::ToHex(id);
  REDLINE_ASSIGN_OR_RETURN(RevisionIndex* index, impl_->Index());
  REDLINE_ASSIGN_OR_RETURN(const int first, index->FirstWithText(story, hex));
  if (first > 0) return first;
  for (const CommitRevision* pending : impl_->Pending(story)) {
    if (pending->text_id == hex) return pending->revision.number;
  }
  return 0;
}

Result<std::optional<Revision>> Archive::RevisionCapturedWith(const std::string& story, const Timestamp& captured_at,
                                                              std::string_view text) {
  REDLINE_RETURN_IF_ERROR(ValidateArchiveStoryId(story));
  REDLINE_ASSIGN_OR_RETURN(const git_oid id, HashObject(GIT_OBJECT_BLOB, text));
  const std::string hex = git::ToHex(id);
  REDLINE_ASSIGN_OR_RETURN(RevisionIndex* index, impl_->Index());
  REDLINE_ASSIGN_OR_RETURN(const int number, index->CapturedWith(story, captured_at.seconds, hex));
  if (number > 0) return index->Find(story, number);
  for (const CommitRevision* pending : impl_->Pending(story)) {
    if (pending->text_id == hex && pending->revision.time.seconds == captured_at.seconds) {
      return std::optional<Revision>(pending->revision);
    }
  }
  return std::optional<Revision>();
}

}  // namespace redline
