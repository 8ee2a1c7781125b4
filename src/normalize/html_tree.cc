#include "normalize/html_tree.h"

#include <algorithm>
#include <cstring>

namespace redline::html {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':' ||
         c == '_';
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
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

bool IsRawTextTag(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
         name == "plaintext" || name == "noscript" || name == "iframe";
}

// Index just past the '>' closing the tag that starts at `pos`, honouring quotes.
std::size_t SkipTag(std::string_view html, std::size_t pos) {
  char quote = 0;
  for (std::size_t i = pos; i < html.size(); ++i) {
    const char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Quotes only open an attribute value right after '='.
      std::size_t j = i;
      while (j > pos && (html[j - 1] == ' ' || html[j - 1] == '\t' || html[j - 1] == '\n')) --j;
      if (j > pos && html[j - 1] == '=') quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

std::size_t FindCaseInsensitive(std::string_view haystack, std::string_view needle, std::size_t from) {
  if (needle.empty() || haystack.size() < needle.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && Lower(haystack[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::size_t EstimateNestingDepth(std::string_view html) {
  std::size_t depth = 0;
  std::size_t max_depth = 0;
  std::size_t pos = 0;
  std::string name;
  while (true) {
    pos = html.find('<', pos);
    if (pos == std::string_view::npos || pos + 1 >= html.size()) break;
    if (html.compare(pos, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", pos + 4);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    const bool closing = html[pos + 1] == '/';
    const std::size_t name_start = pos + (closing ? 2 : 1);
    if (name_start >= html.size() || !IsAsciiLetter(html[name_start])) {
      pos = (html[pos + 1] == '!' || html[pos + 1] == '?') ? SkipTag(html, pos) : pos + 1;
      continue;
    }
    name.clear();
    std::size_t i = name_start;
    while (i < html.size() && IsNameChar(html[i])) name.push_back(Lower(html[i++]));
    const std::size_t end = SkipTag(html, i);
    const bool self_closing = end >= 2 && html[end - 1] == '>' && html[end - 2] == '/';
    pos = end;
    if (OpensNoLevel(name)) continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    if (IsRawTextTag(name)) {
      const std::size_t close = FindCaseInsensitive(html, "</" + name, pos);
      if (close == std::string_view::npos) break;
      pos = close;
      continue;
    }
    if (self_closing) continue;
    max_depth = std::max(max_depth, ++depth);
  }
  return max_depth;
}

Result<GumboOutputPtr> Parse(std::string_view html) {
  if (EstimateNestingDepth(html) > kMaxNestingDepth) {
    return Status::BadInput("HTML is nested too deeply (over " + std::to_string(kMaxNestingDepth) +
                            " levels of elements)");
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // gumbo copies the open-element stack into every error it records
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  if (output == nullptr || output->root == nullptr) {
    return Status::Internal("the HTML parser returned no document");
  }
  return GumboOutputPtr(output);
}

const GumboVector* Children(const GumboNode* node) {
  if (node == nullptr) return nullptr;
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
      return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      return &node->v.element.children;
    default:
      return nullptr;
  }
}

bool IsElement(const GumboNode* node) {
  return node != nullptr && (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

GumboTag Tag(const GumboNode* node) { return IsElement(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN; }

std::string TagName(const GumboNode* node) {
  if (!IsElement(node)) return "";
  if (node->v.element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(node->v.element.tag);
  GumboStringPiece piece = node->v.element.original_tag;
  if (piece.data == nullptr || piece.length == 0) return "";
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data, piece.length);
  for (char& c : name) c = Lower(c);
  return name;
}

const char* Attr(const GumboNode* node, const char* name) {
  if (!IsElement(node)) return nullptr;
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr != nullptr ? attr->value : nullptr;
}

std::string_view AttrView(const GumboNode* node, const char* name) {
  const char* value = Attr(node, name);
  return value != nullptr ? std::string_view(value) : std::string_view();
}

std::string ClassAndId(const GumboNode* node) {
  std::string out(AttrView(node, "class"));
  out.push_back(' ');
  out.append(AttrView(node, "id"));
  for (char& c : out) c = Lower(c);
  return out;
}

bool IsAncestor(const GumboNode* ancestor, const GumboNode* node) {
  for (const GumboNode* n = node; n != nullptr; n = n->parent) {
    if (n == ancestor) return true;
  }
  return false;
}

namespace {

std::vector<const GumboNode*> PathFromRoot(const GumboNode* node) {
  std::vector<const GumboNode*> path;
  for (const GumboNode* n = node; n != nullptr; n = n->parent) path.push_back(n);
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace

bool Precedes(const GumboNode* a, const GumboNode* b) {
  const std::vector<const GumboNode*> pa = PathFromRoot(a);
  const std::vector<const GumboNode*> pb = PathFromRoot(b);
  std::size_t i = 0;
  while (i < pa.size() && i < pb.size() && pa[i] == pb[i]) ++i;
  if (i == 0 || i == pa.size() || i == pb.size()) return false;  // unrelated or nested
  return pa[i]->index_within_parent < pb[i]->index_within_parent;
}

const GumboNode* CommonAncestor(const GumboNode* a, const GumboNode* b) {
  const std::vector<const GumboNode*> pa = PathFromRoot(a);
  const std::vector<const GumboNode*> pb = PathFromRoot(b);
  std::size_t i = 0;
  while (i < pa.size() && i < pb.size() && pa[i] == pb[i]) ++i;
  return i == 0 ? nullptr : pa[i - 1];
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

bool IsInvisible(const GumboNode* node) {
  if (!IsElement(node)) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_MAP:
      return true;
    default:
      break;
  }
  if (node->type == GUMBO_NODE_TEMPLATE) return true;
  if (Attr(node, "hidden") != nullptr) return true;
  if (AttrView(node, "aria-hidden") == "true") return true;
  const std::string_view classes = AttrView(node, "class");
  if (!classes.empty()) {
    std::size_t start = 0;
    while (start < classes.size()) {
      std::size_t end = classes.find_first_of(" \t\n", start);
      if (end == std::string_view::npos) end = classes.size();
      const std::string_view token = classes.substr(start, end - start);
      if (token == "hidden" || token == "sr-only" || token == "visually-hidden" ||
          token == "visuallyhidden" || token == "screen-reader-text" || token == "screenreader-only" ||
          token == "sr-text" || token == "u-hidden" || token == "is-hidden" || token == "offscreen") {
        return true;
      }
      start = end + 1;
    }
  }
  const std::string_view style = AttrView(node, "style");
  if (!style.empty()) {
    std::string compact;
    for (const char c : style) {
      if (c != ' ' && c != '\t' && c != '\n') compact.push_back(Lower(c));
    }
    if (compact.find("display:none") != std::string::npos ||
        compact.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::string VisibleText(const GumboNode* node) {
  std::string out;
  Walk(
      node,
      [&](const GumboNode* n) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
          out.append(n->v.text.text);
          return false;
        }
        if (!IsElement(n)) return n->type == GUMBO_NODE_DOCUMENT;
        if (IsInvisible(n)) return false;
        const GumboTag tag = n->v.element.tag;
        if (tag == GUMBO_TAG_BR || IsBlockTag(tag)) out.push_back(' ');
        return true;
      },
      [&](const GumboNode* n) {
        if (IsBlockTag(Tag(n))) out.push_back(' ');
      });
  return out;
}

const GumboNode* FindFirst(const GumboNode* root, GumboTag tag) {
  const GumboNode* found = nullptr;
  Walk(root, [&](const GumboNode* n) {
    if (found != nullptr) return false;
    if (Tag(n) == tag) {
      found = n;
      return false;
    }
    return Children(n) != nullptr;
  });
  return found;
}

std::vector<const GumboNode*> FindAll(const GumboNode* root, GumboTag tag) {
  std::vector<const GumboNode*> found;
  Walk(root, [&](const GumboNode* n) {
    if (Tag(n) == tag) found.push_back(n);
    return Children(n) != nullptr;
  });
  return found;
}

}  // namespace redline::html
