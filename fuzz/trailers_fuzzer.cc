// The commit-message reader (there is no separate canonical-text reader: the archive
// stores text as is, and every revision's facts come back through ParseRevisionMessage).
// Any message: an error or trailers that format and parse back to the same values.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "archive/library.h"
#include "archive/trailers.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // git_message_trailers fails before git_libgit2_init: without this every input was an
  // error and the target read nothing past it (coverage stayed at 53 edges).
  redline::EnsureLibgit2();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string message(reinterpret_cast<const char*>(data), size);  // NUL-terminated copy
  const auto trailers = redline::ParseRevisionMessage(message.c_str());
  if (!trailers.ok()) return 0;
  (void)redline::SingleLine(message);
  const std::string again = redline::FormatRevisionMessage("headline", *trailers);
  const auto reparsed = redline::ParseRevisionMessage(again.c_str());
  if (!reparsed.ok() || reparsed->number != trailers->number) std::abort();
  return 0;
}
