// The site rules behind redline::SiteRules: sections of include/exclude selectors per
// domain, and what applies to one page.
#ifndef REDLINE_NORMALIZE_SITE_RULES_H_
#define REDLINE_NORMALIZE_SITE_RULES_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "normalize/selector.h"
#include "redline/normalize.h"

namespace redline {

struct SiteRules::Impl {
  struct Section {
    std::vector<std::string> domains;  // lowercase; "*" for every site
    std::vector<normalize::Selector> include;
    std::vector<normalize::Selector> exclude;
  };
  std::vector<Section> sections;
  // Attribute names the selectors test, which the parser must keep (see html_prepare.h).
  std::vector<std::string> attributes;
};

namespace normalize {

// "https://News.Example.com:8080/a?b" -> "news.example.com"; "" when there is no host.
std::string HostOf(std::string_view url);

// True when `host` is `domain` or a subdomain of it ("*" matches every host).
bool HostInDomain(std::string_view host, std::string_view domain);

// The selectors of every section whose domain covers one of `hosts`.
struct PageRules {
  std::vector<const Selector*> include;
  std::vector<const Selector*> exclude;
  bool empty() const { return include.empty() && exclude.empty(); }
};
PageRules RulesFor(const SiteRules& rules, const std::vector<std::string>& hosts);

// Elements matching any of `selectors` under `root`, outermost only, in document order.
std::vector<const GumboNode*> FindMatches(const GumboNode* root, const std::vector<const Selector*>& selectors);

}  // namespace normalize
}  // namespace redline

#endif  // REDLINE_NORMALIZE_SITE_RULES_H_
