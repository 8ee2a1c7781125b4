#include "report/safe_link.h"

#include <cctype>

#include "redline/diff.h"

namespace redline::report {

std::string EscapeHtml(std::string_view text) {
  const std::string safe = TerminalSafe(text);
  std::string out;
  out.reserve(safe.size() + safe.size() / 8);
  for (const char c : safe) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

namespace {

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

bool IsWebLink(std::string_view url) {
  std::size_t rest = 0;
  if (StartsWithNoCase(url, "https://")) rest = 8;
  else if (StartsWithNoCase(url, "http://")) rest = 7;
  else return false;
  if (rest >= url.size() || url[rest] == '/') return false;  // no host
  for (const char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`') {
      return false;
    }
  }
  return true;
}

}  // namespace redline::report
