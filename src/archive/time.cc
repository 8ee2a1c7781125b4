// ISO-8601 times for --at, revision specs and commit trailers.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "redline/archive.h"

namespace redline {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// Reads exactly `width` digits at `*pos`, advancing past them.
std::optional<int> ReadDigits(std::string_view text, std::size_t* pos, std::size_t width) {
  if (text.size() - *pos < width) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[*pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  *pos += width;
  return value;
}

bool Consume(std::string_view text, std::size_t* pos, char expected) {
  if (*pos >= text.size() || text[*pos] != expected) return false;
  ++*pos;
  return true;
}

// Offsets are "Z", "+HH:MM" or "+HHMM" (and '-'). Returns minutes east of UTC.
std::optional<int> ReadOffset(std::string_view text, std::size_t* pos) {
  if (Consume(text, pos, 'Z') || Consume(text, pos, 'z')) return 0;
  int sign = 0;
  if (Consume(text, pos, '+')) {
    sign = 1;
  } else if (Consume(text, pos, '-')) {
    sign = -1;
  } else {
    return std::nullopt;
  }
  const auto hours = ReadDigits(text, pos, 2);
  if (!hours) return std::nullopt;
  Consume(text, pos, ':');
  const auto minutes = ReadDigits(text, pos, 2);
  if (!minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  return sign * (*hours * 60 + *minutes);
}

std::optional<Timestamp> Parse(std::string_view text) {
  std::size_t pos = 0;
  const auto year = ReadDigits(text, &pos, 4);
  if (!year || !Consume(text, &pos, '-')) return std::nullopt;
  const auto month = ReadDigits(text, &pos, 2);
  if (!month || !Consume(text, &pos, '-')) return std::nullopt;
  const auto day = ReadDigits(text, &pos, 2);
  if (!day) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) return std::nullopt;
  const std::int64_t days = std::chrono::sys_days{date}.time_since_epoch().count();

  Timestamp result;
  result.seconds = days * kSecondsPerDay;
  if (pos == text.size()) return result;  // a date alone is midnight UTC

  if (!(Consume(text, &pos, 'T') || Consume(text, &pos, 't') || Consume(text, &pos, ' '))) {
    return std::nullopt;
  }
  const auto hour = ReadDigits(text, &pos, 2);
  if (!hour || !Consume(text, &pos, ':')) return std::nullopt;
  const auto minute = ReadDigits(text, &pos, 2);
  if (!minute) return std::nullopt;
  int second = 0;
  if (Consume(text, &pos, ':')) {
    const auto read = ReadDigits(text, &pos, 2);
    if (!read) return std::nullopt;
    second = *read;
    if (Consume(text, &pos, '.') || Consume(text, &pos, ',')) {
      // Fractions are accepted and dropped: archive times are whole seconds.
      const std::size_t start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == start) return std::nullopt;
    }
  }
  if (*hour > 23 || *minute > 59 || second > 59) return std::nullopt;
  int offset = 0;
  if (pos < text.size()) {
    const auto read = ReadOffset(text, &pos);
    if (!read) return std::nullopt;
    offset = *read;
  }
  if (pos != text.size()) return std::nullopt;

  result.seconds += *hour * 3600 + *minute * 60 + second - offset * 60;
  result.offset_minutes = offset;
  return result;
}

}  // namespace

Result<Timestamp> ParseTime(std::string_view text) {
  if (auto parsed = Parse(text)) return *parsed;
  std::string shown(text.substr(0, 60));
  for (char& c : shown) {
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  }
  return Status::BadInput("invalid time '" + shown +
                          "' (use ISO-8601, e.g. 2022-09-01, 2022-09-01T10:00:00Z or "
                          "2022-09-01T12:00:00+02:00)");
}

std::string FormatTime(const Timestamp& time) {
  // Years 0000-9999 only; anything outside is clamped rather than overflowing.
  constexpr std::int64_t kMin = -62167219200;  // 0000-01-01T00:00:00Z
  constexpr std::int64_t kMax = 253402300799;  // 9999-12-31T23:59:59Z
  const int offset = time.offset_minutes;
  std::int64_t local = time.seconds;
  if (local < kMin) local = kMin;
  if (local > kMax) local = kMax;
  if (offset > -24 * 60 && offset < 24 * 60) local += std::int64_t{offset} * 60;

  std::int64_t days = local / kSecondsPerDay;
  std::int64_t second_of_day = local % kSecondsPerDay;
  if (second_of_day < 0) {
    second_of_day += kSecondsPerDay;
    --days;
  }
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{days}}};
  char buffer[64];
  int length = std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d",
                             static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                             static_cast<unsigned>(date.day()),
                             static_cast<int>(second_of_day / 3600),
                             static_cast<int>(second_of_day / 60 % 60),
                             static_cast<int>(second_of_day % 60));
  std::string out(buffer, static_cast<std::size_t>(length));
  if (offset == 0 || offset <= -24 * 60 || offset >= 24 * 60) {
    out += 'Z';
  } else {
    const int magnitude = std::abs(offset);
    length = std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", offset < 0 ? '-' : '+',
                           magnitude / 60, magnitude % 60);
    out.append(buffer, static_cast<std::size_t>(length));
  }
  return out;
}

}  // namespace redline
