// RAII owners for libgit2 handles and the one place libgit2 error codes become Status values.
// Everything here is internal to the archive module.
#ifndef REDLINE_ARCHIVE_GIT_HANDLES_H_
#define REDLINE_ARCHIVE_GIT_HANDLES_H_

#include <git2.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "redline/status.h"

namespace redline::git {

// Calls libgit2's free function for T when the unique_ptr lets go.
template <auto FreeFunction>
struct Deleter {
  template <typename T>
  void operator()(T* handle) const {
    FreeFunction(handle);
  }
};

using RepositoryPtr = std::unique_ptr<git_repository, Deleter<git_repository_free>>;
using IndexPtr = std::unique_ptr<git_index, Deleter<git_index_free>>;
using CommitPtr = std::unique_ptr<git_commit, Deleter<git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, Deleter<git_tree_free>>;
using TreeEntryPtr = std::unique_ptr<git_tree_entry, Deleter<git_tree_entry_free>>;
using BlobPtr = std::unique_ptr<git_blob, Deleter<git_blob_free>>;
using ReferencePtr = std::unique_ptr<git_reference, Deleter<git_reference_free>>;
using ReferenceIteratorPtr =
    std::unique_ptr<git_reference_iterator, Deleter<git_reference_iterator_free>>;
using SignaturePtr = std::unique_ptr<git_signature, Deleter<git_signature_free>>;
using ConfigPtr = std::unique_ptr<git_config, Deleter<git_config_free>>;
// Freeing an uncommitted transaction releases its ref locks.
using TransactionPtr = std::unique_ptr<git_transaction, Deleter<git_transaction_free>>;

// A git_buf that disposes of its memory.
class Buf {
 public:
  Buf() = default;
  Buf(const Buf&) = delete;
  Buf& operator=(const Buf&) = delete;
  ~Buf() { git_buf_dispose(&buf_); }
  git_buf* get() { return &buf_; }
  std::string_view view() const { return {buf_.ptr ? buf_.ptr : "", buf_.size}; }

 private:
  git_buf buf_ = GIT_BUF_INIT;
};

// The trailers of one commit message, freed with the array.
class Trailers {
 public:
  Trailers() = default;
  Trailers(const Trailers&) = delete;
  Trailers& operator=(const Trailers&) = delete;
  ~Trailers() { git_message_trailer_array_free(&array_); }
  git_message_trailer_array* get() { return &array_; }
  const git_message_trailer* begin() const { return array_.trailers; }
  const git_message_trailer* end() const { return array_.trailers + array_.count; }

 private:
  git_message_trailer_array array_ = {};
};

// Ok for code >= 0; otherwise an Archive error "context: <git_error_last() message>".
Status Check(int code, std::string_view context);

// An Archive error from the last libgit2 error without checking a code (for calls that
// report failure by returning NULL).
Status LastError(std::string_view context);

std::string ToHex(const git_oid& id);

// The id of the entry at `path` in `tree`, or nullopt when there is none.
std::optional<git_oid> EntryIdAt(git_tree* tree, const std::string& path);

// Makes the repository's object database see packs written or removed behind its back.
void RefreshObjects(git_repository* repo);

}  // namespace redline::git

#endif  // REDLINE_ARCHIVE_GIT_HANDLES_H_
