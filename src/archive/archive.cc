// Opening and finding archives; the revision index kept in step with main.
#include "redline/archive.h"

#include <filesystem>
#include <system_error>

#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/library.h"
#include "archive/story_names.h"

namespace redline {
namespace {

Status NotAnArchive(const std::string& dir) {
  return Status::Archive("not a redline archive: " + dir + " (run 'redline init')");
}

}  // namespace

int MarkerVersion(git_repository* repo) {
  git_object* marker = nullptr;
  const std::string spec = std::string(kMainRef) + ":" + kMarkerPath;
  if (git_revparse_single(&marker, repo, spec.c_str()) < 0) {
    git_error_clear();
    return 0;
  }
  int version = 0;
  if (git_object_type(marker) == GIT_OBJECT_BLOB) {
    const auto* blob = reinterpret_cast<git_blob*>(marker);
    const std::string_view text(static_cast<const char*>(git_blob_rawcontent(blob)),
                                static_cast<std::size_t>(git_blob_rawsize(blob)));
    const std::size_t at = text.find("version ");
    version = at == std::string_view::npos ? 1 : std::atoi(std::string(text.substr(at + 8, 4)).c_str());
  }
  git_object_free(marker);
  return version;
}

namespace {

// The repository's own config value of the format: a key in ~/.gitconfig must not turn
// every repository into an archive. 0 when absent.
Result<int> ConfiguredVersion(git_repository* repo, const std::string& dir, git::ConfigPtr* local_out) {
  git_config* raw_config = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_repository_config(&raw_config, repo), "reading config of " + dir));
  git::ConfigPtr config(raw_config);
  git_config* raw_local = nullptr;
  if (git_config_open_level(&raw_local, config.get(), GIT_CONFIG_LEVEL_LOCAL) < 0) {
    git_error_clear();
    return 0;
  }
  local_out->reset(raw_local);
  int32_t version = 0;
  if (git_config_get_int32(&version, raw_local, kVersionKey) < 0) {
    git_error_clear();
    return 0;
  }
  return static_cast<int>(version);
}

std::string WithoutTrailingSlash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

}  // namespace

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

std::string RevisionIndexPath(const std::string& git_dir) { return git_dir + "redline/revisions.sqlite"; }

Result<Archive> Archive::Open(const std::string& dir) {
  EnsureLibgit2();
  if (dir.empty()) return NotAnArchive("''");
  git_repository* raw_repo = nullptr;
  if (git_repository_open_ext(&raw_repo, dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0) {
    git_error_clear();
    return NotAnArchive(dir);
  }
  git::RepositoryPtr repo(raw_repo);
  git::ConfigPtr local;
  REDLINE_ASSIGN_OR_RETURN(int version, ConfiguredVersion(repo.get(), dir, &local));
  if (version == 0) {
    // A clone: the marker file in main says it is an archive; adopt it.
    version = MarkerVersion(repo.get());
    if (version == 0 || !local) return NotAnArchive(dir);
    REDLINE_RETURN_IF_ERROR(git::Check(git_config_set_int32(local.get(), kVersionKey, version),
                                       "adopting the clone " + dir + " as an archive"));
  }
  if (version > kArchiveVersion) {
    return Status::Archive("archive " + dir + " is in format " + std::to_string(version) +
                           ", newer than this redline reads (" + std::to_string(kArchiveVersion) +
                           "); upgrade redline");
  }

  auto impl = std::make_unique<Impl>();
  impl->git_dir = git_repository_path(repo.get());
  const char* workdir = git_repository_workdir(repo.get());
  if (workdir != nullptr) {
    impl->path = WithoutTrailingSlash(workdir);
  } else {
    const std::filesystem::path git_dir(WithoutTrailingSlash(impl->git_dir));
    impl->path = git_dir.filename() == ".git" ? git_dir.parent_path().string() : git_dir.string();
  }
  if (version < kArchiveVersion) {
    impl->upgrade_needed = "archive " + impl->path + " is in format " + std::to_string(version) +
                           " (with a work tree); run 'redline upgrade' to convert it in place before " +
                           "recording (history and revision ids are kept)";
  } else if (workdir != nullptr) {
    impl->upgrade_needed = "archive " + impl->path + " has a work tree (a plain git clone?); run 'redline " +
                           "upgrade' to drop it before recording (redline archives keep none)";
  }
  impl->repo = std::move(repo);
  return Archive(std::move(impl));
}

bool Archive::HoldsArchive(const std::string& dir) {
  EnsureLibgit2();
  git_repository* raw_repo = nullptr;
  if (dir.empty() || git_repository_open_ext(&raw_repo, dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0) {
    git_error_clear();
    return false;
  }
  git::RepositoryPtr repo(raw_repo);
  git::ConfigPtr local;
  const Result<int> configured = ConfiguredVersion(repo.get(), dir, &local);
  git_error_clear();
  return (configured.ok() && *configured > 0) || MarkerVersion(repo.get()) > 0;
}

Result<std::string> Archive::Discover(const std::string& start_dir) {
  std::error_code error;
  std::filesystem::path dir = std::filesystem::absolute(start_dir, error).lexically_normal();
  if (error) return Status::Archive("cannot resolve " + start_dir + ": " + error.message());
  if (!dir.has_filename() && dir != dir.root_path()) dir = dir.parent_path();
  for (;;) {
    if (std::filesystem::exists(dir / ".git", error) && Open(dir.string()).ok()) {
      return dir.string();
    }
    if (dir == dir.parent_path() || dir.parent_path().empty()) break;
    dir = dir.parent_path();
  }
  return Status::Archive("no redline archive in " + start_dir +
                         " or any folder above it (run 'redline init DIR' to create one, or "
                         "use -C DIR)");
}

Result<RevisionIndex*> Archive::Impl::OpenIndex() {
  if (index) return &*index;
  std::error_code error;
  std::filesystem::create_directories(git_dir + "redline", error);
  Result<RevisionIndex> opened = error ? Result<RevisionIndex>(Status::Archive("cannot create " + git_dir +
                                                                               "redline: " + error.message()))
                                       : RevisionIndex::Open(RevisionIndexPath(git_dir));
  if (!opened.ok()) return opened.status();
  index.emplace(std::move(*opened));
  return &*index;
}

Result<RevisionIndex*> Archive::Impl::Index() {
  REDLINE_ASSIGN_OR_RETURN(RevisionIndex* opened, OpenIndex());
  if (batch) return opened;  // brought up to main when the batch began, under its lock
  REDLINE_ASSIGN_OR_RETURN(std::optional<git_oid> head, RefTarget(repo.get(), std::string(kMainRef)));
  if (!head) return Status::Archive("the archive has no main branch");
  REDLINE_ASSIGN_OR_RETURN(const std::optional<std::string> seen, opened->Head());
  if (seen && *seen == git::ToHex(*head)) return opened;
  // Behind main: catch up under the write lock, so that two readers do not both write.
  WriteLock lock;
  REDLINE_RETURN_IF_ERROR(lock.Acquire(git_dir));
  REDLINE_ASSIGN_OR_RETURN(head, RefTarget(repo.get(), std::string(kMainRef)));
  if (!head) return Status::Archive("the archive has no main branch");
  REDLINE_RETURN_IF_ERROR(SyncIndex(repo.get(), *opened, *head));
  return opened;
}

std::vector<const CommitRevision*> Archive::Impl::Pending(std::string_view story) const {
  std::vector<const CommitRevision*> pending;
  if (!batch) return pending;
  const auto found = batch->by_story.find(story);
  if (found == batch->by_story.end()) return pending;
  for (const std::size_t i : found->second) pending.push_back(&batch->revisions[i]);
  return pending;
}

Status Archive::Impl::Writable() const {
  if (!upgrade_needed.empty()) return Status::Archive(upgrade_needed);
  return Status::Ok();
}

Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::Archive(Archive&&) noexcept = default;
Archive& Archive::operator=(Archive&&) noexcept = default;
Archive::~Archive() = default;

const std::string& Archive::path() const { return impl_->path; }

Status Archive::CheckFormatForWriting() const { return impl_->Writable(); }

std::string Archive::LocalStateDirectory() const { return WithoutTrailingSlash(impl_->git_dir) + "/redline"; }

}  // namespace redline
