#include "normalize/json_ld.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "normalize/html_tree.h"

namespace redline::normalize {
namespace {

using nlohmann::json;

bool IsArticleType(const std::string& type) {
  static constexpr std::string_view kTypes[] = {"Article",
                                                "NewsArticle",
                                                "BlogPosting",
                                                "ReportageNewsArticle",
                                                "AnalysisNewsArticle",
                                                "OpinionNewsArticle",
                                                "BackgroundNewsArticle",
                                                "ReviewNewsArticle",
                                                "LiveBlogPosting",
                                                "TechArticle",
                                                "ScholarlyArticle",
                                                "Report",
                                                "SocialMediaPosting",
                                                "SatiricalArticle",
                                                "AdvertiserContentArticle",
                                                "Blog"};
  std::string_view name = type;
  const std::size_t slash = name.rfind('/');  // "http://schema.org/NewsArticle"
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  return std::find(std::begin(kTypes), std::end(kTypes), name) != std::end(kTypes);
}

bool HasArticleType(const json& object) {
  const auto type = object.find("@type");
  if (type == object.end()) return false;
  if (type->is_string()) return IsArticleType(type->get_ref<const std::string&>());
  if (type->is_array()) {
    for (const json& t : *type) {
      if (t.is_string() && IsArticleType(t.get_ref<const std::string&>())) return true;
    }
  }
  return false;
}

std::string StringField(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_array() && !it->empty() && it->front().is_string()) return it->front().get<std::string>();
  return "";
}

// A name from a string, {"name": ...}, or {"@id": ...} resolved through `ids`.
std::string NameOf(const json& value, const std::map<std::string, const json*>& ids) {
  if (value.is_string()) return value.get<std::string>();
  if (!value.is_object()) return "";
  std::string name = StringField(value, "name");
  if (name.empty()) {
    const std::string id = StringField(value, "@id");
    const auto found = ids.find(id);
    if (!id.empty() && found != ids.end() && found->second != &value) {
      name = StringField(*found->second, "name");
    }
  }
  return name;
}

void ReadArticle(const json& object, const std::map<std::string, const json*>& ids, JsonLdArticle* article) {
  article->found = true;
  article->headline = StringField(object, "headline");
  if (article->headline.empty()) article->headline = StringField(object, "name");
  article->date_published = StringField(object, "datePublished");
  article->date_modified = StringField(object, "dateModified");
  article->url = StringField(object, "url");
  article->article_body = StringField(object, "articleBody");
  const auto author = object.find("author");
  if (author != object.end()) {
    if (author->is_array()) {
      for (const json& a : *author) {
        std::string name = NameOf(a, ids);
        if (!name.empty()) article->authors.push_back(std::move(name));
      }
    } else {
      std::string name = NameOf(*author, ids);
      if (!name.empty()) article->authors.push_back(std::move(name));
    }
  }
  const auto publisher = object.find("publisher");
  if (publisher != object.end()) article->publisher = NameOf(*publisher, ids);
}

// Walks every object in `root` (arrays, @graph and nested values), iteratively.
template <typename Fn>
void ForEachObject(const json& root, Fn&& fn) {
  std::vector<const json*> stack = {&root};
  while (!stack.empty()) {
    const json* value = stack.back();
    stack.pop_back();
    if (value->is_object()) {
      fn(*value);
      for (auto it = value->rbegin(); it != value->rend(); ++it) {
        if (it->is_structured()) stack.push_back(&*it);
      }
    } else if (value->is_array()) {
      for (auto it = value->rbegin(); it != value->rend(); ++it) {
        if (it->is_structured()) stack.push_back(&*it);
      }
    }
  }
}

void ReadScript(std::string_view text, JsonLdArticle* article) {
  const json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) return;
  std::map<std::string, const json*> ids;
  ForEachObject(root, [&](const json& object) {
    const std::string id = StringField(object, "@id");
    if (!id.empty() && object.size() > 1) ids.emplace(id, &object);
  });
  ForEachObject(root, [&](const json& object) {
    if (!article->found && HasArticleType(object)) ReadArticle(object, ids, article);
  });
}

}  // namespace

JsonLdArticle ParseJsonLd(std::string_view json_text) {
  JsonLdArticle article;
  ReadScript(json_text, &article);
  return article;
}

namespace {

// How much an article object tells: a page with several (a graph and a BlogPosting, say)
// gives the fullest, whichever script comes first, so moving scripts changes nothing.
int Completeness(const JsonLdArticle& a) {
  int points = 0;
  for (const std::string* field : {&a.headline, &a.date_published, &a.date_modified, &a.url, &a.article_body}) {
    points += field->empty() ? 0 : 2;
  }
  for (const std::string& author : a.authors) {
    points += 2 + (author.find(' ') != std::string::npos ? 1 : 0);  // a name, not a login
  }
  return points;
}

}  // namespace

JsonLdArticle ReadJsonLd(const GumboNode* root) {
  JsonLdArticle best;
  for (const GumboNode* script : html::FindAll(root, GUMBO_TAG_SCRIPT)) {
    JsonLdArticle article;
    std::string type(html::AttrView(script, "type"));
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (type.find("ld+json") == std::string::npos) continue;
    const GumboVector* children = html::Children(script);
    std::string text;
    for (unsigned i = 0; children != nullptr && i < children->length; ++i) {
      const GumboNode* child = html::Child(children, i);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
          child->type == GUMBO_NODE_CDATA) {
        text += child->v.text.text;
      }
    }
    ReadScript(text, &article);
    if (article.found && (!best.found || Completeness(article) > Completeness(best))) best = std::move(article);
  }
  return best;
}

}  // namespace redline::normalize
