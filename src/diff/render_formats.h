// Internal: one renderer per output format (RenderDiff picks one).
#ifndef REDLINE_DIFF_RENDER_FORMATS_H_
#define REDLINE_DIFF_RENDER_FORMATS_H_

#include <string>

#include "redline/diff.h"

namespace redline::diff {

std::string RenderHunks(const WordDiff& diff, int context, bool color);  // plain, color
std::string RenderPorcelain(const WordDiff& diff, int context);
std::string RenderUnified(const WordDiff& diff, const RenderOptions& options);
std::string RenderSideBySide(const WordDiff& diff, const RenderOptions& options);
std::string RenderMarkdown(const WordDiff& diff, const RenderOptions& options);
std::string RenderHtml(const WordDiff& diff, const RenderOptions& options);
std::string RenderJson(const WordDiff& diff);

// "moved to ¶N" for the delete op of a move (N: its 1-based block in the new text), "moved
// from ¶M" for its insert op.
std::string MoveNote(const WordDiff& diff, int move, OpKind kind);

// "¶ split" or "¶ merged": the note at a paragraph split or merge.
std::string BlockChangeNote(BlockChange change);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_RENDER_FORMATS_H_
