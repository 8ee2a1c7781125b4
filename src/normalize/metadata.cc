#include "normalize/metadata.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>

#include "base/utf8.h"
#include "normalize/element_hints.h"
#include "normalize/html_tree.h"
#include "normalize/text_words.h"
#include "normalize/template_filter.h"
#include "redline/document.h"

namespace redline::normalize {
namespace {


std::string Clean(std::string_view text) { return CleanInlineText(DecodeEntities(text)); }

bool StartsWithWords(std::string_view text, std::string_view prefix) {
  const std::vector<std::string> a = LowerWords(text);
  const std::vector<std::string> b = LowerWords(prefix);
  return !b.empty() && b.size() <= a.size() && std::equal(b.begin(), b.end(), a.begin());
}

bool LooksLikeUrl(std::string_view text) {
  const std::string lower = AsciiLowered(text);
  return lower.find("://") != std::string::npos || lower.rfind("www.", 0) == 0 ||
         lower.find('/') != std::string::npos || lower.find('@') != std::string::npos ||
         lower.ends_with(".com") || lower.ends_with(".org") || lower.ends_with(".net");
}

// "admin", "jdadmin", "editor": account names, not bylines.
bool LooksLikeUsername(std::string_view name) {
  if (name.find(' ') != std::string_view::npos) return false;
  const std::string lower = AsciiLowered(name);
  return lower == name && (lower.find("admin") != std::string::npos || lower == "editor" ||
                           lower == "staff" || lower == "user" || lower == "webmaster");
}

bool LooksLikeDate(std::string_view value) {
  return value.size() >= 10 && std::isdigit(static_cast<unsigned char>(value[0])) &&
         std::isdigit(static_cast<unsigned char>(value[3])) && value[4] == '-' && value[7] == '-';
}

bool IsVisible(const GumboNode* node) {
  for (const GumboNode* n = node; n != nullptr; n = n->parent) {
    if (html::IsInvisible(n)) return false;
  }
  return true;
}

// <meta property|name|itemprop=KEY content=VALUE>, first value per lowercased key.
std::map<std::string, std::string> ReadMetaTags(const GumboNode* root) {
  std::map<std::string, std::string> metas;
  for (const GumboNode* meta : html::FindAll(root, GUMBO_TAG_META)) {
    const char* content = html::Attr(meta, "content");
    if (content == nullptr) continue;
    for (const char* key_attr : {"property", "name", "itemprop"}) {
      const char* key = html::Attr(meta, key_attr);
      if (key != nullptr) metas.emplace(AsciiLowered(key), content);
    }
  }
  return metas;
}

std::string MetaValue(const std::map<std::string, std::string>& metas,
                      std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const auto it = metas.find(key);
    if (it != metas.end() && !CleanInlineText(it->second).empty()) return it->second;
  }
  return "";
}

// The article around the content: its nearest <article> (or schema.org Article) ancestor.
const GumboNode* ArticleAround(const GumboNode* content) {
  for (const GumboNode* n = content; n != nullptr; n = n->parent) {
    if (html::Tag(n) == GUMBO_TAG_ARTICLE) return n;
    if (html::AttrView(n, "itemtype").find("Article") != std::string_view::npos) return n;
  }
  return nullptr;
}

std::size_t SourceOffset(const GumboNode* node) {
  return html::IsElement(node) ? node->v.element.start_pos.offset : 0;
}

// The h1 that shows the headline: inside the content or its article, else the last one
// before the content, else the first on the page.
const GumboNode* PickHeadlineElement(const GumboNode* root, const GumboNode* content) {
  std::vector<const GumboNode*> h1s;
  for (const GumboNode* h1 : html::FindAll(root, GUMBO_TAG_H1)) {
    if (IsVisible(h1) && !CleanInlineText(html::VisibleText(h1)).empty()) h1s.push_back(h1);
  }
  if (h1s.empty()) {
    html::Walk(root, [&](const GumboNode* n) {
      if (html::AttrView(n, "itemprop") == "headline" && html::Tag(n) != GUMBO_TAG_META && IsVisible(n) &&
          !CleanInlineText(html::VisibleText(n)).empty()) {
        h1s.push_back(n);
      }
      return html::Children(n) != nullptr;
    });
  }
  if (h1s.empty()) return nullptr;
  if (content == nullptr) return h1s.front();
  for (const GumboNode* scope : {content, ArticleAround(content)}) {
    if (scope == nullptr) continue;
    for (const GumboNode* h1 : h1s) {
      if (html::IsAncestor(scope, h1)) return h1;
    }
  }
  const GumboNode* before = nullptr;
  for (const GumboNode* h1 : h1s) {
    if (SourceOffset(h1) <= SourceOffset(content)) before = h1;
  }
  return before != nullptr ? before : h1s.front();
}

// A "By ..." line with names, roles and a date is no longer than this.
constexpr std::size_t kMaxBylineWords = 15;

// An address of an author's page: "/author/jane-doe", "/people/jane-doe/", "/by/jdoe". Its
// path is the site's, so a new template keeps it.
bool IsAuthorPageLink(std::string_view href) {
  for (const std::string_view part : {"/author/", "/authors/", "/people/", "/by/", "/staff/", "/reporter/",
                                      "/reporters/", "/journalist/", "/journalists/", "/profile/", "/autor/",
                                      "/auteur/", "/autore/", "/writers/", "/contributor/", "/contributors/"}) {
    if (href.find(part) != std::string_view::npos) return true;
  }
  return false;
}

std::vector<std::string> VisibleAuthors(const GumboNode* scope) {
  std::vector<std::string> rel_authors;
  std::vector<std::string> itemprop_authors;
  std::vector<std::string> linked_authors;
  html::Walk(scope, [&](const GumboNode* n) {
    if (!html::IsElement(n)) return n->type == GUMBO_NODE_DOCUMENT;
    if (html::IsInvisible(n) || html::Tag(n) == GUMBO_TAG_FORM) return false;
    // Teasers and asides name other people.
    if (IsTemplateLandmark(n) ||
        html::Tag(n) == GUMBO_TAG_HEAD) {
      return html::Tag(n) == GUMBO_TAG_HEADER && n->parent != nullptr &&
             html::Tag(n->parent) != GUMBO_TAG_BODY;  // an article's own header keeps its byline
    }
    const std::string rel = AsciiLowered(html::AttrView(n, "rel"));
    const std::string itemprop = AsciiLowered(html::AttrView(n, "itemprop"));
    if (rel.find("author") != std::string::npos) {
      rel_authors.push_back(CleanInlineText(html::VisibleText(n)));
      return false;
    }
    if (itemprop == "author" || itemprop == "creator") {
      itemprop_authors.push_back(CleanInlineText(html::VisibleText(n)));
      return false;
    }
    // A name linked inside a paragraph of the story is someone the story is about.
    if (html::Tag(n) == GUMBO_TAG_P && CountWords(html::VisibleText(n)) > kMaxBylineWords) return false;
    if (html::Tag(n) == GUMBO_TAG_A && IsAuthorPageLink(html::AttrView(n, "href"))) {
      std::string name = CleanInlineText(html::VisibleText(n));
      const std::size_t words = CountWords(name);
      if (words >= 2 && words <= 5 && !EndsSentence(name) &&
          std::find(linked_authors.begin(), linked_authors.end(), name) == linked_authors.end()) {
        linked_authors.push_back(std::move(name));
      }
      return false;
    }
    return true;
  });
  if (!rel_authors.empty()) return rel_authors;
  if (!itemprop_authors.empty()) return itemprop_authors;
  // Links to author pages name the authors; a page with many is a list of staff or teasers.
  if (!linked_authors.empty() && linked_authors.size() <= 4) return linked_authors;
  return {};
}

}  // namespace

std::string DecodeEntities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  static const std::map<std::string_view, char32_t> kNamed = {
      {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},    {"rsquo", 0x2019}, {"lsquo", 0x2018},
      {"rdquo", 0x201D},  {"ldquo", 0x201C}, {"ndash", 0x2013}, {"mdash", 0x2014},
      {"hellip", 0x2026}, {"shy", 0xAD},     {"eacute", 0xE9},  {"copy", 0xA9}};
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t amp = text.find('&', pos);
    const std::size_t semi = amp == std::string_view::npos ? amp : text.find(';', amp);
    if (amp == std::string_view::npos || semi == std::string_view::npos || semi - amp > 10) {
      out.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, amp - pos));
    const std::string_view name = text.substr(amp + 1, semi - amp - 1);
    char32_t code = 0;
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      for (const char c : name.substr(hex ? 2 : 1)) {
        const int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                          : hex && std::isxdigit(static_cast<unsigned char>(c))
                              ? (std::tolower(static_cast<unsigned char>(c)) - 'a' + 10)
                              : -1;
        if (digit < 0 || code > 0x10FFFF) {
          code = 0;
          break;
        }
        code = code * (hex ? 16 : 10) + static_cast<char32_t>(digit);
      }
      if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0;
    } else {
      const auto it = kNamed.find(name);
      if (it != kNamed.end()) code = it->second;
    }
    if (code == 0) {
      out.append(text.substr(amp, semi - amp + 1));
    } else {
      utf8::Append(&out, code);
    }
    pos = semi + 1;
  }
  return out;
}

bool SameWords(std::string_view a, std::string_view b) {
  // Texts of very different lengths cannot hold the same words; spare the word lists.
  if (a.size() > 4 * b.size() + 64 || b.size() > 4 * a.size() + 64) return false;
  const std::vector<std::string> wa = LowerWords(a);
  return !wa.empty() && wa == LowerWords(b);
}

std::string StripSiteSuffix(std::string_view title, const std::vector<std::string>& known) {
  for (const std::string& k : known) {
    if (CountWords(k) >= 2 && StartsWithWords(title, k)) return k;
  }
  static constexpr std::string_view kSeparators[] = {" | ",  " - ",      " \u2013 ", " \u2014 ",
                                                     " :: ", " \u00B7 ", " // ",     " \u00BB "};
  std::string out(title);
  for (int round = 0; round < 2; ++round) {
    std::size_t cut = std::string::npos;
    std::size_t sep_size = 0;
    for (const std::string_view sep : kSeparators) {
      const std::size_t pos = out.rfind(sep);
      if (pos != std::string::npos && (cut == std::string::npos || pos > cut)) {
        cut = pos;
        sep_size = sep.size();
      }
    }
    if (cut == std::string::npos) break;
    const std::string_view head = std::string_view(out).substr(0, cut);
    const std::string_view tail = std::string_view(out).substr(cut + sep_size);
    if (CountWords(tail) > 5 || CountWords(head) < 2) break;
    out = std::string(head);
  }
  return out;
}

std::string JoinAuthors(const std::vector<std::string>& names, std::string_view site_name) {
  std::vector<std::string> kept;
  for (const std::string& raw : names) {
    std::string name = Clean(raw);
    if (name.rfind("By ", 0) == 0 || name.rfind("by ", 0) == 0 || name.rfind("BY ", 0) == 0) {
      name = name.substr(3);
    }
    if (name.empty() || LooksLikeUrl(name) || CountWords(name) > 10 || LooksLikeUsername(name)) {
      continue;
    }
    if (!site_name.empty() && SameWords(name, site_name)) continue;
    const bool repeat =
        std::any_of(kept.begin(), kept.end(), [&](const std::string& k) { return SameWords(k, name); });
    if (!repeat) kept.push_back(std::move(name));
  }
  std::string out;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (i > 0) out += (i + 1 == kept.size()) ? " and " : ", ";
    out += kept[i];
  }
  return out;
}

std::vector<std::string> DeclaredUrls(const GumboNode* root) {
  std::vector<std::string> urls;
  for (const GumboNode* link : html::FindAll(root, GUMBO_TAG_LINK)) {
    if (AsciiLowered(html::AttrView(link, "rel")) == "canonical" && html::Attr(link, "href") != nullptr) {
      urls.push_back(CleanInlineText(html::AttrView(link, "href")));
      break;
    }
  }
  for (const GumboNode* meta : html::FindAll(root, GUMBO_TAG_META)) {
    if (html::AttrView(meta, "property") == "og:url" && html::Attr(meta, "content") != nullptr) {
      urls.push_back(CleanInlineText(html::AttrView(meta, "content")));
      break;
    }
  }
  return urls;
}

const GumboNode* FindTitleHeading(const GumboNode* root, const JsonLdArticle& ld) {
  const std::map<std::string, std::string> metas = ReadMetaTags(root);
  const std::string og = Clean(MetaValue(metas, {"og:title", "twitter:title"}));
  const std::string ld_headline = Clean(ld.headline);
  const GumboNode* title_node = html::FindFirst(root, GUMBO_TAG_TITLE);
  const std::string title_tag = title_node != nullptr ? CleanInlineText(html::VisibleText(title_node)) : "";
  for (const GumboNode* h1 : html::FindAll(root, GUMBO_TAG_H1)) {
    if (!IsVisible(h1)) continue;
    const std::string text = CleanInlineText(html::VisibleText(h1));
    if (CountWords(text) < 2) continue;
    if (SameWords(text, og) || SameWords(text, ld_headline) || StartsWithWords(og, text) ||
        StartsWithWords(title_tag, text)) {
      return h1;
    }
  }
  return nullptr;
}

Metadata ReadMetadata(const GumboNode* root, const GumboNode* content, const JsonLdArticle& ld) {
  Metadata meta;
  const std::map<std::string, std::string> metas = ReadMetaTags(root);
  meta.site_name = Clean(MetaValue(metas, {"og:site_name", "application-name"}));
  if (meta.site_name.empty()) meta.site_name = Clean(ld.publisher);

  // Headline: prefer the text the page shows when another source agrees with it.
  // The heading that agrees with the title the page declares wins over one that merely sits
  // in the content (an embedded teaser's, say).
  const GumboNode* title_heading = FindTitleHeading(root, ld);
  const GumboNode* h1_node = title_heading != nullptr ? title_heading : PickHeadlineElement(root, content);
  const std::string h1 = h1_node != nullptr ? CleanInlineText(html::VisibleText(h1_node)) : "";
  const std::string ld_headline = Clean(ld.headline);
  const std::string og =
      StripSiteSuffix(Clean(MetaValue(metas, {"og:title", "twitter:title"})), {h1, ld_headline});
  const GumboNode* title_node = html::FindFirst(root, GUMBO_TAG_TITLE);
  const std::string title_tag = StripSiteSuffix(
      title_node != nullptr ? CleanInlineText(html::VisibleText(title_node)) : "", {h1, og, ld_headline});
  const bool h1_agrees =
      !h1.empty() && (SameWords(h1, og) || SameWords(h1, ld_headline) || SameWords(h1, title_tag));
  const GumboNode* article = content != nullptr ? ArticleAround(content) : nullptr;
  const bool h1_in_article =
      h1_node != nullptr && ((article != nullptr && html::IsAncestor(article, h1_node)) ||
                             (content != nullptr && html::IsAncestor(content, h1_node)));
  if (h1_agrees || (h1_in_article && CountWords(h1) >= 3) ||
      (og.empty() && ld_headline.empty() && title_tag.empty())) {
    meta.title = h1;
    meta.headline_element = h1_node;
  } else {
    for (const std::string* candidate : {&og, &ld_headline, &title_tag}) {
      if (!candidate->empty()) {
        meta.title = *candidate;
        break;
      }
    }
  }

  // Byline: structured names first, then what the page shows.
  meta.byline = JoinAuthors(ld.authors, meta.site_name);
  if (meta.byline.empty()) {
    meta.byline = JoinAuthors({MetaValue(metas, {"author", "article:author", "byl", "parsely-author",
                                                 "sailthru.author", "dc.creator"})},
                              meta.site_name);
  }
  if (meta.byline.empty()) {
    const GumboNode* scope = article != nullptr ? article : root;
    meta.byline = JoinAuthors(VisibleAuthors(scope), meta.site_name);
  }

  // Times, URL and language.
  meta.published = ld.date_published;
  if (!LooksLikeDate(meta.published)) {
    meta.published = MetaValue(
        metas, {"article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                "date", "dc.date.issued", "dc.date", "parsely-pub-date", "sailthru.date"});
  }
  if (!LooksLikeDate(meta.published)) {
    const GumboNode* scope = article != nullptr ? article : root;
    meta.published.clear();
    for (const GumboNode* time : html::FindAll(scope, GUMBO_TAG_TIME)) {
      const std::string_view datetime = html::AttrView(time, "datetime");
      if (LooksLikeDate(datetime)) {
        meta.published = std::string(datetime);
        break;
      }
    }
  }
  meta.modified = ld.date_modified;
  if (!LooksLikeDate(meta.modified)) {
    meta.modified = MetaValue(
        metas, {"article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "lastmod"});
  }
  if (!LooksLikeDate(meta.modified)) meta.modified.clear();
  meta.published = CleanInlineText(meta.published);
  meta.modified = CleanInlineText(meta.modified);

  for (const GumboNode* link : html::FindAll(root, GUMBO_TAG_LINK)) {
    if (AsciiLowered(html::AttrView(link, "rel")) == "canonical" && html::Attr(link, "href") != nullptr) {
      meta.canonical_url = CleanInlineText(html::AttrView(link, "href"));
      break;
    }
  }
  if (meta.canonical_url.empty()) meta.canonical_url = CleanInlineText(MetaValue(metas, {"og:url"}));
  const GumboNode* html_node = html::FindFirst(root, GUMBO_TAG_HTML);
  meta.language = CleanInlineText(html::AttrView(html_node, "lang"));
  return meta;
}

}  // namespace redline::normalize
