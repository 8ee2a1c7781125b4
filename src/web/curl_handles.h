// RAII owners for libcurl handles, and libcurl's process-wide initialization. Internal to
// the web module.
#ifndef REDLINE_WEB_CURL_HANDLES_H_
#define REDLINE_WEB_CURL_HANDLES_H_

#include <curl/curl.h>

#include <memory>
#include <string>
#include <string_view>

namespace redline::web {

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct MultiDeleter {
  void operator()(CURLM* handle) const { curl_multi_cleanup(handle); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
struct CurlStringDeleter {
  void operator()(char* text) const { curl_free(text); }
};

using EasyPtr = std::unique_ptr<CURL, EasyDeleter>;
using MultiPtr = std::unique_ptr<CURLM, MultiDeleter>;
using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;
using UrlPtr = std::unique_ptr<CURLU, UrlDeleter>;
using CurlString = std::unique_ptr<char, CurlStringDeleter>;

// curl_global_init, once per process (thread-safe); the matching cleanup is left to process
// exit, as libcurl allows.
void EnsureCurlInitialized();

// The libcurl in use and its TLS library, as libcurl reports them: "7.88.1 (OpenSSL/3.0.15)".
std::string CurlVersion();
// Whether the libcurl in use speaks `protocol` ("https").
bool CurlSupports(std::string_view protocol);

}  // namespace redline::web

#endif  // REDLINE_WEB_CURL_HANDLES_H_
