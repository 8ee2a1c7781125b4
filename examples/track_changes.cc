// Records two versions of a story in an archive, lists its revisions and prints the diff.
// Usage: track_changes ARCHIVE_DIR   (created when missing)
#include <redline/redline.h>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) return std::fprintf(stderr, "usage: track_changes ARCHIVE_DIR\n"), 2;
  namespace lib = redline::lib;
  auto archive = lib::Archive::Open(argv[1]);
  if (!archive.ok()) archive = lib::Archive::Create(argv[1]);
  if (!archive.ok()) return std::fprintf(stderr, "%s\n", archive.status().message().c_str()), 1;

  for (const char* body : {"The council approved the budget on Monday.",
                           "The council rejected the budget on Tuesday."}) {
    const std::string page = std::string("<h1>Budget vote</h1><p>") + body + "</p>";
    auto recorded = archive->Record({"budget-vote", page, lib::Format::kHtml});
    if (!recorded.ok()) return std::fprintf(stderr, "%s\n", recorded.status().message().c_str()), 1;
  }
  auto revisions = archive->Revisions("budget-vote");
  if (!revisions.ok()) return std::fprintf(stderr, "%s\n", revisions.status().message().c_str()), 1;
  for (const lib::RevisionInfo& r : *revisions)
    std::printf("revision %d  %s  +%zu -%zu words\n", r.number, r.captured_at.c_str(), r.added_words, r.removed_words);

  auto diff = archive->Diff("budget-vote", "~1", "latest");
  if (!diff.ok()) return std::fprintf(stderr, "%s\n", diff.status().message().c_str()), 1;
  std::printf("libredline %s\n%s", lib::Version(), diff->c_str());
  return 0;
}
