#include "web/curl_handles.h"

#include <mutex>

namespace redline::web {

void EnsureCurlInitialized() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace redline::web
