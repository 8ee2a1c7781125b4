#include "archive/trailers.h"

#include <charconv>
#include <optional>

#include "archive/git_handles.h"
#include "archive/story_names.h"
#include "base/utf8.h"

namespace redline {
namespace {

constexpr std::string_view kStoryKey = "Redline-Story";
constexpr std::string_view kRevisionKey = "Redline-Revision";
constexpr std::string_view kPreviousKey = "Redline-Previous";
constexpr std::string_view kSourceKey = "Redline-Source";
constexpr std::string_view kCapturedKey = "Redline-Captured";
constexpr std::string_view kWordsKey = "Redline-Words";
constexpr std::string_view kMovedWordsKey = "Redline-Moved-Words";
constexpr std::string_view kTotalWordsKey = "Redline-Total-Words";
constexpr std::string_view kReturnsToKey = "Redline-Returns-To";
constexpr std::string_view kHttpStatusKey = "Redline-HTTP-Status";
constexpr std::string_view kContentTypeKey = "Redline-Content-Type";
constexpr std::string_view kFetchedKey = "Redline-Fetched";
constexpr std::string_view kRemovedKey = "Redline-Removed";

// Trailer keys compare case-insensitively, as git interpret-trailers does.
bool SameKey(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::optional<std::size_t> ParseCount(std::string_view text) {
  std::size_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || ptr != end) return std::nullopt;
  return value;
}

bool IsFullHex(std::string_view text) {
  if (text.size() != GIT_OID_HEXSZ) return false;
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// "+A -R".
bool ParseWords(std::string_view text, RevisionTrailers* out) {
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos || space + 1 >= text.size() || text[0] != '+' ||
      text[space + 1] != '-') {
    return false;
  }
  const auto added = ParseCount(text.substr(1, space - 1));
  const auto removed = ParseCount(text.substr(space + 2));
  if (!added || !removed) return false;
  out->added_words = *added;
  out->removed_words = *removed;
  return true;
}

void AppendTrailer(std::string* out, std::string_view key, std::string_view value) {
  out->append(key);
  out->append(": ");
  out->append(value);
  out->push_back('\n');
}

}  // namespace

std::string SingleLine(std::string_view text) {
  const std::string valid = utf8::Repair(text);
  std::string out;
  out.reserve(valid.size());
  bool pending_space = false;
  for (const char c : valid) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F || c == ' ') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::string FormatRevisionMessage(std::string_view headline, const RevisionTrailers& trailers) {
  std::string subject = SingleLine(headline);
  if (subject.empty()) subject = "(no headline)";
  std::string message = subject + "\n\n";
  AppendTrailer(&message, kStoryKey, trailers.story);
  AppendTrailer(&message, kRevisionKey, std::to_string(trailers.number));
  if (!trailers.previous_commit.empty()) {
    AppendTrailer(&message, kPreviousKey, trailers.previous_commit);
  }
  const std::string source = SingleLine(trailers.source_url);
  if (!source.empty()) AppendTrailer(&message, kSourceKey, source);
  AppendTrailer(&message, kCapturedKey, FormatTime(trailers.captured_at));
  AppendTrailer(&message, kWordsKey,
                "+" + std::to_string(trailers.added_words) + " -" +
                    std::to_string(trailers.removed_words));
  if (trailers.moved_words > 0) AppendTrailer(&message, kMovedWordsKey, std::to_string(trailers.moved_words));
  AppendTrailer(&message, kTotalWordsKey, std::to_string(trailers.total_words));
  if (trailers.returns_to > 0) AppendTrailer(&message, kReturnsToKey, std::to_string(trailers.returns_to));
  if (trailers.http_status > 0) AppendTrailer(&message, kHttpStatusKey, std::to_string(trailers.http_status));
  const std::string content_type = SingleLine(trailers.content_type);
  if (!content_type.empty()) AppendTrailer(&message, kContentTypeKey, content_type);
  if (trailers.fetched_at) AppendTrailer(&message, kFetchedKey, FormatTime(*trailers.fetched_at));
  return message;
}

Result<RevisionTrailers> ParseRevisionMessage(const char* message) {
  git::Trailers trailers;
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_message_trailers(trailers.get(), message ? message : ""), "reading trailers"));
  RevisionTrailers out;
  bool have_revision = false;
  for (const git_message_trailer& trailer : trailers) {
    const std::string_view key = trailer.key;
    const std::string_view value = trailer.value;
    const auto malformed = [&] {
      return Status::Archive("malformed trailer '" + std::string(key) + ": " +
                             SingleLine(value.substr(0, 80)) + "'");
    };
    if (SameKey(key, kStoryKey)) {
      out.story = value;
    } else if (SameKey(key, kRevisionKey)) {
      const auto number = ParseCount(value);
      if (!number || *number == 0 || *number > 1'000'000'000) return malformed();
      out.number = static_cast<int>(*number);
      have_revision = true;
    } else if (SameKey(key, kPreviousKey)) {
      if (!IsFullHex(value)) return malformed();
      out.previous_commit = value;
    } else if (SameKey(key, kSourceKey)) {
      out.source_url = value;
    } else if (SameKey(key, kCapturedKey)) {
      auto time = ParseTime(value);
      if (!time.ok()) return malformed();
      out.captured_at = *time;
    } else if (SameKey(key, kWordsKey)) {
      if (!ParseWords(value, &out)) return malformed();
    } else if (SameKey(key, kMovedWordsKey)) {
      const auto moved = ParseCount(value);
      if (!moved) return malformed();
      out.moved_words = *moved;
    } else if (SameKey(key, kTotalWordsKey)) {
      const auto total = ParseCount(value);
      if (!total) return malformed();
      out.total_words = *total;
    } else if (SameKey(key, kReturnsToKey)) {
      const auto number = ParseCount(value);
      if (!number || *number == 0 || *number > 1'000'000'000) return malformed();
      out.returns_to = static_cast<int>(*number);
    } else if (SameKey(key, kHttpStatusKey)) {
      const auto status = ParseCount(value);
      if (!status || *status < 100 || *status > 999) return malformed();
      out.http_status = static_cast<int>(*status);
    } else if (SameKey(key, kContentTypeKey)) {
      out.content_type = value;
    } else if (SameKey(key, kFetchedKey)) {
      auto time = ParseTime(value);
      if (!time.ok()) return malformed();
      out.fetched_at = *time;
    }
  }
  if (out.returns_to >= out.number && out.returns_to != 0) {
    return Status::Archive("revision " + std::to_string(out.number) + " cannot return to revision " +
                           std::to_string(out.returns_to));
  }
  if (out.story.empty() || !have_revision) {
    return Status::Archive("not a redline revision (no Redline-Story or Redline-Revision trailer)");
  }
  // Only a valid id was ever recorded; anything else would not format back into a trailer.
  if (!ValidateArchiveStoryId(out.story).ok()) {
    return Status::Archive("malformed trailer 'Redline-Story: " + SingleLine(std::string_view(out.story).substr(0, 80)) +
                           "'");
  }
  if ((out.number > 1) != !out.previous_commit.empty()) {
    return Status::Archive("revision " + std::to_string(out.number) +
                           (out.number > 1 ? " has no Redline-Previous trailer"
                                           : " must not have a Redline-Previous trailer"));
  }
  return out;
}

std::string FormatRemovalMessage(const RemovalTrailers& trailers) {
  std::string message = "Remove story " + trailers.story + "\n\n";
  AppendTrailer(&message, kStoryKey, trailers.story);
  AppendTrailer(&message, kRemovedKey, std::to_string(trailers.revisions));
  AppendTrailer(&message, kPreviousKey, trailers.previous_commit);
  return message;
}

Result<RemovalTrailers> ParseRemovalMessage(const char* message) {
  git::Trailers trailers;
  REDLINE_RETURN_IF_ERROR(
      git::Check(git_message_trailers(trailers.get(), message ? message : ""), "reading trailers"));
  RemovalTrailers out;
  bool removed = false;
  for (const git_message_trailer& trailer : trailers) {
    const std::string_view key = trailer.key;
    const std::string_view value = trailer.value;
    if (SameKey(key, kRevisionKey)) return Status::Archive("a revision, not a removal");
    if (SameKey(key, kStoryKey)) {
      out.story = value;
    } else if (SameKey(key, kRemovedKey)) {
      const auto count = ParseCount(value);
      if (!count || *count == 0 || *count > 1'000'000'000) {
        return Status::Archive("malformed trailer 'Redline-Removed: " + SingleLine(value.substr(0, 80)) + "'");
      }
      out.revisions = static_cast<int>(*count);
      removed = true;
    } else if (SameKey(key, kPreviousKey)) {
      if (!IsFullHex(value)) {
        return Status::Archive("malformed trailer 'Redline-Previous: " + SingleLine(value.substr(0, 80)) + "'");
      }
      out.previous_commit = value;
    }
  }
  if (!removed || out.story.empty() || out.previous_commit.empty() || !ValidateArchiveStoryId(out.story).ok()) {
    return Status::Archive("not a redline removal (Redline-Story, Redline-Removed and Redline-Previous trailers)");
  }
  return out;
}

Revision RevisionFromTrailers(RevisionTrailers trailers, std::string commit_hex, Timestamp time, std::string headline) {
  Revision revision;
  revision.story = std::move(trailers.story);
  revision.number = trailers.number;
  revision.commit = std::move(commit_hex);
  revision.time = time;
  revision.headline = std::move(headline);
  revision.source_url = SingleLine(trailers.source_url);
  revision.added_words = trailers.added_words;
  revision.removed_words = trailers.removed_words;
  revision.moved_words = trailers.moved_words;
  revision.total_words = trailers.total_words;
  revision.previous_commit = std::move(trailers.previous_commit);
  revision.returns_to = trailers.returns_to;
  revision.http_status = trailers.http_status;
  revision.content_type = SingleLine(trailers.content_type);
  revision.fetched_at = trailers.fetched_at;
  return revision;
}

}  // namespace redline
