// The REV parser (N, latest, ~K, commit prefixes, ISO-8601 times) against a fixed log: an
// error or one of the log's revisions, never anything else.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "archive/revision_spec.h"

namespace {

std::vector<redline::Revision> MakeLog() {
  const char* commits[] = {"1a2b3c4d5e6f708192a3b4c5d6e7f80912345678", "1a2b3c4ffffff08192a3b4c5d6e7f80912345678",
                           "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432"};
  std::vector<redline::Revision> log;
  for (int i = 0; i < 3; ++i) {
    redline::Revision revision;
    revision.story = "fuzz-story";
    revision.number = i + 1;
    revision.commit = commits[i];
    revision.time.seconds = 1662019200 + i * 3600;
    log.push_back(revision);
  }
  return log;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<redline::Revision> log = MakeLog();
  const std::string_view spec(reinterpret_cast<const char*>(data), size);
  const auto revision = redline::SelectRevision("fuzz-story", log, spec);
  if (revision.ok() && (revision->number < 1 || revision->number > 3)) std::abort();
  const auto time = redline::ParseTime(spec);
  if (time.ok()) (void)redline::FormatTime(*time);
  return 0;
}
