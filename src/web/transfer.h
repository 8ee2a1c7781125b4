// One HTTP transfer: its libcurl easy handle, the headers it sends and what it collects.
// Internal to the fetcher.
#ifndef REDLINE_WEB_TRANSFER_H_
#define REDLINE_WEB_TRANSFER_H_

#include <curl/curl.h>

#include <cstdint>
#include <string>

#include "redline/status.h"
#include "web/curl_handles.h"
#include "web/fetcher.h"

namespace redline::web {

class Transfer {
 public:
  // REQUIRES: EnsureCurlInitialized() was called.
  Transfer(std::size_t index, const FetchRequest& request, const FetchOptions& options,
           std::uint64_t* received_bytes);
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  // Ok when the easy handle was set up; otherwise the reason (reported as the response).
  const Status& setup_status() const { return setup_; }
  CURL* easy() const { return easy_.get(); }
  std::size_t index() const { return index_; }

  // Interprets the finished transfer's libcurl result.
  FetchResponse Finish(CURLcode result);
  // A response for a transfer that could not start.
  FetchResponse Failed(Status status) const;

 private:
  static size_t OnBody(char* data, size_t size, size_t count, void* self);
  static size_t OnHeader(char* data, size_t size, size_t count, void* self);

  std::size_t index_;
  std::size_t max_body_bytes_;
  std::uint64_t* received_bytes_;  // shared counter for progress reports (not owned)
  EasyPtr easy_;
  SlistPtr headers_;
  Status setup_;
  bool body_too_large_ = false;
  std::string body_;
  std::string content_type_;
  std::string etag_;
  std::string last_modified_;
  char error_buffer_[CURL_ERROR_SIZE] = {};
};

}  // namespace redline::web

#endif  // REDLINE_WEB_TRANSFER_H_
