#include "normalize/element_hints.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "normalize/html_tree.h"

namespace redline::normalize {
namespace {

bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

// Tokens split at anything but letters and digits: "ad-slot top" -> ad, slot, top.
std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool alnum =
        i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= '0' && text[i] <= '9'));
    if (!alnum) {
      if (i > start) tokens.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return tokens;
}

bool HasToken(std::string_view text, std::initializer_list<std::string_view> words) {
  for (const std::string_view token : Tokens(text)) {
    if (std::find(words.begin(), words.end(), token) != words.end()) return true;
  }
  return false;
}

// Ad containers: "ad", "ads", "ad-slot", "adslot", "advert", "dfp", "gpt-ad", "adsbygoogle".
bool HasAdHint(std::string_view text) {
  return ContainsAny(text, {"advert", "adsbygoogle", "adslot", "adunit", "ad-slot", "ad-unit", "ad-container",
                            "ad-wrapper", "ad-placeholder", "gpt-ad", "dfp-ad", "ad-break", "adbox",
                            "ad_slot", "ad_unit", "ad_container"}) ||
         HasToken(text, {"ad", "ads", "dfp", "adv", "ad300", "ad728", "mpu", "leaderboard", "billboard",
                         "skyscraper", "sponsored", "sponsor"});
}

// Dialogs and their boxes: "makehomepagedialog", "dialog-box" (not "dialogue": an interview).
bool HasDialogHint(std::string_view text) {
  for (std::size_t at = text.find("dialog"); at != std::string_view::npos; at = text.find("dialog", at + 1)) {
    if (at + 6 >= text.size() || text[at + 6] != 'u') return true;
  }
  return false;
}

}  // namespace

// Media players (a "player" alone may be a sports table row).
bool HasPlayerHint(std::string_view text) {
  return ContainsAny(text,
                     {"video", "jwplayer", "jw-player", "media-player", "audio-player", "player-container",
                      "player-wrapper", "brightcove", "video-js", "podcast-player", "youtube"});
}

bool HasPositiveHint(std::string_view text) {
  return ContainsAny(text, {"article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
                            "post", "text", "blog", "story", "prose"});
}

bool HasNegativeHint(std::string_view text) {
  return HasAdHint(text) || HasPlayerHint(text) || HasDialogHint(text) ||
         ContainsAny(text, {"comment",  "footer",       "sidebar",      "related",  "share",     "sharing",
                            "social",   "promo",        "newsletter",   "banner",   "cookie",    "consent",
                            "gdpr",     "menu",         "widget",       "trending", "subscribe", "outbrain",
                            "taboola",  "breadcrumb",   "pagination",   "pager",    "popup",     "modal",
                            "masthead", "recommend",    "shoutbox",     "combx",    "disqus",    "community",
                            "remark",   "replies",      "supplemental", "shopping", "skip-link", "most-read",
                            "mostread", "most-popular", "signup",       "sign-up",  "read-more", "readmore",
                            "more-on",  "tags",         "rss",          "print",    "toolbar",   "meta"}) ||
         HasToken(text, {"nav", "navbar", "navigation", "hidden", "hid", "extra", "contact", "header",
                         "aside", "byline", "dateline", "timestamp", "timestamps", "date", "kicker",
                         "eyebrow", "tag", "topics"});
}

bool HasFurnitureHint(std::string_view text) {
  return HasAdHint(text) || HasPlayerHint(text) || HasDialogHint(text) ||
         ContainsAny(text, {"comment",   "related",   "share",   "sharing",   "newsletter", "promo",
                            "cookie",    "consent",   "gdpr",    "trending",  "subscribe",  "outbrain",
                            "taboola",   "recommend", "popup",   "modal",     "breadcrumb", "pagination",
                            "read-more", "readmore",  "more-on", "most-read", "mostread",   "most-popular",
                            "signup",    "sign-up",   "toolbar", "disqus",    "sidebar",    "flyout"}) ||
         HasToken(text, {"nav", "navbar", "navigation", "tags", "topics", "cta", "disclosure"});
}

bool HasHoverCardHint(std::string_view text) {
  return ContainsAny(text, {"rollover", "tooltip", "hovercard", "hover-card", "popover", "popup-card"});
}

bool HasAsideHint(std::string_view text) {
  if (HasToken(text, {"caption", "figcaption", "quote", "blockquote", "pullquote"})) return false;
  return HasToken(text, {"bio", "bios", "biography", "byline", "bylines", "author", "authors", "credit",
                         "credits", "attribution",
                         "copyright", "copyrights", "meta", "date", "dateline", "timestamp"}) ||
         ContainsAny(text, {"author-bio", "authorbio", "author_bio", "about-author", "about-the-author",
                            "author-info", "author-box", "authorbox", "author-card", "author-details",
                            "author-excerpt", "author-text", "post-author", "article-info", "post-info",
                            "entry-meta", "post-meta", "article-meta", "copyright"});
}

int ClassWeight(const GumboNode* node) {
  int weight = 0;
  for (const char* attr : {"class", "id"}) {
    std::string value(html::AttrView(node, attr));
    if (value.empty()) continue;
    for (char& c : value) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (HasNegativeHint(value)) weight -= 25;
    if (HasPositiveHint(value)) weight += 25;
  }
  return weight;
}

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

bool IsUnlikelyCandidate(const GumboNode* node) {
  const GumboTag tag = html::Tag(node);
  if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_A || tag == GUMBO_TAG_ARTICLE ||
      tag == GUMBO_TAG_MAIN) {
    return false;
  }
  const std::string hints = html::ClassAndId(node);
  if (hints.size() <= 1) return false;
  return HasNegativeHint(hints) && !HasPositiveHint(hints);
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
