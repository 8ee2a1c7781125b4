#include "web/local_state.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "redline/archive.h"

namespace redline::web {
namespace {

using nlohmann::json;

std::optional<std::int64_t> TimeField(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_string()) return std::nullopt;
  auto time = ParseTime(found->get<std::string>());
  if (!time.ok()) return std::nullopt;
  return time->seconds;
}

std::string StringField(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

FetchState ReadEntry(const json& entry) {
  FetchState state;
  state.etag = StringField(entry, "etag");
  state.last_modified = StringField(entry, "last_modified");
  state.last_fetch = TimeField(entry, "last_fetch");
  state.last_success = TimeField(entry, "last_success");
  state.last_change = TimeField(entry, "last_change");
  state.retry_after = TimeField(entry, "retry_after");
  state.last_status = entry.value("last_status", 0L);
  state.last_error = StringField(entry, "last_error");
  state.consecutive_errors = entry.value("consecutive_errors", 0);
  return state;
}

json WriteEntry(const FetchState& state) {
  json entry = json::object();
  if (!state.etag.empty()) entry["etag"] = state.etag;
  if (!state.last_modified.empty()) entry["last_modified"] = state.last_modified;
  for (const auto& [key, value] :
       {std::pair{"last_fetch", &state.last_fetch}, std::pair{"last_success", &state.last_success},
        std::pair{"last_change", &state.last_change}, std::pair{"retry_after", &state.retry_after}}) {
    if (*value) entry[key] = FormatTime({**value, 0});
  }
  if (state.last_status != 0) entry["last_status"] = state.last_status;
  if (!state.last_error.empty()) entry["last_error"] = state.last_error;
  if (state.consecutive_errors != 0) entry["consecutive_errors"] = state.consecutive_errors;
  return entry;
}

Status WriteError(const std::string& path, int error) {
  return Status::Archive("cannot write " + path + ": " + std::strerror(error));
}

}  // namespace

std::string LocalStatePath(const std::string& local_state_directory) {
  return local_state_directory + "/fetch-state.json";
}

void RecordFailure(FetchState* state, const FetchResponse& response, std::int64_t now) {
  state->last_fetch = now;
  state->last_status = response.http_status;
  state->last_error = response.error.message();
  ++state->consecutive_errors;
  state->retry_after.reset();
  if (response.retry_after_seconds) state->retry_after = now + *response.retry_after_seconds;
}

void RecordSuccess(FetchState* state, const FetchResponse& response, std::int64_t now) {
  state->last_fetch = now;
  state->last_success = now;
  state->last_status = response.http_status;
  state->last_error.clear();
  state->consecutive_errors = 0;
  state->retry_after.reset();
  if (response.outcome == FetchOutcome::kContent) {
    state->etag = response.etag;
    state->last_modified = response.last_modified;
  }
}

Result<LocalState> LoadLocalState(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return LocalState();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Archive("cannot read " + path + ": " + std::strerror(errno));
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
  LocalState state;
  if (!root.is_object()) return state;
  for (const auto& [section, target] :
       {std::pair{"stories", &state.stories}, std::pair{"feeds", &state.feeds}}) {
    const auto found = root.find(section);
    if (found == root.end() || !found->is_object()) continue;
    for (const auto& [key, entry] : found->items()) {
      if (entry.is_object()) (*target)[key] = ReadEntry(entry);
    }
  }
  return state;
}

Status SaveLocalState(const std::string& path, const LocalState& state) {
  json root = {{"version", 1}, {"stories", json::object()}, {"feeds", json::object()}};
  for (const auto& [id, entry] : state.stories) root["stories"][id] = WriteEntry(entry);
  for (const auto& [url, entry] : state.feeds) root["feeds"][url] = WriteEntry(entry);
  const std::string text = root.dump(1, ' ', false, json::error_handler_t::replace) + "\n";

  std::error_code error;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), error);
  if (error) return Status::Archive("cannot create the folder of " + path + ": " + error.message());
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return WriteError(temporary, errno);
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int saved = errno;
      ::close(fd);
      ::unlink(temporary.c_str());
      return WriteError(temporary, saved);
    }
    written += static_cast<std::size_t>(n);
  }
  const int synced = ::fsync(fd);
  const int sync_error = errno;
  const int closed = ::close(fd);
  if (synced != 0 || closed != 0) {
    const int saved = synced != 0 ? sync_error : errno;
    ::unlink(temporary.c_str());
    return WriteError(temporary, saved);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temporary.c_str());
    return WriteError(path, saved);
  }
  return Status::Ok();
}

}  // namespace redline::web
