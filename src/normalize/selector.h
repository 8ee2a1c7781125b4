// CSS-like selectors for site rules: type (div), universal (*), #id, .class, [attr] and
// [attr=value] (value bare or quoted), joined by the descendant (space) and child (>)
// combinators; a comma separates alternatives. Tag and attribute names match without case,
// ids, classes and values with it, as in HTML documents.
#ifndef REDLINE_NORMALIZE_SELECTOR_H_
#define REDLINE_NORMALIZE_SELECTOR_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "redline/status.h"

namespace redline::normalize {

struct SimpleSelector {
  std::string tag;  // lowercase; empty for any element
  std::vector<std::string> ids;
  std::vector<std::string> classes;
  struct Attribute {
    std::string name;  // lowercase
    std::string value;
    bool has_value = false;
  };
  std::vector<Attribute> attributes;
};

// A chain of simple selectors, leftmost first; combinators[i] joins parts[i] and parts[i+1].
struct Selector {
  enum class Combinator { kDescendant, kChild };
  std::vector<SimpleSelector> parts;
  std::vector<Combinator> combinators;
};

// Parses "article .body, div#main > p[data-x=y]". BadInput with the reason on a syntax error.
Result<std::vector<Selector>> ParseSelectors(std::string_view text);

bool Matches(const Selector& selector, const GumboNode* element);

// Lowercase names of the attributes the selectors test (besides id and class).
void CollectAttributeNames(const Selector& selector, std::vector<std::string>* names);

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_SELECTOR_H_
