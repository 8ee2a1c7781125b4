// State files: committed files outside stories/ (the web module's tracking list), written
// as their own commits on main, and the archive-local folder for files never committed.
#include "archive/state_files.h"

#include <git2/sys/commit.h>

#include <ctime>

#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/identity.h"
#include "archive/story_names.h"
#include "archive/work_tree.h"
#include "archive/write_lock.h"
#include "redline/archive.h"

namespace redline {

Status ValidateStateFilePath(std::string_view path) {
  const auto invalid = [&](const char* why) {
    return Status::BadInput("invalid state file path '" + std::string(path.substr(0, 200)) + "': " + why);
  };
  if (path.empty() || path.size() > 200) return invalid("empty or longer than 200 bytes");
  if (path.starts_with("stories/")) return invalid("stories/ belongs to revisions");
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(start, end - start);
    if (segment.empty() || segment[0] == '.') return invalid("empty segment or one starting with '.'");
    for (const char c : segment) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '-';
      if (!ok) return invalid("only [A-Za-z0-9._-] and '/' are allowed");
    }
    start = end + 1;
  }
  return Status::Ok();
}

namespace {

Result<std::optional<git_oid>> EntryAt(git_repository* repo, const git_oid& commit_id,
                                       const std::string& path) {
  git_commit* raw_commit = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_commit_lookup(&raw_commit, repo, &commit_id), "reading main"));
  git::CommitPtr commit(raw_commit);
  git_tree* raw_tree = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_commit_tree(&raw_tree, commit.get()), "reading the tree of main"));
  git::TreePtr tree(raw_tree);
  git_tree_entry* raw_entry = nullptr;
  const int code = git_tree_entry_bypath(&raw_entry, tree.get(), path.c_str());
  if (code == GIT_ENOTFOUND) {
    git_error_clear();
    return std::optional<git_oid>();
  }
  REDLINE_RETURN_IF_ERROR(git::Check(code, "finding " + path));
  git::TreeEntryPtr entry(raw_entry);
  if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) {
    return Status::Archive(path + " in main is not a file");
  }
  return std::optional<git_oid>(*git_tree_entry_id(entry.get()));
}

}  // namespace

Result<std::optional<std::string>> Archive::ReadStateFile(const std::string& path) {
  REDLINE_RETURN_IF_ERROR(ValidateStateFilePath(path));
  git_repository* repo = impl_->repo.get();
  REDLINE_ASSIGN_OR_RETURN(const std::optional<git_oid> head, RefTarget(repo, std::string(kMainRef)));
  if (!head) return Status::Archive("the archive has no main branch");
  REDLINE_ASSIGN_OR_RETURN(const std::optional<git_oid> blob_id, EntryAt(repo, *head, path));
  if (!blob_id) return std::optional<std::string>();
  git_blob* raw_blob = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_blob_lookup(&raw_blob, repo, &*blob_id), "reading " + path));
  git::BlobPtr blob(raw_blob);
  const auto* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
  return std::optional<std::string>(
      std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob.get()))));
}

// Under the archive's write lock, like Record: redline writers take turns, and a lost
// compare-and-swap (plain git moved main) is tried again on top of the new main.
Status Archive::WriteStateFile(const std::string& path, std::string_view content,
                               const std::string& message) {
  REDLINE_RETURN_IF_ERROR(ValidateStateFilePath(path));
  if (impl_->batch) return Status::Internal("cannot write " + path + " while a batch is open");
  EnableDurableWrites();
  WriteLock lock;
  REDLINE_RETURN_IF_ERROR(lock.Acquire(git_repository_path(impl_->repo.get())));
  constexpr int kMaxAttempts = 5;
  for (int attempt = 0;; ++attempt) {
    bool lost_race = false;
    const Status written = WriteStateFileOnce(path, content, message, &lost_race);
    if (written.ok() || !lost_race || attempt + 1 >= kMaxAttempts) return written;
    BackOff(attempt);
  }
}

Status Archive::WriteStateFileOnce(const std::string& path, std::string_view content, const std::string& message,
                                   bool* lost_race) {
  git_repository* repo = impl_->repo.get();
  git_index* index = impl_->index.get();
  REDLINE_ASSIGN_OR_RETURN(const std::optional<git_oid> head, RefTarget(repo, std::string(kMainRef)));
  if (!head) return Status::Archive("the archive has no main branch");
  REDLINE_ASSIGN_OR_RETURN(const std::optional<git_oid> existing, EntryAt(repo, *head, path));
  git_oid content_id;
  REDLINE_RETURN_IF_ERROR(git::Check(
      git_odb_hash(&content_id, content.data(), content.size(), GIT_OBJECT_BLOB), "hashing " + path));
  if (existing && git_oid_equal(&*existing, &content_id)) return Status::Ok();

  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  REDLINE_ASSIGN_OR_RETURN(git::SignaturePtr signature, RedlineSignature(now, 0));
  const std::string full_message = message.empty() ? "Update " + path + "\n" : message + "\n";
  const auto commit_and_publish = [&]() -> Result<git_oid> {
    REDLINE_RETURN_IF_ERROR(impl_->SyncIndexWithHead(*head));
    REDLINE_RETURN_IF_ERROR(StageFile(index, path, content));
    git_oid tree_id;
    REDLINE_RETURN_IF_ERROR(git::Check(git_index_write_tree(&tree_id, index), "writing the tree"));
    const git_oid* parents[] = {&*head};
    git_oid commit_id;
    REDLINE_RETURN_IF_ERROR(
        git::Check(git_commit_create_from_ids(&commit_id, repo, nullptr, signature.get(), signature.get(),
                                              nullptr, full_message.c_str(), &tree_id, 1, parents),
                   "writing the commit"));
    git_reference* raw_ref = nullptr;
    const int code = git_reference_create_matching(&raw_ref, repo, std::string(kMainRef).c_str(), &commit_id,
                                                   /*force=*/1, &*head, ("redline: " + path).c_str());
    if (code == GIT_EMODIFIED) {
      git_error_clear();
      *lost_race = true;
      return Status::Archive("main was changed by someone else while writing " + path +
                             "; nothing was written, try again");
    }
    REDLINE_RETURN_IF_ERROR(git::Check(code, "updating main"));
    git_reference_free(raw_ref);
    return commit_id;
  };
  Result<git_oid> commit_id = commit_and_publish();
  if (!commit_id.ok()) {
    impl_->index_synced = false;
    if (git_index_read(index, /*force=*/1) < 0) git_error_clear();
    return commit_id.status();
  }
  Status checked_out = CheckOutFile(impl_->path, index, path, content, now - 1);
  if (checked_out.ok()) checked_out = git::Check(git_index_write(index), "writing the index");
  if (!checked_out.ok()) {
    impl_->index_synced = false;
    return checked_out.WithContext("wrote " + path + ", but the work tree is stale");
  }
  impl_->index_synced = true;
  impl_->synced_head = *commit_id;
  git_oid_cpy(&impl_->synced_checksum, git_index_checksum(index));
  return Status::Ok();
}

std::string Archive::LocalStateDirectory() const {
  std::string git_dir = git_repository_path(impl_->repo.get());
  while (git_dir.size() > 1 && git_dir.back() == '/') git_dir.pop_back();
  return git_dir + "/redline";
}

}  // namespace redline
