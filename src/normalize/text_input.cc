#include "normalize/text_input.h"

#include <optional>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "normalize/template_filter.h"

namespace redline::normalize {
namespace {

// How far into the text a headline may start (non-blank lines).
constexpr std::size_t kHeadlineSearchLines = 20;
constexpr std::size_t kMaxHeadlineWords = 20;
constexpr std::size_t kMaxStandfirstHeadlineWords = 30;

struct Line {
  std::string text;  // cleaned, without the bullet
  bool bullet = false;
};

// "• text", "* text", "- text", "– text": the bullet and the spaces after it.
std::optional<std::string_view> StripBullet(std::string_view line) {
  static constexpr std::string_view kBullets[] = {"\u2022", "*",      "-",      "\u2013", "\u00B7",
                                                  "\u25AA", "\u2023", "\u25E6", "\u25CF"};
  std::size_t pos = 0;
  while (pos < line.size()) {
    std::size_t n = 0;
    const char32_t c = utf8::Decode(line, pos, &n);
    if (!utf8::IsSpace(c) && !utf8::IsInvisible(c)) break;
    pos += n;
  }
  line.remove_prefix(pos);
  for (const std::string_view bullet : kBullets) {
    if (line.substr(0, bullet.size()) != bullet || line.size() == bullet.size()) continue;
    std::size_t n = 0;
    if (utf8::IsSpace(utf8::Decode(line, bullet.size(), &n))) return line.substr(bullet.size());
  }
  return std::nullopt;
}

// Non-blank lines, cleaned.
std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    // A plain loop: find_first_of with a set searches the set for every byte.
    std::size_t end = start;
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
    const std::string_view raw = text.substr(start, end - start);
    Line line;
    if (const auto rest = StripBullet(raw)) {
      line.bullet = true;
      line.text = CleanInlineText(*rest);
    } else {
      line.text = CleanInlineText(raw);
    }
    if (!line.text.empty()) lines.push_back(std::move(line));
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

bool ReadsLikeHeadline(const Line& line, std::size_t max_words) {
  return !line.bullet && !EndsSentence(line.text) && line.text.back() != ':' &&
         CountWordsUpTo(line.text, max_words) <= max_words && !IsFurnitureLine(line.text) && !IsPhotoCaption(line.text);
}

// The headline's index: the first line followed by bullets (a standfirst), else the first
// template-free line that reads like a headline.
std::optional<std::size_t> FindHeadline(const std::vector<Line>& lines) {
  const std::size_t limit = std::min(lines.size(), kHeadlineSearchLines);
  for (std::size_t i = 0; i + 1 < lines.size() && i < limit; ++i) {
    if (lines[i + 1].bullet && ReadsLikeHeadline(lines[i], kMaxStandfirstHeadlineWords)) return i;
    // Prose means the story has begun: bullets further down are a list, not a standfirst.
    if (EndsSentence(lines[i].text) && !IsPhotoCaption(lines[i].text)) break;
  }
  for (std::size_t i = 0; i < limit; ++i) {
    if (ReadsLikeHeadline(lines[i], kMaxHeadlineWords)) return i;
  }
  return std::nullopt;
}

std::optional<std::string> BylineOf(std::string_view line) {
  if (line.size() < 4 || (line.substr(0, 3) != "By " && line.substr(0, 3) != "BY ")) {
    return std::nullopt;
  }
  if (CountWordsUpTo(line, 10) > 10 || EndsSentence(line)) return std::nullopt;
  return std::string(line.substr(3));
}

// A headline of another story between two paragraphs: a title-like line without sentence
// punctuation, longer than subheadings usually are, with prose before and after it.
bool IsInlineRelatedLine(const std::vector<Candidate>& blocks, std::size_t i) {
  const Block& block = blocks[i].block;
  if (block.kind != BlockKind::kParagraph || i == 0 || i + 1 >= blocks.size()) return false;
  const std::size_t words = CountWordsUpTo(block.text, 20);
  if (words < 6 || words > 20 || EndsSentence(block.text) || IsPhotoCaption(block.text)) return false;
  if (!StartsWithUppercaseOrDigit(block.text) || block.text.back() == ':') return false;
  const Block& before = blocks[i - 1].block;
  return before.kind == BlockKind::kParagraph && (EndsSentence(before.text) || IsPhotoCaption(before.text));
}

}  // namespace

Result<Document> NormalizeText(std::string_view text) {
  const std::vector<Line> lines = SplitLines(text);
  Document doc;
  std::vector<Candidate> body;
  std::size_t next = 0;
  if (const auto headline = FindHeadline(lines)) {
    doc.title = lines[*headline].text;
    std::vector<Candidate> captions;
    for (std::size_t i = 0; i < *headline; ++i) {
      if (IsPhotoCaption(lines[i].text)) captions.push_back({{BlockKind::kParagraph, lines[i].text}});
    }
    next = *headline + 1;
    // The standfirst's bullets, with any template line between them left out.
    while (next < lines.size()) {
      if (lines[next].bullet) {
        body.push_back({{BlockKind::kListItem, lines[next].text}});
      } else if (!(IsFurnitureLine(lines[next].text) && next + 1 < lines.size() && lines[next + 1].bullet)) {
        break;
      }
      ++next;
    }
    if (next < lines.size()) {
      if (auto byline = BylineOf(lines[next].text)) {
        doc.byline = std::move(*byline);
        ++next;
      }
    }
    body.insert(body.end(), captions.begin(), captions.end());
  }
  std::vector<Candidate> rest;
  for (; next < lines.size(); ++next) {
    const BlockKind kind = lines[next].bullet ? BlockKind::kListItem : BlockKind::kParagraph;
    rest.push_back({{kind, lines[next].text}});
  }
  DropFurniture(&rest);
  DropAuthorNotes(doc.byline, &rest);
  std::vector<Candidate> kept;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (!IsInlineRelatedLine(rest, i)) kept.push_back(rest[i]);
  }
  for (Candidate& c : body) doc.body.push_back(std::move(c.block));
  for (Candidate& c : kept) {
    if (c.block.text == doc.title) continue;
    doc.body.push_back(std::move(c.block));
  }
  doc.provenance.source = "text";
  if (doc.title.empty() && doc.body.empty()) {
    // Every line read as furniture: the lines as they are, flagged, rather than nothing.
    for (const Line& line : lines) {
      doc.body.push_back({line.bullet ? BlockKind::kListItem : BlockKind::kParagraph, line.text});
    }
    doc.provenance.confident = false;
  }
  if (doc.body.empty() && doc.title.empty()) return Status::BadInput("no article text found in input");
  return doc;
}

}  // namespace redline::normalize
