// Internal: edit scripts, the common currency of the aligners.
#ifndef REDLINE_DIFF_EDIT_SCRIPT_H_
#define REDLINE_DIFF_EDIT_SCRIPT_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace redline::diff {

enum class EditKind : std::uint8_t { kCommon, kDelete, kInsert };

// `length` consecutive items of one kind: kCommon consumes items of both sequences,
// kDelete of the first (old), kInsert of the second (new).
struct EditRun {
  EditKind kind;
  std::size_t length;
  bool operator==(const EditRun&) const = default;
};

using EditScript = std::vector<EditRun>;

// Appends `length` items of `kind`, merging with the last run when the kind matches.
inline void AppendEdit(EditScript* script, EditKind kind, std::size_t length) {
  if (length == 0) return;
  if (!script->empty() && script->back().kind == kind) {
    script->back().length += length;
  } else {
    script->push_back({kind, length});
  }
}

}  // namespace redline::diff

#endif  // REDLINE_DIFF_EDIT_SCRIPT_H_
