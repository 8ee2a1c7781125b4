#include "archive/revision_spec.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>

#include "archive/trailers.h"
#include "base/utf8.h"

namespace redline {
namespace {

constexpr std::size_t kMinPrefix = 7;
constexpr std::size_t kFullHex = 40;

bool AllOf(std::string_view text, bool (*predicate)(char)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), predicate);
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Digits as a number; nullopt when it does not fit (and so is out of range anyway).
std::optional<std::size_t> ParseNumber(std::string_view digits) {
  std::size_t value = 0;
  const auto [ptr, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || ptr != digits.data() + digits.size()) return std::nullopt;
  return value;
}

// The spec as typed, made safe to print: valid UTF-8, control characters as '?'.
std::string Shown(std::string_view spec) {
  std::string shown = utf8::Repair(spec.substr(0, 60));
  for (char& c : shown) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  }
  return spec.size() > 60 ? shown + "..." : shown;
}

Status NoSuchRevision(std::string_view story, std::string_view spec, std::size_t count) {
  return Status::NotFound("story '" + std::string(story) + "' has no revision " + Shown(spec) +
                          " (it has " + std::to_string(count) + ")");
}

// nullopt: no match. Error: ambiguous.
Result<std::optional<Revision>> MatchPrefix(std::string_view story,
                                            const std::vector<Revision>& log,
                                            std::string_view spec) {
  std::string prefix(spec);
  std::transform(prefix.begin(), prefix.end(), prefix.begin(),
                 [](char c) { return (c >= 'A' && c <= 'F') ? static_cast<char>(c + 32) : c; });
  const Revision* found = nullptr;
  for (const Revision& revision : log) {
    if (revision.commit.compare(0, prefix.size(), prefix) != 0) continue;
    if (found != nullptr) {
      return Status::BadInput("commit id prefix '" + prefix + "' is ambiguous in story '" +
                              std::string(story) + "' (revisions " +
                              std::to_string(found->number) + " and " +
                              std::to_string(revision.number) + "); give more digits");
    }
    found = &revision;
  }
  if (found == nullptr) return std::optional<Revision>();
  return std::optional<Revision>(*found);
}

Result<Revision> AtTime(std::string_view story, const std::vector<Revision>& log,
                        std::string_view spec, const Timestamp& time) {
  // Capture times may be given out of order (--at), so take the newest revision whose
  // time is not after `time`, not the first that is.
  const Revision* earliest = &log.front();
  for (auto it = log.rbegin(); it != log.rend(); ++it) {
    if (it->time.seconds <= time.seconds) return *it;
    if (it->time.seconds < earliest->time.seconds) earliest = &*it;
  }
  return Status::NotFound("story '" + std::string(story) + "' has no revision at " +
                          Shown(spec) + " (its earliest is from " +
                          FormatTime(earliest->time) + ")");
}

}  // namespace

Result<Revision> SelectRevision(std::string_view story, const std::vector<Revision>& log,
                                std::string_view spec) {
  const std::size_t count = log.size();
  if (count == 0) return Status::NotFound("no story '" + std::string(story) + "' in the archive");

  if (spec == "latest") return log.back();
  if (AllOf(spec, IsDigit)) {
    const auto number = ParseNumber(spec);
    if (number && *number >= 1 && *number <= count) return log[*number - 1];
    if (spec.size() >= kMinPrefix && spec.size() <= kFullHex) {
      REDLINE_ASSIGN_OR_RETURN(std::optional<Revision> match, MatchPrefix(story, log, spec));
      if (match) return *match;
    }
    return NoSuchRevision(story, spec, count);
  }
  if (spec.size() > 1 && spec[0] == '~' && AllOf(spec.substr(1), IsDigit)) {
    const auto back = ParseNumber(spec.substr(1));
    if (back && *back < count) return log[count - 1 - *back];
    return NoSuchRevision(story, spec, count);
  }
  if (spec.size() >= kMinPrefix && spec.size() <= kFullHex && AllOf(spec, IsHex)) {
    REDLINE_ASSIGN_OR_RETURN(std::optional<Revision> match, MatchPrefix(story, log, spec));
    if (match) return *match;
    return NoSuchRevision(story, spec, count);
  }
  if (!spec.empty() && IsDigit(spec[0])) {
    auto time = ParseTime(spec);
    if (time.ok()) return AtTime(story, log, spec, *time);
  }
  return Status::BadInput("invalid revision '" + Shown(spec) +
                          "' (use N, latest, ~K, a commit id or a time)");
}

}  // namespace redline
