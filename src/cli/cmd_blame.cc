// blame: each sentence of a revision with the revision that introduced it in its current
// form. The alignment is redline::Blame (src/diff); this file only reads the history.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "cli/story_ref.h"
#include "redline/diff.h"

namespace redline::cli {
namespace {

using nlohmann::json;

struct BlameOptions {
  std::string ref;  // STORY[@REV]
  bool as_json = false;
};

std::string_view TrimEnd(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// "2022-09-01" from "2022-09-01T20:00:00+08:00".
std::string Day(const Timestamp& time) { return FormatTime(time).substr(0, 10); }

Outcome RunBlame(const BlameOptions& o, const GlobalOptions& globals) {
  auto ref = ParseStoryRef(o.ref);
  if (!ref.ok()) return {ref.status()};
  auto archive = OpenArchive(globals);
  if (!archive.ok()) return {archive.status()};
  auto target = archive->Resolve(ref->story, ref->revision);
  if (!target.ok()) return {target.status()};
  auto log = archive->Log(ref->story);
  if (!log.ok()) return {log.status()};

  std::vector<Revision> revisions;
  for (const Revision& r : *log) {
    if (r.number <= target->number) revisions.push_back(r);
  }
  // One text at a time: memory stays that of two revisions however long the history.
  BlameBuilder builder;
  const Status read = archive->ReadTexts(revisions, [&](std::string text) {
    builder.Add(std::move(text));
    return Status::Ok();
  });
  if (!read.ok()) return {read};
  const std::vector<BlameEntry> entries = builder.Entries();

  if (o.as_json) {
    json sentences = json::array();
    for (const BlameEntry& e : entries) {
      const Revision& origin = revisions[e.origin];
      sentences.push_back({{"block", e.block},
                           {"text", std::string(TrimEnd(e.text))},
                           {"revision", origin.number},
                           {"commit", origin.commit},
                           {"time", FormatTime(origin.time)}});
    }
    const json out = {{"story", ref->story}, {"revision", target->number}, {"sentences", std::move(sentences)}};
    WriteOut(out.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
    return {};
  }
  // git blame's look: revision, commit, day, then the sentence; a blank line between blocks.
  std::string out;
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const BlameEntry& e = entries[k];
    if (k > 0 && entries[k - 1].block != e.block) out.push_back('\n');
    const Revision& origin = revisions[e.origin];
    char prefix[64];
    std::snprintf(prefix, sizeof(prefix), "%4d %.7s %s  ", origin.number, origin.commit.c_str(), Day(origin.time).c_str());
    out.append(prefix);
    out.append(TerminalSafe(TrimEnd(e.text)));
    out.push_back('\n');
  }
  Pager pager;
  MaybeStartPager(globals, &pager);
  WriteOut(out);
  return {};
}

}  // namespace

Runner SetupBlame(CLI::App* app, const GlobalOptions* globals) {
  auto o = std::make_shared<BlameOptions>();
  app->add_option("STORY[@REV]", o->ref, "story id, optionally @ a revision (default latest)")->required();
  app->add_flag("--json", o->as_json, "print JSON: {story, revision, sentences: [{block, text, revision, commit, time}]}");
  return [o, globals]() { return RunBlame(*o, *globals); };
}

}  // namespace redline::cli
