// The change summary: words, sentences, blocks, headline, byline, quotes, numbers, minor.
#include "diff/summary.h"

#include <algorithm>
#include <map>
#include <string>

#include "base/utf8.h"
#include "diff/keys.h"
#include "diff/tokenize.h"

namespace redline::diff {
namespace {

std::string_view Slice(std::string_view text, std::size_t begin, std::size_t end) {
  return text.substr(begin, end - begin);
}

// The headline ("# " first block) and the byline ("By " block after it), or "".
struct Masthead {
  std::string_view headline, byline;
};

Masthead FindMasthead(std::string_view text, const std::vector<Line>& lines) {
  Masthead masthead;
  const Line* first = nullptr;
  const Line* second = nullptr;
  for (const Line& line : lines) {
    if (line.blank()) continue;
    if (first == nullptr) {
      first = &line;
    } else {
      second = &line;
      break;
    }
  }
  if (first == nullptr) return masthead;
  const std::string_view first_text = Slice(text, first->begin, first->content_end);
  if (first_text.starts_with("# ")) {
    masthead.headline = first_text;
    if (second != nullptr) {
      const std::string_view second_text = Slice(text, second->begin, second->content_end);
      if (second_text.starts_with("By ")) masthead.byline = second_text;
    }
  }
  return masthead;
}

char32_t CodePointAt(std::string_view text, std::size_t pos, std::size_t* length) {
  return utf8::Decode(text, pos, length);
}

char32_t ClosingMark(char32_t open) {
  switch (open) {
    case 0x201C: return 0x201D;  // “ ”
    case '"': return '"';
    case 0x2018: return 0x2019;  // ‘ ’
    case 0x00AB: return 0x00BB;  // « »
    case 0x201E: return 0x201C;  // „ “
    case 0x2039: return 0x203A;  // ‹ ›
    default: return 0;
  }
}

bool IsLetterAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || text[pos] == '\n') return false;
  std::size_t length = 0;
  return utf8::IsLetter(CodePointAt(text, pos, &length));
}

bool IsLetterBefore(std::string_view text, std::size_t pos) {
  if (pos == 0) return false;
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  std::size_t length = 0;
  return utf8::IsLetter(CodePointAt(text, start, &length));
}

// Numbers of text[begin, end): number tokens and words that start with a digit ("20th").
std::vector<std::string_view> Numbers(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<std::string_view> numbers;
  std::size_t pos = begin;
  const std::string_view range = text.substr(0, end);
  while (pos < end) {
    TokenKind kind;
    bool is_word = false;
    const std::size_t length = ScanToken(range, pos, &kind, &is_word);
    if (is_word) {
      const std::string_view token = text.substr(pos, length);
      if (kind == TokenKind::kNumber || (token[0] >= '0' && token[0] <= '9')) numbers.push_back(token);
    }
    pos += length;
  }
  return numbers;
}

// Quotes that [begin, end) touches: overlaps, or (empty range) falls strictly inside.
std::vector<std::size_t> Touched(const std::vector<Span>& quotes, std::size_t begin, std::size_t end) {
  std::vector<std::size_t> touched;
  const auto first = std::lower_bound(quotes.begin(), quotes.end(), begin,
                                      [](const Span& q, std::size_t pos) { return q.end <= pos; });
  for (auto it = first; it != quotes.end() && it->begin <= end; ++it) {
    const bool hit = end > begin ? (it->begin < end && begin < it->end) : (it->begin < begin && begin < it->end);
    if (hit) touched.push_back(static_cast<std::size_t>(it - quotes.begin()));
  }
  return touched;
}

std::string QuoteText(std::string_view text, const Span& quote) {
  return std::string(Slice(text, quote.begin, quote.end));
}

// Blocks wholly added (new side) or deleted (old side): their quotes and numbers are news,
// not changes, and the summary's quote and number lists leave them out.
struct WholeBlocks {
  std::vector<bool> added, deleted;  // by new / old line
};

WholeBlocks CountBlocks(const Alignment& alignment, ChangeSummary* summary) {
  const std::vector<Line>& old_lines = alignment.old_lines;
  const std::vector<Line>& new_lines = alignment.new_lines;
  std::vector<std::size_t> deleted(old_lines.size(), 0), inserted(new_lines.size(), 0);
  std::vector<bool> touched(new_lines.size(), false);
  std::size_t old_line = 0, new_line = 0;
  const auto cover = [](const std::vector<Line>& lines, std::size_t* line, std::size_t begin, std::size_t end,
                        std::vector<std::size_t>* bytes) {
    while (*line < lines.size() && lines[*line].end <= begin) ++*line;
    for (std::size_t k = *line; k < lines.size() && lines[k].begin < end; ++k) {
      const std::size_t b = std::max(begin, lines[k].begin), e = std::min(end, lines[k].content_end);
      if (e > b) (*bytes)[k] += e - b;
    }
  };
  for (const Chunk& chunk : alignment.chunks) {
    if (!chunk.changed || chunk.ignored || chunk.move >= 0) continue;
    if (chunk.block_change != BlockChange::kNone) {  // a split or merge edits no block's words
      ++(chunk.block_change == BlockChange::kSplit ? summary->blocks_split : summary->blocks_merged);
      continue;
    }
    cover(old_lines, &old_line, chunk.old_begin, chunk.old_end, &deleted);
    cover(new_lines, &new_line, chunk.new_begin, chunk.new_end, &inserted);
    if (chunk.new_begin == chunk.new_end) {
      while (new_line < new_lines.size() && new_lines[new_line].end <= chunk.new_begin) ++new_line;
      if (new_line < new_lines.size() && new_lines[new_line].begin < chunk.new_begin) touched[new_line] = true;
    }
  }
  WholeBlocks whole{std::vector<bool>(new_lines.size(), false), std::vector<bool>(old_lines.size(), false)};
  for (std::size_t k = 0; k < new_lines.size(); ++k) {
    const Line& line = new_lines[k];
    if (line.blank()) continue;
    if (inserted[k] == line.content_end - line.begin) {
      ++summary->blocks_added;
      whole.added[k] = true;
    } else if (inserted[k] > 0 || touched[k]) {
      ++summary->blocks_edited;
    }
  }
  for (std::size_t k = 0; k < old_lines.size(); ++k) {
    const Line& line = old_lines[k];
    if (!line.blank() && deleted[k] == line.content_end - line.begin) {
      ++summary->blocks_deleted;
      whole.deleted[k] = true;
    }
  }
  for (const MoveSpan& move : alignment.moves) {
    if (move.level == MoveLevel::kBlock) ++summary->blocks_moved;
  }
  return whole;
}

// Index of the line holding byte `pos`.
std::size_t LineAt(const std::vector<Line>& lines, std::size_t pos) {
  const auto it =
      std::upper_bound(lines.begin(), lines.end(), pos, [](std::size_t p, const Line& line) { return p < line.begin; });
  return it == lines.begin() ? 0 : static_cast<std::size_t>(it - lines.begin()) - 1;
}

void FindQuoteChanges(std::string_view old_text, std::string_view new_text, const Alignment& alignment,
                      const WholeBlocks& whole, ChangeSummary* summary) {
  std::vector<Span> old_quotes = QuoteSpans(old_text);
  std::vector<Span> new_quotes = QuoteSpans(new_text);
  std::erase_if(old_quotes, [&](const Span& q) { return whole.deleted[LineAt(alignment.old_lines, q.begin)]; });
  std::erase_if(new_quotes, [&](const Span& q) { return whole.added[LineAt(alignment.new_lines, q.begin)]; });
  std::map<std::size_t, std::size_t> new_to_old;  // touched new quote -> old quote (or npos)
  std::vector<std::size_t> removed;                // touched old quotes with no new one
  std::vector<bool> old_paired(old_quotes.size(), false);
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  for (const Chunk& chunk : alignment.chunks) {
    if (!chunk.changed || chunk.ignored || chunk.move >= 0) continue;
    const std::vector<std::size_t> olds = Touched(old_quotes, chunk.old_begin, chunk.old_end);
    const std::vector<std::size_t> news = Touched(new_quotes, chunk.new_begin, chunk.new_end);
    for (std::size_t k = 0; k < news.size(); ++k) {
      const std::size_t old_index = k < olds.size() ? olds[k] : kNone;
      auto [it, inserted] = new_to_old.emplace(news[k], old_index);
      if (!inserted && it->second == kNone) it->second = old_index;
      if (old_index != kNone) old_paired[old_index] = true;
    }
    for (std::size_t k = news.size(); k < olds.size(); ++k) removed.push_back(olds[k]);
  }
  for (const auto& [new_index, old_index] : new_to_old) {
    summary->quotes.push_back({old_index == kNone ? "" : QuoteText(old_text, old_quotes[old_index]),
                               QuoteText(new_text, new_quotes[new_index])});
  }
  std::sort(removed.begin(), removed.end());
  removed.erase(std::unique(removed.begin(), removed.end()), removed.end());
  for (const std::size_t old_index : removed) {
    if (!old_paired[old_index]) summary->quotes.push_back({QuoteText(old_text, old_quotes[old_index]), ""});
  }
}

void FindNumberChanges(std::string_view old_text, std::string_view new_text, const Alignment& alignment,
                       const WholeBlocks& whole, ChangeSummary* summary) {
  for (const Chunk& chunk : alignment.chunks) {
    if (!chunk.changed || chunk.ignored || chunk.move >= 0) continue;
    std::vector<std::string_view> olds = Numbers(old_text, chunk.old_begin, chunk.old_end);
    std::vector<std::string_view> news = Numbers(new_text, chunk.new_begin, chunk.new_end);
    std::erase_if(olds, [&](std::string_view n) {
      return whole.deleted[LineAt(alignment.old_lines, static_cast<std::size_t>(n.data() - old_text.data()))];
    });
    std::erase_if(news, [&](std::string_view n) {
      return whole.added[LineAt(alignment.new_lines, static_cast<std::size_t>(n.data() - new_text.data()))];
    });
    // A number on both sides did not change.
    for (auto it = olds.begin(); it != olds.end();) {
      const auto same = std::find(news.begin(), news.end(), *it);
      if (same == news.end()) {
        ++it;
        continue;
      }
      news.erase(same);
      it = olds.erase(it);
    }
    for (std::size_t k = 0; k < std::max(olds.size(), news.size()); ++k) {
      summary->numbers.push_back({k < olds.size() ? std::string(olds[k]) : "",
                                  k < news.size() ? std::string(news[k]) : ""});
    }
  }
}

}  // namespace

std::vector<Span> QuoteSpans(std::string_view text) {
  std::vector<Span> quotes;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte != '"' && byte != 0xE2 && byte != 0xC2) {
      ++pos;
      continue;
    }
    std::size_t length = 0;
    const char32_t open = CodePointAt(text, pos, &length);
    const char32_t close = ClosingMark(open);
    if (close == 0 || (open == 0x2018 && IsLetterBefore(text, pos))) {
      pos += length;
      continue;
    }
    // Find the closing mark within the block.
    std::size_t end = pos + length;
    bool closed = false;
    while (end < text.size() && text[end] != '\n') {
      std::size_t n = 0;
      const char32_t c = CodePointAt(text, end, &n);
      end += n;
      if (c == close && !(close == 0x2019 && IsLetterAt(text, end))) {
        closed = true;
        break;
      }
      if (close == 0x201C && c == 0x201D) {  // „…” is common too
        closed = true;
        break;
      }
    }
    (void)closed;
    quotes.push_back({pos, end});
    pos = end;
  }
  return quotes;
}

ChangeSummary Summarize(std::string_view old_text, std::string_view new_text, const Alignment& alignment,
                        const std::vector<SentenceChange>& sentences, const DiffStats& stats,
                        const DiffOptions& options) {
  ChangeSummary summary;
  summary.added_words = stats.added_words;
  summary.removed_words = stats.removed_words;
  summary.moved_words = stats.moved_words;
  for (const SentenceChange& s : sentences) {
    switch (s.label) {
      case SentenceLabel::kUnchanged: ++summary.sentences_unchanged; break;
      case SentenceLabel::kEdited: ++summary.sentences_edited; break;
      case SentenceLabel::kAdded: ++summary.sentences_added; break;
      case SentenceLabel::kDeleted: ++summary.sentences_deleted; break;
      case SentenceLabel::kMoved: ++summary.sentences_moved; break;
    }
  }
  bool has_changes = false, only_minor = true;
  for (const Chunk& chunk : alignment.chunks) {
    if (!chunk.changed || chunk.ignored) continue;
    has_changes = true;
    if (chunk.move >= 0 || !SameUnder(Slice(old_text, chunk.old_begin, chunk.old_end),
                                      Slice(new_text, chunk.new_begin, chunk.new_end), IgnoreSet::All())) {
      only_minor = false;
    }
  }
  summary.minor = has_changes && only_minor && alignment.moves.empty();
  if (!has_changes) return summary;

  const IgnoreSet ignore = IgnoreSet::From(options);
  const Masthead old_masthead = FindMasthead(old_text, alignment.old_lines);
  const Masthead new_masthead = FindMasthead(new_text, alignment.new_lines);
  summary.headline_changed = !SameUnder(old_masthead.headline, new_masthead.headline, ignore);
  summary.byline_changed = !SameUnder(old_masthead.byline, new_masthead.byline, ignore);
  const WholeBlocks whole = CountBlocks(alignment, &summary);
  FindQuoteChanges(old_text, new_text, alignment, whole, &summary);
  FindNumberChanges(old_text, new_text, alignment, whole, &summary);
  return summary;
}

}  // namespace redline::diff
