// Lines and sentences: the units of the first two alignment levels.
#include "diff/segment.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "base/utf8.h"
#include "redline/diff.h"

namespace redline::diff {
namespace {

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 0;
};

CodePoint At(std::string_view text, std::size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return {byte, 1};
  std::size_t length = 0;
  const char32_t c = utf8::Decode(text, pos, &length);
  return {c, length};
}

bool IsHorizontalSpace(char32_t c) { return c != '\n' && utf8::IsSpace(c); }

bool IsClosing(char32_t c) {
  switch (c) {
    case '"': case '\'': case ')': case ']': case '}':
    case 0x2019: case 0x201D: case 0x00BB: case 0x203A: case 0x300D: case 0x300F: case 0xFF09:
      return true;
    default:
      return false;
  }
}

bool IsOpening(char32_t c) {
  switch (c) {
    case '"': case '\'': case '(': case '[':
    case 0x2018: case 0x201C: case 0x201E: case 0x00AB: case 0x2039: case 0x300C: case 0x300E:
    case 0x00BF: case 0x00A1:
      return true;
    default:
      return false;
  }
}

// Ends a sentence when followed by a space and a sentence start.
bool IsTerminator(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }
// Ends a sentence even without a following space.
bool IsWideTerminator(char32_t c) { return c == 0x3002 || c == 0xFF01 || c == 0xFF1F; }

bool StartsSentence(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || IsOpening(c);
  if (IsOpening(c) || utf8::IsDigit(c) || utf8::IsCjk(c)) return true;
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A period after these does not end a sentence ("Mr. Wang", "Jan. 5", "Gen. Li").
bool IsAbbreviation(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "Mr",  "Mrs", "Ms",  "Dr",  "Prof", "Sr",   "Jr",  "St",  "Mt",   "Gen",  "Gov",  "Sen",
      "Rep", "Lt",  "Col", "Sgt", "Capt", "Cmdr", "Adm", "Rev", "Hon",  "Pres", "Supt", "Det",
      "Insp", "vs",  "Inc",  "Ltd",  "Co",  "Corp", "Bros", "Jan", "Feb",  "Mar",
      "Apr", "Jun", "Jul", "Aug", "Sep",  "Sept", "Oct", "Nov", "Dec",  "Ave", "Blvd", "approx",
      "Fig", "fig", "Vol", "vol", "pp",   "cf"};
  if (word.size() < 2 || word.size() > 6) return false;
  for (const std::string_view candidate : kWords) {
    if (candidate.size() == word.size() && candidate[0] == word[0] && candidate == word) return true;
  }
  return false;
}

// True when the '.' at `dot` closes an initial ("U.S.", "J. Smith") or an abbreviation;
// `next` is the character that would start the next sentence.
bool PeriodAfterAbbreviation(std::string_view text, std::size_t begin, std::size_t dot, char32_t next) {
  std::size_t start = dot;
  while (start > begin && IsAsciiLetter(text[start - 1])) --start;
  const std::string_view word = text.substr(start, dot - start);
  if (word.size() == 1) return true;
  if (word == "No" || word == "Nos") return next >= '0' && next <= '9';  // "No. 10", but "said No."
  return IsAbbreviation(word);
}

// Where the sentence that has a terminator at `pos` ends (the start of the next one), or
// npos when it does not end there.
std::size_t SentenceEnd(std::string_view text, std::size_t begin, std::size_t end, std::size_t pos,
                        const CodePoint& terminator) {
  std::size_t next = pos + terminator.length;
  bool several = false;
  while (next < end) {
    const CodePoint cp = At(text, next);
    if (!IsTerminator(cp.value) && !IsWideTerminator(cp.value)) break;
    several = true;
    next += cp.length;
  }
  while (next < end) {
    const CodePoint cp = At(text, next);
    if (!IsClosing(cp.value)) break;
    next += cp.length;
  }
  if (IsWideTerminator(terminator.value)) {
    while (next < end) {
      const CodePoint cp = At(text, next);
      if (!IsHorizontalSpace(cp.value)) break;
      next += cp.length;
    }
    return next < end ? next : std::string_view::npos;
  }
  std::size_t after_spaces = next;
  while (after_spaces < end) {
    const CodePoint cp = At(text, after_spaces);
    if (!IsHorizontalSpace(cp.value)) break;
    after_spaces += cp.length;
  }
  if (after_spaces == next || after_spaces >= end) return std::string_view::npos;
  const char32_t next_char = At(text, after_spaces).value;
  if (!StartsSentence(next_char)) return std::string_view::npos;
  if (terminator.value == '.' && !several && PeriodAfterAbbreviation(text, begin, pos, next_char)) {
    return std::string_view::npos;
  }
  return after_spaces;
}

// First bytes of . ! ? … 。 ！ ？
struct TerminatorBytes {
  bool table[256] = {};
  constexpr TerminatorBytes() {
    for (const int c : {int{'.'}, int{'!'}, int{'?'}, 0xE2, 0xE3, 0xEF}) table[c] = true;
  }
};
constexpr TerminatorBytes kTerminatorBytes;

bool MayStartTerminator(unsigned char byte) { return kTerminatorBytes.table[byte]; }

// The first position in [pos, end) whose byte may start a terminator, or `end`. Eight
// bytes at a time: a word without '.', '!', '?' and bytes from 0x80 up holds none.
std::size_t NextTerminatorByte(std::string_view text, std::size_t pos, std::size_t end) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const auto has_byte = [](std::uint64_t word, unsigned char byte) {
    const std::uint64_t x = word ^ (kOnes * byte);
    return (x - kOnes) & ~x & kHigh;
  };
  while (pos < end) {
    if (pos + 8 <= end) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      if (((word & kHigh) | has_byte(word, '.') | has_byte(word, '!') | has_byte(word, '?')) == 0) {
        pos += 8;
        continue;
      }
    }
    for (const std::size_t stop = std::min(pos + 8, end); pos < stop; ++pos) {
      if (MayStartTerminator(static_cast<unsigned char>(text[pos]))) return pos;
    }
  }
  return end;
}

}  // namespace

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  lines.reserve(text.size() / 64 + 2);
  std::size_t pos = 0;
  int block = 0;
  while (pos < text.size()) {
    const void* found = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const std::size_t newline =
        found == nullptr ? text.size() : static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
    Line line;
    line.begin = pos;
    line.content_end = newline;
    line.end = newline < text.size() ? newline + 1 : newline;
    bool blank = true;
    for (std::size_t i = pos; i < newline && blank; ++i) {
      const char c = text[i];
      blank = c == ' ' || c == '\t' || c == '\r';
    }
    line.block = blank ? -1 : block++;
    lines.push_back(line);
    pos = line.end;
  }
  return lines;
}

void AppendSentences(std::string_view text, std::size_t begin, std::size_t end, std::vector<Span>* out) {
  std::size_t start = begin;
  std::size_t pos = begin;
  while (pos < end) {
    pos = NextTerminatorByte(text, pos, end);
    if (pos == end) break;
    const CodePoint cp = At(text, pos);
    if (!IsTerminator(cp.value) && !IsWideTerminator(cp.value)) {
      pos += cp.length;
      continue;
    }
    const std::size_t next = SentenceEnd(text, start, end, pos, cp);
    if (next == std::string_view::npos) {
      pos += cp.length;
      continue;
    }
    out->push_back({start, next});
    start = pos = next;
  }
  if (start < end) out->push_back({start, end});
}

std::size_t TextEnd(std::string_view text, Span span) {
  std::size_t end = span.end;
  while (end > span.begin) {
    std::size_t start = end - 1;
    while (start > span.begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::size_t length = 0;
    const char32_t c = utf8::Decode(text, start, &length);
    if (start + length != end || c == '\n' || !utf8::IsSpace(c)) break;
    end = start;
  }
  return end;
}

std::vector<Span> SentenceSpans(std::string_view text, const std::vector<Line>& lines) {
  std::vector<Span> spans;
  spans.reserve(lines.size() * 2);
  for (const Line& line : lines) {
    if (!line.blank()) AppendSentences(text, line.begin, line.content_end, &spans);
  }
  return spans;
}

}  // namespace redline::diff

namespace redline {

std::vector<std::string_view> SplitSentences(std::string_view text) {
  std::vector<std::string_view> sentences;
  for (const diff::Span& span : diff::SentenceSpans(text, diff::SplitLines(text))) {
    sentences.push_back(text.substr(span.begin, span.size()));
  }
  return sentences;
}

}  // namespace redline
