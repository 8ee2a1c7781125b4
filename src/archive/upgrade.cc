// `redline upgrade`: an archive of format 1 (a work tree, an index of every story's files,
// one ref per story, stories/<fan>/<story>) or a plain `git clone` of one of format 2 becomes
// a format 2 archive in place. Every commit is kept as it is: one new commit moves the
// stories' folders to their format 2 paths, so every revision id stays valid and older
// revisions are read where format 1 put them.
#include <filesystem>
#include <set>
#include <system_error>

#include <git2/sys/commit.h>

#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/identity.h"
#include "archive/library.h"
#include "archive/story_names.h"
#include "redline/archive.h"

namespace redline {
namespace {

namespace fs = std::filesystem;
using TreeBuilderPtr = std::unique_ptr<git_treebuilder, git::Deleter<git_treebuilder_free>>;
using StatusListPtr = std::unique_ptr<git_status_list, git::Deleter<git_status_list_free>>;

Result<git::TreePtr> LookupTree(git_repository* repo, const git_oid& id) {
  git_tree* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_tree_lookup(&raw, repo, &id), "reading tree " + git::ToHex(id)));
  return git::TreePtr(raw);
}

Result<git_oid> EmptyTree(git_repository* repo) {
  git_treebuilder* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_treebuilder_new(&raw, repo, nullptr), "building a tree"));
  TreeBuilderPtr builder(raw);
  git_oid id;
  REDLINE_RETURN_IF_ERROR(git::Check(git_treebuilder_write(&id, builder.get()), "writing a tree"));
  return id;
}

// The stories tree of format 1 (stories/<fan>/<story>/...) laid out as format 2's.
Result<git_oid> RelocateStories(git_repository* repo, git_tree* stories, std::size_t* moved) {
  std::vector<std::string> paths;  // kept alive for the updates
  std::vector<git_oid> ids;
  for (std::size_t i = 0; i < git_tree_entrycount(stories); ++i) {
    const git_tree_entry* fan = git_tree_entry_byindex(stories, i);
    const std::string fan_name = git_tree_entry_name(fan);
    if (git_tree_entry_type(fan) != GIT_OBJECT_TREE || fan_name.size() != 2) {
      paths.push_back(fan_name);
      ids.push_back(*git_tree_entry_id(fan));
      continue;
    }
    REDLINE_ASSIGN_OR_RETURN(git::TreePtr fan_tree, LookupTree(repo, *git_tree_entry_id(fan)));
    for (std::size_t j = 0; j < git_tree_entrycount(fan_tree.get()); ++j) {
      const git_tree_entry* story = git_tree_entry_byindex(fan_tree.get(), j);
      const std::string name = git_tree_entry_name(story);
      const bool ours = git_tree_entry_type(story) == GIT_OBJECT_TREE && ValidateArchiveStoryId(name).ok();
      paths.push_back(ours ? StoryDirectory(name).substr(8) : fan_name + "/" + name);
      ids.push_back(*git_tree_entry_id(story));
      if (ours) ++*moved;
    }
  }
  std::vector<git_tree_update> updates;
  updates.reserve(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    updates.push_back({GIT_TREE_UPDATE_UPSERT, ids[i], GIT_FILEMODE_TREE, paths[i].c_str()});
  }
  REDLINE_ASSIGN_OR_RETURN(const git_oid empty_id, EmptyTree(repo));
  REDLINE_ASSIGN_OR_RETURN(git::TreePtr empty, LookupTree(repo, empty_id));
  git_oid relocated;
  REDLINE_RETURN_IF_ERROR(git::Check(git_tree_create_updated(&relocated, repo, empty.get(), updates.size(), updates.data()),
                                     "laying out the stories anew"));
  return relocated;
}

// The one commit that moves format 1's stories and describes format 2.
Result<git_oid> WriteUpgradeCommit(git_repository* repo, const git_oid& head, std::size_t* moved) {
  git_commit* raw_commit = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_commit_lookup(&raw_commit, repo, &head), "reading main"));
  git::CommitPtr commit(raw_commit);
  git_tree* raw_root = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_commit_tree(&raw_root, commit.get()), "reading main's tree"));
  git::TreePtr root(raw_root);
  git_treebuilder* raw_builder = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_treebuilder_new(&raw_builder, repo, root.get()), "building the tree"));
  TreeBuilderPtr builder(raw_builder);
  if (const git_tree_entry* stories = git_tree_entry_byname(root.get(), "stories");
      stories != nullptr && git_tree_entry_type(stories) == GIT_OBJECT_TREE) {
    REDLINE_ASSIGN_OR_RETURN(git::TreePtr stories_tree, LookupTree(repo, *git_tree_entry_id(stories)));
    REDLINE_ASSIGN_OR_RETURN(const git_oid relocated, RelocateStories(repo, stories_tree.get(), moved));
    REDLINE_RETURN_IF_ERROR(git::Check(git_treebuilder_insert(nullptr, builder.get(), "stories", &relocated,
                                                              GIT_FILEMODE_TREE), "moving the stories"));
  }
  for (const auto& [path, content] : {std::pair{"README.md", ArchiveReadme()}, std::pair{kMarkerPath, ArchiveMarker()}}) {
    git_oid blob;
    REDLINE_RETURN_IF_ERROR(git::Check(git_blob_create_from_buffer(&blob, repo, content.data(), content.size()),
                                       std::string("writing ") + path));
    REDLINE_RETURN_IF_ERROR(
        git::Check(git_treebuilder_insert(nullptr, builder.get(), path, &blob, GIT_FILEMODE_BLOB), "adding " + std::string(path)));
  }
  git_oid tree;
  REDLINE_RETURN_IF_ERROR(git::Check(git_treebuilder_write(&tree, builder.get()), "writing the tree"));
  REDLINE_ASSIGN_OR_RETURN(git::SignaturePtr signature, RedlineSignature(std::time(nullptr), 0));
  const git_oid* parents[] = {&head};
  git_oid upgraded;
  REDLINE_RETURN_IF_ERROR(git::Check(
      git_commit_create_from_ids(&upgraded, repo, nullptr, signature.get(), signature.get(), nullptr,
                                 "Upgrade redline archive to format 2\n\nStories move to "
                                 "stories/<a>/<b>/<c>/<d>/<story>; earlier revisions keep theirs.\n",
                                 &tree, 1, parents),
      "writing the upgrade commit"));
  return upgraded;
}

// Refuses a work tree that holds changes to tracked files: removing it would lose them.
Status CheckWorkTreeClean(git_repository* repo) {
  git_status_options options;
  git_status_options_init(&options, GIT_STATUS_OPTIONS_VERSION);
  options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  options.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  git_status_list* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_status_list_new(&raw, repo, &options), "comparing the work tree"));
  StatusListPtr list(raw);
  // A checked-out file that is gone loses nothing (an upgrade stopped halfway removes them).
  std::size_t changed = 0;
  const char* first = nullptr;
  for (std::size_t i = 0; i < git_status_list_entrycount(list.get()); ++i) {
    const git_status_entry* entry = git_status_byindex(list.get(), i);
    if (entry->status == GIT_STATUS_WT_DELETED) continue;
    const git_diff_delta* delta = entry->index_to_workdir ? entry->index_to_workdir : entry->head_to_index;
    if (first == nullptr) first = delta && delta->new_file.path ? delta->new_file.path : "?";
    ++changed;
  }
  if (changed == 0) return Status::Ok();
  return Status::Archive("the work tree has changes that are not recorded (" + std::string(first) + ", " +
                         std::to_string(changed) + " in all); commit or undo them, then run 'redline upgrade' again");
}

// Removes the checked-out copies of tracked files (all in git) and the folders they leave
// empty; untracked files stay.
Result<std::size_t> RemoveCheckout(git_repository* repo, const std::string& workdir) {
  git_index* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_repository_index(&raw, repo), "reading the index"));
  git::IndexPtr index(raw);
  std::set<fs::path> folders;
  std::size_t removed = 0;
  std::error_code error;
  for (std::size_t i = 0; i < git_index_entrycount(index.get()); ++i) {
    const fs::path file = fs::path(workdir) / git_index_get_byindex(index.get(), i)->path;
    if (fs::remove(file, error)) ++removed;
    for (fs::path up = file.parent_path(); up.string().size() > workdir.size(); up = up.parent_path()) {
      folders.insert(up);
    }
  }
  for (auto folder = folders.rbegin(); folder != folders.rend(); ++folder) {
    if (fs::is_empty(*folder, error)) fs::remove(*folder, error);
  }
  const std::string index_file = std::string(git_repository_path(repo)) + "index";
  fs::remove(index_file, error);
  return removed;
}

Result<std::size_t> RemoveStoryRefs(git_repository* repo) {
  std::vector<std::string> names;
  git_reference_iterator* raw = nullptr;
  const std::string glob = std::string(kLegacyStoryRefPrefix) + "*";
  REDLINE_RETURN_IF_ERROR(git::Check(git_reference_iterator_glob_new(&raw, repo, glob.c_str()), "listing story refs"));
  git::ReferenceIteratorPtr iterator(raw);
  const char* name = nullptr;
  while (git_reference_next_name(&name, iterator.get()) == 0) names.emplace_back(name);
  git_error_clear();
  for (const std::string& ref : names) {
    REDLINE_RETURN_IF_ERROR(git::Check(git_reference_remove(repo, ref.c_str()), "removing " + ref));
  }
  return names.size();
}

}  // namespace

Result<UpgradeSummary> Archive::Upgrade(const std::string& dir) {
  REDLINE_ASSIGN_OR_RETURN(Archive archive, Open(dir));
  Impl& impl = *archive.impl_;
  UpgradeSummary summary;
  if (impl.upgrade_needed.empty()) return summary;  // format 2 already
  git_repository* repo = impl.repo.get();
  git::ConfigPtr local;
  {
    git_config* raw_config = nullptr;
    REDLINE_RETURN_IF_ERROR(git::Check(git_repository_config(&raw_config, repo), "reading config"));
    git::ConfigPtr config(raw_config);
    git_config* raw_local = nullptr;
    REDLINE_RETURN_IF_ERROR(git::Check(git_config_open_level(&raw_local, config.get(), GIT_CONFIG_LEVEL_LOCAL),
                                       "reading config"));
    local.reset(raw_local);
  }
  int32_t version = 0;
  REDLINE_RETURN_IF_ERROR(git::Check(git_config_get_int32(&version, local.get(), kVersionKey), "reading the format"));
  summary.from_format = version;

  WriteLock lock;
  REDLINE_RETURN_IF_ERROR(lock.Acquire(impl.git_dir));
  EnableDurableWrites();
  const char* workdir = git_repository_workdir(repo);
  // In an order that a rerun after a crash at any step completes: the checkout first (its
  // files are all in git), then the one commit (skipped when main already has format 2's
  // marker), the refs, and last the format in the config.
  if (workdir != nullptr) {
    REDLINE_RETURN_IF_ERROR(CheckWorkTreeClean(repo));
    REDLINE_ASSIGN_OR_RETURN(summary.files_removed, RemoveCheckout(repo, impl.path));
    REDLINE_RETURN_IF_ERROR(git::Check(git_config_set_bool(local.get(), "core.bare", 1), "dropping the work tree"));
  }
  REDLINE_ASSIGN_OR_RETURN(const std::optional<git_oid> head, RefTarget(repo, std::string(kMainRef)));
  if (!head) return Status::Archive("the archive has no main branch");
  if (MarkerVersion(repo) < kArchiveVersion) {
    REDLINE_ASSIGN_OR_RETURN(const git_oid upgraded, WriteUpgradeCommit(repo, *head, &summary.stories_moved));
    git_reference* raw_ref = nullptr;
    REDLINE_RETURN_IF_ERROR(git::Check(git_reference_create_matching(&raw_ref, repo, std::string(kMainRef).c_str(),
                                                                     &upgraded, 1, &*head, "redline: upgrade"),
                                       "moving main"));
    git_reference_free(raw_ref);
  }
  REDLINE_ASSIGN_OR_RETURN(summary.refs_removed, RemoveStoryRefs(repo));
  REDLINE_RETURN_IF_ERROR(git::Check(git_config_set_int32(local.get(), kVersionKey, kArchiveVersion),
                                     "marking the archive as format 2"));
  lock.Release();
  // Read anew as format 2, and its index built from the history.
  REDLINE_ASSIGN_OR_RETURN(Archive upgraded, Open(impl.path));
  REDLINE_RETURN_IF_ERROR(upgraded.Reindex());
  REDLINE_ASSIGN_OR_RETURN(const std::vector<StorySummary> stories, upgraded.Stories());
  summary.stories = stories.size();
  summary.upgraded = true;
  return summary;
}

}  // namespace redline
