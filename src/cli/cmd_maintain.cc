// reindex, upgrade, gc: looking after an archive's derived index, format and storage.
#include <cstdio>
#include <memory>

#include "cli/command.h"

namespace redline::cli {
namespace {

std::string Megabytes(std::uintmax_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return text;
}

Runner SetupReindex(CLI::App* app, const GlobalOptions* globals) {
  auto check = std::make_shared<bool>(false);
  app->add_flag("--check", *check,
                "compare the index with one rebuilt from the history instead of replacing it (exit 4 when they differ)");
  return [check, globals]() -> Outcome {
    auto archive = OpenArchive(*globals);
    if (!archive.ok()) return {archive.status()};
    if (*check) {
      auto result = archive->CheckIndex();
      if (!result.ok()) return {result.status()};
      if (!result->matches) {
        return {Status::Archive("the revision index differs from the history (" + result->difference +
                                "); run 'redline reindex'")};
      }
      std::printf("revision index matches the history (%zu revisions)\n", result->revisions);
      return {};
    }
    if (const Status rebuilt = archive->Reindex(); !rebuilt.ok()) return {rebuilt};
    auto stories = archive->Stories();
    if (!stories.ok()) return {stories.status()};
    std::size_t revisions = 0;
    for (const StorySummary& story : *stories) revisions += static_cast<std::size_t>(story.revisions);
    std::printf("rebuilt the revision index: %zu stories, %zu revisions\n", stories->size(), revisions);
    return {};
  };
}

Runner SetupUpgrade(CLI::App*, const GlobalOptions* globals) {
  return [globals]() -> Outcome {
    std::string dir = globals->archive_dir;
    if (dir.empty()) {
      auto found = Archive::Discover(".");
      if (!found.ok()) return {found.status()};
      dir = *found;
    }
    auto summary = Archive::Upgrade(dir);
    if (!summary.ok()) return {summary.status()};
    if (!summary->upgraded) {
      std::printf("archive %s is in format 2 already; nothing to do\n", dir.c_str());
      return {};
    }
    std::printf("upgraded %s from format %d to 2: %zu stories (%zu folders moved, %zu refs and %zu checked-out files "
                "removed); every revision id is kept\n",
                dir.c_str(), summary->from_format, summary->stories, summary->stories_moved, summary->refs_removed,
                summary->files_removed);
    return {};
  };
}

Runner SetupGc(CLI::App*, const GlobalOptions* globals) {
  return [globals]() -> Outcome {
    auto archive = OpenArchive(*globals);
    if (!archive.ok()) return {archive.status()};
    auto summary = archive->Gc();
    if (!summary.ok()) return {summary.status()};
    std::printf("packed %zu objects with %s: %zu packs and %zu loose objects (%s) -> %zu pack (%s)\n", summary->objects,
                summary->packer.c_str(),
                summary->packs_before, summary->loose_before, Megabytes(summary->bytes_before).c_str(),
                summary->packs_after, Megabytes(summary->bytes_after).c_str());
    return {};
  };
}

}  // namespace

std::vector<Command> MaintainCommands() {
  return {
      {"reindex", "rebuild the revision index from the history (or --check it)", SetupReindex},
      {"upgrade", "convert an archive of an earlier format in place", SetupUpgrade},
      {"gc", "pack the archive's objects with deltas", SetupGc},
  };
}

}  // namespace redline::cli
