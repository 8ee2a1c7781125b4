// Creating an archive: an ordinary git repository whose first commit explains the layout.
#include <ctime>
#include <filesystem>
#include <system_error>

#include "archive/archive_impl.h"
#include "archive/library.h"
#include "archive/git_handles.h"
#include "archive/identity.h"
#include "archive/work_tree.h"
#include "redline/archive.h"

namespace redline {
namespace {

namespace fs = std::filesystem;

constexpr const char* kReadmePath = "README.md";
constexpr const char* kAttributesPath = ".gitattributes";
constexpr std::string_view kMarker = "redline archive, version 1\n";

// Shown to people who browse the archive with plain git.
constexpr std::string_view kReadme =
    R"(# redline archive

This git repository is a redline archive: it records how news stories change.
It is written by `redline`; please do not commit to it by hand.

## Layout

    stories/<fan>/<story>/article.txt   the story's canonical text
    stories/<fan>/<story>/raw.html      the input as recorded (raw.txt for text input)

`<story>` is the story id. `<fan>` is the first two hex digits of the git blob id of the
story id, which spreads stories over at most 256 folders:

    printf %s STORY | git hash-object --stdin | cut -c1-2

## History

Every revision of a story is one commit on `main`. Its subject is the headline and its
trailers describe the revision:

    Redline-Story: <story id>
    Redline-Revision: <number, from 1>
    Redline-Previous: <commit of the story's previous revision>
    Redline-Source: <URL, when known>
    Redline-Captured: <ISO-8601 capture time, also the commit time>
    Redline-Words: +<added> -<removed>
    Redline-Total-Words: <words in the text>

`refs/redline/stories/<story>` points at the story's latest revision, so one story's
history is read by following Redline-Previous without walking other stories' commits:

    git log -1 refs/redline/stories/STORY
    git show main:stories/<fan>/STORY/article.txt

`.gitattributes` turns off line-ending conversion so recorded bytes stay exact.
)";

constexpr std::string_view kAttributes = "* -text\n";

// Undoes a half-made archive: what Init created and nothing else.
class InitRollback {
 public:
  InitRollback(fs::path root, bool root_existed)
      : root_(std::move(root)), root_existed_(root_existed) {}
  InitRollback(const InitRollback&) = delete;
  InitRollback& operator=(const InitRollback&) = delete;
  ~InitRollback() {
    if (done_) return;
    std::error_code ignored;
    if (!root_existed_) {
      fs::remove_all(root_, ignored);
      return;
    }
    fs::remove_all(root_ / ".git", ignored);
    if (wrote_files_) {
      fs::remove(root_ / kReadmePath, ignored);
      fs::remove(root_ / kAttributesPath, ignored);
      fs::remove(root_ / kMarkerPath, ignored);
    }
  }
  void WroteFiles() { wrote_files_ = true; }
  void Done() { done_ = true; }

 private:
  fs::path root_;
  bool root_existed_;
  bool wrote_files_ = false;
  bool done_ = false;
};

bool HoldsRepository(const fs::path& root) {
  std::error_code ignored;
  if (fs::exists(root / ".git", ignored)) return true;
  git_repository* raw = nullptr;
  const bool is_repository =
      git_repository_open_ext(&raw, root.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) == 0;
  git_repository_free(raw);
  git_error_clear();
  return is_repository;
}

Status CreateRepository(const fs::path& root) {
  git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  options.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
  options.initial_head = "main";
  git_repository* raw_repo = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_repository_init_ext(&raw_repo, root.c_str(), &options),
                                     "creating a git repository in " + root.string()));
  git::RepositoryPtr repo(raw_repo);
  git_config* raw_config = nullptr;
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_repository_config(&raw_config, repo.get()), "reading the new config"));
  git::ConfigPtr config(raw_config);
  git_config* raw_local = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(
      git_config_open_level(&raw_local, config.get(), GIT_CONFIG_LEVEL_LOCAL), "opening config"));
  git::ConfigPtr local(raw_local);
  return git::Check(git_config_set_int32(local.get(), kVersionKey, kArchiveVersion),
                    "marking the repository as a redline archive");
}

}  // namespace

Result<Archive> Archive::Init(const std::string& dir) {
  EnsureLibgit2();
  if (dir.empty()) return Status::BadInput("no archive directory given");
  std::error_code error;
  const fs::path root = fs::absolute(dir, error).lexically_normal();
  if (error) return Status::Archive("cannot resolve " + dir + ": " + error.message());
  const bool existed = fs::exists(root, error);
  if (existed && !fs::is_directory(root, error)) {
    return Status::Archive("cannot create an archive in " + dir + ": not a directory");
  }
  if (existed && HoldsRepository(root)) {
    return Status::Archive("a git repository already exists in " + dir);
  }
  fs::create_directories(root, error);
  if (error) return Status::Archive("cannot create " + dir + ": " + error.message());

  InitRollback rollback(root, existed);
  REDLINE_RETURN_IF_ERROR(CreateRepository(root));
  REDLINE_ASSIGN_OR_RETURN(Archive archive, Open(root.string()));
  Impl& impl = *archive.impl_;
  git_index* index = impl.index.get();

  REDLINE_RETURN_IF_ERROR(StageFile(index, kReadmePath, kReadme));
  REDLINE_RETURN_IF_ERROR(StageFile(index, kAttributesPath, kAttributes));
  REDLINE_RETURN_IF_ERROR(StageFile(index, kMarkerPath, kMarker));
  git_oid tree_id;
  REDLINE_RETURN_IF_ERROR(git::Check(git_index_write_tree(&tree_id, index), "writing the tree"));
  git_tree* raw_tree = nullptr;
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_tree_lookup(&raw_tree, impl.repo.get(), &tree_id), "reading the tree"));
  git::TreePtr tree(raw_tree);
  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  REDLINE_ASSIGN_OR_RETURN(git::SignaturePtr signature, RedlineSignature(now, 0));
  git_oid commit_id;
  REDLINE_RETURN_IF_ERROR(git::Check(
      git_commit_create(&commit_id, impl.repo.get(), "refs/heads/main", signature.get(),
                        signature.get(), nullptr, "Initialize redline archive\n", tree.get(), 0,
                        nullptr),
      "making the first commit"));

  rollback.WroteFiles();
  REDLINE_RETURN_IF_ERROR(CheckOutFile(impl.path, index, kReadmePath, kReadme, now - 1));
  REDLINE_RETURN_IF_ERROR(CheckOutFile(impl.path, index, kAttributesPath, kAttributes, now - 1));
  REDLINE_RETURN_IF_ERROR(CheckOutFile(impl.path, index, kMarkerPath, kMarker, now - 1));
  REDLINE_RETURN_IF_ERROR(git::Check(git_index_write(index), "writing the index"));
  rollback.Done();
  return archive;
}

}  // namespace redline
