// A small HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for the web tests and the fetch
// benchmark: scripted routes, keep-alive, optional gzip and delays, and a log of what it
// received and sent. Test-only.
#ifndef REDLINE_TESTS_SUPPORT_HTTP_SERVER_H_
#define REDLINE_TESTS_SUPPORT_HTTP_SERVER_H_

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace redline::testing {

struct HttpRequest {
  std::string method;
  std::string target;                          // path and query as sent
  std::string path;                            // without the query
  std::map<std::string, std::string> headers;  // names lowercased
  std::string Header(const std::string& name) const {
    const auto found = headers.find(name);
    return found == headers.end() ? "" : found->second;
  }
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool gzip = false;  // gzip the body when the request accepts it
  int delay_ms = 0;   // wait this long before answering
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

struct LoggedExchange {
  HttpRequest request;
  int status = 0;
  std::size_t body_bytes_sent = 0;
};

class HttpServer {
 public:
  HttpServer();  // listening and serving when constructed; aborts if it cannot bind
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const { return port_; }
  // http://127.0.0.1:PORT + path
  std::string Url(const std::string& path) const;

  // Serves `path` (without the query) with `handler`; replaces an earlier route. Unknown
  // paths get 404.
  void Route(const std::string& path, HttpHandler handler);

  std::vector<LoggedExchange> Log() const;
  std::vector<LoggedExchange> LogFor(const std::string& path) const;
  void ClearLog();

 private:
  void AcceptLoop();
  void Serve(int fd);
  HttpResponse Handle(const HttpRequest& request);

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread acceptor_;
  mutable std::mutex mutex_;
  std::map<std::string, HttpHandler> routes_;
  std::vector<LoggedExchange> log_;
  std::vector<std::thread> connections_;
};

// Helpers for routes.
HttpResponse HtmlResponse(std::string body, int status = 200);
// Serves the responses in order, then repeats the last one.
HttpHandler Sequence(std::vector<HttpResponse> responses);
// Serves whatever `page()` returns with an ETag of its hash (and Content-Type `type`),
// answering 304 with no body when If-None-Match carries the current ETag.
HttpHandler ConditionalPage(std::function<std::string()> page, std::string type = "text/html; charset=utf-8");
// A simple news article page.
std::string ArticleHtml(const std::string& headline, const std::vector<std::string>& paragraphs);

// gzip-compresses bytes (zlib).
std::string Gzip(const std::string& bytes);

}  // namespace redline::testing

#endif  // REDLINE_TESTS_SUPPORT_HTTP_SERVER_H_
