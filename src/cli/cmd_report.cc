// report: a change report of one or more stories, or a digest of every story changed in a
// window, as HTML, Markdown or JSON. The model and renderers are src/report; this file
// parses the options and writes the result (to -o FILE atomically: temporary + rename).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.h"
#include "report/report.h"

namespace redline::cli {
namespace {

struct ReportCliOptions {
  std::vector<std::string> stories;
  std::string since, until;
  std::string format;
  std::string output;  // empty: stdout
};

Result<std::optional<Timestamp>> OptionalTime(const std::string& text, const char* option) {
  if (text.empty()) return std::optional<Timestamp>();
  auto time = ParseTime(text);
  if (!time.ok()) return time.status().WithContext(option);
  return std::optional<Timestamp>(*time);
}

// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
// reader never sees half a report and a failure leaves any earlier file as it was.
Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  std::string temporary = path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return Status::BadInput("cannot write '" + path + "': " + std::strerror(errno));
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string reason = std::strerror(errno);
      ::close(fd);
      ::unlink(temporary.c_str());
      return Status::BadInput("cannot write '" + path + "': " + reason);
    }
    written += static_cast<std::size_t>(n);
  }
  // mkstemp makes the file 0600; a report is an ordinary document.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(temporary.c_str());
    return Status::BadInput("cannot write '" + path + "': " + reason);
  }
  return Status::Ok();
}

// Without --format: what -o FILE's extension names (.html/.htm, .json, .md), else Markdown,
// which reads well on a terminal and in a file alike.
std::string DefaultFormat(const std::string& output) {
  const auto ends_with = [&](const char* suffix) { return output.ends_with(suffix); };
  if (ends_with(".html") || ends_with(".htm")) return "html";
  if (ends_with(".json")) return "json";
  return "markdown";
}

Outcome RunReport(const ReportCliOptions& o, const GlobalOptions& globals) {
  report::ReportOptions options;
  options.stories = o.stories;
  auto since = OptionalTime(o.since, "--since");
  if (!since.ok()) return {since.status()};
  auto until = OptionalTime(o.until, "--until");
  if (!until.ok()) return {until.status()};
  options.since = *since;
  options.until = *until;
  if (options.since && options.until && options.since->seconds > options.until->seconds) {
    return {Status::Usage("--since is after --until")};
  }
  auto archive = OpenArchive(globals);
  if (!archive.ok()) return {archive.status()};
  auto built = report::BuildReport(*archive, options);
  if (!built.ok()) return {built.status()};

  const std::string format = o.format.empty() ? DefaultFormat(o.output) : o.format;
  std::string out;
  if (format == "html") out = report::RenderHtml(*built);
  else if (format == "markdown") out = report::RenderMarkdown(*built);
  else out = report::RenderJson(*built);

  if (!o.output.empty() && o.output != "-") return {WriteFileAtomically(o.output, out)};
  WriteOut(out);
  return {};
}

Runner SetupReport(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<ReportCliOptions>();
  app->add_option("STORY", o->stories, "stories to report (default: a digest of every story changed in the window)");
  app->add_option("--since", o->since, "only revisions captured at or after TIME (ISO-8601)")->option_text("TIME");
  app->add_option("--until", o->until, "only revisions captured at or before TIME (ISO-8601)")->option_text("TIME");
  app->add_option("--format", o->format,
                  "html, markdown or json (default: from -o FILE's extension, .html, .json or .md; else markdown)")
      ->check(CLI::IsMember({"html", "markdown", "json"}))
      ->option_text("FORMAT");
  app->add_option("-o,--output", o->output, "write to FILE (atomically) instead of standard output")
      ->option_text("FILE");
  return [o, globals]() { return RunReport(*o, *globals); };
}

}  // namespace

std::vector<Command> ReportCommands() {
  return {{"report", "change report of stories as HTML, Markdown or JSON", SetupReport}};
}

}  // namespace redline::cli
