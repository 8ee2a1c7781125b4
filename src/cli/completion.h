// Shell completion: what may come next on a redline command line. The scripts in
// completions/ only pass the words typed to `redline __complete -- WORD...` and show the
// answer, so the commands and options offered are the CLI11 definitions themselves, and
// story ids come from the revision index (one range read, however large the archive).
#ifndef REDLINE_CLI_COMPLETION_H_
#define REDLINE_CLI_COMPLETION_H_

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace redline::cli {

struct Candidate {
  std::string word;
  std::string description;  // a command's summary, an option's help, a story's headline
};

struct Completion {
  std::vector<Candidate> candidates;  // those that start with the word being completed
  bool files = false;                 // the shell should offer file names as well
};

// `words` are the words after "redline", the last one the word being completed ("" when
// the cursor is after a space). -C/--archive among them names the archive asked for story
// ids and revisions; an archive that cannot be opened gives no candidates, never an error.
Completion Complete(const CLI::App* root, std::vector<std::string> words);

// One candidate a line, "WORD\tDESCRIPTION" (the tab and description only when there is
// one), then ":files" when file names are to be offered too.
std::string FormatCompletion(const Completion& completion);

}  // namespace redline::cli

#endif  // REDLINE_CLI_COMPLETION_H_
