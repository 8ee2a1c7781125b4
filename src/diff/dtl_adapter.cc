#include "diff/dtl_adapter.h"

#include <dtl/dtl.hpp>

namespace redline::diff {

EditScript DtlEditScript(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
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
  return script;
}

}  // namespace redline::diff
