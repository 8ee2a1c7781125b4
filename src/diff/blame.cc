// Blame: sentence origins carried forward through the sentence alignment of each pair of
// neighbouring texts.
#include <algorithm>
#include <unordered_map>

#include "diff/align.h"
#include "diff/segment.h"
#include "redline/diff.h"

namespace redline {
namespace {

struct Sentences {
  std::vector<std::uint32_t> ids;
  std::vector<diff::Span> spans;
  std::vector<std::size_t> blocks;
};

// A sentence's identity ignores the spaces after it: the last sentence of a block has
// none, and it may move to the middle of one.
std::string_view Trimmed(std::string_view text, diff::Span span) {
  std::string_view s = text.substr(span.begin, span.size());
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Sentences Split(std::string_view text, diff::Interner* ids) {
  Sentences out;
  const std::vector<diff::Line> lines = diff::SplitLines(text);
  for (const diff::Line& line : lines) {
    if (line.blank()) continue;
    const std::size_t before = out.spans.size();
    diff::AppendSentences(text, line.begin, line.content_end, &out.spans);
    out.blocks.resize(out.spans.size(), static_cast<std::size_t>(line.block));
    for (std::size_t k = before; k < out.spans.size(); ++k) out.ids.push_back(ids->Intern(Trimmed(text, out.spans[k])));
  }
  return out;
}

}  // namespace

std::vector<BlameEntry> Blame(const std::vector<std::string_view>& texts) {
  if (texts.empty()) return {};
  diff::Interner ids;  // shared by all texts: equal sentences get equal ids throughout
  diff::Aligner aligner;
  Sentences previous = Split(texts[0], &ids);
  std::vector<std::size_t> origin(previous.ids.size(), 0);
  for (std::size_t t = 1; t < texts.size(); ++t) {
    Sentences current = Split(texts[t], &ids);
    std::vector<std::size_t> next(current.ids.size(), t);
    std::vector<bool> matched(current.ids.size(), false), used(previous.ids.size(), false);
    std::size_t i = 0, j = 0;
    for (const diff::EditRun& run : aligner.Align(previous.ids, current.ids)) {
      if (run.kind == diff::EditKind::kCommon) {
        for (std::size_t n = 0; n < run.length; ++n, ++i, ++j) {
          next[j] = origin[i];
          matched[j] = used[i] = true;
        }
      } else if (run.kind == diff::EditKind::kDelete) {
        i += run.length;
      } else {
        j += run.length;
      }
    }
    // Moved sentences: an equal sentence that the alignment left unmatched elsewhere.
    std::unordered_multimap<std::uint32_t, std::size_t> unmatched;
    for (std::size_t k = 0; k < previous.ids.size(); ++k) {
      if (!used[k]) unmatched.emplace(previous.ids[k], k);
    }
    for (std::size_t k = 0; k < current.ids.size() && !unmatched.empty(); ++k) {
      if (matched[k]) continue;
      const auto it = unmatched.find(current.ids[k]);
      if (it == unmatched.end()) continue;
      next[k] = origin[it->second];
      unmatched.erase(it);
    }
    previous = std::move(current);
    origin = std::move(next);
  }
  std::vector<BlameEntry> entries;
  entries.reserve(origin.size());
  for (std::size_t k = 0; k < origin.size(); ++k) {
    entries.push_back({previous.blocks[k], texts.back().substr(previous.spans[k].begin, previous.spans[k].size()),
                       origin[k]});
  }
  return entries;
}

}  // namespace redline
