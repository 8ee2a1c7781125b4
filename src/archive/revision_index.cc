#include "archive/revision_index.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <system_error>

namespace redline {
namespace {

// Bump when the tables change: an index of another version is replaced and rebuilt.
// 2: revisions.moved_words (Redline-Moved-Words). 3: removed (redline rm).
constexpr int kSchemaVersion = 3;

constexpr const char* kSchema = R"(
CREATE TABLE meta(
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE revisions(
  story TEXT NOT NULL,
  number INTEGER NOT NULL,
  commit_id TEXT NOT NULL,
  captured INTEGER NOT NULL,
  offset_minutes INTEGER NOT NULL,
  headline TEXT NOT NULL,
  source_url TEXT NOT NULL,
  added_words INTEGER NOT NULL,
  removed_words INTEGER NOT NULL,
  total_words INTEGER NOT NULL,
  previous_commit TEXT NOT NULL,
  http_status INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  fetched INTEGER,
  fetched_offset_minutes INTEGER,
  returns_to INTEGER NOT NULL,
  text_id TEXT NOT NULL,
  moved_words INTEGER NOT NULL,
  PRIMARY KEY(story, number)
) WITHOUT ROWID;
CREATE INDEX revisions_by_text ON revisions(story, text_id);
CREATE TABLE stories(
  story TEXT PRIMARY KEY NOT NULL,
  revisions INTEGER NOT NULL,
  tip TEXT NOT NULL,
  captured INTEGER NOT NULL,
  offset_minutes INTEGER NOT NULL,
  headline TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE removed(
  story TEXT PRIMARY KEY NOT NULL,
  commit_id TEXT NOT NULL,
  removed INTEGER NOT NULL,
  offset_minutes INTEGER NOT NULL,
  revisions INTEGER NOT NULL,
  last_commit TEXT NOT NULL
) WITHOUT ROWID;
)";

constexpr const char* kRevisionColumns =
    "story, number, commit_id, captured, offset_minutes, headline, source_url, added_words, removed_words, "
    "total_words, previous_commit, http_status, content_type, fetched, fetched_offset_minutes, returns_to, text_id, "
    "moved_words";

struct DatabaseCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DatabasePtr = std::unique_ptr<sqlite3, DatabaseCloser>;

Status SqlError(sqlite3* db, const std::string& what) {
  return Status::Archive("revision index: " + what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

// One prepared statement, reset after each use.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  Status Prepare(sqlite3* db, const char* sql) {
    db_ = db;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
      return SqlError(db, "preparing a query");
    }
    return Status::Ok();
  }
  // Binds the values in order, starting over.
  template <typename... Values>
  Statement& Bind(const Values&... values) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    int i = 0;
    (BindOne(++i, values), ...);
    return *this;
  }
  // SQLITE_ROW: true; SQLITE_DONE: false (and the statement is reset).
  Result<bool> Step() {
    const int code = sqlite3_step(stmt_);
    if (code == SQLITE_ROW) return true;
    sqlite3_reset(stmt_);
    if (code == SQLITE_DONE) return false;
    return SqlError(db_, "running a query");
  }
  Status Run() {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    sqlite3_reset(stmt_);
    return Status::Ok();
  }
  Statement& BindNull(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  std::int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::string Text(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
  }
  void Reset() { sqlite3_reset(stmt_); }

 private:
  void BindOne(int i, const std::string& value) {
    sqlite3_bind_text(stmt_, i, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  }
  void BindOne(int i, const char* value) { sqlite3_bind_text(stmt_, i, value, -1, SQLITE_TRANSIENT); }
  void BindOne(int i, std::int64_t value) { sqlite3_bind_int64(stmt_, i, value); }
  void BindOne(int i, int value) { sqlite3_bind_int64(stmt_, i, value); }
  void BindOne(int i, std::size_t value) { sqlite3_bind_int64(stmt_, i, static_cast<std::int64_t>(value)); }

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

Status Execute(sqlite3* db, const char* sql, const std::string& what) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    return Status::Archive("revision index: " + what + ": " + text);
  }
  return Status::Ok();
}

Revision RevisionFromRow(const Statement& row) {
  Revision revision;
  revision.story = row.Text(0);
  revision.number = static_cast<int>(row.Int(1));
  revision.commit = row.Text(2);
  revision.time = {row.Int(3), static_cast<int>(row.Int(4))};
  revision.headline = row.Text(5);
  revision.source_url = row.Text(6);
  revision.added_words = static_cast<std::size_t>(row.Int(7));
  revision.removed_words = static_cast<std::size_t>(row.Int(8));
  revision.total_words = static_cast<std::size_t>(row.Int(9));
  revision.previous_commit = row.Text(10);
  revision.http_status = static_cast<int>(row.Int(11));
  revision.content_type = row.Text(12);
  if (!row.IsNull(13)) revision.fetched_at = Timestamp{row.Int(13), static_cast<int>(row.Int(14))};
  revision.returns_to = static_cast<int>(row.Int(15));
  revision.text_id = row.Text(16);
  revision.moved_words = static_cast<std::size_t>(row.Int(17));
  return revision;
}

// Opens the file and checks that it holds this schema (creating it in an empty file).
// `*unusable` is set when the file exists but is not such an index.
Result<DatabasePtr> OpenDatabase(const std::string& path, bool* unusable) {
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int code = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  DatabasePtr db(raw);
  if (code != SQLITE_OK) return SqlError(db.get(), "opening " + path);
  sqlite3_busy_timeout(db.get(), 30000);
  sqlite3_extended_result_codes(db.get(), 1);
  // The index is derived and checked against main on every use, so a commit lost in a
  // power cut is caught up from git; WAL with synchronous=NORMAL cannot be corrupted by one
  // (and REDLINE_FSYNC=0 turns syncing off, as for the archive's own files). The WAL is
  // checkpointed by each writer after its commit (Commit), never when a connection closes:
  // a command that only reads must not pay a checkpoint and its fsyncs on the way out.
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  const char* durability = std::getenv("REDLINE_FSYNC") != nullptr && std::string(std::getenv("REDLINE_FSYNC")) == "0"
                               ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
                               : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
  Status status = Execute(db.get(), durability, "setting up " + path);
  Statement version;
  if (status.ok()) status = version.Prepare(db.get(), "PRAGMA user_version");
  Result<bool> row = status.ok() ? version.Step() : Result<bool>(status);
  if (!row.ok()) {
    *unusable = true;
    return row.status();
  }
  const std::int64_t found = *row ? version.Int(0) : 0;
  version.Reset();
  if (found == kSchemaVersion) return db;
  if (found != 0) {
    *unusable = true;
    return Status::Archive("revision index " + path + " has schema " + std::to_string(found));
  }
  Statement tables;
  REDLINE_RETURN_IF_ERROR(tables.Prepare(db.get(), "SELECT count(*) FROM sqlite_schema"));
  REDLINE_ASSIGN_OR_RETURN(const bool counted, tables.Step());
  if (counted && tables.Int(0) != 0) {
    *unusable = true;
    return Status::Archive("revision index " + path + " holds other tables");
  }
  tables.Reset();
  REDLINE_RETURN_IF_ERROR(Execute(db.get(), "BEGIN IMMEDIATE", "creating " + path));
  Status created = Execute(db.get(), kSchema, "creating " + path);
  if (created.ok()) {
    created = Execute(db.get(), ("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str(), "creating " + path);
  }
  if (created.ok()) created = Execute(db.get(), "COMMIT", "creating " + path);
  if (!created.ok()) {
    (void)Execute(db.get(), "ROLLBACK", "rolling back");  // the creation's error is the one to report
    return created;
  }
  return db;
}

void RemoveDatabaseFiles(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ignored);
}

}  // namespace

struct RevisionIndex::Impl {
  DatabasePtr db;
  Statement head, find_latest, find_number, log, stories, stories_with_prefix, first_with_text, has_capture;
  Statement story_state, insert_revision, upsert_story, set_head;
  Statement story_ids, find_removal, forget_removal, delete_revisions, delete_story, insert_removal;

  Status PrepareAll() {
    sqlite3* d = db.get();
    const std::string columns = kRevisionColumns;
    REDLINE_RETURN_IF_ERROR(head.Prepare(d, "SELECT value FROM meta WHERE key = 'head'"));
    REDLINE_RETURN_IF_ERROR(find_latest.Prepare(
        d, ("SELECT " + columns + " FROM revisions WHERE story = ?1 ORDER BY number DESC LIMIT 1").c_str()));
    REDLINE_RETURN_IF_ERROR(
        find_number.Prepare(d, ("SELECT " + columns + " FROM revisions WHERE story = ?1 AND number = ?2").c_str()));
    REDLINE_RETURN_IF_ERROR(
        log.Prepare(d, ("SELECT " + columns + " FROM revisions WHERE story = ?1 ORDER BY number").c_str()));
    REDLINE_RETURN_IF_ERROR(
        stories.Prepare(d, "SELECT story, revisions, captured, offset_minutes, headline FROM stories ORDER BY story"));
    // Story ids are ASCII below 0x7f, so [prefix, prefix + "\x7f") is every id with the prefix.
    REDLINE_RETURN_IF_ERROR(stories_with_prefix.Prepare(
        d, "SELECT story, revisions, captured, offset_minutes, headline FROM stories "
           "WHERE story >= ?1 AND story < ?2 ORDER BY story"));
    REDLINE_RETURN_IF_ERROR(first_with_text.Prepare(
        d, "SELECT min(number) FROM revisions WHERE story = ?1 AND text_id = ?2"));
    REDLINE_RETURN_IF_ERROR(has_capture.Prepare(
        d, "SELECT min(number) FROM revisions WHERE story = ?1 AND text_id = ?2 AND captured = ?3"));
    REDLINE_RETURN_IF_ERROR(story_state.Prepare(d, "SELECT revisions, tip FROM stories WHERE story = ?1"));
    REDLINE_RETURN_IF_ERROR(insert_revision.Prepare(
        d, ("INSERT INTO revisions(" + columns +
            ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)")
               .c_str()));
    REDLINE_RETURN_IF_ERROR(upsert_story.Prepare(
        d, "INSERT OR REPLACE INTO stories(story, revisions, tip, captured, offset_minutes, headline) "
           "VALUES(?1, ?2, ?3, ?4, ?5, ?6)"));
    REDLINE_RETURN_IF_ERROR(set_head.Prepare(d, "INSERT OR REPLACE INTO meta(key, value) VALUES('head', ?1)"));
    REDLINE_RETURN_IF_ERROR(story_ids.Prepare(d, "SELECT story FROM stories"));
    REDLINE_RETURN_IF_ERROR(find_removal.Prepare(
        d, "SELECT commit_id, removed, offset_minutes, revisions, last_commit FROM removed WHERE story = ?1"));
    REDLINE_RETURN_IF_ERROR(forget_removal.Prepare(d, "DELETE FROM removed WHERE story = ?1"));
    REDLINE_RETURN_IF_ERROR(delete_revisions.Prepare(d, "DELETE FROM revisions WHERE story = ?1"));
    REDLINE_RETURN_IF_ERROR(delete_story.Prepare(d, "DELETE FROM stories WHERE story = ?1"));
    REDLINE_RETURN_IF_ERROR(insert_removal.Prepare(
        d, "INSERT OR REPLACE INTO removed(story, commit_id, removed, offset_minutes, revisions, last_commit) "
           "VALUES(?1, ?2, ?3, ?4, ?5, ?6)"));
    return Status::Ok();
  }
};

Result<RevisionIndex> RevisionIndex::Open(const std::string& path) {
  bool unusable = false;
  Result<DatabasePtr> db = OpenDatabase(path, &unusable);
  if (!db.ok() && unusable && path != ":memory:") {
    // Derived data: start again from nothing, to be rebuilt from the history.
    RemoveDatabaseFiles(path);
    unusable = false;
    db = OpenDatabase(path, &unusable);
  }
  if (!db.ok()) return db.status();
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(*db);
  REDLINE_RETURN_IF_ERROR(impl->PrepareAll());
  return RevisionIndex(std::move(impl));
}

RevisionIndex::RevisionIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RevisionIndex::RevisionIndex(RevisionIndex&&) noexcept = default;
RevisionIndex& RevisionIndex::operator=(RevisionIndex&&) noexcept = default;
RevisionIndex::~RevisionIndex() = default;

Result<std::optional<std::string>> RevisionIndex::Head() {
  REDLINE_ASSIGN_OR_RETURN(const bool row, impl_->head.Bind().Step());
  if (!row) return std::optional<std::string>();
  std::string head = impl_->head.Text(0);
  impl_->head.Reset();
  return std::optional<std::string>(std::move(head));
}

Result<std::optional<Revision>> RevisionIndex::Find(const std::string& story, int number) {
  Statement& query = number > 0 ? impl_->find_number : impl_->find_latest;
  if (number > 0) {
    query.Bind(story, number);
  } else {
    query.Bind(story);
  }
  REDLINE_ASSIGN_OR_RETURN(const bool row, query.Step());
  if (!row) return std::optional<Revision>();
  Revision revision = RevisionFromRow(query);
  query.Reset();
  return std::optional<Revision>(std::move(revision));
}

Result<std::vector<Revision>> RevisionIndex::Log(const std::string& story) {
  std::vector<Revision> log;
  Statement& query = impl_->log.Bind(story);
  for (;;) {
    REDLINE_ASSIGN_OR_RETURN(const bool row, query.Step());
    if (!row) break;
    log.push_back(RevisionFromRow(query));
  }
  return log;
}

namespace {

Result<std::vector<StorySummary>> ReadSummaries(Statement& query) {
  std::vector<StorySummary> stories;
  for (;;) {
    REDLINE_ASSIGN_OR_RETURN(const bool row, query.Step());
    if (!row) break;
    stories.push_back({query.Text(0), static_cast<int>(query.Int(1)),
                       Timestamp{query.Int(2), static_cast<int>(query.Int(3))}, query.Text(4)});
  }
  return stories;
}

}  // namespace

Result<std::vector<StorySummary>> RevisionIndex::Stories() { return ReadSummaries(impl_->stories.Bind()); }

Result<std::vector<StorySummary>> RevisionIndex::StoriesStartingWith(const std::string& prefix) {
  return ReadSummaries(impl_->stories_with_prefix.Bind(prefix, prefix + "\x7f"));
}

Result<std::vector<std::string>> RevisionIndex::StoryIds() {
  std::vector<std::string> ids;
  Statement& query = impl_->story_ids.Bind();
  for (;;) {
    REDLINE_ASSIGN_OR_RETURN(const bool row, query.Step());
    if (!row) break;
    ids.push_back(query.Text(0));
  }
  return ids;
}

Result<std::optional<StoryRemoval>> RevisionIndex::Removal(const std::string& story) {
  Statement& query = impl_->find_removal.Bind(story);
  REDLINE_ASSIGN_OR_RETURN(const bool row, query.Step());
  if (!row) return std::optional<StoryRemoval>();
  StoryRemoval removal;
  removal.story = story;
  removal.commit = query.Text(0);
  removal.time = {query.Int(1), static_cast<int>(query.Int(2))};
  removal.revisions = static_cast<int>(query.Int(3));
  removal.last_commit = query.Text(4);
  query.Reset();
  return std::optional<StoryRemoval>(std::move(removal));
}

Result<int> RevisionIndex::FirstWithText(const std::string& story, const std::string& text_id) {
  Statement& query = impl_->first_with_text.Bind(story, text_id);
  REDLINE_ASSIGN_OR_RETURN(const bool row, query.Step());
  const int number = row ? static_cast<int>(query.Int(0)) : 0;
  query.Reset();
  return number;
}

Result<int> RevisionIndex::CapturedWith(const std::string& story, std::int64_t seconds, const std::string& text_id) {
  Statement& query = impl_->has_capture.Bind(story, text_id, seconds);
  REDLINE_ASSIGN_OR_RETURN(const bool row, query.Step());
  const int number = row ? static_cast<int>(query.Int(0)) : 0;
  query.Reset();
  return number;
}

Status RevisionIndex::Begin() { return Execute(impl_->db.get(), "BEGIN IMMEDIATE", "starting a write"); }
Status RevisionIndex::Commit() {
  REDLINE_RETURN_IF_ERROR(Execute(impl_->db.get(), "COMMIT", "committing"));
  // Fold the WAL into the database and empty it now, under the writer's lock: otherwise the
  // next process to open the index re-reads the whole WAL to rebuild its wal-index, a cost
  // that grows with every write since the last checkpoint. A reader holding the WAL (busy)
  // only postpones it to the next commit.
  sqlite3_wal_checkpoint_v2(impl_->db.get(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  return Status::Ok();
}
void RevisionIndex::Rollback() {
  // Best effort: a failed rollback leaves the transaction to SQLite's own when the handle closes.
  if (!sqlite3_get_autocommit(impl_->db.get())) (void)Execute(impl_->db.get(), "ROLLBACK", "rolling back");
}

Status RevisionIndex::Add(const Revision& r, const std::string& text_id, bool* inconsistent) {
  Statement& state = impl_->story_state.Bind(r.story);
  REDLINE_ASSIGN_OR_RETURN(const bool known, state.Step());
  const int latest = known ? static_cast<int>(state.Int(0)) : 0;
  const std::string tip = known ? state.Text(1) : std::string();
  state.Reset();
  if (r.number != latest + 1 || r.previous_commit != tip) {
    *inconsistent = true;
    return Status::Archive("history of story '" + r.story + "' is broken: commit " + r.commit + " is revision " +
                           std::to_string(r.number) + " after revision " + std::to_string(latest) +
                           (r.previous_commit == tip ? "" : ", and its Redline-Previous is not that revision"));
  }
  Statement& insert = impl_->insert_revision;
  insert.Bind(r.story, r.number, r.commit, r.time.seconds, r.time.offset_minutes, r.headline, r.source_url,
              r.added_words, r.removed_words, r.total_words, r.previous_commit, r.http_status, r.content_type,
              r.fetched_at ? r.fetched_at->seconds : std::int64_t{0},
              r.fetched_at ? std::int64_t{r.fetched_at->offset_minutes} : std::int64_t{0}, r.returns_to, text_id,
              r.moved_words);
  if (!r.fetched_at) insert.BindNull(14).BindNull(15);
  REDLINE_RETURN_IF_ERROR(insert.Run());
  // A removed story recorded again starts anew.
  if (r.number == 1) REDLINE_RETURN_IF_ERROR(impl_->forget_removal.Bind(r.story).Run());
  return impl_->upsert_story.Bind(r.story, r.number, r.commit, r.time.seconds, r.time.offset_minutes, r.headline)
      .Run();
}

Status RevisionIndex::Remove(const StoryRemoval& removal, bool* inconsistent) {
  Statement& state = impl_->story_state.Bind(removal.story);
  REDLINE_ASSIGN_OR_RETURN(const bool known, state.Step());
  const int latest = known ? static_cast<int>(state.Int(0)) : 0;
  const std::string tip = known ? state.Text(1) : std::string();
  state.Reset();
  if (removal.revisions != latest || removal.last_commit != tip) {
    *inconsistent = true;
    return Status::Archive("history of story '" + removal.story + "' is broken: commit " + removal.commit +
                           " removes it after revision " + std::to_string(removal.revisions) + ", but it has " +
                           std::to_string(latest));
  }
  REDLINE_RETURN_IF_ERROR(impl_->delete_revisions.Bind(removal.story).Run());
  REDLINE_RETURN_IF_ERROR(impl_->delete_story.Bind(removal.story).Run());
  return impl_->insert_removal
      .Bind(removal.story, removal.commit, removal.time.seconds, removal.time.offset_minutes, removal.revisions,
            removal.last_commit)
      .Run();
}

Status RevisionIndex::SetHead(const std::string& commit) { return impl_->set_head.Bind(commit).Run(); }

Status RevisionIndex::Clear() {
  return Execute(impl_->db.get(), "DELETE FROM revisions; DELETE FROM stories; DELETE FROM removed; DELETE FROM meta;", "clearing");
}

Result<std::string> RevisionIndex::Dump() {
  std::string out;
  REDLINE_ASSIGN_OR_RETURN(const std::optional<std::string> head, Head());
  out += "head " + head.value_or("-") + "\n";
  Statement all;
  REDLINE_RETURN_IF_ERROR(all.Prepare(
      impl_->db.get(), (std::string("SELECT ") + kRevisionColumns + " FROM revisions ORDER BY story, number")
                           .c_str()));
  all.Bind();
  for (;;) {
    REDLINE_ASSIGN_OR_RETURN(const bool row, all.Step());
    if (!row) break;
    out += "revision";
    for (int i = 0; i < 18; ++i) out += "\t" + (all.IsNull(i) ? std::string("NULL") : all.Text(i));
    out += "\n";
  }
  Statement stories;
  REDLINE_RETURN_IF_ERROR(stories.Prepare(
      impl_->db.get(), "SELECT story, revisions, tip, captured, offset_minutes, headline FROM stories ORDER BY story"));
  stories.Bind();
  for (;;) {
    REDLINE_ASSIGN_OR_RETURN(const bool row, stories.Step());
    if (!row) break;
    out += "story";
    for (int i = 0; i < 6; ++i) out += "\t" + stories.Text(i);
    out += "\n";
  }
  Statement removed;
  REDLINE_RETURN_IF_ERROR(removed.Prepare(
      impl_->db.get(),
      "SELECT story, commit_id, removed, offset_minutes, revisions, last_commit FROM removed ORDER BY story"));
  removed.Bind();
  for (;;) {
    REDLINE_ASSIGN_OR_RETURN(const bool row, removed.Step());
    if (!row) break;
    out += "removed";
    for (int i = 0; i < 6; ++i) out += "\t" + removed.Text(i);
    out += "\n";
  }
  return out;
}

}  // namespace redline
