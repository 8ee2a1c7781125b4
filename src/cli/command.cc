#include "cli/command.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

namespace redline::cli {

Result<Archive> OpenArchive(const GlobalOptions& globals) {
  if (!globals.archive_dir.empty()) return Archive::Open(globals.archive_dir);
  const char* env = std::getenv("REDLINE_ARCHIVE");
  if (env != nullptr && env[0] != '\0') return Archive::Open(env);
  REDLINE_ASSIGN_OR_RETURN(const std::string found, Archive::Discover("."));
  return Archive::Open(found);
}

Result<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (std::cin.bad()) return Status::BadInput("cannot read standard input");
    return data;
  }
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    return Status::BadInput("cannot read '" + path + "': " + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) return Status::BadInput("cannot read '" + path + "': it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::BadInput("cannot read '" + path + "': " + std::strerror(errno));
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::BadInput("cannot read '" + path + "'");
  return data;
}

Result<InputFormat> ParseInputFormat(const std::string& name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "html") return InputFormat::kHtml;
  if (name == "text") return InputFormat::kText;
  return Status::Usage("--from must be html, text or auto, not '" + name + "'");
}

void WriteOut(std::string_view bytes) {
  std::fwrite(bytes.data(), 1, bytes.size(), stdout);
}

void MaybeStartPager(const GlobalOptions& globals, Pager* pager) {
  if (!globals.no_pager) pager->StartIfTerminal();
}

}  // namespace redline::cli
