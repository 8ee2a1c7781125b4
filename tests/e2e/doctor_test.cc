// `redline doctor`: one line per check, and exit 4 only when the archive has an error.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "e2e/e2e.h"

namespace redline::testing {
namespace {

bool HasLine(const std::string& out, const std::string& start) {
  return out.rfind(start, 0) == 0 || out.find("\n" + start) != std::string::npos;
}

class DoctorTest : public ArchiveTest {
 protected:
  std::string IndexFile() const { return archive_ + "/.git/redline/revisions.sqlite"; }
};

TEST_F(DoctorTest, AHealthyArchiveIsAllOk) {
  RecordRevisions(2);
  const ProcessResult result = InArchive({"doctor"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(HasLine(result.out, "ok      archive: " + archive_ + "\n")) << result.out;
  EXPECT_TRUE(HasLine(result.out, "ok      ownership: owned by you\n")) << result.out;
  EXPECT_TRUE(HasLine(result.out, "ok      format: 2, the current format\n")) << result.out;
  EXPECT_TRUE(HasLine(result.out, "ok      write: can write to " + archive_ + "/.git\n")) << result.out;
  EXPECT_TRUE(HasLine(result.out, "ok      index: 2 revisions, as the history has them\n")) << result.out;
  EXPECT_TRUE(HasLine(result.out, "ok      git: git version ")) << result.out;
  EXPECT_TRUE(HasLine(result.out, "ok      libcurl: ")) << result.out;
  EXPECT_EQ(result.out.find("\nerror"), std::string::npos) << result.out;
  EXPECT_EQ(result.err, "");
}

TEST_F(DoctorTest, TheArchiveIsFoundFromInsideItAndOutsideOneOnlyTheEnvironmentIsChecked) {
  ProcessOptions inside;
  inside.cwd = archive_;
  EXPECT_TRUE(HasLine(Redline({"doctor"}, inside).out, "ok      archive: " + archive_ + "\n"));

  TempDir elsewhere;
  ProcessOptions outside;
  outside.cwd = elsewhere.path();
  const ProcessResult result = Redline({"doctor"}, outside);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(HasLine(result.out, "ok      archive: none here or above: only the environment was checked")) << result.out;
  EXPECT_TRUE(HasLine(result.out, "ok      git: ")) << result.out;
}

TEST_F(DoctorTest, AnIndexThatDiffersFromTheHistoryIsAnErrorThatReindexFixes) {
  RecordRevisions(3);
  const ProcessResult deleted =
      RunCommand({"sqlite3", IndexFile(), "DELETE FROM revisions WHERE number = 2"});
  ASSERT_EQ(deleted.exit_code, 0) << deleted.err;
  const ProcessResult broken = InArchive({"doctor"});
  EXPECT_EQ(broken.exit_code, 4) << broken.out;
  EXPECT_TRUE(HasLine(broken.out, "error   index: does not match the history (history has: revision\t"))
      << broken.out;
  EXPECT_NE(broken.out.find("run 'redline reindex' to rebuild it\n"), std::string::npos) << broken.out;
  EXPECT_EQ(broken.err, "redline: error: the archive has 1 error (see above)\n");

  ASSERT_EQ(InArchive({"reindex"}).exit_code, 0);
  EXPECT_EQ(InArchive({"doctor"}).exit_code, 0);
}

// The index is derived data: one that is no database is replaced by the next command.
TEST_F(DoctorTest, AnUnreadableIndexIsAWarningThatReindexFixes) {
  RecordRevisions(1);
  WriteFileOrDie(IndexFile(), std::string(4096, 'x'));
  const ProcessResult broken = InArchive({"doctor"});
  EXPECT_EQ(broken.exit_code, 0) << broken.out;
  EXPECT_TRUE(HasLine(broken.out, "warning index: unreadable (not an SQLite database): the next command rebuilds it"))
      << broken.out;
  EXPECT_EQ(ReadFileOrDie(IndexFile()), std::string(4096, 'x'));  // doctor left it as it was

  ASSERT_EQ(InArchive({"reindex"}).exit_code, 0);
  const ProcessResult fixed = InArchive({"doctor"});
  EXPECT_EQ(fixed.exit_code, 0) << fixed.out;
  EXPECT_TRUE(HasLine(fixed.out, "ok      index: 1 revision, as the history has them\n")) << fixed.out;
}

TEST_F(DoctorTest, AFormatNewerThanThisRedlineIsAnError) {
  ASSERT_EQ(Git({"config", "redline.archiveversion", "3"}).exit_code, 0);
  const ProcessResult result = InArchive({"doctor"});
  EXPECT_EQ(result.exit_code, 4) << result.out;
  EXPECT_TRUE(HasLine(result.out, "error   archive: archive " + archive_ +
                                      " is in format 3, newer than this redline reads (2); upgrade redline\n"))
      << result.out;
}

TEST_F(DoctorTest, AFolderThatIsNoArchiveIsAnErrorWhenNamed) {
  TempDir plain;
  const ProcessResult result = Redline({"-C", plain.path(), "doctor"});
  EXPECT_EQ(result.exit_code, 4) << result.out;
  EXPECT_TRUE(HasLine(result.out, "error   archive: not a redline archive: " + plain.path() + " (run 'redline init')\n"))
      << result.out;
}

TEST(DoctorFormatOneTest, AFormatOneArchiveIsAnErrorThatSaysToUpgrade) {
  TempDir root;
  ASSERT_EQ(RunCommand({"tar", "-xzf", FixturePath("archive-v1/archive-v1.tar.gz"), "-C", root.path()}).exit_code, 0);
  const ProcessResult result = RunCommand({REDLINE_BINARY, "-C", root / "archive", "doctor"});
  EXPECT_EQ(result.exit_code, 4) << result.out;
  EXPECT_TRUE(HasLine(result.out, "error   format: archive " + (root / "archive") + " is in format 1 (with a work tree); "
                                  "run 'redline upgrade'"))
      << result.out;
  ASSERT_EQ(RunCommand({REDLINE_BINARY, "-C", root / "archive", "upgrade"}).exit_code, 0);
  EXPECT_EQ(RunCommand({REDLINE_BINARY, "-C", root / "archive", "doctor"}).exit_code, 0);
}

TEST_F(DoctorTest, WithoutGitOnThePathItWarnsAndTheArchiveIsStillOk) {
  TempDir empty_bin;
  ProcessOptions options;
  options.env["PATH"] = empty_bin.path();
  const ProcessResult result = InArchive({"doctor"}, options);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_TRUE(HasLine(result.out, "warning git: not found on PATH; redline records and reads without it")) << result.out;
  EXPECT_TRUE(HasLine(result.out, "ok      index: 0 revisions, as the history has them\n")) << result.out;
}

// Write access is tried for real, so the archive is made unwritable for the user who runs
// redline: the owner after chmod, or, when the tests run as root (whom permissions do not
// stop), the user nobody, let in by safe.directory as git would let them in.
TEST_F(DoctorTest, AnArchiveItCannotWriteToIsAnError) {
  RecordRevisions(1);
  ASSERT_EQ(RunCommand({"chmod", "-R", "a-w", archive_ + "/.git"}).exit_code, 0);
  std::vector<std::string> argv = {REDLINE_BINARY, "-C", archive_, "doctor"};
  ProcessOptions options;
  TempDir home;
  if (::geteuid() == 0) {
    ASSERT_EQ(::chmod(root_.path().c_str(), 0755), 0);
    ASSERT_EQ(::chmod(home.path().c_str(), 0755), 0);
    WriteFileOrDie(home / ".gitconfig",
                   "[safe]\n\tdirectory = " + archive_ + "\n\tdirectory = " + archive_ + "/.git\n");
    options.env["HOME"] = home.path();
    argv.insert(argv.begin(), {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"});
  }
  const ProcessResult result = RunCommand(argv, options);
  RunCommand({"chmod", "-R", "u+w", archive_ + "/.git"});
  EXPECT_EQ(result.exit_code, 4) << result.out << result.err;
  EXPECT_TRUE(HasLine(result.out, "error   write: cannot write in " + archive_ + "/.git: Permission denied; "))
      << result.out;
  EXPECT_NE(result.out.find("chmod -R u+w " + archive_ + "/.git"), std::string::npos) << result.out;
  EXPECT_TRUE(HasLine(result.out, "warning index: not checked")) << result.out;
}

}  // namespace
}  // namespace redline::testing
