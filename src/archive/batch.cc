// Batches: one unit of work under the archive's write lock. Objects go to an in-memory
// backend and are written as one pack at the end (pack_writer.h); the revision index and
// main move together at the end. A single Record is a batch of one.
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>

#include <string>

#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/memory_odb.h"
#include "archive/pack_writer.h"
#include "archive/storage.h"
#include "archive/story_names.h"
#include "archive/write_lock.h"
#include "redline/archive.h"

namespace redline {
namespace {

// The archive's packs and loose objects as read-only alternates of the batch's database.
// Their pack list is not rescanned: libgit2 rescans the pack folder whenever a lookup
// misses, and every object a batch writes is first looked up (a miss, since it is new),
// which cost more than hashing it. Under the write lock nobody else adds objects.
int AddExistingObjects(git_odb* odb, const std::string& objects_dir) {
  git_odb_backend* packs = nullptr;
  int code = git_odb_backend_pack(&packs, objects_dir.c_str());
  if (code < 0) return code;
  packs->refresh = nullptr;
  code = git_odb_add_alternate(odb, packs, 2);
  if (code < 0) {
    packs->free(packs);
    return code;
  }
  git_odb_backend* loose = nullptr;
  code = git_odb_backend_loose(&loose, objects_dir.c_str(), -1, 0, 0, 0);
  if (code < 0) return code;
  code = git_odb_add_alternate(odb, loose, 1);
  if (code < 0) loose->free(loose);
  return code;
}

Result<git_oid> TreeOf(git_repository* repo, const git_oid& commit_id) {
  git_commit* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_commit_lookup(&raw, repo, &commit_id), "reading main"));
  git::CommitPtr commit(raw);
  return *git_commit_tree_id(commit.get());
}

// Moves main from `from` to `to`, unless someone else (plain git) moved it meanwhile or
// holds its lock: then `*lost_race`.
Status MoveMain(git_repository* repo, const std::string& git_dir, const git_oid& from, const git_oid& to,
                const std::string& message, bool* lost_race) {
  git_reference* raw = nullptr;
  const std::string main_ref(kMainRef);
  const int code = git_reference_create_matching(&raw, repo, main_ref.c_str(), &to, /*force=*/1, &from,
                                                 message.c_str());
  if (code == GIT_EMODIFIED || code == GIT_ELOCKED) {
    git_error_clear();
    *lost_race = true;
    if (code == GIT_ELOCKED) {
      RemoveIfStale(git_dir + main_ref + ".lock", kStaleGitLockSeconds);
      return Status::Archive(main_ref + " is locked by another program (" + main_ref +
                             ".lock); nothing was recorded, try again");
    }
    return Status::Archive(main_ref + " was changed by someone else while recording; nothing was recorded, try again");
  }
  REDLINE_RETURN_IF_ERROR(git::Check(code, "updating main"));
  git_reference_free(raw);
  return Status::Ok();
}

}  // namespace

bool Archive::InBatch() const { return impl_->batch.has_value(); }

Status Archive::BeginBatch() {
  if (impl_->batch) return Status::Internal("a batch is already open");
  REDLINE_RETURN_IF_ERROR(impl_->Writable());
  git_repository* repo = impl_->repo.get();
  EnableDurableWrites();
  REDLINE_ASSIGN_OR_RETURN(RevisionIndex* index, impl_->OpenIndex());
  Batch& batch = impl_->batch.emplace();
  const auto fail = [&](const Status& status) {
    impl_->CloseBatch();
    return status;
  };
  Status status = batch.lock.Acquire(impl_->git_dir);
  if (!status.ok()) return fail(status);
  Result<std::optional<git_oid>> head = RefTarget(repo, std::string(kMainRef));
  if (!head.ok()) return fail(head.status());
  if (!*head) return fail(Status::Archive("the archive has no main branch"));
  // Decisions in the batch read the index: it must show main as it is now.
  status = SyncIndex(repo, *index, **head);
  if (!status.ok()) return fail(status);
  Result<git_oid> tree = TreeOf(repo, **head);
  if (!tree.ok()) return fail(tree.status());
  batch.start_head = batch.head = **head;
  batch.head_tree = *tree;

  const auto failed = [&](int code, const char* what) { return fail(git::Check(code, what)); };
  int code = git_repository_odb(&batch.disk_odb, repo);
  if (code < 0) return failed(code, "opening the object database");
  code = git_odb_new(&batch.batch_odb);
  if (code < 0) return failed(code, "creating the batch's object database");
  Result<git_odb_backend*> memory = NewMemoryBackend();
  if (!memory.ok()) return fail(memory.status());
  code = git_odb_add_backend(batch.batch_odb, *memory, 1000);
  if (code < 0) {
    (*memory)->free(*memory);
    return failed(code, "adding the in-memory object store");
  }
  batch.memory = *memory;
  code = AddExistingObjects(batch.batch_odb, impl_->git_dir + "objects");
  if (code < 0) return failed(code, "reading existing objects");
  git_repository_set_odb(repo, batch.batch_odb);
  return Status::Ok();
}

void Archive::Impl::CloseBatch() {
  if (!batch) return;
  if (batch->disk_odb != nullptr) git_repository_set_odb(repo.get(), batch->disk_odb);
  if (batch->batch_odb != nullptr) git_odb_free(batch->batch_odb);
  if (batch->disk_odb != nullptr) git_odb_free(batch->disk_odb);
  batch.reset();  // releases the write lock
}

void Archive::AbortBatch() { impl_->CloseBatch(); }

Status Archive::CommitBatch(bool* lost_race) {
  bool lost = false;
  const Status status = impl_->CommitBatch(&lost);
  if (lost_race != nullptr) *lost_race = lost;
  return status;
}

Status Archive::Impl::CommitBatch(bool* lost_race) {
  if (!batch) return Status::Internal("no batch is open");
  Batch& b = *batch;
  if (git_oid_equal(&b.head, &b.start_head)) {
    CloseBatch();
    return Status::Ok();
  }
  git_repository* raw_repo = repo.get();
  RevisionIndex& revision_index = *index;
  std::uintmax_t written_bytes = 0;
  Status status = ForEachMemoryObject(b.memory, [&](const MemoryObject& object) {
    written_bytes += object.data.size();
    return Status::Ok();
  });
  if (status.ok()) status = WritePlainPack(b.memory, git_dir + "objects/pack", DurableWritesWanted());
  if (status.ok()) status = git::Check(git_odb_refresh(b.disk_odb), "reading the new pack");
  if (status.ok()) status = revision_index.Begin();
  if (!status.ok()) {
    CloseBatch();
    return status;
  }
  for (const CommitRevision& recorded : b.revisions) {
    bool inconsistent = false;
    status = revision_index.Add(recorded.revision, recorded.text_id, &inconsistent);
    if (!status.ok()) break;
  }
  for (const StoryRemoval& removal : b.removals) {
    if (!status.ok()) break;
    bool inconsistent = false;
    status = revision_index.Remove(removal, &inconsistent);
  }
  if (status.ok()) status = revision_index.SetHead(git::ToHex(b.head));
  const std::string message = b.revisions.empty() && b.removals.size() == 1
                                  ? "redline: remove " + b.removals[0].story
                              : b.revisions.size() == 1
                                  ? "redline: record " + b.revisions[0].revision.story + " revision " +
                                        std::to_string(b.revisions[0].revision.number)
                                  : "redline: record " + std::to_string(b.revisions.size()) + " revisions";
  if (status.ok()) status = MoveMain(raw_repo, git_dir, b.start_head, b.head, message, lost_race);
  if (!status.ok()) {
    revision_index.Rollback();
    CloseBatch();
    return status;
  }
  // Recorded: main is the truth. Should the index fail to commit now, it is behind main
  // and the next reader catches it up from the history.
  if (!revision_index.Commit().ok()) revision_index.Rollback();
  CloseBatch();
  MaybePackStorage(raw_repo, git_dir, written_bytes);
  return Status::Ok();
}

Archive::Impl::~Impl() { CloseBatch(); }

}  // namespace redline
