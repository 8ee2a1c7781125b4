#include "web/page_input.h"

namespace redline::web {
namespace {

std::string Lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string HeaderCharset(std::string_view content_type) {
  const std::string lower = Lowercase(content_type);
  std::size_t pos = lower.find(';');
  while (pos != std::string::npos) {
    std::size_t start = pos + 1;
    while (start < lower.size() && (lower[start] == ' ' || lower[start] == '\t')) ++start;
    if (lower.compare(start, 8, "charset=") == 0) {
      std::size_t value = start + 8;
      std::size_t end = lower.find(';', value);
      std::string label = lower.substr(value, end == std::string::npos ? std::string::npos : end - value);
      while (!label.empty() && (label.back() == ' ' || label.back() == '\t')) label.pop_back();
      if (label.size() >= 2 && (label.front() == '"' || label.front() == '\''))
        label = label.substr(1, label.size() - 2);
      std::string clean;
      for (const char c : label) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' ||
            c == '.') {
          clean.push_back(c);
        }
      }
      return clean.substr(0, 40);
    }
    pos = lower.find(';', start);
  }
  return "";
}

InputFormat FormatForContentType(std::string_view content_type, std::string_view body) {
  const std::string type = Lowercase(content_type.substr(0, content_type.find(';')));
  if (type.find("text/plain") != std::string::npos) return InputFormat::kText;
  if (type.find("html") != std::string::npos) return InputFormat::kHtml;
  return DetectFormat(body);
}

}  // namespace redline::web
