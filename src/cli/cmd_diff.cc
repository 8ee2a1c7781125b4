// diff, diff-files.
#include <cstdio>
#include <memory>

#include "base/utf8.h"
#include "cli/command.h"
#include "cli/recorder.h"
#include "cli/story_ref.h"
#include "redline/diff.h"
#include "redline/document.h"

namespace redline::cli {
namespace {

struct DiffOptions {
  std::string format;  // empty: color on a terminal with color, else plain
  bool exit_code = false;
  int context = 1;
};

void AddDiffOptions(CLI::App* app, DiffOptions* o) {
  app->add_option("--format", o->format, "color, plain or json (default: color on a terminal, else plain)")
      ->option_text("FORMAT");
  app->add_flag("--exit-code", o->exit_code, "exit with 1 when there are differences, as git does");
  app->add_option("--context", o->context, "unchanged blocks shown around each change (default 1)")
      ->option_text("N")
      ->check(CLI::NonNegativeNumber);
}

Result<RenderOptions> ChooseRender(const DiffOptions& o, const GlobalOptions& globals) {
  RenderOptions render;
  render.context_blocks = o.context;
  if (o.format.empty()) {
    render.format = UseColor(globals.color) ? DiffFormat::kColor : DiffFormat::kPlain;
  } else if (o.format == "color") {
    render.format = DiffFormat::kColor;
  } else if (o.format == "plain") {
    render.format = DiffFormat::kPlain;
  } else if (o.format == "json") {
    render.format = DiffFormat::kJson;
  } else {
    return Status::Usage("--format must be color, plain or json, not '" + o.format + "'");
  }
  return render;
}

// Prints the diff with a two-line header for the text formats.
Outcome Print(const WordDiff& diff, const RenderOptions& render, const DiffOptions& o,
              const GlobalOptions& globals, const std::string& old_label, const std::string& new_label) {
  const std::string body = RenderDiff(diff, render);
  Pager pager;
  if (render.format != DiffFormat::kJson) {
    MaybeStartPager(globals, &pager);
    if (diff.has_changes) {
      const bool color = render.format == DiffFormat::kColor;
      const char* bold = color ? "\x1b[1m" : "";
      const char* reset = color ? "\x1b[m" : "";
      std::printf("%s--- %s%s\n%s+++ %s%s\n", bold, old_label.c_str(), reset, bold, new_label.c_str(), reset);
    }
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
  DiffOptions diff;
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
  const WordDiff diff = DiffWords(old_text, *new_text);
  return Print(diff, *render, o.diff, globals, old_revision ? Label(*old_revision) : "/dev/null",
               Label(new_revision));
}

Runner SetupDiff(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<StoryDiffOptions>();
  app->add_option("STORY", o->story, "story id")->required();
  app->add_option("REV", o->revisions, "REV_A [REV_B]: default previous vs latest; one REV: REV vs latest")
      ->expected(0, 2);
  AddDiffOptions(app, &o->diff);
  return [o, globals]() { return RunStoryDiff(*o, *globals); };
}

struct FilesDiffOptions {
  std::string a;
  std::string b;
  bool no_normalize = false;
  std::string from = "auto";
  DiffOptions diff;
};

Result<std::string> FileText(const std::string& path, const FilesDiffOptions& o) {
  REDLINE_ASSIGN_OR_RETURN(std::string raw, ReadInput(path));
  if (o.no_normalize) {
    const std::size_t bad = utf8::FirstInvalid(raw);
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
  return Print(DiffWords(*a, *b), *render, o.diff, globals, o.a, o.b);
}

Runner SetupDiffFiles(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<FilesDiffOptions>();
  app->add_option("A", o->a, "old file (HTML or text; - for standard input)")->required();
  app->add_option("B", o->b, "new file")->required();
  app->add_flag("--no-normalize", o->no_normalize, "compare the files' text as it is");
  app->add_option("--from", o->from, "input format: html, text or auto (default)")->option_text("FORMAT");
  AddDiffOptions(app, &o->diff);
  return [o, globals]() { return RunFilesDiff(*o, *globals); };
}

}  // namespace

std::vector<Command> DiffCommands() {
  return {
      {"diff", "word diff between two revisions of a story", SetupDiff},
      {"diff-files", "word diff between two files", SetupDiffFiles},
  };
}

}  // namespace redline::cli
