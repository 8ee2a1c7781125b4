// `redline --version` names the libraries in use with their versions, and libcurl is an
// ordinary dependency of the binary (ldd, and so packaging, sees it).
#include "e2e/e2e.h"

namespace redline::testing {
namespace {

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// pkg-config's version of a library: Debian's -dev package and the library in use come
// from the same source package, so their versions are the same.
std::string PkgConfigVersion(const std::string& module) {
  const ProcessResult result = RunCommand({"pkg-config", "--modversion", module});
  EXPECT_EQ(result.exit_code, 0) << module << ": " << result.err;
  return Trimmed(result.out);
}

TEST(VersionTest, NamesRedlineFirstThenEachLibraryWithTheVersionInUse) {
  const ProcessResult result = RunCommand({REDLINE_BINARY, "--version"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.substr(0, result.out.find('\n')), "redline 0.1.0");
  EXPECT_NE(result.out.find("\nlibgit2 " + PkgConfigVersion("libgit2") + "\n"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\nlibcurl " + PkgConfigVersion("libcurl") + " (OpenSSL/"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("\nSQLite " + PkgConfigVersion("sqlite3") + "\n"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\ngumbo " + PkgConfigVersion("gumbo") + " (built against;"), std::string::npos)
      << result.out;
  // utf8proc's pkg-config file lags its releases (2.6.0 for 2.8.0 in Debian 12): the
  // package's own version says which library is installed.
  const ProcessResult package = RunCommand({"dpkg-query", "-W", "-f=${Version}", "libutf8proc2"});
  ASSERT_EQ(package.exit_code, 0) << package.err;
  EXPECT_NE(result.out.find("\nutf8proc " + package.out.substr(0, package.out.find('-'))), std::string::npos)
      << result.out;
  // SQLite as its own command-line shell reports the library (Debian links it to the same).
  const ProcessResult shell = RunCommand({"sqlite3", "--version"});
  ASSERT_EQ(shell.exit_code, 0) << shell.err;
  EXPECT_NE(result.out.find("\nSQLite " + shell.out.substr(0, shell.out.find(' ')) + "\n"), std::string::npos)
      << result.out << shell.out;
}

TEST(VersionTest, LibcurlIsLinkedTheOrdinaryWay) {
  const ProcessResult ldd = RunCommand({"ldd", REDLINE_BINARY});
  ASSERT_EQ(ldd.exit_code, 0) << ldd.err;
  EXPECT_NE(ldd.out.find("libcurl.so.4 => /"), std::string::npos) << ldd.out;
}

}  // namespace
}  // namespace redline::testing
