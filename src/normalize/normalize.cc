#include "redline/normalize.h"

#include "normalize/html_input.h"
#include "normalize/input_check.h"
#include "normalize/text_input.h"

namespace redline {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(text[i]) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

InputFormat DetectFormat(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const std::size_t first = bytes.find_first_not_of(" \t\r\n\f");
  if (first == std::string_view::npos) return InputFormat::kText;
  const std::string_view start = bytes.substr(first);
  for (const std::string_view opening :
       {"<!doctype html", "<html", "<head", "<body", "<?xml", "<!--", "<meta", "<title", "<div", "<p>",
        "<article", "<script", "<link", "<style"}) {
    if (StartsWithNoCase(start, opening)) return InputFormat::kHtml;
  }
  // Text that opens with words but carries many tags is still HTML (a fragment).
  std::string sample(start.substr(0, 16384));
  for (char& c : sample) c = Lower(c);
  int tags = 0;
  for (const std::string_view tag : {"<p>", "<p ", "</p>", "<div", "</div>", "<br", "<a href", "</a>",
                                     "<span", "<li>", "</li>", "<h1", "<h2", "<img "}) {
    for (std::size_t pos = sample.find(tag); pos != std::string::npos; pos = sample.find(tag, pos + 1)) {
      ++tags;
    }
  }
  return tags >= 3 ? InputFormat::kHtml : InputFormat::kText;
}

Result<Document> Normalize(std::string_view bytes, const NormalizeOptions& options) {
  REDLINE_ASSIGN_OR_RETURN(normalize::DecodedInput input, normalize::DecodeInput(bytes, options));
  Result<Document> doc = input.format == InputFormat::kHtml ? normalize::NormalizeHtml(input.text(), options)
                                                              : normalize::NormalizeText(input.text());
  if (doc.ok()) doc->provenance.replaced_bytes = input.replaced_bytes;
  return doc;
}

}  // namespace redline
