// What fetch and watch show: a progress line on a terminal (stderr), one line per changed
// story (stdout), errors (stderr), and the --on-change command.
#ifndef REDLINE_CLI_FETCH_OUTPUT_H_
#define REDLINE_CLI_FETCH_OUTPUT_H_

#include <string>

#include "cli/terminal.h"
#include "record/fetch_round.h"
#include "web/fetcher.h"

namespace redline::cli {

// The command line prints and parses what the recording pipeline does.
using namespace ::redline::record;  // NOLINT(google-build-using-namespace)

// "fetching 12/40, 1.2 MB, 1 error", for a ProgressLine (terminal.h).
std::string FetchProgressText(const web::FetchProgress& progress);

// Prints the round: "STORY: revision N (+A -R words)" (with "= returns to K") for each
// changed story and "STORY: tracking URL (from FEED)" for new feed items on stdout;
// "redline: STORY: ERROR (URL)" for each failure on stderr (unless `story_errors` is false:
// the caller reports the one failure as the command's error). With `verbose`, unchanged
// stories too.
void PrintRound(const RoundReport& report, bool verbose, bool story_errors = true);

// What the round left for later, for `fetch` on a terminal or with -v: when it fetched
// nothing, "nothing due; next check at 06:58:40 for 2 pages; 'redline fetch --all' checks
// now" (or why nothing is scheduled: nothing tracked, every page stopped); with `verbose`,
// when it fetched some, "3 pages not due; next check at ..." too. "" when there is nothing
// to say. Times are local: HH:MM:SS today, else YYYY-MM-DD HH:MM:SS.
std::string LaterNote(const RoundReport& report, bool verbose);

// "at 06:58:40 for 2 pages" (watch's round summary says it too).
std::string NextCheckText(const NextCheck& next);

// The round as one JSON object (fetch --json).
std::string RoundJson(const RoundReport& report);

// Runs `command` with /bin/sh for each changed story, its facts in the environment:
// REDLINE_STORY, REDLINE_REVISION, REDLINE_COMMIT, REDLINE_URL, REDLINE_HEADLINE,
// REDLINE_ADDED_WORDS, REDLINE_REMOVED_WORDS, REDLINE_TOTAL_WORDS, REDLINE_RETURNS_TO (0
// when none) and REDLINE_ARCHIVE. Waits for each; a failing command is reported on stderr.
void RunOnChange(const std::string& command, const RoundReport& report, const std::string& archive_path);

}  // namespace redline::cli

#endif  // REDLINE_CLI_FETCH_OUTPUT_H_
