// Internal: the JSON form of a word diff.
#ifndef REDLINE_DIFF_RENDER_JSON_H_
#define REDLINE_DIFF_RENDER_JSON_H_

#include <string>

#include "redline/diff.h"

namespace redline::diff {

// The contract's object and "\n"; invalid UTF-8 in op texts becomes U+FFFD.
std::string RenderJson(const WordDiff& diff);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_RENDER_JSON_H_
