// Internal: readability passes over an alignment (see text_align.h for Chunk).
#ifndef REDLINE_DIFF_REGROUP_H_
#define REDLINE_DIFF_REGROUP_H_

#include <string_view>
#include <vector>

#include "diff/text_align.h"

namespace redline::diff {

// Readability, as diff-match-patch's semantic cleanup: an unchanged stretch without line
// breaks that lies between two changes and is no longer (in bytes) than the larger side of
// either becomes part of one replacement, when the joined change both deletes and inserts.
// So a swapped phrase reads "[-a b-]{+c d+}" rather than "[-a-]{+c+} [-b-]{+d+}", and a
// rewritten sentence does not keep stray common words like "the". The same for a word of a
// new paragraph begun inside a line, matched with one of the line it left. Moved chunks,
// paragraph splits and merges are never joined. Keeps the chunks exact.
void JoinReplacements(std::string_view old_text, std::string_view new_text, std::vector<Chunk>* chunks);

// Readability: a change inside a paragraph that runs on into whole new paragraphs, where
// the unchanged text after it starts with the end of that paragraph, is turned so that the
// new paragraphs are inserted whole: "on [-Monday-]{+Tuesday.\n\nHe was late+}.\n\n"
// becomes "on [-Monday-]{+Tuesday+}.\n\n{+He was late.\n\n+}" (an edited paragraph and an
// added one, as they are). Paragraphs removed likewise. Keeps the chunks exact.
void SlideToParagraphs(std::string_view old_text, std::string_view new_text, std::vector<Chunk>* chunks);

// Readability: a pure insertion or deletion that starts with a space, followed by
// unchanged text starting with the same space, moves one token right so that it starts at
// a word: "the{+ main+} square" becomes "the {+main +}square". Keeps the chunks exact.
void SlideToWordStarts(std::string_view old_text, std::string_view new_text, std::vector<Chunk>* chunks);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_REGROUP_H_
