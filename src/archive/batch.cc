// Batches: objects go to an in-memory backend and are written as one pack at the end
// (pack_writer.h); refs move together in one transaction; index and work tree are written once.
// This removes the per-revision loose-object files, ref locks and index rewrites that
// dominate a single Record's cost.
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>

#include <ctime>
#include <string>

#include "archive/archive_impl.h"
#include "archive/git_handles.h"
#include "archive/identity.h"
#include "archive/memory_odb.h"
#include "archive/pack_writer.h"
#include "archive/story_names.h"
#include "archive/work_tree.h"
#include "archive/write_lock.h"
#include "redline/archive.h"

namespace redline {
namespace {

// Packs exactly the objects the batch wrote, then lets the disk database see the pack.
Status WritePack(git_repository* repo, git_odb_backend* memory, git_odb* disk_odb) {
  const std::string pack_dir = std::string(git_repository_path(repo)) + "objects/pack";
  REDLINE_RETURN_IF_ERROR(WritePlainPack(memory, pack_dir, DurableWritesWanted()));
  return git::Check(git_odb_refresh(disk_odb), "reading the new pack");
}

// The archive's packs and loose objects as read-only alternates of the batch's database.
// Their pack list is not rescanned: libgit2 rescans the pack folder whenever a lookup
// misses, and every object a batch writes is first looked up (a miss, since it is new),
// which cost more than hashing it. The batch needs only objects that existed when it
// began; whatever another writer adds meanwhile makes CommitBatch refuse anyway.
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

// Moves main and every touched story ref under one set of locks, after checking that none
// of them moved since the batch began.
Status MoveBatchRefs(git_repository* repo, const Batch& batch) {
  REDLINE_ASSIGN_OR_RETURN(git::SignaturePtr signature, RedlineSignature(std::time(nullptr), 0));
  git_transaction* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_transaction_new(&raw, repo), "starting a ref update"));
  git::TransactionPtr transaction(raw);
  const std::string main_ref(kMainRef);
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_transaction_lock_ref(transaction.get(), main_ref.c_str()), "locking " + main_ref));
  for (const auto& [story, pending] : batch.stories) {
    const std::string ref = StoryRefName(story);
    REDLINE_RETURN_IF_ERROR(git::Check(git_transaction_lock_ref(transaction.get(), ref.c_str()), "locking " + ref));
  }
  const auto moved = [](const std::optional<git_oid>& expected, const std::optional<git_oid>& now) {
    if (expected.has_value() != now.has_value()) return true;
    return expected.has_value() && !git_oid_equal(&*expected, &*now);
  };
  REDLINE_ASSIGN_OR_RETURN(std::optional<git_oid> main_now, RefTarget(repo, main_ref));
  if (moved(batch.start_head, main_now)) {
    return Status::Archive(main_ref + " was changed by someone else during the batch; nothing was recorded, try again");
  }
  const std::string message = "redline: record " + std::to_string(batch.stories.size()) + " stories";
  REDLINE_RETURN_IF_ERROR(git::Check(
      git_transaction_set_target(transaction.get(), main_ref.c_str(), &batch.head, signature.get(), message.c_str()),
      "updating " + main_ref));
  for (const auto& [story, pending] : batch.stories) {
    const std::string ref = StoryRefName(story);
    REDLINE_ASSIGN_OR_RETURN(std::optional<git_oid> now, RefTarget(repo, ref));
    if (moved(pending.original_tip, now)) {
      return Status::Archive(ref + " was changed by someone else during the batch; nothing was recorded, try again");
    }
    REDLINE_RETURN_IF_ERROR(git::Check(
        git_transaction_set_target(transaction.get(), ref.c_str(), &pending.tip, signature.get(), message.c_str()),
        "updating " + ref));
  }
  return git::Check(git_transaction_commit(transaction.get()), "updating refs");
}

}  // namespace

bool Archive::InBatch() const { return impl_->batch.has_value(); }

Status Archive::BeginBatch() {
  if (impl_->batch) return Status::Internal("a batch is already open");
  git_repository* repo = impl_->repo.get();
  REDLINE_ASSIGN_OR_RETURN(const std::optional<git_oid> head, RefTarget(repo, std::string(kMainRef)));
  if (!head) return Status::Archive("the archive has no main branch");

  Batch batch;
  batch.start_head = *head;
  batch.head = *head;
  REDLINE_RETURN_IF_ERROR(git::Check(git_repository_odb(&batch.disk_odb, repo), "opening the object database"));
  const auto fail = [&](int code, const char* what) {
    const Status status = git::Check(code, what);
    if (batch.batch_odb != nullptr) git_odb_free(batch.batch_odb);
    git_odb_free(batch.disk_odb);
    return status;
  };
  int code = git_odb_new(&batch.batch_odb);
  if (code < 0) return fail(code, "creating the batch's object database");
  auto memory = NewMemoryBackend();
  if (!memory.ok()) return fail(-1, "creating an in-memory object store");
  batch.memory = *memory;
  code = git_odb_add_backend(batch.batch_odb, batch.memory, 1000);
  if (code < 0) {
    batch.memory->free(batch.memory);
    return fail(code, "adding the in-memory object store");
  }
  // Existing objects stay readable; alternates never receive writes.
  const std::string objects = std::string(git_repository_path(repo)) + "objects";
  code = AddExistingObjects(batch.batch_odb, objects);
  if (code < 0) return fail(code, "reading existing objects");
  git_repository_set_odb(repo, batch.batch_odb);
  impl_->batch = std::move(batch);
  return Status::Ok();
}

void Archive::Impl::CloseBatchDatabase() {
  if (!batch) return;
  git_repository_set_odb(repo.get(), batch->disk_odb);
  git_odb_free(batch->batch_odb);
  git_odb_free(batch->disk_odb);
  batch.reset();
}

void Archive::AbortBatch() {
  if (!impl_->batch) return;
  impl_->CloseBatchDatabase();
  impl_->index_synced = false;
  if (git_index_read(impl_->index.get(), /*force=*/1) < 0) git_error_clear();
}

Status Archive::CommitBatch() {
  if (!impl_->batch) return Status::Internal("no batch is open");
  Batch& batch = *impl_->batch;
  if (batch.stories.empty()) {
    impl_->CloseBatchDatabase();
    return Status::Ok();
  }
  git_repository* repo = impl_->repo.get();
  // Other writers wait until refs, index and work tree all show this batch (write_lock.h).
  EnableDurableWrites();  // as in Record
  WriteLock lock;
  Status status = lock.Acquire(git_repository_path(repo));
  if (status.ok()) status = WritePack(repo, batch.memory, batch.disk_odb);
  if (status.ok()) status = MoveBatchRefs(repo, batch);
  if (!status.ok()) {
    AbortBatch();
    return status;
  }
  // Recorded. Mirror the final files of every touched story and write the index once.
  std::map<std::string, PendingStory, std::less<>> stories = std::move(batch.stories);
  const git_oid head = batch.head;
  impl_->CloseBatchDatabase();
  git_index* index = impl_->index.get();
  for (const auto& [story, pending] : stories) {
    if (status.ok()) status = CheckOutFile(impl_->path, index, pending.article_path, pending.text, pending.mtime);
    if (status.ok()) status = CheckOutFile(impl_->path, index, pending.raw_path, pending.raw, pending.mtime);
    if (status.ok()) status = RemoveWorkTreeFile(impl_->path, pending.other_raw_path);
  }
  if (status.ok()) status = WriteIndexFile(repo, index);
  if (!status.ok()) {
    impl_->index_synced = false;
    return status.WithContext("recorded the batch, but the work tree is stale");
  }
  impl_->index_synced = true;
  impl_->synced_head = head;
  git_oid_cpy(&impl_->synced_checksum, git_index_checksum(index));
  return Status::Ok();
}

Archive::Impl::~Impl() { CloseBatchDatabase(); }

}  // namespace redline
