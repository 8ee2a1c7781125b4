// Creating an archive: an ordinary git repository whose first commit explains the layout.
#include <ctime>
#include <filesystem>
#include <system_error>

#include "archive/archive_impl.h"
#include "archive/library.h"
#include "archive/git_handles.h"
#include "archive/identity.h"
#include "archive/story_names.h"
#include <git2/sys/commit.h>
#include "redline/archive.h"

namespace redline {
namespace {

namespace fs = std::filesystem;

constexpr const char* kReadmePath = "README.md";
constexpr const char* kAttributesPath = ".gitattributes";
constexpr std::string_view kMarker = "redline archive, version 2\n";

// Shown to people who browse the archive with plain git (archive-format.md has the rest).
constexpr std::string_view kReadme =
    R"(# redline archive

This git repository is a redline archive: it records how news stories change.
It is written by `redline`; please do not commit to it by hand.

## Layout

    stories/<a>/<b>/<c>/<d>/<story>/article.txt   the story's canonical text
    stories/<a>/<b>/<c>/<d>/<story>/raw.html      the input as recorded (raw.txt for text input)

`<story>` is the story id; `<a>/<b>/<c>/<d>` are the first four hex digits of the git blob
id of the story id, which keeps every folder small however many stories there are:

    printf %s STORY | git hash-object --stdin | cut -c1-4 | sed 's|.|&/|g'

Stories recorded before the archive was upgraded from format 1 keep their older
revisions under `stories/<first two hex digits>/<story>/`.

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

One story's history with plain git:

    git log main -- stories/<a>/<b>/<c>/<d>/STORY
    git show main:stories/<a>/<b>/<c>/<d>/STORY/article.txt

redline itself reads a story through its revision index (.git/redline/revisions.sqlite),
which it derives from this history and rebuilds with `redline reindex`.

`.gitattributes` turns off line-ending conversion so recorded bytes stay exact.
)";

constexpr std::string_view kAttributes = "* -text\n";

// Undoes a half-made archive: what Init created and nothing else.
class InitRollback {
 public:
  InitRollback(fs::path root, bool root_existed) : root_(std::move(root)), root_existed_(root_existed) {}
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
  }
  void Done() { done_ = true; }

 private:
  fs::path root_;
  bool root_existed_;
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

// A repository without a work tree in <root>/.git (core.bare = true): git commands run in
// <root> find it, and nothing outside .git needs to follow each revision.
Result<git::RepositoryPtr> CreateRepository(const fs::path& root) {
  // The init functions, not the *_INIT macros: the macros leave fields to zero-fill, which
  // -Wmissing-field-initializers reports.
  git_repository_init_options options;
  git_repository_init_options_init(&options, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
  options.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT | GIT_REPOSITORY_INIT_BARE;
  options.initial_head = "main";
  git_repository* raw_repo = nullptr;
  const std::string git_dir = (root / ".git").string();
  REDLINE_RETURN_IF_ERROR(git::Check(git_repository_init_ext(&raw_repo, git_dir.c_str(), &options),
                                     "creating a git repository in " + root.string()));
  git::RepositoryPtr repo(raw_repo);
  git_config* raw_config = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_repository_config(&raw_config, repo.get()), "reading the new config"));
  git::ConfigPtr config(raw_config);
  git_config* raw_local = nullptr;
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_config_open_level(&raw_local, config.get(), GIT_CONFIG_LEVEL_LOCAL), "opening config"));
  git::ConfigPtr local(raw_local);
  REDLINE_RETURN_IF_ERROR(git::Check(git_config_set_int32(local.get(), kVersionKey, kArchiveVersion),
                                     "marking the repository as a redline archive"));
  return repo;
}

// The first commit's tree: the README, the attributes and the marker.
Result<git_oid> WriteFirstTree(git_repository* repo) {
  git_treebuilder* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_treebuilder_new(&raw, repo, nullptr), "building the first tree"));
  std::unique_ptr<git_treebuilder, git::Deleter<git_treebuilder_free>> builder(raw);
  for (const auto& [path, content] : {std::pair{kReadmePath, kReadme}, std::pair{kAttributesPath, kAttributes},
                                      std::pair{kMarkerPath, kMarker}}) {
    git_oid blob;
    REDLINE_RETURN_IF_ERROR(
        git::Check(git_blob_create_from_buffer(&blob, repo, content.data(), content.size()), "writing " + std::string(path)));
    REDLINE_RETURN_IF_ERROR(git::Check(git_treebuilder_insert(nullptr, builder.get(), path, &blob, GIT_FILEMODE_BLOB),
                                       "adding " + std::string(path)));
  }
  git_oid tree;
  REDLINE_RETURN_IF_ERROR(git::Check(git_treebuilder_write(&tree, builder.get()), "writing the first tree"));
  return tree;
}

}  // namespace

std::string_view ArchiveReadme() { return kReadme; }
std::string_view ArchiveMarker() { return kMarker; }

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
  {
    REDLINE_ASSIGN_OR_RETURN(git::RepositoryPtr repo, CreateRepository(root));
    REDLINE_ASSIGN_OR_RETURN(const git_oid tree_id, WriteFirstTree(repo.get()));
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    REDLINE_ASSIGN_OR_RETURN(git::SignaturePtr signature, RedlineSignature(now, 0));
    git_oid commit_id;
    REDLINE_RETURN_IF_ERROR(git::Check(
        git_commit_create_from_ids(&commit_id, repo.get(), "refs/heads/main", signature.get(), signature.get(),
                                   nullptr, "Initialize redline archive\n", &tree_id, 0, nullptr),
        "making the first commit"));
  }
  REDLINE_ASSIGN_OR_RETURN(Archive archive, Open(root.string()));
  REDLINE_RETURN_IF_ERROR(archive.impl_->Index().status());  // an empty index, in step with main
  rollback.Done();
  return archive;
}

}  // namespace redline
