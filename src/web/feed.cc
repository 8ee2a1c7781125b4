#include "web/feed.h"

#include <cstring>
#include <pugixml.hpp>

#include "base/utf8.h"
#include "web/url.h"

namespace redline::web {
namespace {

constexpr std::size_t kMaxItems = 5000;

std::string_view LocalName(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& parent, std::string_view local) {
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == local) return child;
  }
  return {};
}

void AppendText(const pugi::xml_node& node, std::string* out, int depth) {
  if (depth > 32) return;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out->append(child.value());
    } else if (child.type() == pugi::node_element) {
      AppendText(child, out, depth + 1);
    }
  }
}

// All text under `node`, valid UTF-8 on one line, whitespace collapsed.
std::string Text(const pugi::xml_node& node) {
  std::string raw;
  if (node) AppendText(node, &raw, 0);
  const std::string valid = utf8::Repair(raw);
  std::string out;
  bool space = false;
  for (const char c : valid) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string FirstText(const pugi::xml_node& item, std::initializer_list<std::string_view> names) {
  for (const std::string_view name : names) {
    std::string text = Text(Child(item, name));
    if (!text.empty()) return text;
  }
  return "";
}

std::string AtomLink(const pugi::xml_node& entry) {
  std::string fallback;
  for (pugi::xml_node child : entry.children()) {
    if (child.type() != pugi::node_element || LocalName(child) != "link") continue;
    const std::string_view rel = child.attribute("rel").value();
    const std::string href = child.attribute("href").value();
    if (href.empty()) continue;
    if (rel.empty() || rel == "alternate") return href;
    if (fallback.empty() && rel != "self" && rel != "enclosure" && rel != "replies") fallback = href;
  }
  return fallback;
}

std::string RssLink(const pugi::xml_node& item) {
  std::string link = Text(Child(item, "link"));
  if (!link.empty()) return link;
  const pugi::xml_node guid = Child(item, "guid");
  if (guid && std::strcmp(guid.attribute("isPermaLink").value(), "false") != 0) {
    link = Text(guid);
    if (link.starts_with("http://") || link.starts_with("https://")) return link;
  }
  return item.attribute("rdf:about").value();
}

void AddItem(Feed* feed, std::string link, std::string title, std::string published,
             std::string_view feed_url) {
  if (link.empty() || feed->items.size() >= kMaxItems) return;
  auto resolved = ResolveUrl(feed_url, link);
  if (!resolved.ok()) return;
  feed->items.push_back({std::move(*resolved), std::move(title), std::move(published)});
}

}  // namespace

Result<Feed> ParseFeed(std::string_view bytes, std::string_view feed_url) {
  pugi::xml_document document;
  // parse_default: CDATA, the predefined entities and character references, EOL handling.
  // No parse_doctype: DOCTYPE declarations (and any entities they declare) are skipped.
  const pugi::xml_parse_result parsed =
      document.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_auto);
  if (!parsed) {
    return Status::BadInput(std::string("feed is not well-formed XML: ") + parsed.description() +
                            " at offset " + std::to_string(parsed.offset));
  }
  const pugi::xml_node root = document.document_element();
  const std::string_view root_name = LocalName(root);
  Feed feed;
  if (root_name == "rss") {
    feed.format = "rss";
    const pugi::xml_node channel = Child(root, "channel");
    feed.title = Text(Child(channel, "title"));
    for (pugi::xml_node item : channel.children()) {
      if (item.type() != pugi::node_element || LocalName(item) != "item") continue;
      AddItem(&feed, RssLink(item), Text(Child(item, "title")), FirstText(item, {"pubDate", "date"}),
              feed_url);
    }
  } else if (root_name == "RDF") {
    feed.format = "rdf";
    feed.title = Text(Child(Child(root, "channel"), "title"));
    for (pugi::xml_node item : root.children()) {
      if (item.type() != pugi::node_element || LocalName(item) != "item") continue;
      AddItem(&feed, RssLink(item), Text(Child(item, "title")), FirstText(item, {"date", "pubDate"}),
              feed_url);
    }
  } else if (root_name == "feed") {
    feed.format = "atom";
    feed.title = Text(Child(root, "title"));
    for (pugi::xml_node entry : root.children()) {
      if (entry.type() != pugi::node_element || LocalName(entry) != "entry") continue;
      AddItem(&feed, AtomLink(entry), Text(Child(entry, "title")), FirstText(entry, {"published", "updated"}),
              feed_url);
    }
  } else {
    return Status::BadInput("not an RSS, RDF or Atom feed (the root element is <" +
                            utf8::Repair(std::string(root.name()).substr(0, 40)) + ">)");
  }
  return feed;
}

Result<FeedFilter> FeedFilter::Compile(const std::string& match_url, const std::string& match_title) {
  FeedFilter filter;
  const auto compile = [](const std::string& pattern, std::regex::flag_type flags,
                          const char* what) -> Result<std::shared_ptr<const std::regex>> {
    if (pattern.empty()) return std::shared_ptr<const std::regex>();
    try {
      return std::make_shared<const std::regex>(pattern, flags);
    } catch (const std::regex_error& error) {
      return Status::BadInput(std::string("invalid ") + what + " pattern '" + pattern + "': " + error.what());
    }
  };
  REDLINE_ASSIGN_OR_RETURN(filter.url_, compile(match_url, std::regex::ECMAScript, "--match-url"));
  REDLINE_ASSIGN_OR_RETURN(filter.title_,
                           compile(match_title, std::regex::ECMAScript | std::regex::icase, "--match-title"));
  return filter;
}

bool FeedFilter::Matches(const FeedItem& item) const {
  try {
    if (url_ && !std::regex_search(item.url, *url_)) return false;
    if (title_ && !std::regex_search(item.title, *title_)) return false;
  } catch (const std::regex_error&) {
    return false;  // too complex for this input: not matched
  }
  return true;
}

}  // namespace redline::web
