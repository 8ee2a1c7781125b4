#include "normalize/html_tree.h"

#include "normalize/html_prepare.h"
#include "redline/normalize.h"

#include <algorithm>
#include <cstring>

namespace redline::html {

std::string_view GumboBuildVersion() { return REDLINE_GUMBO_VERSION; }

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::size_t EstimateNestingDepth(std::string_view html) { return PrepareHtml(html).nesting_depth; }

namespace {

// The exclusion mark is a bit above every GumboParseFlags value. It lies outside the enum's
// range of values (0..2047), so neither a cast to the enum nor a load as the enum may ever
// see it: the flags are read and written as the bytes of an unsigned integer.
constexpr unsigned kExcludedFlag = 1u << 24;
static_assert(sizeof(GumboParseFlags) == sizeof(unsigned));

unsigned ParseFlagBits(const GumboNode* node) {
  unsigned bits = 0;
  std::memcpy(&bits, &node->parse_flags, sizeof bits);
  return bits;
}

}  // namespace

void MarkExcluded(GumboNode* element) {
  if (!IsElement(element)) return;
  const unsigned bits = ParseFlagBits(element) | kExcludedFlag;
  std::memcpy(&element->parse_flags, &bits, sizeof bits);
}

bool IsExcluded(const GumboNode* node) { return IsElement(node) && (ParseFlagBits(node) & kExcludedFlag) != 0; }

Result<ParsedHtml> Parse(std::string_view html, const std::vector<std::string>& extra_attributes,
                         std::size_t max_depth) {
  max_depth = std::min(max_depth, kMaxNestingDepthCeiling);
  PreparedHtml prepared = PrepareHtml(html, extra_attributes);
  if (prepared.nesting_depth > max_depth) {
    return Status::BadInput("HTML is nested too deeply (over " + std::to_string(max_depth) +
                            " levels of elements)");
  }
  ParsedHtml parsed;
  parsed.source = std::make_unique<const std::string>(std::move(prepared.html));
  parsed.data_scripts = std::move(prepared.data_scripts);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // gumbo copies the open-element stack into every error it records
  parsed.output.reset(gumbo_parse_with_options(&options, parsed.source->data(), parsed.source->size()));
  if (parsed.output == nullptr || parsed.output->root == nullptr) {
    return Status::Internal("the HTML parser returned no document");
  }
  return parsed;
}

namespace {

GumboTag CanonicalTag(const GumboNode* node) {
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_SECTION) return GUMBO_TAG_DIV;
  if (tag != GUMBO_TAG_UNKNOWN) return tag;
  const std::string name = TagName(node);
  if (!name.starts_with("amp-")) return tag;
  if (name == "amp-img" || name == "amp-anim") return GUMBO_TAG_IMG;
  if (name == "amp-video" || name == "amp-video-iframe") return GUMBO_TAG_VIDEO;
  if (name == "amp-audio") return GUMBO_TAG_AUDIO;
  if (name == "amp-iframe" || name == "amp-youtube" || name == "amp-vimeo" || name == "amp-twitter" ||
      name == "amp-instagram" || name == "amp-facebook" || name == "amp-brightcove" || name == "amp-jwplayer") {
    return GUMBO_TAG_IFRAME;
  }
  return tag;
}

}  // namespace

void CanonicalizeTags(GumboNode* root) {
  std::vector<GumboNode*> stack{root};
  while (!stack.empty()) {
    GumboNode* node = stack.back();
    stack.pop_back();
    if (IsElement(node)) node->v.element.tag = CanonicalTag(node);
    const GumboVector* children = Children(node);
    if (children == nullptr) continue;
    for (unsigned i = 0; i < children->length; ++i) stack.push_back(static_cast<GumboNode*>(children->data[i]));
  }
}

bool IsNeverRendered(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEMPLATE) return true;
  switch (Tag(node)) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
      return true;
    default:
      return false;
  }
}

bool IsWrapperTag(GumboTag tag) {
  return tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN;
}

const GumboNode* WrappedElement(const GumboNode* node) {
  if (!IsWrapperTag(Tag(node))) return nullptr;
  const GumboNode* only = nullptr;
  const GumboVector* children = Children(node);
  for (unsigned i = 0; i < children->length; ++i) {
    const GumboNode* c = Child(children, i);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) return nullptr;
    if (!IsElement(c) || IsNeverRendered(c)) continue;
    if (only != nullptr) return nullptr;
    only = c;
  }
  return only;
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
  if ((ParseFlagBits(node) & kExcludedFlag) != 0) return true;
  if (Attr(node, "hidden") != nullptr) return true;
  if (AttrView(node, "aria-hidden") == "true") return true;
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
