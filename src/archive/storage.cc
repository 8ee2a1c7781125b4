#include "archive/storage.h"

#include <git2/sys/odb_backend.h>

#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <filesystem>
#include <system_error>
#include <vector>

#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/memory_odb.h"
#include "archive/pack_writer.h"
#include "archive/write_lock.h"

namespace redline {
namespace {

namespace fs = std::filesystem;

// A commit merges packs of at most this many bytes in all, or kMergeFactor times what it
// wrote itself if that is more: a single snapshot never pays for merging an import's packs,
// while an import merges its own as it goes.
constexpr std::uintmax_t kMinMergeBytes = 1u << 20;
constexpr std::uintmax_t kMergeFactor = 16;
constexpr std::uintmax_t kMaxMergeBytes = 16u << 20;  // what a merge may hold in memory

struct PackFile {
  fs::path pack;
  std::uintmax_t bytes = 0;
};

std::vector<PackFile> ListPacks(const fs::path& pack_dir) {
  std::vector<PackFile> packs;
  std::error_code error;
  for (fs::directory_iterator it(pack_dir, error), end; !error && it != end; it.increment(error)) {
    const fs::path& file = it->path();
    if (file.extension() != ".pack") continue;
    fs::path index = file;
    index.replace_extension(".idx");
    fs::path keep = file;
    keep.replace_extension(".keep");
    std::error_code ignored;
    if (!fs::exists(index, ignored) || fs::exists(keep, ignored)) continue;
    packs.push_back({file, fs::file_size(file, ignored)});
  }
  std::sort(packs.begin(), packs.end(), [](const PackFile& a, const PackFile& b) { return a.bytes < b.bytes; });
  return packs;
}

void RemovePack(const fs::path& pack) {
  std::error_code ignored;
  // The index first: a reader that no longer sees it does not look in the pack.
  for (const char* extension : {".idx", ".pack", ".rev", ".bitmap"}) {
    fs::path file = pack;
    file.replace_extension(extension);
    fs::remove(file, ignored);
  }
}

struct CopyTarget {
  git_odb_backend* source;
  git_odb_backend* memory;
  Status status;
};

int CopyObject(const git_oid* id, void* payload) {
  auto* target = static_cast<CopyTarget*>(payload);
  void* data = nullptr;
  std::size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  if (target->source->read(&data, &size, &type, target->source, id) < 0) {
    target->status = git::LastError("reading " + git::ToHex(*id));
    return -1;
  }
  Result<git_oid> written =
      WriteMemoryObject(target->memory, type, std::string_view(static_cast<const char*>(data), size));
  git_odb_backend_data_free(target->source, data);
  if (!written.ok()) {
    target->status = written.status();
    return -1;
  }
  return 0;
}

// Copies every object of the packs into one new plain pack (as a batch writes them: no
// delta search, so the cost is linear in their size), then removes them. Deltas are
// `redline gc`'s work.
Status MergePacks(const std::vector<PackFile>& packs, const fs::path& pack_dir) {
  Result<git_odb_backend*> created = NewMemoryBackend();
  if (!created.ok()) return created.status();
  git_odb* holder = nullptr;  // owns the memory backend
  REDLINE_RETURN_IF_ERROR(git::Check(git_odb_new(&holder), "creating an object database"));
  std::unique_ptr<git_odb, git::Deleter<git_odb_free>> odb(holder);
  REDLINE_RETURN_IF_ERROR(git::Check(git_odb_add_backend(odb.get(), *created, 1), "adding a memory store"));
  for (const PackFile& pack : packs) {
    fs::path index = pack.pack;
    index.replace_extension(".idx");
    git_odb_backend* one = nullptr;
    REDLINE_RETURN_IF_ERROR(git::Check(git_odb_backend_one_pack(&one, index.c_str()), "opening " + index.string()));
    CopyTarget target{one, *created, Status::Ok()};
    const int code = one->foreach(one, CopyObject, &target);
    one->free(one);
    if (!target.status.ok()) return target.status;
    REDLINE_RETURN_IF_ERROR(git::Check(code, "reading " + pack.pack.string()));
  }
  REDLINE_RETURN_IF_ERROR(WritePlainPack(*created, pack_dir.string(), DurableWritesWanted()));
  for (const PackFile& pack : packs) RemovePack(pack.pack);
  return Status::Ok();
}

// The smallest packs to merge, at most `budget` bytes in all, so that every pack left is at
// least twice the size of all smaller ones together (including the merged one): amortized,
// each object is rewritten O(log n) times.
std::vector<PackFile> GeometricPrefix(const std::vector<PackFile>& packs, std::uintmax_t budget) {
  std::size_t split = 0;
  std::uintmax_t sum = 0;
  for (std::size_t i = 0; i < packs.size() && sum + packs[i].bytes <= budget; ++i) {
    if (i > 0 && packs[i].bytes < 2 * sum) split = i + 1;
    sum += packs[i].bytes;
  }
  // Nothing out of step, but too many packs: merge the smallest half anyway.
  if (split < 2) {
    sum = 0;
    for (split = 0; split < kAutoPackLimit / 2 && split < packs.size() && sum + packs[split].bytes <= budget; ++split) {
      sum += packs[split].bytes;
    }
  }
  return std::vector<PackFile>(packs.begin(), packs.begin() + static_cast<std::ptrdiff_t>(split));
}

}  // namespace

void MaybePackStorage(git_repository* repo, const std::string& git_dir, std::uintmax_t written_bytes) {
  const fs::path pack_dir = fs::path(git_dir) / "objects" / "pack";
  if (ListPacks(pack_dir).size() <= kAutoPackLimit) return;
  WriteLock lock;
  if (!lock.Acquire(git_dir, /*timeout_seconds=*/2).ok()) return;  // busy: the next commit tries again
  const std::vector<PackFile> packs = ListPacks(pack_dir);
  if (packs.size() <= kAutoPackLimit) return;
  const std::vector<PackFile> merged = GeometricPrefix(packs, std::clamp(kMergeFactor * written_bytes, kMinMergeBytes, kMaxMergeBytes));
  if (merged.size() < 2) return;
  if (!MergePacks(merged, pack_dir).ok()) git_error_clear();
  git::RefreshObjects(repo);
}

namespace {

// `git repack ARGS` in the repository at `git_dir`; nullopt when there is no git to run.
std::optional<Status> RunGitRepack(const std::string& git_dir, const std::vector<const char*>& args) {
  const std::string git_dir_option = "--git-dir=" + git_dir;
  // Bounded memory for the delta search, as for the rest of redline.
  std::vector<const char*> argv = {"git", "-c", "pack.windowMemory=64m", "-c", "pack.deltaCacheSize=32m",
                                   "-c", "pack.threads=2", git_dir_option.c_str(), "repack", "-q"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (::posix_spawnp(&pid, "git", nullptr, nullptr, const_cast<char* const*>(argv.data()), environ) != 0) {
    return std::nullopt;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return Status::Archive("waiting for git repack failed");
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return std::nullopt;  // no git
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Status::Archive("git repack failed (exit status " + std::to_string(WEXITSTATUS(status)) + ")");
  }
  return Status::Ok();
}

Status PackWithLibgit2(git_repository* repo, const fs::path& objects) {
  git_packbuilder* raw_builder = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_packbuilder_new(&raw_builder, repo), "starting a pack"));
  std::unique_ptr<git_packbuilder, git::Deleter<git_packbuilder_free>> builder(raw_builder);
  git_packbuilder_set_threads(builder.get(), 0);  // as many as there are cores
  git_revwalk* raw_walk = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_revwalk_new(&raw_walk, repo), "walking the history"));
  std::unique_ptr<git_revwalk, git::Deleter<git_revwalk_free>> walk(raw_walk);
  REDLINE_RETURN_IF_ERROR(git::Check(git_revwalk_push_glob(walk.get(), "refs/*"), "walking the refs"));
  REDLINE_RETURN_IF_ERROR(git::Check(git_packbuilder_insert_walk(builder.get(), walk.get()), "gathering objects"));
  const std::vector<PackFile> old_packs = ListPacks(objects / "pack");
  REDLINE_RETURN_IF_ERROR(git::Check(
      git_packbuilder_write(builder.get(), (objects / "pack").c_str(), 0, nullptr, nullptr), "writing the pack"));
  const std::string written = std::string("pack-") + git_packbuilder_name(builder.get());
  for (const PackFile& pack : old_packs) {
    if (pack.pack.stem().string() != written) RemovePack(pack.pack);
  }
  return Status::Ok();
}

}  // namespace

Result<bool> MaybeRepackWithDeltas(const std::string& git_dir) {
  const std::vector<PackFile> packs = ListPacks(fs::path(git_dir) / "objects" / "pack");
  if (packs.size() < 2) return false;
  std::uintmax_t rest = 0;
  for (std::size_t i = 0; i + 1 < packs.size(); ++i) rest += packs[i].bytes;
  if (rest < std::max(kAutoRepackBytes, packs.back().bytes)) return false;
  // Geometric: the new data is delta-compressed and rolled into the packs, the big
  // delta-compressed pack only when the new data has grown to its size.
  std::optional<Status> repacked = RunGitRepack(git_dir, {"-d", "--geometric=2"});
  if (!repacked.has_value()) return false;  // no git: `redline gc` with libgit2 remains
  REDLINE_RETURN_IF_ERROR(*repacked);
  return true;
}

Result<GcSummary> PackEverything(git_repository* repo, const std::string& git_dir) {
  const fs::path objects = fs::path(git_dir) / "objects";
  GcSummary summary;
  std::error_code error;
  for (const PackFile& pack : ListPacks(objects / "pack")) {
    ++summary.packs_before;
    summary.bytes_before += pack.bytes;
  }
  for (fs::recursive_directory_iterator it(objects, error), end; !error && it != end; it.increment(error)) {
    const fs::path& file = it->path();
    if (it->is_regular_file() && file.parent_path().filename().string().size() == 2) {
      ++summary.loose_before;
      summary.bytes_before += it->file_size();
    }
  }
  // git's own repack searches a window of 250 objects for deltas, libgit2's of 10: use git
  // when it is there (an archive is a git repository), libgit2 otherwise.
  // What `git gc --aggressive` runs.
  std::optional<Status> repacked = RunGitRepack(git_dir, {"-a", "-d", "-f", "--depth=50", "--window=250"});
  if (repacked.has_value()) {
    REDLINE_RETURN_IF_ERROR(*repacked);
    summary.packer = "git repack";
  } else {
    REDLINE_RETURN_IF_ERROR(PackWithLibgit2(repo, objects));
    summary.packer = "libgit2";
  }
  // Loose objects: the reachable ones are in the new pack, the rest is garbage.
  for (fs::directory_iterator it(objects, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.size() == 2 && it->is_directory()) fs::remove_all(it->path(), error);
  }
  for (const PackFile& pack : ListPacks(objects / "pack")) {
    ++summary.packs_after;
    summary.bytes_after += pack.bytes;
  }
  git::RefreshObjects(repo);
  git_odb* odb = nullptr;
  if (git_repository_odb(&odb, repo) == 0) {
    summary.objects = 0;
    git_odb_foreach(
        odb, [](const git_oid*, void* count) { ++*static_cast<std::size_t*>(count); return 0; }, &summary.objects);
    git_odb_free(odb);
  }
  return summary;
}

}  // namespace redline

namespace redline {

Result<bool> Archive::MaybeGc() {
  REDLINE_RETURN_IF_ERROR(impl_->Writable());
  if (impl_->batch) return Status::Internal("cannot pack the archive while a batch is open");
  WriteLock lock;
  REDLINE_RETURN_IF_ERROR(lock.Acquire(impl_->git_dir));
  REDLINE_ASSIGN_OR_RETURN(const bool repacked, MaybeRepackWithDeltas(impl_->git_dir));
  if (repacked) git::RefreshObjects(impl_->repo.get());
  return repacked;
}

Result<GcSummary> Archive::Gc() {
  REDLINE_RETURN_IF_ERROR(impl_->Writable());
  if (impl_->batch) return Status::Internal("cannot pack the archive while a batch is open");
  EnableDurableWrites();
  WriteLock lock;
  REDLINE_RETURN_IF_ERROR(lock.Acquire(impl_->git_dir));
  return PackEverything(impl_->repo.get(), impl_->git_dir);
}

}  // namespace redline
