#include "diff/align.h"

#include <algorithm>

#include "diff/dtl_adapter.h"

namespace redline::diff {

std::uint32_t Interner::Intern(std::string_view text) {
  const auto [it, inserted] = ids_.try_emplace(text, static_cast<std::uint32_t>(ids_.size()));
  return it->second;
}

void Aligner::MarkPresence(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  std::uint32_t max_id = 0;
  for (const std::uint32_t id : a) max_id = std::max(max_id, id);
  for (const std::uint32_t id : b) max_id = std::max(max_id, id);
  if (seen_in_a_.size() <= max_id) {
    seen_in_a_.resize(max_id + 1, 0);
    seen_in_b_.resize(max_id + 1, 0);
  }
  if (++stamp_ == 0) {  // wrapped: old stamps could look current
    std::fill(seen_in_a_.begin(), seen_in_a_.end(), 0);
    std::fill(seen_in_b_.begin(), seen_in_b_.end(), 0);
    stamp_ = 1;
  }
  for (const std::uint32_t id : a) seen_in_a_[id] = stamp_;
  for (const std::uint32_t id : b) seen_in_b_[id] = stamp_;
}

EditScript Aligner::AlignMiddle(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  EditScript script;
  if (a.empty() || b.empty()) {
    AppendEdit(&script, EditKind::kDelete, a.size());
    AppendEdit(&script, EditKind::kInsert, b.size());
    return script;
  }
  MarkPresence(a, b);
  // Keep only items that also occur on the other side, remembering where they were.
  std::vector<std::uint32_t> kept_a, kept_b;
  std::vector<std::size_t> where_a, where_b;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (seen_in_b_[a[i]] != stamp_) continue;
    kept_a.push_back(a[i]);
    where_a.push_back(i);
  }
  for (std::size_t j = 0; j < b.size(); ++j) {
    if (seen_in_a_[b[j]] != stamp_) continue;
    kept_b.push_back(b[j]);
    where_b.push_back(j);
  }
  const EditScript kept_script = DtlEditScript(kept_a, kept_b);
  // Map back: every item between two common items is deleted (old) or inserted (new).
  std::size_t next_a = 0, next_b = 0;  // first original item not yet placed
  std::size_t kept_i = 0, kept_j = 0;  // position in kept_a / kept_b
  for (const EditRun& run : kept_script) {
    if (run.kind == EditKind::kDelete) {
      kept_i += run.length;
      continue;
    }
    if (run.kind == EditKind::kInsert) {
      kept_j += run.length;
      continue;
    }
    for (std::size_t k = 0; k < run.length; ++k, ++kept_i, ++kept_j) {
      AppendEdit(&script, EditKind::kDelete, where_a[kept_i] - next_a);
      AppendEdit(&script, EditKind::kInsert, where_b[kept_j] - next_b);
      AppendEdit(&script, EditKind::kCommon, 1);
      next_a = where_a[kept_i] + 1;
      next_b = where_b[kept_j] + 1;
    }
  }
  AppendEdit(&script, EditKind::kDelete, a.size() - next_a);
  AppendEdit(&script, EditKind::kInsert, b.size() - next_b);
  return script;
}

EditScript Aligner::Align(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  std::size_t prefix = 0;
  const std::size_t shorter = std::min(a.size(), b.size());
  while (prefix < shorter && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < shorter - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;

  EditScript script;
  AppendEdit(&script, EditKind::kCommon, prefix);
  for (const EditRun& run : AlignMiddle(a.subspan(prefix, a.size() - prefix - suffix),
                                        b.subspan(prefix, b.size() - prefix - suffix))) {
    AppendEdit(&script, run.kind, run.length);
  }
  AppendEdit(&script, EditKind::kCommon, suffix);
  return script;
}

}  // namespace redline::diff
