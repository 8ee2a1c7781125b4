// What `redline git-setup` writes into an archive's repository so that plain git shows
// redline's diffs of story text (docs/git.md): a diff driver named "redline" in the
// repository's own config, and the attributes that give it to article.txt files.
//
// The attributes go to <git dir>/info/attributes, the one attributes file git 2.39 reads
// in a bare repository (an archive's .gitattributes is in main's tree, which a bare
// repository does not read attributes from; a clone with a work tree reads
// info/attributes too, before its .gitattributes). They are one block between marker
// comments, so a second run finds and replaces its own lines and --remove takes out
// exactly those, leaving anything else a person wrote there.
#ifndef REDLINE_ARCHIVE_GIT_SETUP_H_
#define REDLINE_ARCHIVE_GIT_SETUP_H_

#include <string>

#include "redline/status.h"

namespace redline {

// Shell command lines git runs (git appends the arguments): `diff.redline.command`
// (the external diff: git diff by default, git log -p and git show with --ext-diff) and
// `diff.redline.textconv` (article.txt as git's own diff shows it).
struct GitDiffCommands {
  std::string diff_command;
  std::string textconv_command;
};

enum class GitSetupChange { kUnchanged, kAdded, kUpdated };

// Writes the driver's config (command, textconv, wordRegex) and the
// attributes block: article.txt gets diff=redline, raw.html and raw.txt -diff (git
// says "Binary files ... differ": the story's change is shown once, in article.txt).
// kUnchanged when everything already says exactly this (nothing is written).
Result<GitSetupChange> InstallGitDiff(const std::string& archive_dir, const GitDiffCommands& commands);

// Takes out what InstallGitDiff wrote: every diff.redline.* key, the attributes block (and
// info/attributes itself when nothing else is left in it), and git's textconv cache
// (refs/notes/textconv/redline, when a person turned diff.redline.cachetextconv on).
// False when there was nothing to remove.
Result<bool> RemoveGitDiff(const std::string& archive_dir);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_GIT_SETUP_H_
