#include "diff/dtl_adapter.h"

#include <dtl/dtl.hpp>

namespace redline::diff {

namespace {

// dtl records at most this many path coordinates before it starts over from the last
// point it reached (and the script stops being minimal).
constexpr double kDtlCoordinateCap = 2e6;

// Its O(NP) search takes about (P + 1) x (delta + P + 1) steps, P being the deletions from
// the longer sequence: when even the script found stays under the cap, dtl never hit it.
bool SurelyUnderCap(std::size_t a_size, std::size_t b_size, const EditScript& script) {
  std::size_t deleted = 0, inserted = 0;
  for (const EditRun& run : script) {
    if (run.kind == EditKind::kDelete) deleted += run.length;
    if (run.kind == EditKind::kInsert) inserted += run.length;
  }
  const std::size_t delta = a_size > b_size ? a_size - b_size : b_size - a_size;
  const double p = static_cast<double>(a_size >= b_size ? inserted : deleted);
  return (p + 1) * (static_cast<double>(delta) + p + 1) <= kDtlCoordinateCap;
}

}  // namespace

EditScript DtlEditScript(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                         bool* minimal) {
  if (minimal != nullptr) *minimal = true;
  EditScript script;
  if (a.empty() || b.empty()) {
    AppendEdit(&script, EditKind::kDelete, a.size());
    AppendEdit(&script, EditKind::kInsert, b.size());
    return script;
  }
  // A fresh Diff per comparison: compose() must never run twice on one object.
  dtl::Diff<std::uint32_t> engine(a, b);
  engine.compose();
  const auto ses = engine.getSes().getSequence();
  // dtl may interleave additions and deletions inside a change; reorder each stretch
  // between common items as "all deletions, then all insertions".
  std::size_t deleted = 0;
  std::size_t inserted = 0;
  for (const auto& [item, info] : ses) {
    (void)item;
    if (info.type == dtl::SES_DELETE) {
      ++deleted;
    } else if (info.type == dtl::SES_ADD) {
      ++inserted;
    } else {
      AppendEdit(&script, EditKind::kDelete, deleted);
      AppendEdit(&script, EditKind::kInsert, inserted);
      deleted = inserted = 0;
      AppendEdit(&script, EditKind::kCommon, 1);
    }
  }
  AppendEdit(&script, EditKind::kDelete, deleted);
  AppendEdit(&script, EditKind::kInsert, inserted);
  if (minimal != nullptr) *minimal = SurelyUnderCap(a.size(), b.size(), script);
  return script;
}

}  // namespace redline::diff
