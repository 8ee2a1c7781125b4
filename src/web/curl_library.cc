// libcurl, loaded when the first curl function is called rather than when redline starts.
//
// Why: libcurl pulls in about thirty shared libraries (TLS, Kerberos, LDAP, IDN, ...).
// Mapping and relocating them costs some 3 ms at every start of every redline command,
// while only fetch and watch use the network; a `diff` of two files would otherwise spend
// more time loading libcurl than diffing. The functions below have libcurl's own names and
// signatures, so the rest of the web module calls curl as usual; each forwards to the
// function of the same name in libcurl.so.4, opened with dlopen on first use.
//
// If libcurl cannot be loaded, calls fail the way libcurl reports failures (a null handle,
// CURLE_FAILED_INIT, ...), so the network commands end with a clear error, not a crash.
#define CURL_DISABLE_TYPECHECK  // the type-checking macros would rename the functions below
#include <curl/curl.h>
#include <dlfcn.h>

#include <cstdarg>

namespace {

constexpr const char* kLibrary = "libcurl.so.4";

void* Library() {
  static void* const handle = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  return handle;
}

// The libcurl function named `name`, with the type of our stand-in for it; null when
// libcurl or the symbol is missing.
template <typename Function>
Function Resolve(const char* name) {
  void* library = Library();
  return library == nullptr ? nullptr : reinterpret_cast<Function>(dlsym(library, name));
}

// `real` is a function-local static in each stand-in: resolved once, thread-safe.
#define REDLINE_CURL_REAL(name) static const auto real = Resolve<decltype(&name)>(#name)

// A variadic option's value, read as libcurl's own option ranges say: long below
// CURLOPTTYPE_OBJECTPOINT, then pointers, function pointers, curl_off_t, blobs.
template <typename Handle, typename Option, typename Real>
CURLcode ForwardOption(Real real, Handle* handle, Option option, va_list args) {
  const long kind = static_cast<long>(option);
  if (kind < CURLOPTTYPE_OBJECTPOINT) return static_cast<CURLcode>(real(handle, option, va_arg(args, long)));
  if (kind < CURLOPTTYPE_FUNCTIONPOINT) return static_cast<CURLcode>(real(handle, option, va_arg(args, void*)));
  if (kind < CURLOPTTYPE_OFF_T) {
    return static_cast<CURLcode>(real(handle, option, va_arg(args, void (*)())));
  }
  if (kind < CURLOPTTYPE_BLOB) return static_cast<CURLcode>(real(handle, option, va_arg(args, curl_off_t)));
  return static_cast<CURLcode>(real(handle, option, va_arg(args, void*)));
}

}  // namespace

extern "C" {

CURLcode curl_global_init(long flags) {
  REDLINE_CURL_REAL(curl_global_init);
  return real != nullptr ? real(flags) : CURLE_FAILED_INIT;
}

CURL* curl_easy_init() {
  REDLINE_CURL_REAL(curl_easy_init);
  return real != nullptr ? real() : nullptr;
}

void curl_easy_cleanup(CURL* curl) {
  REDLINE_CURL_REAL(curl_easy_cleanup);
  if (real != nullptr) real(curl);
}

// va_start after an enum parameter, as libcurl's own definitions of these functions do:
// the signatures must be curl.h's, and the enums are int-sized on every ABI curl supports.
CURLcode curl_easy_setopt(CURL* curl, CURLoption option, ...) {
  REDLINE_CURL_REAL(curl_easy_setopt);
  if (real == nullptr) return CURLE_FAILED_INIT;
  va_list args;
  va_start(args, option);
  const CURLcode code = ForwardOption(real, curl, option, args);
  va_end(args);
  return code;
}

CURLcode curl_easy_getinfo(CURL* curl, CURLINFO info, ...) {
  REDLINE_CURL_REAL(curl_easy_getinfo);
  if (real == nullptr) return CURLE_FAILED_INIT;
  va_list args;
  va_start(args, info);
  void* out = va_arg(args, void*);  // every CURLINFO takes a pointer to its result
  va_end(args);
  return real(curl, info, out);
}

const char* curl_easy_strerror(CURLcode code) {
  REDLINE_CURL_REAL(curl_easy_strerror);
  return real != nullptr ? real(code) : "libcurl (libcurl.so.4) could not be loaded";
}

CURLM* curl_multi_init() {
  REDLINE_CURL_REAL(curl_multi_init);
  return real != nullptr ? real() : nullptr;
}

CURLMcode curl_multi_cleanup(CURLM* multi) {
  REDLINE_CURL_REAL(curl_multi_cleanup);
  return real != nullptr ? real(multi) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_setopt(CURLM* multi, CURLMoption option, ...) {
  REDLINE_CURL_REAL(curl_multi_setopt);
  if (real == nullptr) return CURLM_INTERNAL_ERROR;
  va_list args;
  va_start(args, option);
  const auto code = static_cast<CURLMcode>(ForwardOption(real, multi, option, args));
  va_end(args);
  return code;
}

CURLMcode curl_multi_add_handle(CURLM* multi, CURL* curl) {
  REDLINE_CURL_REAL(curl_multi_add_handle);
  return real != nullptr ? real(multi, curl) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_remove_handle(CURLM* multi, CURL* curl) {
  REDLINE_CURL_REAL(curl_multi_remove_handle);
  return real != nullptr ? real(multi, curl) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_perform(CURLM* multi, int* running) {
  REDLINE_CURL_REAL(curl_multi_perform);
  return real != nullptr ? real(multi, running) : CURLM_INTERNAL_ERROR;
}

CURLMcode curl_multi_poll(CURLM* multi, struct curl_waitfd extra_fds[], unsigned int extra_nfds, int timeout_ms,
                          int* ret) {
  REDLINE_CURL_REAL(curl_multi_poll);
  return real != nullptr ? real(multi, extra_fds, extra_nfds, timeout_ms, ret) : CURLM_INTERNAL_ERROR;
}

CURLMsg* curl_multi_info_read(CURLM* multi, int* messages_left) {
  REDLINE_CURL_REAL(curl_multi_info_read);
  return real != nullptr ? real(multi, messages_left) : nullptr;
}

const char* curl_multi_strerror(CURLMcode code) {
  REDLINE_CURL_REAL(curl_multi_strerror);
  return real != nullptr ? real(code) : "libcurl (libcurl.so.4) could not be loaded";
}

curl_slist* curl_slist_append(curl_slist* list, const char* text) {
  REDLINE_CURL_REAL(curl_slist_append);
  return real != nullptr ? real(list, text) : nullptr;
}

void curl_slist_free_all(curl_slist* list) {
  REDLINE_CURL_REAL(curl_slist_free_all);
  if (real != nullptr) real(list);
}

void curl_free(void* pointer) {
  REDLINE_CURL_REAL(curl_free);
  if (real != nullptr) real(pointer);
}

CURLU* curl_url() {
  REDLINE_CURL_REAL(curl_url);
  return real != nullptr ? real() : nullptr;
}

void curl_url_cleanup(CURLU* url) {
  REDLINE_CURL_REAL(curl_url_cleanup);
  if (real != nullptr) real(url);
}

CURLUcode curl_url_set(CURLU* url, CURLUPart part, const char* content, unsigned int flags) {
  REDLINE_CURL_REAL(curl_url_set);
  return real != nullptr ? real(url, part, content, flags) : CURLUE_OUT_OF_MEMORY;
}

CURLUcode curl_url_get(CURLU* url, CURLUPart part, char** content, unsigned int flags) {
  REDLINE_CURL_REAL(curl_url_get);
  return real != nullptr ? real(url, part, content, flags) : CURLUE_OUT_OF_MEMORY;
}

const char* curl_url_strerror(CURLUcode code) {
  REDLINE_CURL_REAL(curl_url_strerror);
  return real != nullptr ? real(code) : "libcurl (libcurl.so.4) could not be loaded";
}

}  // extern "C"
