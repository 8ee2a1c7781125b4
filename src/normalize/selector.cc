#include "normalize/selector.h"

#include <algorithm>

#include "normalize/html_tree.h"
#include "normalize/text_words.h"

namespace redline::normalize {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}


class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<std::vector<Selector>> ParseList() {
    std::vector<Selector> list;
    while (true) {
      SkipSpace();
      Selector selector;
      REDLINE_RETURN_IF_ERROR(ParseSelector(&selector));
      list.push_back(std::move(selector));
      SkipSpace();
      if (pos_ == text_.size()) return list;
      if (text_[pos_] != ',') return Error("expected ',' or the end");
      ++pos_;
    }
  }

 private:
  Status ParseSelector(Selector* selector) {
    SimpleSelector first;
    REDLINE_RETURN_IF_ERROR(ParseSimple(&first));
    selector->parts.push_back(std::move(first));
    while (true) {
      const std::size_t before = pos_;
      SkipSpace();
      if (pos_ == text_.size() || text_[pos_] == ',') return Status::Ok();
      Selector::Combinator combinator = Selector::Combinator::kDescendant;
      if (text_[pos_] == '>') {
        combinator = Selector::Combinator::kChild;
        ++pos_;
        SkipSpace();
      } else if (pos_ == before) {
        return Error("unexpected '" + std::string(1, text_[pos_]) + "'");
      }
      SimpleSelector next;
      REDLINE_RETURN_IF_ERROR(ParseSimple(&next));
      selector->combinators.push_back(combinator);
      selector->parts.push_back(std::move(next));
    }
  }

  Status ParseSimple(SimpleSelector* simple) {
    const std::size_t start = pos_;
    if (pos_ < text_.size() && text_[pos_] == '*') {
      ++pos_;
    } else if (pos_ < text_.size() && IsNameChar(text_[pos_])) {
      simple->tag = AsciiLowered(Name());
    }
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '#' || c == '.') {
        ++pos_;
        const std::string_view name = Name();
        if (name.empty()) return Error(std::string("expected a name after '") + c + "'");
        (c == '#' ? simple->ids : simple->classes).emplace_back(name);
      } else if (c == '[') {
        ++pos_;
        SkipSpace();
        SimpleSelector::Attribute attribute;
        attribute.name = AsciiLowered(Name());
        if (attribute.name.empty()) return Error("expected an attribute name after '['");
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == '=') {
          ++pos_;
          SkipSpace();
          attribute.has_value = true;
          if (pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\'')) {
            const char quote = text_[pos_++];
            const std::size_t end = text_.find(quote, pos_);
            if (end == std::string_view::npos) return Error("unclosed quote");
            attribute.value = std::string(text_.substr(pos_, end - pos_));
            pos_ = end + 1;
          } else {
            attribute.value = std::string(Name());
            if (attribute.value.empty()) return Error("expected a value after '='");
          }
          SkipSpace();
        }
        if (pos_ >= text_.size() || text_[pos_] != ']') return Error("expected ']'");
        ++pos_;
        simple->attributes.push_back(std::move(attribute));
      } else {
        break;
      }
    }
    if (pos_ == start) {
      return pos_ < text_.size() ? Error("unexpected '" + std::string(1, text_[pos_]) + "'")
                                 : Error("expected a selector");
    }
    return Status::Ok();
  }

  std::string_view Name() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && IsNameChar(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  void SkipSpace() {
    while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
  }

  Status Error(const std::string& what) const {
    return Status::BadInput("selector '" + std::string(text_) + "': " + what + " at column " +
                            std::to_string(pos_ + 1));
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

bool HasClass(std::string_view classes, std::string_view name) {
  std::size_t start = 0;
  while (start < classes.size()) {
    while (start < classes.size() && IsSpace(classes[start])) ++start;
    std::size_t end = start;
    while (end < classes.size() && !IsSpace(classes[end])) ++end;
    if (classes.substr(start, end - start) == name) return true;
    start = end;
  }
  return false;
}

bool MatchesSimple(const SimpleSelector& simple, const GumboNode* node) {
  if (!html::IsElement(node)) return false;
  if (!simple.tag.empty() && html::TagName(node) != simple.tag) return false;
  for (const std::string& id : simple.ids) {
    if (html::AttrView(node, "id") != id) return false;
  }
  const std::string_view classes = html::AttrView(node, "class");
  for (const std::string& name : simple.classes) {
    if (!HasClass(classes, name)) return false;
  }
  for (const SimpleSelector::Attribute& attribute : simple.attributes) {
    const char* value = html::Attr(node, attribute.name.c_str());
    if (value == nullptr || (attribute.has_value && attribute.value != value)) return false;
  }
  return true;
}

// Whether parts[0..last] match with parts[last] on `node`.
bool MatchesFrom(const Selector& selector, std::size_t last, const GumboNode* node) {
  if (!MatchesSimple(selector.parts[last], node)) return false;
  if (last == 0) return true;
  const Selector::Combinator combinator = selector.combinators[last - 1];
  for (const GumboNode* a = node->parent; html::IsElement(a); a = a->parent) {
    if (MatchesFrom(selector, last - 1, a)) return true;
    if (combinator == Selector::Combinator::kChild) return false;
  }
  return false;
}

}  // namespace

Result<std::vector<Selector>> ParseSelectors(std::string_view text) { return Parser(text).ParseList(); }

bool Matches(const Selector& selector, const GumboNode* element) {
  return !selector.parts.empty() && MatchesFrom(selector, selector.parts.size() - 1, element);
}

void CollectAttributeNames(const Selector& selector, std::vector<std::string>* names) {
  for (const SimpleSelector& simple : selector.parts) {
    for (const SimpleSelector::Attribute& attribute : simple.attributes) {
      if (std::find(names->begin(), names->end(), attribute.name) == names->end()) {
        names->push_back(attribute.name);
      }
    }
  }
}

}  // namespace redline::normalize
