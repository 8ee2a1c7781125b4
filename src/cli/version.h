// What `redline --version` prints.
#ifndef REDLINE_CLI_VERSION_H_
#define REDLINE_CLI_VERSION_H_

#include <string>

namespace redline::cli {

// "redline 0.1.0" (the first line, which scripts read), then one line per library:
// libgit2, libcurl, SQLite and utf8proc as they report themselves at run time, gumbo as
// pkg-config reported it at build time.
std::string VersionText();

}  // namespace redline::cli

#endif  // REDLINE_CLI_VERSION_H_
