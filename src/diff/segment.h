// Internal: lines (blocks) and sentences of a text, as byte ranges.
#ifndef REDLINE_DIFF_SEGMENT_H_
#define REDLINE_DIFF_SEGMENT_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace redline::diff {

struct Span {
  std::size_t begin = 0, end = 0;
  std::size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool operator==(const Span&) const = default;
};

struct Line {
  std::size_t begin = 0;
  std::size_t content_end = 0;  // before the '\n'
  std::size_t end = 0;          // after the '\n', or the text's end
  int block = -1;               // 0-based index among non-blank lines; -1 when blank
  bool blank() const { return block < 0; }
  Span content() const { return {begin, content_end}; }
};

// Every line of `text`, each holding its '\n'. A line of only spaces counts as blank.
std::vector<Line> SplitLines(std::string_view text);

// Appends the sentences of text[begin, end), a block's text without line breaks: they tile
// the range, each sentence holding the spaces after it. Rules: see redline::SplitSentences.
void AppendSentences(std::string_view text, std::size_t begin, std::size_t end, std::vector<Span>* out);

// Where the text of `span` ends: before its trailing horizontal spaces.
std::size_t TextEnd(std::string_view text, Span span);

// The sentences of every non-blank line, in order.
std::vector<Span> SentenceSpans(std::string_view text, const std::vector<Line>& lines);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_SEGMENT_H_
