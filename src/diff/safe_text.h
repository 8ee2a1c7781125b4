// Internal: text that is safe to print on a terminal.
#ifndef REDLINE_DIFF_SAFE_TEXT_H_
#define REDLINE_DIFF_SAFE_TEXT_H_

#include <string>
#include <string_view>

namespace redline::diff {

// Appends `text` with every C0 control other than '\n', DEL, every C1 control
// (U+0080..U+009F) and every byte of invalid UTF-8 replaced by U+FFFD, so that page text
// can never move the cursor, retitle the window or hide what follows.
void AppendSafe(std::string_view text, std::string* out);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_SAFE_TEXT_H_
