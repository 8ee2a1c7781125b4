// Opening and finding archives; the Archive object's plumbing.
#include "redline/archive.h"

#include <filesystem>
#include <system_error>

#include "archive/archive_impl.h"
#include "archive/library.h"
#include "archive/git_handles.h"
#include "archive/story_names.h"

namespace redline {
namespace {

Status NotAnArchive(const std::string& dir) {
  return Status::Archive("not a redline archive: " + dir + " (run 'redline init')");
}

}  // namespace

Result<Archive> Archive::Open(const std::string& dir) {
  EnsureLibgit2();
  if (dir.empty()) return NotAnArchive("''");
  git_repository* raw_repo = nullptr;
  if (git_repository_open_ext(&raw_repo, dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) <
      0) {
    git_error_clear();
    return NotAnArchive(dir);
  }
  git::RepositoryPtr repo(raw_repo);
  const char* workdir = git_repository_workdir(repo.get());
  if (workdir == nullptr) return NotAnArchive(dir);

  // Only the repository's own config counts: a key in ~/.gitconfig must not turn every
  // repository into an archive.
  git_config* raw_config = nullptr;
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_repository_config(&raw_config, repo.get()), "reading config of " + dir));
  git::ConfigPtr config(raw_config);
  git_config* raw_local = nullptr;
  if (git_config_open_level(&raw_local, config.get(), GIT_CONFIG_LEVEL_LOCAL) < 0) {
    git_error_clear();
    return NotAnArchive(dir);
  }
  git::ConfigPtr local(raw_local);
  int32_t version = 0;
  if (git_config_get_int32(&version, local.get(), kVersionKey) < 0) {
    git_error_clear();
    // A clone: the marker file in main says it is an archive; adopt it.
    git_object* marker = nullptr;
    const std::string spec = std::string(kMainRef) + ":" + kMarkerPath;
    if (git_revparse_single(&marker, repo.get(), spec.c_str()) < 0) {
      git_error_clear();
      return NotAnArchive(dir);
    }
    git_object_free(marker);
    REDLINE_RETURN_IF_ERROR(git::Check(git_config_set_int32(local.get(), kVersionKey, kArchiveVersion),
                                       "adopting the clone " + dir + " as an archive"));
    REDLINE_RETURN_IF_ERROR(RebuildStoryRefsIfMissing(repo.get()));
    version = kArchiveVersion;
  }
  if (version != kArchiveVersion) {
    return Status::Archive("archive " + dir + " has version " + std::to_string(version) +
                           "; this redline reads version " + std::to_string(kArchiveVersion));
  }

  git_index* raw_index = nullptr;
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_repository_index(&raw_index, repo.get()), "opening the index of " + dir));

  auto impl = std::make_unique<Impl>();
  impl->path = workdir;
  while (impl->path.size() > 1 && impl->path.back() == '/') impl->path.pop_back();
  impl->repo = std::move(repo);
  impl->index.reset(raw_index);
  return Archive(std::move(impl));
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

Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::Archive(Archive&&) noexcept = default;
Archive& Archive::operator=(Archive&&) noexcept = default;
Archive::~Archive() = default;

const std::string& Archive::path() const { return impl_->path; }

}  // namespace redline
