// State files: committed files outside stories/ (the web module's tracking list), written
// as their own commits on main, and the archive-local folder for files never committed.
#include "archive/state_files.h"

#include <git2/sys/commit.h>

#include <ctime>

#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/identity.h"
#include "archive/story_names.h"
#include "archive/memory_odb.h"
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

// As a batch of its own, like Record: redline writers take turns under the write lock, and
// a lost compare-and-swap (plain git moved main) is tried again on top of the new main.
Status Archive::WriteStateFile(const std::string& path, std::string_view content, const std::string& message) {
  REDLINE_RETURN_IF_ERROR(ValidateStateFilePath(path));
  if (impl_->batch) return Status::Internal("cannot write " + path + " while a batch is open");
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
  REDLINE_RETURN_IF_ERROR(BeginBatch());
  Batch& batch = *impl_->batch;
  git_repository* repo = impl_->repo.get();
  const auto written = [&]() -> Result<bool> {
    REDLINE_ASSIGN_OR_RETURN(const std::optional<git_oid> existing, EntryAt(repo, batch.head, path));
    REDLINE_ASSIGN_OR_RETURN(const git_oid content_id, WriteMemoryObject(batch.memory, GIT_OBJECT_BLOB, content));
    if (existing && git_oid_equal(&*existing, &content_id)) return false;
    git_tree* raw_base = nullptr;
    REDLINE_RETURN_IF_ERROR(git::Check(git_tree_lookup(&raw_base, repo, &batch.head_tree), "reading main's tree"));
    git::TreePtr base(raw_base);
    const git_tree_update update = {GIT_TREE_UPDATE_UPSERT, content_id, GIT_FILEMODE_BLOB, path.c_str()};
    git_oid tree_id;
    REDLINE_RETURN_IF_ERROR(
        git::Check(git_tree_create_updated(&tree_id, repo, base.get(), 1, &update), "writing the tree"));
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    REDLINE_ASSIGN_OR_RETURN(git::SignaturePtr signature, RedlineSignature(now, 0));
    const std::string full_message = message.empty() ? "Update " + path + "\n" : message + "\n";
    const git_oid* parents[] = {&batch.head};
    git_oid commit_id;
    REDLINE_RETURN_IF_ERROR(
        git::Check(git_commit_create_from_ids(&commit_id, repo, nullptr, signature.get(), signature.get(), nullptr,
                                              full_message.c_str(), &tree_id, 1, parents),
                   "writing the commit"));
    batch.head = commit_id;
    batch.head_tree = tree_id;
    return true;
  }();
  if (!written.ok() || !*written) {
    AbortBatch();
    return written.status();
  }
  return impl_->CommitBatch(lost_race);
}

}  // namespace redline
