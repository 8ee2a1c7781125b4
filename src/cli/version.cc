#include "cli/version.h"

#include "archive/library.h"
#include "base/utf8.h"
#include "normalize/html_tree.h"
#include "web/curl_handles.h"

namespace redline::cli {

std::string VersionText() {
  return "redline 0.1.0\n"
         "libgit2 " + Libgit2Version() + "\n" +
         "libcurl " + web::CurlVersion() + "\n" +
         "SQLite " + SqliteVersion() + "\n" +
         "gumbo " + std::string(html::GumboBuildVersion()) + " (built against; gumbo reports no version at run time)\n" +
         "utf8proc " + utf8::Utf8procVersion();
}

}  // namespace redline::cli
