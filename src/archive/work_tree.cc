#include "archive/work_tree.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <system_error>

#include "archive/git_handles.h"
#include "archive/memory_odb.h"
#include "archive/write_lock.h"

namespace redline {
namespace {

Status FileError(const std::string& what, const std::string& path, int error) {
  return Status::Archive(what + " " + path + ": " + std::strerror(error));
}

// Writes the whole file and returns its final stat data in `*info`.
Status WriteWholeFile(const std::string& file, std::string_view content, std::int64_t mtime,
                      struct stat* info) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return FileError("cannot write", file, errno);
  const auto fail = [&](const char* what) {
    const int error = errno;
    ::close(fd);
    return FileError(what, file, error);
  };
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) return fail("cannot write");
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  if (mtime <= static_cast<std::int64_t>(std::time(nullptr))) {
    const struct timespec times[2] = {{0, UTIME_OMIT}, {static_cast<time_t>(mtime), 0}};
    if (::futimens(fd, times) != 0) return fail("cannot set the time of");
  }
  if (::fstat(fd, info) != 0) return fail("cannot stat");
  if (::close(fd) != 0) return FileError("cannot write", file, errno);
  return Status::Ok();
}

}  // namespace

Status StageFile(git_index* index, const std::string& path, std::string_view content) {
  git_index_entry entry = {};
  entry.mode = GIT_FILEMODE_BLOB;
  entry.path = path.c_str();
  return git::Check(git_index_add_from_buffer(index, &entry, content.data(), content.size()),
                    "staging " + path);
}

Status StageFileInMemory(git_index* index, git_odb_backend* memory, const std::string& path,
                         std::string_view content) {
  REDLINE_ASSIGN_OR_RETURN(const git_oid id, WriteMemoryObject(memory, GIT_OBJECT_BLOB, content));
  git_index_entry entry = {};
  entry.mode = GIT_FILEMODE_BLOB;
  entry.path = path.c_str();
  entry.id = id;
  entry.file_size = static_cast<std::uint32_t>(content.size());
  return git::Check(git_index_add(index, &entry), "staging " + path);
}

Status UnstageFile(git_index* index, const std::string& path) {
  if (git_index_get_bypath(index, path.c_str(), 0) == nullptr) return Status::Ok();
  return git::Check(git_index_remove(index, path.c_str(), 0), "unstaging " + path);
}

Status CheckOutFile(const std::string& root, git_index* index, const std::string& path,
                    std::string_view content, std::int64_t mtime) {
  const git_index_entry* staged = git_index_get_bypath(index, path.c_str(), 0);
  if (staged == nullptr) return Status::Internal("checking out " + path + ": not staged");
  const std::string file = root + "/" + path;
  std::error_code error;
  std::filesystem::create_directories(std::filesystem::path(file).parent_path(), error);
  if (error) return Status::Archive("cannot create folder for " + file + ": " + error.message());
  struct stat info;
  REDLINE_RETURN_IF_ERROR(WriteWholeFile(file, content, mtime, &info));
  git_index_entry entry = *staged;  // same path, id and mode
  entry.ctime.seconds = static_cast<int32_t>(info.st_ctim.tv_sec);
  entry.ctime.nanoseconds = static_cast<uint32_t>(info.st_ctim.tv_nsec);
  entry.mtime.seconds = static_cast<int32_t>(info.st_mtim.tv_sec);
  entry.mtime.nanoseconds = static_cast<uint32_t>(info.st_mtim.tv_nsec);
  entry.dev = static_cast<uint32_t>(info.st_dev);
  entry.ino = static_cast<uint32_t>(info.st_ino);
  entry.uid = info.st_uid;
  entry.gid = info.st_gid;
  entry.file_size = static_cast<uint32_t>(info.st_size);
  const std::string path_copy = path;  // `staged` is invalidated by the add
  entry.path = path_copy.c_str();
  return git::Check(git_index_add(index, &entry), "updating the index entry of " + path);
}

Status WriteIndexFile(git_repository* repo, git_index* index) {
  constexpr int kMaxAttempts = 100;  // BackOff caps at 200 ms
  const std::string lock_file = std::string(git_repository_path(repo)) + "index.lock";
  for (int attempt = 0;; ++attempt) {
    const int code = git_index_write(index);
    if (code != GIT_ELOCKED || attempt + 1 >= kMaxAttempts) return git::Check(code, "writing the index");
    git_error_clear();
    RemoveIfStale(lock_file, kStaleGitLockSeconds);
    BackOff(attempt);
  }
}

Status RemoveWorkTreeFile(const std::string& root, const std::string& path) {
  std::error_code error;
  std::filesystem::remove(root + "/" + path, error);
  if (error) return Status::Archive("cannot remove " + root + "/" + path + ": " + error.message());
  return Status::Ok();
}

}  // namespace redline
