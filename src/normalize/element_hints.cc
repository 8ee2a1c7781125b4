#include "normalize/element_hints.h"

#include "normalize/html_tree.h"

namespace redline::normalize {

bool IsTemplateLandmark(const GumboNode* node) {
  switch (html::Tag(node)) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MENU:
      return true;
    case GUMBO_TAG_UNKNOWN:
      if (html::TagName(node) == "dialog") return true;  // gumbo 0.10 predates <dialog>
      break;
    default:
      break;
  }
  const std::string_view role = html::AttrView(node, "role");
  return role == "navigation" || role == "banner" || role == "complementary" || role == "contentinfo" ||
         role == "search" || role == "dialog" || role == "alertdialog" || role == "menu" ||
         role == "menubar" || role == "toolbar" || role == "tablist";
}

bool IsDivBlockChild(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_MAIN:
      return true;
    default:
      return false;
  }
}

}  // namespace redline::normalize
