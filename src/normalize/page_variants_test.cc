// The page-variant generator (page_variants.h) and tests of the generator itself.
#include "normalize/page_variants.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

namespace redline::testing {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWordByte(char c) { return IsAsciiLetter(c) || IsAsciiDigit(c) || static_cast<unsigned char>(c) >= 0x80; }

bool StartsWithNoCase(std::string_view text, std::size_t pos, std::string_view prefix) {
  if (pos + prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(text[pos + i]) != prefix[i]) return false;
  }
  return true;
}

std::size_t FindNoCase(std::string_view text, std::string_view needle, std::size_t from) {
  for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
    if (StartsWithNoCase(text, i, needle)) return i;
  }
  return std::string_view::npos;
}

// Index just past the tag starting at `pos` (quotes honoured).
std::size_t TagEnd(const std::string& html, std::size_t pos) {
  char quote = 0;
  for (std::size_t i = pos + 1; i < html.size(); ++i) {
    const char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if ((c == '"' || c == '\'') && html[i - 1] == '=') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

struct TagSpan {
  std::size_t begin, end;
  std::string name;  // lowercase
  bool closing;
};

// The page's tags in order, comments and the content of raw-text elements skipped.
std::vector<TagSpan> Tags(const std::string& html) {
  static const std::string_view kRaw[] = {"script", "style", "textarea", "title", "xmp", "iframe",
                                          "noembed", "noframes", "plaintext"};
  std::vector<TagSpan> tags;
  std::size_t pos = 0;
  while (true) {
    const std::size_t lt = html.find('<', pos);
    if (lt == std::string::npos || lt + 1 >= html.size()) break;
    if (html.compare(lt, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", lt + 4);
      pos = end == std::string::npos ? html.size() : end + 3;
      continue;
    }
    const bool closing = html[lt + 1] == '/';
    const std::size_t name_start = lt + (closing ? 2 : 1);
    if (name_start >= html.size() || !IsAsciiLetter(html[name_start])) {
      pos = lt + 1;
      continue;
    }
    std::size_t name_end = name_start;
    std::string name;
    while (name_end < html.size() && (IsWordByte(html[name_end]) || html[name_end] == '-')) {
      name.push_back(Lower(html[name_end++]));
    }
    const std::size_t end = TagEnd(html, lt);
    tags.push_back({lt, end, name, closing});
    pos = end;
    if (!closing && std::find(std::begin(kRaw), std::end(kRaw), name) != std::end(kRaw)) {
      const std::size_t close = FindNoCase(html, "</" + name, end);
      pos = close == std::string::npos ? html.size() : close;
    }
  }
  return tags;
}

// The index of the <body> start tag in `tags`, or tags.size().
std::size_t BodyTag(const std::vector<TagSpan>& tags) {
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (!tags[i].closing && tags[i].name == "body") return i;
  }
  return tags.size();
}

// Applies replacements (begin, end, text), sorted and not overlapping.
std::string Apply(const std::string& html, std::vector<std::tuple<std::size_t, std::size_t, std::string>> edits) {
  std::sort(edits.begin(), edits.end(),
            [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
  std::string out;
  std::size_t pos = 0;
  for (const auto& [begin, end, text] : edits) {
    if (begin < pos) continue;
    out.append(html, pos, begin - pos);
    out += text;
    pos = end;
  }
  out.append(html, pos, std::string::npos);
  return out;
}

std::size_t Pick(std::mt19937* rng, std::size_t n) { return n == 0 ? 0 : (*rng)() % n; }

// Moves `pos` past a character reference ("&rsquo;", "&#8217;") it falls inside of.
std::size_t OutsideReference(std::string_view text, std::size_t pos) {
  const std::size_t amp = text.rfind('&', pos == 0 ? 0 : pos - 1);
  if (amp == std::string_view::npos || pos == 0 || pos - amp > 10) return pos;
  const std::size_t semi = text.find(';', amp);
  if (semi == std::string_view::npos || semi >= pos + 10 || semi < pos) return pos;
  for (std::size_t i = amp + 1; i < semi; ++i) {
    if (!IsWordByte(text[i]) && text[i] != '#') return pos;
  }
  return semi + 1;
}

// Positions just after each "</p>" in the body, between paragraphs of running text (not in
// a figure, list, quote or table, where no template puts its boxes).
std::vector<std::size_t> ParagraphEnds(const std::string& html) {
  static const std::string_view kEnclosing[] = {"figure", "figcaption", "li", "blockquote", "table", "a"};
  const std::vector<TagSpan> tags = Tags(html);
  std::vector<std::size_t> ends;
  std::map<std::string, int> open;
  for (std::size_t i = BodyTag(tags); i < tags.size(); ++i) {
    const TagSpan& tag = tags[i];
    if (std::find(std::begin(kEnclosing), std::end(kEnclosing), tag.name) != std::end(kEnclosing)) {
      open[tag.name] = std::max(0, open[tag.name] + (tag.closing ? -1 : 1));
    }
    const bool enclosed = std::any_of(open.begin(), open.end(), [](const auto& entry) { return entry.second > 0; });
    if (tag.closing && tag.name == "p" && !enclosed) ends.push_back(tag.end);
  }
  return ends;
}

// Counts whole-word occurrences of `word` in `text`.
std::size_t CountWord(std::string_view text, std::string_view word) {
  std::size_t count = 0;
  for (std::size_t pos = text.find(word); pos != std::string_view::npos; pos = text.find(word, pos + 1)) {
    const bool start = pos == 0 || !IsWordByte(text[pos - 1]);
    const bool end = pos + word.size() == text.size() || !IsWordByte(text[pos + word.size()]);
    count += start && end;
  }
  return count;
}

// Whether the one occurrence of `word` in the page lies in body text that a reader sees: a
// run of text between tags, long enough to be prose, that the canonical text shows as is.
bool InText(const std::string& html, const std::string& canonical, std::string_view word) {
  for (const auto& [begin, end] : BodyTextRanges(html)) {
    const std::string_view range = std::string_view(html).substr(begin, end - begin);
    if (CountWord(range, word) != 1) continue;
    std::string collapsed;
    for (const char c : range) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
      collapsed.push_back(space ? ' ' : c);
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    return collapsed.size() >= 30 && range.find('&') == std::string_view::npos &&
           canonical.find(collapsed) != std::string::npos;
  }
  return false;
}

std::string ReplaceWordOnce(std::string text, std::string_view word, std::string_view with) {
  for (std::size_t pos = text.find(word); pos != std::string::npos; pos = text.find(word, pos + 1)) {
    const bool start = pos == 0 || !IsWordByte(text[pos - 1]);
    const bool end = pos + word.size() == text.size() || !IsWordByte(text[pos + word.size()]);
    if (start && end) return text.replace(pos, word.size(), with);
  }
  return text;
}

// The body lines of a canonical text (not the headline or byline).
std::vector<std::string> BodyLines(const std::string& canonical) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < canonical.size()) {
    std::size_t end = canonical.find('\n', start);
    if (end == std::string::npos) end = canonical.size();
    const std::string line = canonical.substr(start, end - start);
    if (!line.empty() && !line.starts_with("# ") && !line.starts_with("By ")) lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

// Plain paragraphs: "<p ...>TEXT</p>" whose TEXT has no markup or references and is a
// whole line of the canonical text, once in the page.
struct PlainParagraph {
  std::size_t begin, end;  // TEXT in the html
  std::string text;
};

std::vector<PlainParagraph> PlainParagraphs(const std::string& html, const std::string& canonical) {
  std::vector<PlainParagraph> found;
  for (std::size_t pos = FindNoCase(html, "<p", 0); pos != std::string::npos; pos = FindNoCase(html, "<p", pos + 2)) {
    if (pos + 2 >= html.size() || (html[pos + 2] != '>' && html[pos + 2] != ' ')) continue;
    const std::size_t begin = TagEnd(html, pos);
    const std::size_t end = html.find('<', begin);
    if (end == std::string::npos || !StartsWithNoCase(html, end, "</p>")) continue;
    const std::string text = html.substr(begin, end - begin);
    if (text.size() < 60 || text.find_first_of("&\n\r\t") != std::string::npos || text.find("  ") != std::string::npos ||
        text.front() == ' ' || text.back() != '.') {
      continue;
    }
    if (canonical.find("\n" + text + "\n") == std::string::npos) continue;
    if (html.find(text) != begin || html.find(text, begin + 1) != std::string::npos) continue;
    found.push_back({begin, end, text});
  }
  return found;
}

const char* const kOutsideNoise[] = {
    "<nav class=\"site-nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>"
    "<li><a href=\"/sport\">Sport</a></li></ul></nav>",
    "<aside class=\"sidebar most-read\"><h2>Most read</h2><ol><li><a href=\"/a\">A different story about "
    "something else entirely</a></li><li><a href=\"/b\">Another headline from elsewhere on the site</a></li>"
    "</ol></aside>",
    "<div class=\"cookie-banner\" role=\"dialog\"><p>We use cookies to improve your experience.</p>"
    "<button>Accept all</button></div>",
    "<footer class=\"site-footer\"><p>Copyright 2024 Example Media. All rights reserved.</p>"
    "<a href=\"/privacy\">Privacy</a></footer>",
    "<script>window.dataLayer = [{\"page\": \"<p>not text</p>\"}];</script>",
    "<!-- <p>A commented-out paragraph that no reader sees.</p> -->",
    "<div id=\"newsletter-signup\" class=\"newsletter\"><p>Sign up for our daily newsletter and get the "
    "news in your inbox.</p></div>",
};

const char* const kInsideNoise[] = {
    "<div class=\"ad-slot ad-container\"><span>Advertisement</span></div>",
    "<div class=\"share-bar\"><a href=\"https://www.facebook.com/sharer\">Share on Facebook</a>"
    "<a href=\"https://twitter.com/intent\">Twitter</a><a href=\"mailto:?\">Email</a></div>",
    "<aside class=\"related-links\"><h3>Related</h3><ul><li><a href=\"/other-story\">An unrelated "
    "story that the site wants you to read next</a></li></ul></aside>",
    "<div class=\"video-player\"><span class=\"duration\">03:47</span><p>Watch the highlights of the "
    "event</p></div>",
    "<script>googletag.cmd.push(function() { googletag.display(\"ad-1\"); });</script>",
    "<!-- ad break -->",
    "<div class=\"newsletter-promo\"><p>Sign up for our newsletter to get the latest news delivered to "
    "your inbox.</p></div>",
    "<div hidden><p>Text that is hidden from every reader.</p></div>",
};

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> BodyTextRanges(const std::string& html) {
  static const std::string_view kHidden[] = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                                             "noframes", "svg", "math", "noscript", "select", "template"};
  const std::vector<TagSpan> tags = Tags(html);
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  int hidden = 0;  // open elements whose text no reader sees
  for (std::size_t i = BodyTag(tags); i + 1 < tags.size(); ++i) {
    const TagSpan& tag = tags[i];
    if (std::find(std::begin(kHidden), std::end(kHidden), tag.name) != std::end(kHidden)) {
      hidden = std::max(0, hidden + (tag.closing ? -1 : 1));
    }
    const std::size_t next = tags[i + 1].begin;
    // Text between two tags, in pieces around the comments there.
    for (std::size_t from = tag.end; hidden == 0 && from < next;) {
      std::size_t comment = html.find("<!--", from);
      if (comment == std::string::npos || comment >= next) comment = next;
      if (comment > from) ranges.emplace_back(from, comment);
      if (comment == next) break;
      const std::size_t close = html.find("-->", comment + 4);
      from = close == std::string::npos ? next : close + 3;
    }
  }
  return ranges;
}

std::string AddNoiseOutsideArticle(const std::string& html, std::mt19937* rng) {
  const std::vector<TagSpan> tags = Tags(html);
  const std::size_t body = BodyTag(tags);
  if (body == tags.size()) return html;
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> edits;
  edits.emplace_back(tags[body].end, tags[body].end, kOutsideNoise[Pick(rng, std::size(kOutsideNoise))]);
  for (std::size_t i = body; i < tags.size(); ++i) {
    if (tags[i].closing && tags[i].name == "body") {
      std::string tail;
      for (int k = 0; k < 3; ++k) tail += kOutsideNoise[Pick(rng, std::size(kOutsideNoise))];
      edits.emplace_back(tags[i].begin, tags[i].begin, tail);
      break;
    }
  }
  return Apply(html, std::move(edits));
}

std::string AddNoiseInsideArticle(const std::string& html, std::mt19937* rng) {
  const std::vector<std::size_t> ends = ParagraphEnds(html);
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> edits;
  for (std::size_t i = 0; i < ends.size(); ++i) {
    if (Pick(rng, 4) == 0) edits.emplace_back(ends[i], ends[i], kInsideNoise[Pick(rng, std::size(kInsideNoise))]);
  }
  return Apply(html, std::move(edits));
}

std::string EncodeCharacterReferences(const std::string& html, std::mt19937* rng) {
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> edits;
  for (const auto& [begin, end] : BodyTextRanges(html)) {
    const std::string_view text(html.data() + begin, end - begin);
    // Whitespace between tags stays: a no-break space there is a visible (empty) line.
    if (text.find('&') != std::string_view::npos || text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      continue;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (Pick(rng, 8) != 0) continue;
      std::string reference;
      if (IsAsciiLetter(c) || IsAsciiDigit(c) || c == ',' || c == '.') {
        reference = Pick(rng, 2) == 0 ? "&#" + std::to_string(static_cast<int>(c)) + ";"
                                      : "&#x" + std::string(1, "0123456789abcdef"[c >> 4]) +
                                            std::string(1, "0123456789abcdef"[c & 15]) + ";";
      } else if (c == ' ') {
        reference = Pick(rng, 2) == 0 ? "&#32;" : "&nbsp;";
      } else if (c == '\'') {
        reference = "&#39;";
      } else if (c == '"') {
        reference = "&quot;";
      } else {
        continue;
      }
      edits.emplace_back(begin + i, begin + i + 1, reference);
    }
  }
  return Apply(html, std::move(edits));
}

std::string WrapInlineSpans(const std::string& html, std::mt19937* rng) {
  static const char* const kTags[] = {"span", "b", "em", "i", "strong", "span class=\"highlight\"", "u", "mark"};
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> edits;
  for (const auto& [begin, end] : BodyTextRanges(html)) {
    if (end - begin < 12 || Pick(rng, 3) != 0) continue;
    const std::string_view text(html.data() + begin, end - begin);
    // A stretch from one word start to another word's end, or the middle of one word.
    std::size_t from = Pick(rng, text.size() - 4);
    while (from > 0 && IsWordByte(text[from - 1]) && static_cast<unsigned char>(text[from]) >= 0x80) --from;
    while (from < text.size() && static_cast<unsigned char>(text[from]) >= 0x80 &&
           static_cast<unsigned char>(text[from]) < 0xC0) {
      ++from;
    }
    from = OutsideReference(text, from);
    std::size_t to = std::min(text.size(), from + 1 + Pick(rng, 30));
    while (to < text.size() && static_cast<unsigned char>(text[to]) >= 0x80 &&
           static_cast<unsigned char>(text[to]) < 0xC0) {
      ++to;
    }
    to = OutsideReference(text, to);
    if (from >= to) continue;
    const std::string tag = kTags[Pick(rng, std::size(kTags))];
    const std::string name = tag.substr(0, tag.find(' '));
    edits.emplace_back(begin + from, begin + to,
                       "<" + tag + ">" + std::string(text.substr(from, to - from)) + "</" + name + ">");
  }
  return Apply(html, std::move(edits));
}

std::string ReflowWhitespace(const std::string& html, std::mt19937* rng) {
  static const char* const kSpaces[] = {"\n", "  ", "\t", " \n  ", "\r\n", " \t "};
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> edits;
  for (const auto& [begin, end] : BodyTextRanges(html)) {
    for (std::size_t i = begin; i < end; ++i) {
      if (html[i] == ' ' && Pick(rng, 4) == 0) edits.emplace_back(i, i + 1, kSpaces[Pick(rng, std::size(kSpaces))]);
    }
  }
  return Apply(html, std::move(edits));
}

std::string AddAttributes(const std::string& html, std::mt19937* rng) {
  const std::vector<TagSpan> tags = Tags(html);
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> edits;
  for (std::size_t i = BodyTag(tags); i < tags.size(); ++i) {
    const TagSpan& tag = tags[i];
    if (tag.closing || Pick(rng, 5) != 0) continue;
    const std::size_t name_end = tag.begin + 1 + tag.name.size();
    if (name_end >= html.size() || (html[name_end] != ' ' && html[name_end] != '>')) continue;
    edits.emplace_back(name_end, name_end, " data-track=\"n" + std::to_string(Pick(rng, 1000)) + "\"");
  }
  return Apply(html, std::move(edits));
}

namespace {

std::optional<Edit> ReplaceToken(const std::string& html, const std::string& canonical, std::mt19937* rng,
                                 bool number) {
  std::vector<std::string> candidates;
  for (const std::string& line : BodyLines(canonical)) {
    std::size_t i = 0;
    while (i < line.size()) {
      if (!IsWordByte(line[i])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < line.size() && IsWordByte(line[j])) ++j;
      const std::string word = line.substr(i, j - i);
      i = j;
      const bool digits = std::all_of(word.begin(), word.end(), IsAsciiDigit);
      const bool letters = std::all_of(word.begin(), word.end(), IsAsciiLetter);
      if (number ? (!digits || word.size() < 2) : (!letters || word.size() < 6)) continue;
      if (CountWord(canonical, word) != 1 || CountWord(html, word) != 1 || !InText(html, canonical, word)) continue;
      candidates.push_back(word);
    }
  }
  if (candidates.empty()) return std::nullopt;
  const std::string word = candidates[Pick(rng, candidates.size())];
  const std::string with = number ? (word == "9876" ? "6789" : "9876") : "Zqxwvut";
  return Edit{ReplaceWordOnce(html, word, with), ReplaceWordOnce(canonical, word, with),
              "replace '" + word + "' with '" + with + "'"};
}

}  // namespace

std::optional<Edit> ReplaceWord(const std::string& html, const std::string& canonical, std::mt19937* rng) {
  return ReplaceToken(html, canonical, rng, false);
}

std::optional<Edit> ReplaceNumber(const std::string& html, const std::string& canonical, std::mt19937* rng) {
  return ReplaceToken(html, canonical, rng, true);
}

std::optional<Edit> AddSentence(const std::string& html, const std::string& canonical, std::mt19937* rng) {
  const std::vector<PlainParagraph> paragraphs = PlainParagraphs(html, canonical);
  if (paragraphs.empty()) return std::nullopt;
  const PlainParagraph& p = paragraphs[Pick(rng, paragraphs.size())];
  const std::string added = p.text + " An added sentence says the council met again on Friday.";
  std::string expected = canonical;
  expected.replace(expected.find("\n" + p.text + "\n") + 1, p.text.size(), added);
  return Edit{html.substr(0, p.begin) + added + html.substr(p.end), expected, "add a sentence to '" + p.text + "'"};
}

std::optional<Edit> RemoveSentence(const std::string& html, const std::string& canonical, std::mt19937* rng) {
  std::vector<PlainParagraph> paragraphs = PlainParagraphs(html, canonical);
  std::erase_if(paragraphs, [](const PlainParagraph& p) {
    const std::size_t cut = p.text.rfind(". ", p.text.size() - 2);
    return cut == std::string::npos || cut < 40;
  });
  if (paragraphs.empty()) return std::nullopt;
  const PlainParagraph& p = paragraphs[Pick(rng, paragraphs.size())];
  const std::string shorter = p.text.substr(0, p.text.rfind(". ", p.text.size() - 2) + 1);
  std::string expected = canonical;
  expected.replace(expected.find("\n" + p.text + "\n") + 1, p.text.size(), shorter);
  return Edit{html.substr(0, p.begin) + shorter + html.substr(p.end), expected,
              "remove the last sentence of '" + p.text + "'"};
}

std::optional<Edit> ChangeHeadline(const std::string& html, const std::string& canonical, const std::string& title) {
  if (title.empty() || !canonical.starts_with("# " + title + "\n")) return std::nullopt;
  // Quotes are written several ways on one page (&rsquo;, ', ’); a literal replacement would
  // change some renderings of the headline and not others.
  for (const std::string_view quote : {"'", "\"", "\u2018", "\u2019", "\u201C", "\u201D"}) {
    if (title.find(quote) != std::string::npos) return std::nullopt;
  }
  // The newsroom changes the headline everywhere the page states it.
  const std::size_t h1 = FindNoCase(html, "<h1", 0);
  if (h1 == std::string::npos || html.find(title, h1) == std::string::npos) return std::nullopt;
  const std::size_t title_tag = FindNoCase(html, "<title", 0);
  const std::size_t title_end = FindNoCase(html, "</title", title_tag == std::string::npos ? 0 : title_tag);
  if (title_tag == std::string::npos || title_end == std::string::npos ||
      html.substr(title_tag, title_end - title_tag).find(title) == std::string::npos) {
    return std::nullopt;
  }
  const std::string updated = title + " as talks resume";
  std::string changed;
  std::size_t pos = 0;
  for (std::size_t at = html.find(title); at != std::string::npos; at = html.find(title, pos)) {
    changed.append(html, pos, at - pos);
    changed += updated;
    pos = at + title.size();
  }
  changed.append(html, pos, std::string::npos);
  return Edit{changed, "# " + updated + canonical.substr(2 + title.size()), "change the headline"};
}

std::vector<std::pair<std::string, std::string>> BenchmarkPages(std::size_t count) {
  namespace fs = std::filesystem;
  const char* shared = std::getenv("REDLINE_SHARED_DIR");
  const fs::path dir = fs::path(shared != nullptr ? shared : REDLINE_SHARED_DIR) / "data" /
                       "article-extraction-benchmark" / "html";
  std::vector<fs::path> paths;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (entry.path().string().ends_with(".html.gz")) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::pair<std::string, std::string>> pages;
  for (const fs::path& path : paths) {
    if (pages.size() >= count) break;
    FILE* pipe = popen(("gzip -dc '" + path.string() + "'").c_str(), "r");
    if (pipe == nullptr) continue;
    std::string html;
    char buffer[65536];
    std::size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) html.append(buffer, n);
    if (pclose(pipe) == 0) pages.emplace_back(path.filename().string(), std::move(html));
  }
  return pages;
}

namespace {

TEST(PageVariants, TextRangesSkipTagsScriptsAndComments) {
  const std::string html =
      "<html><head><title>T</title></head><body>a<b>c</b><script>x<y</script><!-- z -->d<style>e</style></body>";
  std::string texts;
  for (const auto& [begin, end] : BodyTextRanges(html)) texts += html.substr(begin, end - begin) + "|";
  EXPECT_EQ(texts, "a|c|d|");
}

TEST(PageVariants, EditsKnowTheTextTheyMustProduce) {
  const std::string html =
      "<html><head><title>Council approves budget</title></head><body><h1>Council approves budget</h1><p>The council voted on Tuesday to approve a budget of "
      "2,000 pounds. Opponents said the plan would raise taxes for families.</p></body></html>";
  const std::string canonical =
      "# Council approves budget\n\nThe council voted on Tuesday to approve a budget of 2,000 pounds. Opponents "
      "said the plan would raise taxes for families.\n";
  std::mt19937 rng(1);
  const std::optional<Edit> removed = RemoveSentence(html, canonical, &rng);
  ASSERT_TRUE(removed.has_value());
  EXPECT_EQ(removed->expected_text,
            "# Council approves budget\n\nThe council voted on Tuesday to approve a budget of 2,000 pounds.\n");
  const std::optional<Edit> headline = ChangeHeadline(html, canonical, "Council approves budget");
  ASSERT_TRUE(headline.has_value());
  EXPECT_TRUE(headline->expected_text.starts_with("# Council approves budget as talks resume\n\nThe council"));
  const std::optional<Edit> number = ReplaceNumber(html, canonical, &rng);
  ASSERT_TRUE(number.has_value());
  EXPECT_NE(number->html.find("9876"), std::string::npos);
}

}  // namespace
}  // namespace redline::testing
