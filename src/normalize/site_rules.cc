#include "normalize/site_rules.h"

#include <algorithm>

#include "normalize/html_tree.h"

namespace redline {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

bool IsDomain(std::string_view domain) {
  if (domain == "*") return true;
  if (domain.empty() || domain.front() == '.' || domain.back() == '.') return false;
  return std::all_of(domain.begin(), domain.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
}

Status LineError(std::size_t line, const std::string& what) {
  return Status::BadInput("rules line " + std::to_string(line) + ": " + what);
}

}  // namespace

SiteRules::SiteRules() : impl_(std::make_shared<const Impl>()) {}
SiteRules::SiteRules(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

bool SiteRules::empty() const { return impl_->sections.empty(); }

Result<SiteRules> SiteRules::Parse(std::string_view text) {
  auto impl = std::make_shared<Impl>();
  std::size_t number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = Trim(text.substr(start, end - start));
    start = end + 1;
    ++number;
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[') {
      if (line.back() != ']') return LineError(number, "a section is [domain, domain...]");
      Impl::Section section;
      std::string_view list = line.substr(1, line.size() - 2);
      while (!list.empty()) {
        const std::size_t comma = list.find(',');
        std::string domain(Trim(list.substr(0, comma)));
        for (char& c : domain) c = Lower(c);
        if (!IsDomain(domain)) return LineError(number, "'" + domain + "' is not a domain");
        section.domains.push_back(std::move(domain));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
      }
      if (section.domains.empty()) return LineError(number, "a section needs a domain");
      impl->sections.push_back(std::move(section));
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return LineError(number, "expected 'include: SELECTORS' or 'exclude: SELECTORS'");
    const std::string_view key = Trim(line.substr(0, colon));
    if (key != "include" && key != "exclude") {
      return LineError(number, "unknown rule '" + std::string(key) + "' (use include or exclude)");
    }
    if (impl->sections.empty()) return LineError(number, "rules must follow a [domain] section");
    Result<std::vector<normalize::Selector>> selectors = normalize::ParseSelectors(Trim(line.substr(colon + 1)));
    if (!selectors.ok()) return LineError(number, selectors.status().message());
    for (const normalize::Selector& s : *selectors) normalize::CollectAttributeNames(s, &impl->attributes);
    std::vector<normalize::Selector>& target =
        key == "include" ? impl->sections.back().include : impl->sections.back().exclude;
    target.insert(target.end(), selectors->begin(), selectors->end());
  }
  return SiteRules(std::move(impl));
}

namespace normalize {

std::string HostOf(std::string_view url) {
  const std::size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  if (scheme == std::string_view::npos && url.starts_with("//")) rest = url.substr(2);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  const std::size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest.remove_prefix(at + 1);
  rest = rest.substr(0, rest.find(':'));
  while (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
  std::string host(Trim(rest));
  for (char& c : host) c = Lower(c);
  return host;
}

bool HostInDomain(std::string_view host, std::string_view domain) {
  if (domain == "*") return true;
  if (host.empty()) return false;
  if (host == domain) return true;
  return host.size() > domain.size() && host.ends_with(domain) && host[host.size() - domain.size() - 1] == '.';
}

PageRules RulesFor(const SiteRules& rules, const std::vector<std::string>& hosts) {
  PageRules page;
  for (const SiteRules::Impl::Section& section : rules.impl().sections) {
    const bool applies = std::any_of(section.domains.begin(), section.domains.end(), [&](const std::string& d) {
      return std::any_of(hosts.begin(), hosts.end(), [&](const std::string& h) { return HostInDomain(h, d); });
    });
    if (!applies) continue;
    for (const Selector& s : section.include) page.include.push_back(&s);
    for (const Selector& s : section.exclude) page.exclude.push_back(&s);
  }
  return page;
}

std::vector<const GumboNode*> FindMatches(const GumboNode* root, const std::vector<const Selector*>& selectors) {
  std::vector<const GumboNode*> found;
  if (selectors.empty()) return found;
  html::Walk(root, [&](const GumboNode* n) {
    if (!html::IsElement(n)) return n->type == GUMBO_NODE_DOCUMENT;
    for (const Selector* s : selectors) {
      if (Matches(*s, n)) {
        found.push_back(n);
        return false;  // outermost only
      }
    }
    return true;
  });
  return found;
}

}  // namespace normalize
}  // namespace redline
