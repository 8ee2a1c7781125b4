// Internal: the change summary of a diff (see redline::ChangeSummary).
#ifndef REDLINE_DIFF_SUMMARY_H_
#define REDLINE_DIFF_SUMMARY_H_

#include <string_view>
#include <vector>

#include "diff/segment.h"
#include "diff/text_align.h"
#include "redline/diff.h"

namespace redline::diff {

// Quotations of a text: from an opening mark (“ " ‘ « „ ‹) to its closing mark, or to the
// end of the block when it stays open (a quote running on into the next paragraph).
// A ‘ opens only at the start of a word, and ’ closes only when no letter follows, so
// apostrophes ("Bachelet’s") are never quotes.
std::vector<Span> QuoteSpans(std::string_view text);

// Everything in ChangeSummary. `chunks` are final: regrouped, with ignored marks.
ChangeSummary Summarize(std::string_view old_text, std::string_view new_text, const Alignment& alignment,
                        const std::vector<SentenceChange>& sentences, const DiffStats& stats,
                        const DiffOptions& options);

}  // namespace redline::diff

#endif  // REDLINE_DIFF_SUMMARY_H_
