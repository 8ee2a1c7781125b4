// Runs a program and captures its output: the end-to-end tests' only window on redline.
#ifndef REDLINE_TESTS_SUPPORT_PROCESS_H_
#define REDLINE_TESTS_SUPPORT_PROCESS_H_

#include <map>
#include <string>
#include <vector>

namespace redline::testing {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal when killed by a signal
  std::string out;
  std::string err;
};

struct ProcessOptions {
  std::string stdin_data;
  std::string cwd;  // empty: inherit
  std::map<std::string, std::string> env;  // set (or, with an empty value, unset) these
};

ProcessResult RunProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// A fresh directory under $TMPDIR (or /tmp), removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string ReadFileOrDie(const std::string& path);
void WriteFileOrDie(const std::string& path, const std::string& bytes);

// A fingerprint of a git repository: every file under .git (refs, objects, the revision
// index, logs) with its bytes, to show that a failed command changed nothing.
std::string RepositoryFingerprint(const std::string& work_tree);

}  // namespace redline::testing

#endif  // REDLINE_TESTS_SUPPORT_PROCESS_H_
