// The revision index: every story's revisions in an SQLite database at
// <git dir>/redline/revisions.sqlite, so that reading one story, or listing them all, never
// walks git history. It is derived from main's history and never the only copy of
// anything: `head` names the commit of main it reflects, and index_sync.h brings it up to
// date (or rebuilds it) whenever main has moved without it.
//
// Knows nothing of git beyond commit and blob ids as hex strings.
#ifndef REDLINE_ARCHIVE_REVISION_INDEX_H_
#define REDLINE_ARCHIVE_REVISION_INDEX_H_

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "redline/archive.h"
#include "redline/status.h"

namespace redline {

class RevisionIndex {
 public:
  // Opens the index at `path`, creating it when missing. A file that is not an index of
  // this schema (another version, damaged, not a database) is replaced by an empty one,
  // which the caller then rebuilds. `path` ":memory:" keeps the index in memory (for
  // archives this process cannot write).
  static Result<RevisionIndex> Open(const std::string& path);

  RevisionIndex(RevisionIndex&&) noexcept;
  RevisionIndex& operator=(RevisionIndex&&) noexcept;
  ~RevisionIndex();

  // The commit of main the index reflects; nullopt for an index never filled.
  Result<std::optional<std::string>> Head();

  // The story's revision number `number`, or its latest (number 0); nullopt when absent.
  Result<std::optional<Revision>> Find(const std::string& story, int number = 0);
  // All of the story's revisions, oldest first (empty when the story is unknown).
  Result<std::vector<Revision>> Log(const std::string& story);
  // One summary per story, sorted by id.
  Result<std::vector<StorySummary>> Stories();
  // The summaries of the stories whose id starts with `prefix`, sorted by id: one range
  // scan of the primary key (shell completion at 100,000 stories).
  Result<std::vector<StorySummary>> StoriesStartingWith(const std::string& prefix);
  // Every story's id, in no particular order (for "did you mean" hints).
  Result<std::vector<std::string>> StoryIds();
  // The story's removal, when it was removed and not recorded again since.
  Result<std::optional<StoryRemoval>> Removal(const std::string& story);
  // The first revision of `story` whose canonical text is the blob `text_id`, or 0.
  Result<int> FirstWithText(const std::string& story, const std::string& text_id);
  // The first revision of `story` captured at `seconds` whose text is the blob `text_id`, or 0.
  Result<int> CapturedWith(const std::string& story, std::int64_t seconds, const std::string& text_id);

  // Writes go between Begin and Commit (one SQLite transaction; Rollback undoes them).
  Status Begin();
  Status Commit();
  void Rollback();
  // Adds `revision` (whose canonical text is the blob `text_id`) as its story's next one.
  // Sets `*inconsistent` and returns an Archive error when it does not follow the story's
  // latest revision (a number out of turn, or a Redline-Previous that is not the latest).
  Status Add(const Revision& revision, const std::string& text_id, bool* inconsistent);
  // Forgets the story's revisions and keeps its removal instead (a revision 1 of the id
  // added later forgets the removal). Sets `*inconsistent` and returns an Archive error
  // when the removal does not follow the story's latest revision.
  Status Remove(const StoryRemoval& removal, bool* inconsistent);
  Status SetHead(const std::string& commit);
  // Empties the index (inside a transaction, for a rebuild).
  Status Clear();

  // Every row as text, in key order: equal for two indexes with equal content.
  Result<std::string> Dump();

 private:
  struct Impl;
  explicit RevisionIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace redline

#endif  // REDLINE_ARCHIVE_REVISION_INDEX_H_
