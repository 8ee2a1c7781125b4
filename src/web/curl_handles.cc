#include "web/curl_handles.h"

#include <mutex>

namespace redline::web {

void EnsureCurlInitialized() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string CurlVersion() {
  const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
  std::string version = info->version;
  if (info->ssl_version != nullptr) version += std::string(" (") + info->ssl_version + ")";
  return version;
}

bool CurlSupports(std::string_view protocol) {
  const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
  for (const char* const* name = info->protocols; name != nullptr && *name != nullptr; ++name) {
    if (protocol == *name) return true;
  }
  return false;
}

}  // namespace redline::web
