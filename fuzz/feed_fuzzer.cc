// The RSS/Atom parser on any bytes: an error or a feed, never a crash or a hang.
#include <cstdint>
#include <string_view>

#include "web/feed.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto feed = redline::web::ParseFeed(bytes, "https://news.example/feed.xml");
  (void)feed;
  return 0;
}
