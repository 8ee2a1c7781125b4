// diff, diff-files (and the blame entry of the command table; blame lives in cmd_blame.cc).
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "base/utf8.h"
#include "cli/command.h"
#include "record/snapshot.h"
#include "cli/story_ref.h"
#include "redline/diff.h"
#include "redline/document.h"

namespace redline::cli {

using namespace ::redline::record;  // NOLINT(google-build-using-namespace)

Runner SetupBlame(CLI::App* app, const GlobalOptions* globals);  // cmd_blame.cc

namespace {

struct DiffFlags {
  std::string format;  // empty: color on a terminal with color, else plain
  bool exit_code = false;
  int context = 1;
  int width = 0;  // 0: the terminal's width
  bool ignore_case = false;
  bool ignore_punctuation = false;
  bool ignore_whitespace = false;
  bool no_moves = false;
};

constexpr const char* kFormatHelp =
    "output format (default: color on a terminal, else plain):\n"
    "  color         git --word-diff=color look; moves as {>>moved to/from ¶N<<},\n"
    "                paragraph splits and merges as {>>¶ split<<} and {>>¶ merged<<}\n"
    "  plain         [-deleted-]{+inserted+}, like git --word-diff=plain\n"
    "  porcelain     git's --word-diff=porcelain lines\n"
    "  json          ops (rebuild both texts), stats, moves, sentence labels, summary\n"
    "  unified       block lines for patch(1)\n"
    "  side-by-side  old and new in two columns (--width)\n"
    "  markdown      summary and changed paragraphs, ~~deleted~~ **inserted**\n"
    "  html          an HTML fragment with <del> and <ins>";

void AddDiffFlags(CLI::App* app, DiffFlags* o) {
  app->add_option("--format", o->format, kFormatHelp)->option_text("FORMAT");
  app->add_flag("--exit-code", o->exit_code, "exit with 1 when there are differences, as git does");
  app->footer("Exit status: 0 ok, 1 differences (with --exit-code), 2 usage, 3 bad input, 4 archive.");
  app->add_option("--context", o->context, "unchanged blocks shown around each change (default 1)")
      ->option_text("N")
      ->check(CLI::NonNegativeNumber);
  app->add_option("--width", o->width, "side-by-side: total columns (default: the terminal's, $COLUMNS, or 80)")
      ->option_text("N")
      ->check(CLI::Range(20, 10000));
  app->add_flag("-i,--ignore-case", o->ignore_case, "changes of letter case are no changes");
  app->add_flag("--ignore-punctuation", o->ignore_punctuation, "added, removed or changed punctuation is no change");
  app->add_flag("-w,--ignore-whitespace", o->ignore_whitespace, "changes of spaces within lines are no changes");
  app->add_flag("--no-moves", o->no_moves, "show moved blocks and sentences as deletions and insertions");
}

// The terminal's width: TIOCGWINSZ on stdout, else $COLUMNS, else 80.
int TerminalWidth() {
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  const char* columns = std::getenv("COLUMNS");
  if (columns != nullptr) {
    const int value = std::atoi(columns);
    if (value > 0) return value;
  }
  return 80;
}

Result<RenderOptions> ChooseRender(const DiffFlags& o, const GlobalOptions& globals) {
  RenderOptions render;
  render.context_blocks = o.context;
  if (o.format.empty()) {
    render.format = UseColor(globals.color) ? DiffFormat::kColor : DiffFormat::kPlain;
  } else if (!ParseDiffFormat(o.format, &render.format)) {
    return Status::Usage("--format must be color, plain, porcelain, json, unified, side-by-side, markdown or html, not '" +
                         o.format + "'");
  }
  render.width = o.width > 0 ? o.width : TerminalWidth();
  render.color = render.format == DiffFormat::kSideBySide && UseColor(globals.color);
  return render;
}

// What the format shows decides what the diff computes: sentence labels and the summary
// cost a pass over long texts and only json, markdown and html print them.
DiffOptions ChooseDiffOptions(const DiffFlags& o, const RenderOptions& render) {
  DiffOptions options;
  options.ignore_case = o.ignore_case;
  options.ignore_punctuation = o.ignore_punctuation;
  options.ignore_whitespace = o.ignore_whitespace;
  options.detect_moves = !o.no_moves;
  const bool rich = render.format == DiffFormat::kJson || render.format == DiffFormat::kMarkdown ||
                    render.format == DiffFormat::kHtml;
  options.label_sentences = rich;
  options.summarize = rich;
  return options;
}

// Prints the diff; the formats read on a terminal get git's two-line header first.
Outcome Print(const WordDiff& diff, RenderOptions render, const DiffFlags& o, const GlobalOptions& globals,
              const std::string& old_label, const std::string& new_label) {
  render.old_label = old_label;
  render.new_label = new_label;
  const std::string body = RenderDiff(diff, render);
  Pager pager;
  if (render.format != DiffFormat::kJson) MaybeStartPager(globals, &pager);
  const bool header = render.format == DiffFormat::kColor || render.format == DiffFormat::kPlain ||
                      render.format == DiffFormat::kPorcelain || render.format == DiffFormat::kSideBySide;
  if (header && diff.has_changes) {
    const bool color = render.format == DiffFormat::kColor || render.color;
    const char* bold = color ? "\x1b[1m" : "";
    const char* reset = color ? "\x1b[m" : "";
    std::printf("%s--- %s%s\n%s+++ %s%s\n", bold, TerminalSafe(old_label).c_str(), reset, bold,
                TerminalSafe(new_label).c_str(), reset);
  }
  WriteOut(body);
  return {Status::Ok(), o.exit_code && diff.has_changes};
}

std::string Label(const Revision& r) {
  return r.story + "@" + std::to_string(r.number) + " (" + FormatTime(r.time) + ")";
}

struct StoryDiffOptions {
  std::string story;
  std::vector<std::string> revisions;
  DiffFlags diff;
};

Outcome RunStoryDiff(const StoryDiffOptions& o, const GlobalOptions& globals) {
  REDLINE_RETURN_OUTCOME_IF_ERROR(ValidateStoryId(o.story));
  auto render = ChooseRender(o.diff, globals);
  if (!render.ok()) return {render.status()};
  auto archive = OpenArchive(globals);
  if (!archive.ok()) return {archive.status()};
  auto latest = archive->Resolve(o.story, "latest");
  if (!latest.ok()) return {latest.status()};

  std::optional<Revision> old_revision;
  Revision new_revision = *latest;
  if (o.revisions.empty()) {
    if (latest->number > 1) {
      auto previous = archive->Resolve(o.story, "~1");
      if (!previous.ok()) return {previous.status()};
      old_revision = *previous;
    }
  } else {
    auto a = archive->Resolve(o.story, o.revisions[0]);
    if (!a.ok()) return {a.status()};
    old_revision = *a;
    if (o.revisions.size() > 1) {
      auto b = archive->Resolve(o.story, o.revisions[1]);
      if (!b.ok()) return {b.status()};
      new_revision = *b;
    }
  }
  std::string old_text;
  if (old_revision) {
    auto text = archive->ReadText(*old_revision);
    if (!text.ok()) return {text.status()};
    old_text = std::move(*text);
  }
  auto new_text = archive->ReadText(new_revision);
  if (!new_text.ok()) return {new_text.status()};
  const WordDiff diff = DiffWords(old_text, *new_text, ChooseDiffOptions(o.diff, *render));
  return Print(diff, *render, o.diff, globals, old_revision ? Label(*old_revision) : "/dev/null",
               Label(new_revision));
}

Runner SetupDiff(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<StoryDiffOptions>();
  app->add_option("STORY", o->story, "story id")->required();
  app->add_option("REV", o->revisions, "REV_A [REV_B]: default previous vs latest; one REV: REV vs latest")
      ->expected(0, 2);
  AddDiffFlags(app, &o->diff);
  return [o, globals]() { return RunStoryDiff(*o, *globals); };
}

struct FilesDiffOptions {
  std::string a;
  std::string b;
  bool no_normalize = false;
  std::string from = "auto";
  DiffFlags diff;
};

// A whole regular file in one read (diff-files is benchmarked on files of 10 MB and more);
// standard input and anything unusual go through ReadInput.
Result<std::string> ReadWholeFile(const std::string& path) {
  struct stat info {};
  if (path == "-" || stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return ReadInput(path);
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Status::BadInput("cannot read '" + path + "': " + std::strerror(errno));
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(file, &std::fclose);
  std::string data(static_cast<std::size_t>(info.st_size), '\0');
  const std::size_t got = std::fread(data.data(), 1, data.size(), file);
  if (std::ferror(file)) return Status::BadInput("cannot read '" + path + "'");
  data.resize(got);
  return data;
}

// Offset of the first invalid UTF-8 byte, or npos; skips ASCII eight bytes at a time.
std::size_t FirstInvalidUtf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos + 8 <= text.size()) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + pos, 8);
    if ((word & 0x8080808080808080ull) != 0) break;
    pos += 8;
  }
  const std::size_t rest = utf8::FirstInvalid(text.substr(pos));
  return rest == std::string_view::npos ? rest : pos + rest;
}

Result<std::string> FileText(const std::string& path, const FilesDiffOptions& o) {
  REDLINE_ASSIGN_OR_RETURN(std::string raw, ReadWholeFile(path));
  if (o.no_normalize) {
    const std::size_t bad = FirstInvalidUtf8(raw);
    if (bad != std::string::npos) {
      return Status::BadInput("'" + path + "' is not valid UTF-8 (first bad byte at offset " +
                              std::to_string(bad) + ")");
    }
    return raw;
  }
  REDLINE_ASSIGN_OR_RETURN(const InputFormat format, ParseInputFormat(o.from));
  auto input = NormalizeInput(std::move(raw), format);
  if (!input.ok()) return input.status().WithContext(path);
  return std::move(input->text);
}

Outcome RunFilesDiff(const FilesDiffOptions& o, const GlobalOptions& globals) {
  auto render = ChooseRender(o.diff, globals);
  if (!render.ok()) return {render.status()};
  auto a = FileText(o.a, o);
  if (!a.ok()) return {a.status()};
  auto b = FileText(o.b, o);
  if (!b.ok()) return {b.status()};
  return Print(DiffWords(*a, *b, ChooseDiffOptions(o.diff, *render)), *render, o.diff, globals, o.a, o.b);
}

Runner SetupDiffFiles(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<FilesDiffOptions>();
  app->add_option("A", o->a, "old file (HTML or text; - for standard input)")->required();
  app->add_option("B", o->b, "new file")->required();
  app->add_flag("--no-normalize", o->no_normalize, "compare the files' text as it is");
  app->add_option("--from", o->from, "input format: html, text or auto (default)")->option_text("FORMAT");
  AddDiffFlags(app, &o->diff);
  return [o, globals]() { return RunFilesDiff(*o, *globals); };
}

}  // namespace

std::vector<Command> DiffCommands() {
  return {
      {"diff", "word diff between two revisions of a story", SetupDiff},
      {"diff-files", "word diff between two files", SetupDiffFiles},
      {"blame", "each sentence of a story with the revision that introduced it", SetupBlame},
  };
}

}  // namespace redline::cli
