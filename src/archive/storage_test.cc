// Storage over time: packs merged as single snapshots add them, and gc's one pack with deltas.
#include "archive/storage.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

#include "archive/test_util.h"
#include "redline/archive.h"

namespace redline {
namespace {

using test::Git;
using test::TempDir;

std::size_t PackCount(const std::string& dir) {
  std::size_t packs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/.git/objects/pack")) {
    packs += entry.path().extension() == ".pack" ? 1 : 0;
  }
  return packs;
}

// A long text edited a little each time, as a live story is.
NewRevision Edit(int n) {
  NewRevision revision;
  revision.story = "live";
  revision.text = "# Live\n\n";
  for (int paragraph = 0; paragraph < 40; ++paragraph) {
    revision.text += "Paragraph " + std::to_string(paragraph) + " says the same long thing every time it is written " +
                     (paragraph == n % 40 ? "until edit " + std::to_string(n) : std::string("as before")) + ".\n\n";
  }
  revision.text.pop_back();
  revision.raw = revision.text;
  revision.raw_extension = "txt";
  revision.captured_at = {1661990400 + n * 60, 0};
  return revision;
}

TEST(StorageTest, SingleSnapshotsNeverPileUpPacks) {
  TempDir tmp;
  auto archive = Archive::Init(tmp / "archive");
  ASSERT_OK(archive);
  for (int n = 1; n <= 3 * static_cast<int>(kAutoPackLimit); ++n) {
    ASSERT_OK(archive->Record(Edit(n)));
    EXPECT_LE(PackCount(archive->path()), kAutoPackLimit + 1) << n;
  }
  auto log = archive->Log("live");
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 3 * kAutoPackLimit);
  for (const Revision& revision : *log) {
    auto text = archive->ReadText(revision);
    ASSERT_OK(text);
    EXPECT_EQ(*text, Edit(revision.number).text);
  }
  EXPECT_EQ(test::ArchiveProblems(archive->path()), "");
}

TEST(StorageTest, GcWritesOnePackWithDeltas) {
  TempDir tmp;
  auto archive = Archive::Init(tmp / "archive");
  ASSERT_OK(archive);
  for (int n = 1; n <= 60; ++n) ASSERT_OK(archive->Record(Edit(n)));
  auto summary = archive->Gc();
  ASSERT_OK(summary);
  EXPECT_EQ(summary->packs_after, 1u);
  EXPECT_EQ(PackCount(archive->path()), 1u);
  EXPECT_GT(summary->packs_before, 1u);
  // 60 revisions of a 2.5 KB text that differ in one line: with deltas, the whole history
  // takes less than a quarter of the texts' own size.
  EXPECT_LE(summary->bytes_after, summary->bytes_before);
  EXPECT_LT(summary->bytes_after * 4, 60 * Edit(1).text.size()) << summary->bytes_after;
  EXPECT_EQ(Git(archive->path(), "count-objects -v").find("count: 0\n"), 0u);
  auto text = archive->ReadText((*archive->Log("live"))[0]);
  ASSERT_OK(text);
  EXPECT_EQ(*text, Edit(1).text);
  EXPECT_EQ(test::ArchiveProblems(archive->path()), "");
  // And recording goes on.
  ASSERT_OK(archive->Record(Edit(61)));
  EXPECT_EQ(test::ArchiveProblems(archive->path()), "");
}

}  // namespace
}  // namespace redline
