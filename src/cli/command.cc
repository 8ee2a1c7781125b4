#include "cli/command.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
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

namespace {

Status TooLarge(const std::string& what, std::size_t max_bytes) {
  return Status::BadInput(what + " is over the limit of " + std::to_string(max_bytes) + " bytes (--max-bytes)");
}

// At most max_bytes + 1 bytes: enough to know the input is too large without holding it all.
Result<std::string> ReadStream(std::istream& in, const std::string& what, std::size_t max_bytes) {
  std::string data;
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    data.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (data.size() > max_bytes) return TooLarge(what, max_bytes);
  }
  if (in.bad()) return Status::BadInput("cannot read " + what);
  return data;
}

}  // namespace

Result<std::string> ReadInput(const std::string& path, std::size_t max_bytes) {
  if (path == "-") return ReadStream(std::cin, "standard input", max_bytes);
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    return Status::BadInput("cannot read '" + path + "': " + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) return Status::BadInput("cannot read '" + path + "': it is a directory");
  if (S_ISREG(info.st_mode) && static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    return TooLarge("'" + path + "' (" + std::to_string(info.st_size) + " bytes)", max_bytes);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::BadInput("cannot read '" + path + "': " + std::strerror(errno));
  return ReadStream(in, "'" + path + "'", max_bytes);  // a pipe or device has no size to check
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
