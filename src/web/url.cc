#include "web/url.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>

#include "web/curl_handles.h"

namespace redline::web {
namespace {

constexpr std::size_t kMaxUrlBytes = 8192;
constexpr std::size_t kMaxStoryId = 128;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = Lower(c);
  return out;
}

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// The scheme before "://", lowercased; nullopt when there is none.
std::optional<std::string> SchemeOf(std::string_view url) {
  const std::size_t colon = url.find(':');
  if (colon == 0 || colon == std::string_view::npos) return std::nullopt;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = Lower(url[i]);
    const bool ok = IsAlnum(c) || (i > 0 && (c == '+' || c == '-' || c == '.'));
    if (!ok || (i == 0 && !(c >= 'a' && c <= 'z'))) return std::nullopt;
  }
  return Lowercase(url.substr(0, colon));
}

// One part of a parsed URL; nullopt when the URL does not have it.
std::optional<std::string> GetPart(CURLU* url, CURLUPart part, unsigned int flags = 0) {
  char* raw = nullptr;
  if (curl_url_get(url, part, &raw, flags) != CURLUE_OK) return std::nullopt;
  CurlString owned(raw);
  return std::string(raw);
}

std::string KeptQuery(std::string_view query) {
  std::string kept;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view param = query.substr(start, end - start);
    const std::string_view name = param.substr(0, param.find('='));
    if (!param.empty() && !IsTrackingParameter(name)) {
      if (!kept.empty()) kept.push_back('&');
      kept.append(param);
    }
    start = end + 1;
  }
  return kept;
}

std::uint32_t Fnv1a(std::string_view text) {
  std::uint32_t hash = 2166136261u;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return hash;
}

}  // namespace

bool IsTrackingParameter(std::string_view name) {
  static constexpr std::array<std::string_view, 37> kExact = {"fbclid",
                                                              "gclid",
                                                              "gclsrc",
                                                              "dclid",
                                                              "gbraid",
                                                              "wbraid",
                                                              "msclkid",
                                                              "mc_cid",
                                                              "mc_eid",
                                                              "yclid",
                                                              "igshid",
                                                              "twclid",
                                                              "ttclid",
                                                              "_ga",
                                                              "_gl",
                                                              "_hsenc",
                                                              "_hsmi",
                                                              "mkt_tok",
                                                              "oly_anon_id",
                                                              "oly_enc_id",
                                                              "vero_id",
                                                              "s_cid",
                                                              "cmpid",
                                                              "cmp",
                                                              "ocid",
                                                              "ncid",
                                                              "smid",
                                                              "smtyp",
                                                              "xtor",
                                                              "ns_source",
                                                              "ns_mchannel",
                                                              "ns_campaign",
                                                              "ns_linkname",
                                                              "ns_fee",
                                                              "at_medium",
                                                              "at_campaign",
                                                              "__twitter_impression"};
  const std::string lower = Lowercase(name);
  if (lower.starts_with("utm_")) return true;
  return std::find(kExact.begin(), kExact.end(), lower) != kExact.end();
}

Result<std::string> CanonicalUrl(std::string_view input) {
  while (!input.empty() && (input.front() == ' ' || input.front() == '\t')) input.remove_prefix(1);
  while (!input.empty() &&
         (input.back() == ' ' || input.back() == '\t' || input.back() == '\n' || input.back() == '\r')) {
    input.remove_suffix(1);
  }
  if (input.empty()) return Status::BadInput("empty URL");
  if (input.size() > kMaxUrlBytes) {
    return Status::BadInput("URL is " + std::to_string(input.size()) + " bytes, over the limit of " +
                            std::to_string(kMaxUrlBytes));
  }
  const std::string shown = RedactCredentials(input.substr(0, 200));
  for (const char c : input) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) {
      return Status::BadInput("URL contains spaces or control characters: " + shown);
    }
  }
  const std::optional<std::string> scheme = SchemeOf(input);
  if (!scheme || input.substr(scheme->size(), 3) != "://") {
    return Status::BadInput("not an absolute URL (it needs http:// or https://): " + shown);
  }
  if (*scheme != "http" && *scheme != "https") {
    return Status::BadInput("only http:// and https:// URLs can be fetched, not " + *scheme +
                            "://: " + shown);
  }
  EnsureCurlInitialized();
  UrlPtr url(curl_url());
  if (!url) return Status::Internal("out of memory parsing a URL");
  const std::string text(input);
  const CURLUcode code = curl_url_set(url.get(), CURLUPART_URL, text.c_str(), 0);
  if (code != CURLUE_OK) {
    return Status::BadInput("invalid URL (" + std::string(curl_url_strerror(code)) + "): " + shown);
  }
  if (GetPart(url.get(), CURLUPART_USER) || GetPart(url.get(), CURLUPART_PASSWORD)) {
    return Status::BadInput("URL holds a user name or password, which redline never stores or sends: " +
                            shown);
  }
  std::string host = Lowercase(GetPart(url.get(), CURLUPART_HOST).value_or(""));
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty()) return Status::BadInput("URL has no host: " + shown);
  const std::optional<std::string> port = GetPart(url.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT);
  std::string path = GetPart(url.get(), CURLUPART_PATH).value_or("/");
  if (path.empty()) path = "/";
  const std::string query = KeptQuery(GetPart(url.get(), CURLUPART_QUERY).value_or(""));

  std::string canonical = *scheme + "://" + host;
  if (port) canonical += ":" + *port;
  canonical += path;
  if (!query.empty()) canonical += "?" + query;
  return canonical;
}

std::string StoryIdForUrl(std::string_view canonical_url) {
  std::string_view rest = canonical_url;
  const std::size_t scheme_end = rest.find("://");
  if (scheme_end != std::string_view::npos) rest.remove_prefix(scheme_end + 3);
  const std::size_t host_end = rest.find_first_of("/?");
  std::string host = Lowercase(rest.substr(0, host_end));
  const std::string_view after_host =
      host_end == std::string_view::npos ? std::string_view() : rest.substr(host_end);
  if (host.starts_with("www.")) host.erase(0, 4);

  std::string id;
  const auto append = [&id](char c) {
    if (c == '-' && (id.empty() || id.back() == '-' || id.back() == '.')) return;
    if (c == '.' && (id.empty() || id.back() == '-' || id.back() == '.')) return;
    id.push_back(c);
  };
  for (const char c : host) append(IsAlnum(c) || c == '.' ? c : '-');
  append('-');
  for (const char raw : after_host) {
    const char c = Lower(raw);
    append(IsAlnum(c) ? c : '-');
  }
  while (!id.empty() && (id.back() == '-' || id.back() == '.')) id.pop_back();
  if (id.empty()) id = "story";
  if (id.size() > kMaxStoryId) {
    id.resize(kMaxStoryId - 9);
    while (!id.empty() && (id.back() == '-' || id.back() == '.')) id.pop_back();
    char hash[16];
    std::snprintf(hash, sizeof hash, "-%08x", static_cast<unsigned>(Fnv1a(canonical_url)));
    id += hash;
  }
  return id;
}

std::string RedactCredentials(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t marker = text.find("://", pos);
    if (marker == std::string_view::npos) break;
    const std::size_t authority = marker + 3;
    out.append(text.substr(pos, authority - pos));
    // The authority ends at the first '/', '?', '#' or whitespace; userinfo before its last '@'.
    std::size_t end = authority;
    while (end < text.size() && text[end] != '/' && text[end] != '?' && text[end] != '#' &&
           static_cast<unsigned char>(text[end]) > 0x20) {
      ++end;
    }
    const std::string_view host_part = text.substr(authority, end - authority);
    const std::size_t at = host_part.rfind('@');
    out.append(at == std::string_view::npos ? host_part : host_part.substr(at + 1));
    pos = end;
  }
  out.append(text.substr(std::min(pos, text.size())));
  return out;
}

std::string UrlHost(std::string_view url) {
  std::string_view rest = url;
  const std::size_t scheme_end = rest.find("://");
  if (scheme_end == std::string_view::npos) return "";
  rest.remove_prefix(scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  const std::size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.empty() && rest.front() == '[') return Lowercase(rest.substr(0, rest.find(']') + 1));
  return Lowercase(rest.substr(0, rest.find(':')));
}

Result<std::string> ResolveUrl(std::string_view base, std::string_view reference) {
  EnsureCurlInitialized();
  UrlPtr url(curl_url());
  if (!url) return Status::Internal("out of memory parsing a URL");
  const std::string base_text(base);
  const std::string reference_text(reference);
  if (curl_url_set(url.get(), CURLUPART_URL, base_text.c_str(), 0) != CURLUE_OK) {
    return Status::BadInput("invalid base URL: " + RedactCredentials(base));
  }
  const CURLUcode code = curl_url_set(url.get(), CURLUPART_URL, reference_text.c_str(), 0);
  if (code != CURLUE_OK) {
    return Status::BadInput("invalid link (" + std::string(curl_url_strerror(code)) +
                            "): " + RedactCredentials(reference.substr(0, 200)));
  }
  std::optional<std::string> resolved = GetPart(url.get(), CURLUPART_URL);
  if (!resolved) return Status::BadInput("invalid link: " + RedactCredentials(reference.substr(0, 200)));
  return *resolved;
}

}  // namespace redline::web
