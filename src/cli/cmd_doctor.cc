// doctor: checks the environment and the archive (when there is one) and says what to fix.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/command.h"
#include "record/doctor.h"

namespace redline::cli {
namespace {

// The archive a command would use: -C, else $REDLINE_ARCHIVE, else the nearest folder
// with a .git at or above the current one (even one git refuses for its owner, which
// Archive::Discover would pass over).
record::ArchiveLocation LocateArchive(const GlobalOptions& globals) {
  record::ArchiveLocation location;
  location.user = ::geteuid();
  const char* env = std::getenv("REDLINE_ARCHIVE");
  if (!globals.archive_dir.empty()) {
    location.dir = globals.archive_dir;
  } else if (env != nullptr && env[0] != '\0') {
    location.dir = env;
  }
  location.named = !location.dir.empty();
  if (!location.named) location.dir = record::FindArchiveCandidate(".");
  while (location.dir.size() > 1 && location.dir.back() == '/') location.dir.pop_back();
  return location;
}

Runner SetupDoctor(CLI::App* app, const GlobalOptions* globals) {
  app->footer("Exit status: 0 nothing is an error (warnings may be), 2 usage, 4 the archive has an error.");
  return [globals]() -> Outcome {
    const char* path = std::getenv("PATH");
    std::vector<record::Finding> findings =
        record::CheckEnvironment({path != nullptr ? path : "", globals->no_pager ? "" : PagerCommand()});
    for (record::Finding& finding : record::CheckArchive(LocateArchive(*globals))) {
      findings.push_back(std::move(finding));
    }
    int errors = 0;
    for (const record::Finding& finding : findings) {
      std::printf("%-7s %s: %s\n", record::HealthName(finding.health), finding.topic.c_str(), finding.message.c_str());
      if (finding.health == record::Health::kError) ++errors;
    }
    if (errors == 0) return {};
    return {Status::Archive("the archive has " + std::to_string(errors) + (errors == 1 ? " error" : " errors") +
                            " (see above)")};
  };
}

}  // namespace

std::vector<Command> DoctorCommands() {
  return {{"doctor", "check the archive and the environment, and say what to fix", SetupDoctor}};
}

}  // namespace redline::cli
