#include "redline/document.h"

#include "base/utf8.h"

namespace redline {
namespace {

const char* Mark(BlockKind kind) {
  switch (kind) {
    case BlockKind::kSubheading: return "## ";
    case BlockKind::kListItem: return "- ";
    case BlockKind::kQuote: return "> ";
    case BlockKind::kParagraph: return "";
  }
  return "";
}

void AppendBlock(std::string* out, std::string_view mark, std::string_view text) {
  if (text.empty()) return;
  if (!out->empty()) out->append("\n\n");
  out->append(mark);
  out->append(text);
}

std::string BylineBlock(const std::string& byline) {
  const std::string clean = CleanInlineText(byline);
  if (clean.empty()) return clean;
  if (clean.size() >= 3 && (clean.compare(0, 3, "By ") == 0 || clean.compare(0, 3, "by ") == 0 ||
                            clean.compare(0, 3, "BY ") == 0)) {
    return "By " + clean.substr(3);
  }
  return "By " + clean;
}


// Printable ASCII with single spaces between words: text that cleaning would not change,
// as most of it is by the time it is cleaned again for the canonical text.
bool IsCleanAscii(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ') return text.empty();
  bool after_space = false;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == ' ') {
      if (after_space) return false;
      after_space = true;
    } else if (byte < 0x21 || byte > 0x7E) {
      return false;
    } else {
      after_space = false;
    }
  }
  return true;
}

}  // namespace

std::string CleanInlineText(std::string_view text) {
  if (IsCleanAscii(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  bool ascii = true;
  std::size_t pos = 0;
  const std::size_t size = text.size();
  while (pos < size) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte > 0x20 && byte < 0x7F) {
      // A run of printable ASCII is copied as it is: the common case, kept fast.
      std::size_t end = pos + 1;
      while (end < size && static_cast<unsigned char>(text[end]) > 0x20 && static_cast<unsigned char>(text[end]) < 0x7F) {
        ++end;
      }
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.append(text.data() + pos, end - pos);
      pos = end;
      continue;
    }
    std::size_t n = 1;
    const char32_t c = byte < 0x80 ? char32_t{byte} : utf8::Decode(text, pos, &n);
    pos += n;
    if (utf8::IsInvisible(c)) continue;
    if (utf8::IsSpace(c) || (c < 0x20) || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
      // Control characters never reach the text: they could drive a terminal.
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    ascii = false;
    utf8::Append(&out, c);
  }
  return ascii ? out : utf8::Nfc(out);
}

std::string BodyText(const Document& doc) {
  std::string out;
  for (const Block& block : doc.body) AppendBlock(&out, Mark(block.kind), CleanInlineText(block.text));
  return out;
}

std::string CanonicalText(const Document& doc) {
  std::string out;
  AppendBlock(&out, "# ", CleanInlineText(doc.title));
  AppendBlock(&out, "", BylineBlock(doc.byline));
  const std::string body = BodyText(doc);
  AppendBlock(&out, "", body);
  if (!out.empty()) out.push_back('\n');
  return out;
}

namespace {

bool LowerOrDigit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// A valid id close to an invalid one: lowercase, other characters as '-' ("Harbour Plan" ->
// "harbour-plan"); empty when there is none.
std::string SuggestStoryId(std::string_view id) {
  std::string out;
  for (const char c : id) {
    char mapped = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (!LowerOrDigit(mapped) && mapped != '.' && mapped != '_' && mapped != '-') mapped = '-';
    if (mapped == '-' && (out.empty() || out.back() == '-')) continue;
    if (out.empty() && !LowerOrDigit(mapped)) continue;
    out.push_back(mapped);
  }
  if (out.size() > 128) out.resize(128);
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  return out == id ? "" : out;
}

}  // namespace

Status ValidateStoryId(std::string_view id) {
  const auto printable = [&] {
    std::string shown;
    for (const char c : id.substr(0, 60)) {
      const auto b = static_cast<unsigned char>(c);
      if (b < 0x20 || b == 0x7F) {
        shown += '?';
      } else {
        shown += c;
      }
    }
    return shown + (id.size() > 60 ? "..." : "");
  };
  const auto invalid = [&](const std::string& why) {
    std::string message = "invalid story id '" + printable() + "': " + why;
    if (const std::string suggestion = SuggestStoryId(id); !suggestion.empty()) {
      message += "; did you mean '" + suggestion + "'?";
    }
    return Status::BadInput(message);
  };
  if (id.empty()) return Status::BadInput("story id is empty");
  if (id.size() > 128) return Status::BadInput("story id is longer than 128 characters");
  if (!LowerOrDigit(id[0])) return invalid("it must start with a lowercase letter or digit");
  for (const char c : id) {
    if (!LowerOrDigit(c) && c != '.' && c != '_' && c != '-') return invalid("use only a-z, 0-9, '.', '_' and '-'");
  }
  return Status::Ok();
}

}  // namespace redline
