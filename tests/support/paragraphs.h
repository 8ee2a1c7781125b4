// Canonical text cut into paragraphs and joined back: test-only helpers for tests that move,
// split or merge a story's paragraphs.
#ifndef REDLINE_TESTS_SUPPORT_PARAGRAPHS_H_
#define REDLINE_TESTS_SUPPORT_PARAGRAPHS_H_

#include <string>
#include <vector>

namespace redline::testing {

// Paragraphs of a canonical text (blank-line separated, one final newline).
inline std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size() - 1;  // the final newline
    out.push_back(text.substr(pos, end - pos));
    pos = end + 2;
  }
  return out;
}

inline std::string JoinParagraphs(const std::vector<std::string>& paragraphs) {
  std::string text;
  for (const std::string& p : paragraphs) text += (text.empty() ? "" : "\n\n") + p;
  return text + "\n";
}

}  // namespace redline::testing

#endif  // REDLINE_TESTS_SUPPORT_PARAGRAPHS_H_
