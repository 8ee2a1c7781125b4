// DiffWords: alignment chunks -> merged ops and stats.
#include "diff/regroup.h"
#include "diff/stats.h"
#include "diff/text_align.h"
#include "redline/diff.h"

namespace redline {

WordDiff DiffWords(std::string_view old_text, std::string_view new_text) {
  std::vector<diff::Chunk> chunks = diff::AlignText(old_text, new_text);
  diff::JoinReplacements(old_text, &chunks);
  diff::SlideToWordStarts(old_text, new_text, &chunks);

  WordDiff result;
  result.ops.reserve(chunks.size() * 2);
  const auto add = [&](OpKind kind, std::string_view text) {
    if (!text.empty()) result.ops.push_back({kind, std::string(text)});
  };
  for (const diff::Chunk& chunk : chunks) {
    const std::string_view removed = old_text.substr(chunk.old_begin, chunk.old_end - chunk.old_begin);
    const std::string_view added = new_text.substr(chunk.new_begin, chunk.new_end - chunk.new_begin);
    if (!chunk.changed) {
      add(OpKind::kEqual, removed);
      continue;
    }
    add(OpKind::kDelete, removed);
    add(OpKind::kInsert, added);
    result.has_changes = true;
  }
  result.stats = diff::ComputeStats(result.ops);
  return result;
}

}  // namespace redline
