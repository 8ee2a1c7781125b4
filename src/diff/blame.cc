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

// Interned as copies: the builder keeps only the newest text.
Sentences Split(std::string_view text, diff::Interner* ids) {
  Sentences out;
  const std::vector<diff::Line> lines = diff::SplitLines(text);
  for (const diff::Line& line : lines) {
    if (line.blank()) continue;
    const std::size_t before = out.spans.size();
    diff::AppendSentences(text, line.begin, line.content_end, &out.spans);
    out.blocks.resize(out.spans.size(), static_cast<std::size_t>(line.block));
    for (std::size_t k = before; k < out.spans.size(); ++k) out.ids.push_back(ids->InternCopy(Trimmed(text, out.spans[k])));
  }
  return out;
}

}  // namespace

struct BlameBuilder::State {
  diff::Interner ids;  // shared by all texts: equal sentences get equal ids throughout
  diff::Aligner aligner;
  std::size_t added = 0;
  std::string text;  // the last text added
  Sentences sentences;
  std::vector<std::size_t> origin;  // per sentence of `text`: the index of the text that introduced it
};

BlameBuilder::BlameBuilder() : state_(std::make_unique<State>()) {}
BlameBuilder::~BlameBuilder() = default;

void BlameBuilder::Add(std::string text) {
  State& s = *state_;
  const std::size_t t = s.added++;
  Sentences current = Split(text, &s.ids);
  if (t == 0) {
    s.origin.assign(current.ids.size(), 0);
  } else if (current.ids != s.sentences.ids) {  // equal sentences keep their origins as they are
    const Sentences& previous = s.sentences;
    std::vector<std::size_t> next(current.ids.size(), t);
    std::vector<bool> matched(current.ids.size(), false), used(previous.ids.size(), false);
    std::size_t i = 0, j = 0, unmatched_before = previous.ids.size(), unmatched_now = current.ids.size();
    for (const diff::EditRun& run : s.aligner.Align(previous.ids, current.ids)) {
      if (run.kind == diff::EditKind::kCommon) {
        for (std::size_t n = 0; n < run.length; ++n, ++i, ++j) {
          next[j] = s.origin[i];
          matched[j] = used[i] = true;
        }
        unmatched_before -= run.length;
        unmatched_now -= run.length;
      } else if (run.kind == diff::EditKind::kDelete) {
        i += run.length;
      } else {
        j += run.length;
      }
    }
    // Moved sentences: an equal sentence that the alignment left unmatched elsewhere.
    if (unmatched_before > 0 && unmatched_now > 0) {
      std::unordered_multimap<std::uint32_t, std::size_t> unmatched;
      for (std::size_t k = 0; k < previous.ids.size(); ++k) {
        if (!used[k]) unmatched.emplace(previous.ids[k], k);
      }
      for (std::size_t k = 0; k < current.ids.size() && !unmatched.empty(); ++k) {
        if (matched[k]) continue;
        const auto it = unmatched.find(current.ids[k]);
        if (it == unmatched.end()) continue;
        next[k] = s.origin[it->second];
        unmatched.erase(it);
      }
    }
    s.origin = std::move(next);
  }
  // Spans are offsets, so they stay valid in the moved string.
  s.sentences = std::move(current);
  s.text = std::move(text);
}

std::string_view BlameBuilder::text() const { return state_->text; }

std::vector<BlameEntry> BlameBuilder::Entries() const {
  const State& s = *state_;
  std::vector<BlameEntry> entries;
  entries.reserve(s.origin.size());
  const std::string_view text = s.text;
  for (std::size_t k = 0; k < s.origin.size(); ++k) {
    const diff::Span span = s.sentences.spans[k];
    entries.push_back({s.sentences.blocks[k], text.substr(span.begin, span.size()), s.origin[k]});
  }
  return entries;
}

std::vector<BlameEntry> Blame(const std::vector<std::string_view>& texts) {
  if (texts.empty()) return {};
  BlameBuilder builder;
  for (std::string_view text : texts) builder.Add(std::string(text));
  // The entries must view texts.back(), not the builder's copy, which ends here.
  std::vector<BlameEntry> entries = builder.Entries();
  const char* copy = builder.text().data();
  for (BlameEntry& e : entries) e.text = texts.back().substr(static_cast<std::size_t>(e.text.data() - copy), e.text.size());
  return entries;
}

}  // namespace redline
