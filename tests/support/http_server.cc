#include "support/http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>

namespace redline::testing {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

const char* Reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 304:
      return "Not Modified";
    case 404:
      return "Not Found";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

bool SendAll(int fd, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

bool ParseRequest(const std::string& head, HttpRequest* request) {
  const std::size_t line_end = head.find("\r\n");
  const std::string line = head.substr(0, line_end);
  const std::size_t space1 = line.find(' ');
  const std::size_t space2 = line.find(' ', space1 + 1);
  if (space1 == std::string::npos || space2 == std::string::npos) return false;
  request->method = line.substr(0, space1);
  request->target = line.substr(space1 + 1, space2 - space1 - 1);
  request->path = request->target.substr(0, request->target.find('?'));
  std::size_t pos = line_end + 2;
  while (pos < head.size()) {
    const std::size_t end = head.find("\r\n", pos);
    const std::string header = head.substr(pos, end - pos);
    pos = end == std::string::npos ? head.size() : end + 2;
    const std::size_t colon = header.find(':');
    if (colon == std::string::npos) continue;
    std::size_t value_start = colon + 1;
    while (value_start < header.size() && header[value_start] == ' ') ++value_start;
    request->headers[Lower(header.substr(0, colon))] = header.substr(value_start);
  }
  return true;
}

}  // namespace

std::string Gzip(const std::string& bytes) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    std::abort();
  }
  std::string out(deflateBound(&stream, bytes.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  if (deflate(&stream, Z_FINISH) != Z_STREAM_END) std::abort();
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

HttpServer::HttpServer() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) std::abort();
  const int yes = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) std::abort();
  if (::listen(listen_fd_, 128) != 0) std::abort();
  socklen_t length = sizeof address;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  acceptor_ = std::thread([this] { AcceptLoop(); });
}

HttpServer::~HttpServer() {
  stopping_ = true;
  if (acceptor_.joinable()) acceptor_.join();
  ::close(listen_fd_);
  std::vector<std::thread> connections;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    connections.swap(connections_);
  }
  for (std::thread& thread : connections) thread.join();
}

std::string HttpServer::Url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void HttpServer::Route(const std::string& path, HttpHandler handler) {
  std::lock_guard<std::mutex> lock(mutex_);
  routes_[path] = std::move(handler);
}

std::vector<LoggedExchange> HttpServer::Log() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return log_;
}

std::vector<LoggedExchange> HttpServer::LogFor(const std::string& path) const {
  std::vector<LoggedExchange> matching;
  for (auto& exchange : Log()) {
    if (exchange.request.path == path) matching.push_back(std::move(exchange));
  }
  return matching;
}

void HttpServer::ClearLog() {
  std::lock_guard<std::mutex> lock(mutex_);
  log_.clear();
}

void HttpServer::AcceptLoop() {
  while (!stopping_) {
    pollfd waiting{listen_fd_, POLLIN, 0};
    if (::poll(&waiting, 1, 50) <= 0) continue;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::lock_guard<std::mutex> lock(mutex_);
    connections_.emplace_back([this, fd] {
      Serve(fd);
      ::close(fd);
    });
  }
}

HttpResponse HttpServer::Handle(const HttpRequest& request) {
  HttpHandler handler;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found = routes_.find(request.path);
    if (found != routes_.end()) handler = found->second;
  }
  if (!handler) return HtmlResponse("<html><body><p>Not found</p></body></html>", 404);
  return handler(request);
}

void HttpServer::Serve(int fd) {
  std::string buffer;
  while (!stopping_) {
    const std::size_t head_end = buffer.find("\r\n\r\n");
    if (head_end == std::string::npos) {
      if (buffer.size() > 65536) return;
      pollfd waiting{fd, POLLIN, 0};
      const int ready = ::poll(&waiting, 1, 50);
      if (ready == 0) continue;
      if (ready < 0) return;
      char chunk[8192];
      const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return;
      buffer.append(chunk, static_cast<std::size_t>(n));
      continue;
    }
    HttpRequest request;
    if (!ParseRequest(buffer.substr(0, head_end), &request)) return;
    buffer.erase(0, head_end + 4);

    HttpResponse response = Handle(request);
    for (int waited = 0; waited < response.delay_ms && !stopping_; waited += 10) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (stopping_) return;
    const bool no_body = response.status == 304 || response.status == 204 || request.method == "HEAD";
    std::string body = no_body ? std::string() : response.body;
    std::string head = "HTTP/1.1 " + std::to_string(response.status) + " " + Reason(response.status) + "\r\n";
    for (const auto& [name, value] : response.headers) head += name + ": " + value + "\r\n";
    if (response.gzip && !no_body && request.Header("accept-encoding").find("gzip") != std::string::npos) {
      body = Gzip(body);
      head += "Content-Encoding: gzip\r\n";
    }
    if (response.status != 304 && response.status != 204) {
      head += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    }
    const bool close = Lower(request.Header("connection")) == "close";
    if (close) head += "Connection: close\r\n";
    head += "\r\n";
    {
      // Logged before sending, so a client that has the response finds it in the log.
      std::lock_guard<std::mutex> lock(mutex_);
      log_.push_back({request, response.status, body.size()});
    }
    if (!SendAll(fd, head + body) || close) return;
  }
}

HttpResponse HtmlResponse(std::string body, int status) {
  HttpResponse response;
  response.status = status;
  response.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
  response.body = std::move(body);
  return response;
}

HttpHandler Sequence(std::vector<HttpResponse> responses) {
  auto state = std::make_shared<std::pair<std::mutex, std::size_t>>();
  auto shared = std::make_shared<std::vector<HttpResponse>>(std::move(responses));
  return [state, shared](const HttpRequest&) {
    std::lock_guard<std::mutex> lock(state->first);
    const std::size_t at = std::min(state->second, shared->size() - 1);
    ++state->second;
    return (*shared)[at];
  };
}

HttpHandler ConditionalPage(std::function<std::string()> page, std::string type) {
  return [page = std::move(page), type = std::move(type)](const HttpRequest& request) {
    const std::string body = page();
    char etag[32];
    std::snprintf(etag, sizeof etag, "\"%zx\"", std::hash<std::string>()(body));
    HttpResponse response;
    response.headers.emplace_back("ETag", etag);
    response.headers.emplace_back("Content-Type", type);
    if (request.Header("if-none-match") == etag) {
      response.status = 304;
      return response;
    }
    response.body = body;
    return response;
  };
}

std::string ArticleHtml(const std::string& headline, const std::vector<std::string>& paragraphs) {
  std::string html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + headline +
                     " | Test Post</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>" +
                     headline + "</h1><p class=\"byline\">By Test Reporter</p>";
  for (const std::string& paragraph : paragraphs) html += "<p>" + paragraph + "</p>";
  html += "</article><footer>Copyright Test Post</footer></body></html>";
  return html;
}

}  // namespace redline::testing
