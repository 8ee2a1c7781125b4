#include "normalize/html_prepare.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace redline::html {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsTagSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

template <std::size_t N>
bool OneOf(std::string_view name, const std::string_view (&names)[N]) {
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

// Tags that never stay open around their successors: void elements, and elements that the
// next sibling of their kind closes.
bool OpensNoLevel(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "area",  "base",     "br",      "col",      "embed",    "hr",      "img",     "input", "link",
      "meta",  "param",    "source",  "track",    "wbr",      "keygen",  "frame",   "p",     "li",
      "dt",    "dd",       "option",  "optgroup", "tr",       "td",      "th",      "tbody", "thead",
      "tfoot", "colgroup", "caption", "rb",       "rt",       "rp",      "rtc",     "html",  "head",
      "body",  "a",        "nobr",    "image",    "basefont", "bgsound", "menuitem"};
  return OneOf(name, kNames);
}

// Elements whose content is text up to their end tag (kept as it is).
bool IsRawTextTag(std::string_view name) {
  static constexpr std::string_view kNames[] = {"textarea", "title", "xmp", "iframe", "noembed", "noframes"};
  return OneOf(name, kNames);
}

// HTML start tags that end foreign content (svg, math) when they appear inside it.
bool BreaksOutOfForeignContent(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "b",  "big", "blockquote", "body", "br",      "center", "code", "dd",   "div",   "dl",     "dt",
      "em", "embed", "h1",       "h2",   "h3",      "h4",     "h5",   "h6",   "head",  "hr",     "i",
      "img", "li",  "listing",   "menu", "meta",    "nobr",   "ol",   "p",    "pre",   "ruby",   "s",
      "small", "span", "strong", "strike", "sub",   "sup",    "table", "tt",  "u",     "ul",     "var",
      "font"};
  return OneOf(name, kNames);
}

// Tags around which whitespace between tags is never text a reader sees.
bool IsBlockLevel(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "html",   "head",    "body",   "title",    "meta",       "link",    "script",  "style",   "noscript",
      "base",   "div",     "p",      "ul",       "ol",         "li",      "dl",      "dt",      "dd",
      "table",  "thead",   "tbody",  "tfoot",    "tr",         "td",      "th",      "caption", "colgroup",
      "col",    "section", "article", "aside",   "header",     "footer",  "nav",     "main",    "figure",
      "figcaption", "h1",  "h2",     "h3",       "h4",         "h5",      "h6",      "blockquote", "form",
      "fieldset", "legend", "hr",    "pre",      "address",    "details", "summary", "option",  "select",
      "iframe", "svg",     "math",   "template", "menu",       "center",  "hgroup",  "optgroup", "datalist"};
  return OneOf(name, kNames);
}

// Attributes extraction reads; the others (srcset, data-*, on*, ...) are left out of the tree.
bool IsReadAttribute(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "class",   "id",       "href", "style",   "hidden", "aria-hidden", "role", "itemprop", "itemtype",
      "rel",     "datetime", "content", "property", "name", "type",     "lang", "charset",  "http-equiv",
      "aria-expanded", "aria-controls"};
  return OneOf(name, kNames);
}

bool IsAllSpace(std::string_view text) {
  for (const char c : text) {
    if (!IsTagSpace(c)) return false;
  }
  return true;
}

// Index just past the '>' closing the tag whose name ends at `pos`, honouring quoted
// attribute values.
std::size_t SkipTag(std::string_view html, std::size_t pos) {
  char quote = 0;
  const std::size_t start = pos;
  for (std::size_t i = pos; i < html.size(); ++i) {
    const char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Quotes only open an attribute value right after '='.
      std::size_t j = i;
      while (j > start && IsTagSpace(html[j - 1])) --j;
      if (j > start && html[j - 1] == '=') quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

// Reads the lowercased tag name starting at `pos` (at most 16 characters are kept; longer
// names match nothing we look for) and returns the index after it.
std::size_t ReadName(std::string_view html, std::size_t pos, std::string* name) {
  name->clear();
  while (pos < html.size() && !IsTagSpace(html[pos]) && html[pos] != '/' && html[pos] != '>') {
    if (name->size() < 16) name->push_back(Lower(html[pos]));
    ++pos;
  }
  return pos;
}

// Position of the end tag "</name" (any case, followed by a space, '/' or '>') at or after
// `from`, or npos.
std::size_t FindEndTag(std::string_view html, std::string_view name, std::size_t from) {
  while (true) {
    const std::size_t lt = html.find("</", from);
    if (lt == std::string_view::npos) return lt;
    std::size_t i = lt + 2;
    std::size_t k = 0;
    while (k < name.size() && i < html.size() && Lower(html[i]) == name[k]) ++i, ++k;
    if (k == name.size() && (i == html.size() || IsTagSpace(html[i]) || html[i] == '/' || html[i] == '>')) {
      return lt;
    }
    from = lt + 2;
  }
}

bool ContainsNoCase(std::string_view text, std::string_view needle) {
  if (needle.size() > text.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && Lower(text[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

// A script whose text extraction may read, by its start tag's attributes: the JSON state of
// Next.js, Nuxt and other frameworks, and client-side templates holding markup
// (embedded_article.h). JSON-LD is not one: it stays in the page for json_ld.cc.
bool IsDataScript(std::string_view attributes) {
  return ContainsNoCase(attributes, "json") || ContainsNoCase(attributes, "__next_data__") ||
         ContainsNoCase(attributes, "__nuxt_data__") || ContainsNoCase(attributes, "template") ||
         ContainsNoCase(attributes, "tmpl") || ContainsNoCase(attributes, "text/html");
}

// The end tag closing the <svg> or <math> whose start tag ends at `from`, or npos when the
// element is left open or an HTML tag inside it would end it early (then its content is
// kept for gumbo to sort out).
std::size_t FindForeignEnd(std::string_view html, std::string_view name, std::size_t from) {
  std::size_t depth = 1;
  std::size_t pos = from;
  std::string tag;
  while (true) {
    const std::size_t lt = html.find('<', pos);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) return std::string_view::npos;
    if (html.compare(lt, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", lt + 4);
      if (end == std::string_view::npos) return end;
      pos = end + 3;
      continue;
    }
    if (html.compare(lt, 9, "<![CDATA[") == 0) {
      const std::size_t end = html.find("]]>", lt + 9);
      if (end == std::string_view::npos) return end;
      pos = end + 3;
      continue;
    }
    const bool closing = html[lt + 1] == '/';
    const std::size_t name_start = lt + (closing ? 2 : 1);
    if (name_start >= html.size() || !IsAsciiLetter(html[name_start])) {
      pos = lt + 1;
      continue;
    }
    const std::size_t name_end = ReadName(html, name_start, &tag);
    const std::size_t end = SkipTag(html, name_end);
    const bool self_closing = end >= 2 && html[end - 1] == '>' && html[end - 2] == '/';
    if (!closing && BreaksOutOfForeignContent(tag)) return std::string_view::npos;
    if (tag == name) {
      if (closing && --depth == 0) return lt;
      if (!closing && !self_closing) ++depth;
    }
    pos = end;
  }
}

// Calls drop(begin, end) for each attribute of the start tag spanning html[from, close)
// (close: the index of its '>') that `keep` rejects.
template <typename KeepFn, typename DropFn>
void DropAttributes(std::string_view html, std::size_t from, std::size_t close, KeepFn&& keep, DropFn&& drop) {
  std::size_t i = from;
  std::string name;
  while (true) {
    while (i < close && (IsTagSpace(html[i]) || html[i] == '/')) ++i;
    if (i >= close) return;
    const std::size_t start = i;
    if (html[i] == '=') ++i;
    while (i < close && !IsTagSpace(html[i]) && html[i] != '/' && html[i] != '=') ++i;
    name.clear();
    for (std::size_t k = start; k < i && name.size() < 64; ++k) name.push_back(Lower(html[k]));
    std::size_t j = i;
    while (j < close && IsTagSpace(html[j])) ++j;
    if (j < close && html[j] == '=') {
      ++j;
      while (j < close && IsTagSpace(html[j])) ++j;
      if (j < close && (html[j] == '"' || html[j] == '\'')) {
        const std::size_t quote = html.find(html[j], j + 1);
        i = (quote == std::string_view::npos || quote > close) ? close : quote + 1;
      } else {
        while (j < close && !IsTagSpace(html[j])) ++j;
        i = j;
      }
    }
    if (!keep(std::string_view(name))) drop(start, i);
  }
}

}  // namespace

PreparedHtml PrepareHtml(std::string_view html, const std::vector<std::string>& extra_attributes) {
  PreparedHtml out;
  out.html.reserve(html.size());
  std::size_t depth = 0;
  std::size_t copied = 0;  // html[0, copied) is in out.html or deliberately left out
  // Leaves html[from, to) out of the prepared page.
  const auto drop = [&](std::size_t from, std::size_t to) {
    out.html.append(html.substr(copied, from - copied));
    copied = to;
  };
  std::size_t pos = 0;
  std::string name;
  // Whitespace between two tags, one of them block-level, becomes no node at all: gumbo
  // would build a text node for each such run, and they are a good part of a page's tree.
  std::size_t last_tag_end = std::string_view::npos;
  bool last_tag_block = false;
  const auto drop_space_before = [&](std::size_t lt, bool block) {
    if (last_tag_end != std::string_view::npos && last_tag_end < lt && (block || last_tag_block) &&
        IsAllSpace(html.substr(last_tag_end, lt - last_tag_end))) {
      drop(std::max(last_tag_end, copied), lt);
    }
  };
  while (true) {
    const std::size_t lt = html.find('<', pos);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
    const char next = html[lt + 1];
    if (html.compare(lt, 4, "<!--") == 0) {
      std::size_t end = html.find("-->", lt + 4);
      if (html.compare(lt, 5, "<!-->") == 0) end = lt + 2;      // abruptly closed, empty
      if (html.compare(lt, 6, "<!--->") == 0) end = lt + 3;
      const std::size_t stop = end == std::string_view::npos ? html.size() : end + 3;
      // Space, a comment, space: the comment is as transparent as the space around it.
      const bool spaced = last_tag_end != std::string_view::npos && last_tag_end <= lt &&
                          IsAllSpace(html.substr(last_tag_end, lt - last_tag_end));
      drop(lt, stop);
      pos = stop;
      if (spaced) last_tag_end = stop;
      continue;
    }
    if (next == '!' || next == '?') {  // doctype or bogus comment: up to the first '>'
      const std::size_t end = html.find('>', lt);
      pos = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    const bool closing = next == '/';
    const std::size_t name_start = lt + (closing ? 2 : 1);
    if (name_start >= html.size() || !IsAsciiLetter(html[name_start])) {
      if (closing) {  // "</>" or a bogus comment up to '>'
        const std::size_t end = html.find('>', lt);
        pos = end == std::string_view::npos ? html.size() : end + 1;
      } else {
        pos = lt + 1;
      }
      continue;
    }
    const std::size_t name_end = ReadName(html, name_start, &name);
    const std::size_t end = SkipTag(html, name_end);
    const bool self_closing = end >= 2 && html[end - 1] == '>' && html[end - 2] == '/';
    pos = end;
    const bool block = IsBlockLevel(name);
    drop_space_before(lt, block);
    last_tag_end = end;
    last_tag_block = block;
    if (closing) {
      if (!OpensNoLevel(name) && depth > 0) --depth;
      continue;
    }
    if (name == "script" || name == "style") {
      const std::size_t close = FindEndTag(html, name, end);
      const std::size_t stop = close == std::string_view::npos ? html.size() : close;
      const std::string_view content = html.substr(end, stop - end);
      const std::string_view attributes = html.substr(name_end, end - name_end);
      const bool json_ld = name == "script" && ContainsNoCase(attributes, "ld+json");
      if (!json_ld && name == "script" && IsDataScript(attributes)) {
        out.data_scripts.push_back({attributes, content});
      }
      // "<!--" inside a script switches the tokenizer into escaped states where "</script>"
      // may not end it; such scripts are left for gumbo.
      if (!json_ld && content.find("<!--") == std::string_view::npos) drop(end, stop);
      pos = close == std::string_view::npos ? html.size() : SkipTag(html, close + 2 + name.size());
      last_tag_end = pos;
      continue;
    }
    if (IsRawTextTag(name)) {
      const std::size_t close = FindEndTag(html, name, end);
      pos = close == std::string_view::npos ? html.size() : SkipTag(html, close + 2 + name.size());
      last_tag_end = pos;
      continue;
    }
    if (name == "plaintext") break;  // everything after it is text
    if (end > name_end && html[end - 1] == '>') {
      DropAttributes(
          html, name_end, end - 1,
          [&](std::string_view attribute) {
            return IsReadAttribute(attribute) ||
                   std::find(extra_attributes.begin(), extra_attributes.end(), attribute) != extra_attributes.end();
          },
          [&](std::size_t from, std::size_t to) { drop(std::max(from, copied), to); });
    }
    if (OpensNoLevel(name) || self_closing) continue;
    out.nesting_depth = std::max(out.nesting_depth, ++depth);
    if (name == "svg" || name == "math") {
      const std::size_t close = FindForeignEnd(html, name, end);
      if (close != std::string_view::npos) {
        drop(end, close);
        pos = close;
        last_tag_end = std::string_view::npos;
      }
    }
  }
  out.html.append(html.substr(std::min(copied, html.size())));
  return out;
}

}  // namespace redline::html
