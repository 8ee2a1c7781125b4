#include "web/transfer.h"

#include <string_view>

#include "web/url.h"

namespace redline::web {
namespace {

constexpr const char* kAccept = "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
    if (lower(text[i]) != lower(prefix[i])) return false;
  }
  return true;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

// Header values go to state files and commits: one line, printable, bounded.
std::string CleanHeaderValue(std::string_view value) {
  std::string out;
  for (const char c : value.substr(0, 1024)) {
    const auto byte = static_cast<unsigned char>(c);
    out.push_back(byte < 0x20 || byte == 0x7F ? ' ' : c);
  }
  return out;
}

}  // namespace

Transfer::Transfer(std::size_t index, const FetchRequest& request, const FetchOptions& options,
                   std::uint64_t* received_bytes)
    : index_(index), max_body_bytes_(options.max_body_bytes), received_bytes_(received_bytes) {
  easy_.reset(curl_easy_init());
  if (!easy_) {
    setup_ = Status::Internal("cannot create a libcurl handle");
    return;
  }
  curl_slist* list = curl_slist_append(nullptr, kAccept);
  if (list != nullptr) headers_.reset(list);
  const auto add_header = [this](const std::string& line) {
    curl_slist* grown = curl_slist_append(headers_.get(), line.c_str());
    if (grown != nullptr && !headers_) headers_.reset(grown);
  };
  if (!request.etag.empty()) add_header("If-None-Match: " + CleanHeaderValue(request.etag));
  if (!request.last_modified.empty()) {
    add_header("If-Modified-Since: " + CleanHeaderValue(request.last_modified));
  }
  CURL* easy = easy_.get();
  const curl_off_t max_size = static_cast<curl_off_t>(options.max_body_bytes);
  const CURLcode codes[] = {
      curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str()),
      curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https"),
      curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"),
      curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L),
      curl_easy_setopt(easy, CURLOPT_MAXREDIRS, options.max_redirects),
      curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, ""),
      curl_easy_setopt(easy, CURLOPT_USERAGENT, options.user_agent.c_str()),
      curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms),
      curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, options.total_timeout_ms),
      curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, max_size),
      curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L),
      curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers_.get()),
      curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Transfer::OnBody),
      curl_easy_setopt(easy, CURLOPT_WRITEDATA, this),
      curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Transfer::OnHeader),
      curl_easy_setopt(easy, CURLOPT_HEADERDATA, this),
      curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error_buffer_),
      curl_easy_setopt(easy, CURLOPT_PRIVATE, this),
  };
  for (const CURLcode code : codes) {
    if (code != CURLE_OK) {
      setup_ = Status::Internal(std::string("cannot set up a transfer: ") + curl_easy_strerror(code));
      return;
    }
  }
}

size_t Transfer::OnBody(char* data, size_t size, size_t count, void* self) {
  auto* transfer = static_cast<Transfer*>(self);
  const size_t bytes = size * count;
  if (transfer->body_.size() + bytes > transfer->max_body_bytes_) {
    transfer->body_too_large_ = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  transfer->body_.append(data, bytes);
  *transfer->received_bytes_ += bytes;
  return bytes;
}

size_t Transfer::OnHeader(char* data, size_t size, size_t count, void* self) {
  auto* transfer = static_cast<Transfer*>(self);
  const size_t bytes = size * count;
  const std::string_view line(data, bytes);
  if (StartsWithNoCase(line, "HTTP/")) {
    // A new response (after a redirect or a 100 Continue): forget the previous one's.
    transfer->content_type_.clear();
    transfer->etag_.clear();
    transfer->last_modified_.clear();
  } else if (StartsWithNoCase(line, "content-type:")) {
    transfer->content_type_ = CleanHeaderValue(Trim(line.substr(13)));
  } else if (StartsWithNoCase(line, "etag:")) {
    transfer->etag_ = CleanHeaderValue(Trim(line.substr(5)));
  } else if (StartsWithNoCase(line, "last-modified:")) {
    transfer->last_modified_ = CleanHeaderValue(Trim(line.substr(14)));
  }
  return bytes;
}

FetchResponse Transfer::Failed(Status status) const {
  FetchResponse response;
  response.index = index_;
  response.outcome = FetchOutcome::kError;
  response.error = std::move(status);
  return response;
}

FetchResponse Transfer::Finish(CURLcode result) {
  FetchResponse response;
  response.index = index_;
  CURL* easy = easy_.get();
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  response.http_status = status;
  char* effective = nullptr;
  if (curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective != nullptr) {
    response.final_url = RedactCredentials(effective);
  }
  curl_easy_getinfo(easy, CURLINFO_REDIRECT_COUNT, &response.redirects);
  curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME, &response.seconds);
  response.content_type = content_type_;
  response.etag = etag_;
  response.last_modified = last_modified_;

  const auto fail = [&](std::string message) {
    response.outcome = FetchOutcome::kError;
    response.error = Status::Network(RedactCredentials(message));
    response.body.clear();
    return std::move(response);
  };
  if (body_too_large_ || result == CURLE_FILESIZE_EXCEEDED) {
    return fail("body over the limit of " + std::to_string(max_body_bytes_) + " bytes");
  }
  if (result != CURLE_OK) {
    std::string detail = error_buffer_[0] != '\0' ? error_buffer_ : curl_easy_strerror(result);
    if (result == CURLE_TOO_MANY_REDIRECTS) detail = "more than the allowed redirects (" + detail + ")";
    if (result == CURLE_UNSUPPORTED_PROTOCOL)
      detail = "redirect to a scheme other than http or https refused (" + detail + ")";
    return fail(detail);
  }
  if (status == 429 || status == 503) {
    curl_off_t wait = 0;
    if (curl_easy_getinfo(easy, CURLINFO_RETRY_AFTER, &wait) == CURLE_OK && wait > 0) {
      response.retry_after_seconds = static_cast<std::int64_t>(wait);
    }
  }
  if (status == 304) {
    response.outcome = FetchOutcome::kNotModified;
    return response;
  }
  if (status < 200 || status > 299 || status == 204) {
    std::string message = "HTTP status " + std::to_string(status);
    if (response.retry_after_seconds) {
      message += " (retry after " + std::to_string(*response.retry_after_seconds) + " s)";
    }
    return fail(message);
  }
  response.outcome = FetchOutcome::kContent;
  response.body = std::move(body_);
  return response;
}

}  // namespace redline::web
