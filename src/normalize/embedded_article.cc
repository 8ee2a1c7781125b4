#include "normalize/embedded_article.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <utility>

#include "base/utf8.h"
#include "normalize/block_builder.h"
#include "normalize/html_tree.h"
#include "normalize/metadata.h"
#include "normalize/template_filter.h"
#include "normalize/text_words.h"
#include "redline/document.h"

namespace redline::normalize {
namespace {

using nlohmann::json;

// Limits that keep a hostile page cheap. nlohmann's parser recurses once per nesting level,
// so deeper scripts are refused before parsing; every string of the data may be decoded.
constexpr std::size_t kMaxScriptBytes = 8u << 20;
constexpr std::size_t kMaxJsonDepth = 200;
constexpr std::size_t kMaxScripts = 32;
constexpr std::size_t kMaxStringsPerScript = 100000;
constexpr int kMaxHtmlParses = 512;  // per page; past it, tags are stripped instead
constexpr int kMaxInlineDepth = 8;   // links inside marks inside links...
constexpr std::size_t kMaxHeadlinePaths = 4;
// A Nuxt payload shares entries by reference, so a small one can stand for a huge tree; a
// real one refers to most entries once.
constexpr int kMaxNuxtDepth = 150;
constexpr std::size_t kMaxNuxtNodesPerEntry = 4;
constexpr std::size_t kMaxNuxtNodes = 1u << 20;
constexpr std::size_t kMaxNuxtBytes = 4 * kMaxScriptBytes;

// A story has at least this many words; fewer is a description or a teaser repeated.
constexpr std::size_t kMinArticleWords = 40;
// A string is prose with this many words and a sentence's punctuation.
constexpr std::size_t kMinProseWords = 10;

struct Budget {
  int html_parses = kMaxHtmlParses;
};

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// ---------------------------------------------------------------------------------------
// Strings to paragraphs

std::string ValidUtf8(std::string_view text) { return utf8::IsValid(text) ? std::string(text) : utf8::Repair(text); }

// JSON may carry any control character ("\u0000"); none of them is text.
void BlankControls(std::string* text) {
  for (char& c : *text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n') || byte == 0x7F) c = ' ';
  }
}

enum class Markup { kNone, kInline, kBlock };

// What the tag starting at text[lt] ('<') is: none when it is no HTML tag we know (so that
// "a < b" and "x<y" stay text).
Markup TagAt(std::string_view text, std::size_t lt) {
  static constexpr std::string_view kBlockTags[] = {
      "p",     "br",    "div",   "h1",    "h2",   "h3", "h4", "h5",     "h6",     "li",    "ul",
      "ol",    "blockquote", "figure", "figcaption", "section", "article", "table", "tr", "td",
      "th",    "pre",   "hr",    "dl",    "dt",   "dd", "aside", "header", "footer", "main"};
  static constexpr std::string_view kInlineTags[] = {"a",    "b",    "i",    "u",   "s",    "em",   "strong",
                                                     "span", "sup",  "sub",  "small", "mark", "code", "cite",
                                                     "q",    "abbr", "time", "img", "del",  "ins",  "font"};
  std::size_t i = lt + 1;
  if (i < text.size() && text[i] == '/') ++i;
  std::string name;
  while (i < text.size() && name.size() <= 10 && std::isalnum(static_cast<unsigned char>(text[i]))) {
    name.push_back(LowerAscii(text[i++]));
  }
  if (name.empty() || i >= text.size()) return Markup::kNone;
  const char after = text[i];
  if (after != '>' && after != '/' && after != ' ' && after != '\n' && after != '\t') return Markup::kNone;
  if (OneOf(name, kBlockTags)) return Markup::kBlock;
  return OneOf(name, kInlineTags) ? Markup::kInline : Markup::kNone;
}

Markup MarkupOf(std::string_view text) {
  Markup found = Markup::kNone;
  for (std::size_t lt = text.find('<'); lt != std::string_view::npos; lt = text.find('<', lt + 1)) {
    const Markup markup = TagAt(text, lt);
    if (markup == Markup::kBlock) return markup;
    if (markup == Markup::kInline) found = markup;
  }
  return found;
}

// The text without its tags; block tags become blank lines, so paragraphs stay apart.
std::string StripTags(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t lt = text.find('<', pos);
    if (lt == std::string_view::npos) break;
    const Markup markup = TagAt(text, lt);
    const std::size_t gt = markup == Markup::kNone ? std::string_view::npos : text.find('>', lt);
    if (gt == std::string_view::npos) {
      out.append(text.substr(pos, lt + 1 - pos));
      pos = lt + 1;
      continue;
    }
    out.append(text.substr(pos, lt - pos));
    if (markup == Markup::kBlock) out.append("\n\n");
    pos = gt + 1;
  }
  out.append(text.substr(std::min(pos, text.size())));
  return out;
}

bool IsBlankLine(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

// Blank lines separate paragraphs; in a text without any, every line break does.
std::vector<std::string> TextParagraphs(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  bool seen_text = false;
  bool blank_separated = false;
  for (std::size_t i = 0; i < lines.size() && !blank_separated; ++i) {
    if (!IsBlankLine(lines[i])) {
      seen_text = true;
    } else if (seen_text && i + 1 < lines.size() && !IsBlankLine(lines[i + 1])) {
      blank_separated = true;
    }
  }
  std::vector<std::string> out;
  std::string current;
  const auto flush = [&] {
    std::string clean = CleanInlineText(current);
    if (!clean.empty()) out.push_back(std::move(clean));
    current.clear();
  };
  for (const std::string_view line : lines) {
    if (IsBlankLine(line)) {
      flush();
      continue;
    }
    current.append(current.empty() ? "" : " ").append(line);
    if (!blank_separated) flush();
  }
  flush();
  return out;
}

// The blocks of an HTML fragment as the page's own content would give them.
std::vector<std::string> HtmlBlocks(std::string_view html) {
  Result<html::ParsedHtml> parsed = html::Parse(html);
  if (!parsed.ok()) return TextParagraphs(DecodeEntities(StripTags(html)));  // nested too deeply
  const GumboNode* document = parsed->document();
  const GumboNode* body = html::FindFirst(document, GUMBO_TAG_BODY);
  BlockBuilder builder([](const GumboNode* node) { return html::IsInvisible(node); });
  builder.Add(body != nullptr ? body : document);
  std::vector<std::string> out;
  for (Candidate& block : builder.Take()) out.push_back(std::move(block.block.text));
  return out;
}

bool HasParagraphTags(std::string_view html) {
  for (std::size_t lt = html.find('<'); lt != std::string_view::npos; lt = html.find('<', lt + 1)) {
    if (lt + 2 < html.size() && LowerAscii(html[lt + 1]) == 'p' && (html[lt + 2] == '>' || html[lt + 2] == ' ')) {
      return true;
    }
  }
  return false;
}

// CMSs that store HTML without <p> (WordPress's post content) separate paragraphs with blank
// lines, which an HTML parser would read as one space: they become <br><br>.
std::string BlankLinesAsBreaks(std::string_view html) {
  if (HasParagraphTags(html)) return std::string(html);
  std::string out;
  bool blank = false;
  for (std::size_t start = 0; start <= html.size();) {
    std::size_t end = html.find('\n', start);
    if (end == std::string_view::npos) end = html.size();
    const std::string_view line = html.substr(start, end - start);
    if (IsBlankLine(line)) {
      blank = !out.empty();
    } else {
      out.append(blank ? "<br><br>" : (out.empty() ? "" : "\n")).append(line);
      blank = false;
    }
    start = end + 1;
  }
  return out;
}

// A string of the data as paragraphs of plain text: HTML parsed, entities decoded.
std::vector<std::string> Paragraphs(std::string_view raw, Budget* budget) {
  std::string text = ValidUtf8(raw);
  BlankControls(&text);
  // Some feeds escape the markup once more ("&lt;p&gt;").
  if (text.find("&lt;") != std::string::npos && MarkupOf(text) == Markup::kNone) {
    const std::string decoded = DecodeEntities(text);
    if (MarkupOf(decoded) != Markup::kNone) text = decoded;
  }
  switch (MarkupOf(text)) {
    case Markup::kBlock:
      if (budget->html_parses > 0) {
        --budget->html_parses;
        return HtmlBlocks(BlankLinesAsBreaks(text));
      }
      [[fallthrough]];
    case Markup::kInline:
      return TextParagraphs(DecodeEntities(StripTags(text)));
    case Markup::kNone:
      break;
  }
  return TextParagraphs(DecodeEntities(text));
}

// URLs, ids, hashes and encoded data: long ASCII strings without a space are never text
// (scripts without spaces, like Chinese, are not ASCII).
bool LooksLikeToken(std::string_view text) {
  return text.size() > 64 && text.find(' ') == std::string_view::npos &&
         std::none_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool HasSentencePunctuation(std::string_view text) {
  static constexpr std::string_view kMarks[] = {". ", "? ", "! ", "\u3002", "\uFF01", "\uFF1F"};
  return EndsSentence(text) || std::any_of(std::begin(kMarks), std::end(kMarks), [&](std::string_view mark) {
           return text.find(mark) != std::string_view::npos;
         });
}

bool IsProse(std::string_view text) {
  return CountWordsUpTo(text, kMinProseWords) >= kMinProseWords && HasSentencePunctuation(text);
}

bool HasEnoughWords(const std::vector<std::string>& paragraphs) {
  std::size_t words = 0;
  for (const std::string& p : paragraphs) {
    words += CountWordsUpTo(p, kMinArticleWords);
    if (words >= kMinArticleWords) return true;
  }
  return false;
}

bool SameAsHeadline(std::string_view text, std::string_view headline) {
  // Spare the word lists of texts too long or short to be the headline.
  if (headline.empty() || text.size() > 2 * headline.size() + 16 || 2 * text.size() + 16 < headline.size()) {
    return false;
  }
  return SameWords(text, headline);
}

// The story as the reader gets it: no headline again, no ad labels or share lines between
// blocks, no paragraph twice in a row.
std::vector<std::string> Tidy(std::vector<std::string> paragraphs, std::string_view headline) {
  std::vector<std::string> out;
  for (std::string& p : paragraphs) {
    if (p.empty() || SameAsHeadline(p, headline) || IsFurnitureLine(p)) continue;
    if (!out.empty() && out.back() == p) continue;
    out.push_back(std::move(p));
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Walking JSON

struct Segment {
  std::string key;  // an object's key, or empty for an array index
  std::size_t index = 0;
  bool is_index = false;
  bool operator==(const Segment&) const = default;
};
using Path = std::vector<Segment>;

// The path with array indices removed, for grouping: "props.pageProps.article.body[].text".
// Directly nested arrays under the same key (rich-text trees: content[].content[]...) count
// as one, so that a list's paragraphs join the story's other paragraphs.
std::string GroupKey(const Path& path) {
  std::string key;
  std::string_view last_array;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const Segment& s = path[i];
    if (s.is_index) continue;
    const bool array = i + 1 < path.size() && path[i + 1].is_index;
    if (array && s.key == last_array) continue;
    if (!key.empty()) key.push_back('.');
    key.append(s.key);
    if (array) key.append("[]");
    last_array = array ? std::string_view(s.key) : std::string_view();
  }
  return key;
}

std::string_view NodeType(const json& node) {
  for (const char* key : {"type", "nodeType", "_type"}) {
    const auto it = node.find(key);
    if (it != node.end() && it->is_string()) return it->get_ref<const std::string&>();
  }
  return {};
}

const json* ArrayField(const json& node, const char* key) {
  const auto it = node.find(key);
  return it != node.end() && it->is_array() ? &*it : nullptr;
}

bool IsTextNodeType(std::string_view type) { return type == "text" || type == "span"; }

bool IsBreakNodeType(std::string_view type) {
  return type == "hard_break" || type == "hardBreak" || type == "linebreak" || type == "line-break" || type == "br";
}

bool IsInlineNodeType(std::string_view type) {
  static constexpr std::string_view kTypes[] = {"link",   "hyperlink", "entry-hyperlink", "asset-hyperlink",
                                                "a",      "anchor",    "autolink",        "em",
                                                "strong", "italic",    "bold",            "underline",
                                                "mark",   "code",      "sup",             "sub"};
  return OneOf(type, kTypes);
}

// Rich-text editors (Contentful, Sanity, Slate, Lexical, ProseMirror) store a paragraph as
// an array of text nodes split wherever a link or a mark starts. Appends the array's text
// to `out` when it is such a run; false when it holds anything else (a block, a list).
// Untyped leaves ({"text": ...}) count only under "children" (Slate's shape).
bool InlineRun(const json& array, bool untyped_leaves, int depth, std::string* out) {
  if (depth > kMaxInlineDepth || array.empty()) return false;
  for (const json& node : array) {
    if (!node.is_object()) return false;
    const std::string_view type = NodeType(node);
    if (IsBreakNodeType(type)) {
      out->push_back(' ');
      continue;
    }
    auto text = node.find("text");
    if (text == node.end()) text = node.find("value");
    if (text != node.end() && text->is_string() && (IsTextNodeType(type) || (type.empty() && untyped_leaves))) {
      out->append(text->get_ref<const std::string&>());
      continue;
    }
    const json* children = ArrayField(node, "children");
    const json* inner = children != nullptr ? children : ArrayField(node, "content");
    if (inner == nullptr || !IsInlineNodeType(type)) return false;
    if (!InlineRun(*inner, inner == children, depth + 1, out)) return false;
  }
  return true;
}

// Calls on_string(text, path) for the strings under `root`, in order; a rich-text run comes
// as one string at the path of its array. Iterative, and stops after kMaxStringsPerScript.
template <typename Fn>
void ForEachString(const json& root, Fn&& on_string) {
  struct Frame {
    const json* node;
    json::const_iterator next;
    std::size_t index;
  };
  Path path;
  std::size_t strings = 0;
  const auto emit = [&](std::string_view text, Segment segment) {
    path.push_back(std::move(segment));
    on_string(text, path);
    path.pop_back();
    return ++strings < kMaxStringsPerScript;
  };
  if (root.is_string()) on_string(root.get_ref<const std::string&>(), path);
  if (!root.is_structured()) return;
  std::vector<Frame> stack = {{&root, root.cbegin(), 0}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next == top.node->cend()) {
      stack.pop_back();
      if (!stack.empty()) path.pop_back();
      continue;
    }
    const auto it = top.next++;
    Segment segment = top.node->is_object() ? Segment{it.key(), 0, false} : Segment{"", top.index++, true};
    const json& child = *it;
    if (child.is_string()) {
      if (!emit(child.get_ref<const std::string&>(), std::move(segment))) return;
      continue;
    }
    if (!child.is_structured()) continue;
    if (child.is_array() && (segment.key == "children" || segment.key == "content")) {
      std::string run;
      if (InlineRun(child, segment.key == "children", 0, &run)) {
        if (!emit(run, std::move(segment))) return;
        continue;
      }
    }
    path.push_back(std::move(segment));
    stack.push_back({&child, child.cbegin(), 0});
  }
}

// A headline path tells another record apart only when it ends at a title field:
// stories[0].title. A headline among a story's blocks (blocks[0].text) tells nothing.
bool IsTitlePath(const Path& path) {
  if (path.empty() || path.back().is_index) return false;
  const std::string key = AsciiLowered(path.back().key);
  return key.find("title") != std::string::npos || key.find("headline") != std::string::npos;
}

// A field of another record in the list the headline's record belongs to: the paths part at
// an array index and go on to different fields (stories[3].body after stories[0].title).
bool OtherRecord(const Path& path, const Path& headline) {
  std::size_t d = 0;
  while (d < path.size() && d < headline.size() && path[d] == headline[d]) ++d;
  if (d >= path.size() || d >= headline.size() || !path[d].is_index || !headline[d].is_index) return false;
  const auto same_field = [](const Segment& a, const Segment& b) { return a.is_index == b.is_index && a.key == b.key; };
  return !std::equal(path.begin() + static_cast<std::ptrdiff_t>(d + 1), path.end(),
                     headline.begin() + static_cast<std::ptrdiff_t>(d + 1), headline.end(), same_field);
}

// Keys whose strings are about the story, or about other pages, rather than the story.
enum class KeyKind { kStory, kAside, kElsewhere };

// The words of a key, lowercased, a plural's "s" dropped: "relatedArticles" -> related,
// article; "seo_title" -> seo, title.
std::vector<std::string> KeyWords(std::string_view key) {
  std::vector<std::string> words(1);
  for (std::size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    const bool upper = c >= 'A' && c <= 'Z';
    if (!std::isalnum(static_cast<unsigned char>(c)) || (upper && i > 0 && !(key[i - 1] >= 'A' && key[i - 1] <= 'Z'))) {
      if (!words.back().empty()) words.emplace_back();
      if (!upper) continue;
    }
    words.back().push_back(LowerAscii(c));
  }
  if (words.back().empty()) words.pop_back();
  for (std::string& w : words) {
    if (w.size() > 3 && w.back() == 's' && w != "news") w.pop_back();
  }
  return words;
}

KeyKind KindOfWords(const std::vector<std::string>& words) {
  static constexpr std::string_view kElsewhere[] = {
      "related", "recommend", "recommended", "recommendation", "comment", "trending",   "popular", "reply",
      "replie",  "caption",   "credit",      "newsletter",     "promo",   "footer",     "breadcrumb", "nav",
      "navigation", "menu",   "mostread",    "mostviewed"};
  static constexpr std::string_view kAside[] = {"description", "summary", "excerpt", "teaser",  "seo",
                                                "meta",        "metadata", "abstract", "subtitle", "standfirst",
                                                "preview",     "snippet", "blurb",    "dek",     "og",
                                                "twitter"};
  KeyKind kind = KeyKind::kStory;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string pair = i + 1 < words.size() ? words[i] + words[i + 1] : "";
    if (OneOf(words[i], kElsewhere) || OneOf(std::string_view(pair), kElsewhere)) return KeyKind::kElsewhere;
    if (OneOf(words[i], kAside)) kind = KeyKind::kAside;
  }
  return kind;
}

// The kind of a path's strings, by the words of its keys. Keys of many words are data, not
// names (a Nuxt key "article-comments-on-the-budget" holds the story about comments).
KeyKind KindOfPath(const Path& path) {
  constexpr std::size_t kMaxNameWords = 4;
  KeyKind kind = KeyKind::kStory;
  for (const Segment& segment : path) {
    if (segment.is_index) continue;
    const std::vector<std::string> words = KeyWords(segment.key);
    if (words.size() > kMaxNameWords) continue;
    const KeyKind k = KindOfWords(words);
    if (k == KeyKind::kElsewhere) return k;
    if (k == KeyKind::kAside) kind = k;
  }
  return kind;
}

// Strings that share a key path: the blocks of one body, the labels of one menu.
struct Group {
  std::vector<std::string> paragraphs;
  std::size_t prose_size = 0;  // bytes of prose paragraphs
  KeyKind kind = KeyKind::kStory;
};

// The group with the most prose (the earliest of equals) among those of `kind` that hold a
// story's worth of words, or nullptr.
const Group* Richest(const std::vector<Group>& groups, KeyKind kind) {
  const Group* best = nullptr;
  for (const Group& g : groups) {
    if (g.kind != kind || g.prose_size == 0) continue;
    if (best != nullptr && g.prose_size <= best->prose_size) continue;
    if (HasEnoughWords(g.paragraphs)) best = &g;
  }
  return best;
}

// The article body among the strings of `root`.
std::optional<std::vector<std::string>> FindBody(const json& root, std::string_view headline, Budget* budget) {
  // The headline's places in the data, to tell the story's record from other stories'.
  std::vector<Path> headline_paths;
  if (!headline.empty()) {
    ForEachString(root, [&](std::string_view text, const Path& path) {
      if (headline_paths.size() < kMaxHeadlinePaths && IsTitlePath(path) && SameAsHeadline(text, headline)) {
        headline_paths.push_back(path);
      }
    });
  }
  std::vector<Group> groups;
  std::unordered_map<std::string, std::size_t> group_of;
  ForEachString(root, [&](std::string_view text, const Path& path) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos || LooksLikeToken(text)) return;
    for (const Path& h : headline_paths) {
      if (OtherRecord(path, h)) return;
    }
    const auto [it, added] = group_of.try_emplace(GroupKey(path), groups.size());
    if (added) groups.push_back(Group{{}, 0, KindOfPath(path)});
    Group& group = groups[it->second];
    for (std::string& p : Paragraphs(text, budget)) {
      if (IsProse(p)) group.prose_size += p.size();
      group.paragraphs.push_back(std::move(p));
    }
  });
  const Group* story = Richest(groups, KeyKind::kStory);
  const Group* aside = Richest(groups, KeyKind::kAside);
  // A description or summary is the body only when no story field comes near it.
  const Group* best = story;
  if (aside != nullptr && (story == nullptr || aside->prose_size > 2 * story->prose_size)) best = aside;
  if (best == nullptr) return std::nullopt;
  return best->paragraphs;
}

// ---------------------------------------------------------------------------------------
// Nuxt 3 payloads

// Nuxt 3 serialises its state with devalue: a flat array whose entry 0 is the root, where
// every value inside an object or array is the index of another entry, and arrays opening
// with a string are typed values (["Reactive", 5], ["Date", "..."], ["Set", 1, 2]).
// Rebuilds the tree, cutting cycles and stopping at the budgets.
class NuxtResolver {
 public:
  explicit NuxtResolver(const json& payload)
      : payload_(payload),
        active_(payload.size(), false),
        nodes_left_(std::min(kMaxNuxtNodes, kMaxNuxtNodesPerEntry * payload.size() + 1024)) {}

  json Resolve(std::size_t index, int depth) {
    if (index >= payload_.size() || depth > kMaxNuxtDepth || nodes_left_ == 0 || active_[index]) return nullptr;
    --nodes_left_;
    active_[index] = true;
    json value = Value(payload_[index], depth);
    active_[index] = false;
    return value;
  }

 private:
  // Negative references stand for undefined, holes, NaN and infinities: none is text.
  json Ref(const json& ref, int depth) {
    if (!ref.is_number_integer() || ref.get<std::int64_t>() < 0) return nullptr;
    return Resolve(static_cast<std::size_t>(ref.get<std::int64_t>()), depth + 1);
  }

  json Value(const json& entry, int depth) {
    if (entry.is_string()) {
      const std::size_t size = entry.get_ref<const std::string&>().size();
      if (size > bytes_left_) return nullptr;
      bytes_left_ -= size;
      return entry;
    }
    if (entry.is_object()) {
      json object = json::object();
      for (auto it = entry.begin(); it != entry.end(); ++it) object[it.key()] = Ref(it.value(), depth);
      return object;
    }
    if (!entry.is_array()) return entry;
    if (!entry.empty() && entry.front().is_string()) return Typed(entry, depth);
    json array = json::array();
    for (const json& ref : entry) array.push_back(Ref(ref, depth));
    return array;
  }

  json Typed(const json& entry, int depth) {
    const std::string& type = entry.front().get_ref<const std::string&>();
    if (type == "Date" || type == "BigInt" || type == "RegExp" || type == "URL") {
      return entry.size() > 1 && entry[1].is_string() ? entry[1] : json();
    }
    if (type == "null") {  // an object without prototype: key, reference, key, reference...
      json object = json::object();
      for (std::size_t i = 1; i + 1 < entry.size(); i += 2) {
        if (entry[i].is_string()) object[entry[i].get<std::string>()] = Ref(entry[i + 1], depth);
      }
      return object;
    }
    // Reactive, ShallowReactive, Ref, ShallowRef, NuxtError and other one-value wrappers.
    if (entry.size() == 2) return Ref(entry[1], depth);
    json array = json::array();  // Set, Map (keys and values in turn) and the unknown
    for (std::size_t i = 1; i < entry.size(); ++i) array.push_back(Ref(entry[i], depth));
    return array;
  }

  const json& payload_;
  std::vector<bool> active_;
  std::size_t nodes_left_;
  std::size_t bytes_left_ = kMaxNuxtBytes;
};

// ---------------------------------------------------------------------------------------
// Scripts

// True when arrays and objects nest deeper than `limit` (brackets inside strings aside).
bool NestsDeeperThan(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > limit) return true;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return false;
}

std::optional<json> ParseJson(std::string_view text) {
  if (text.size() > kMaxScriptBytes || NestsDeeperThan(text, kMaxJsonDepth)) return std::nullopt;
  json root = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return std::nullopt;
  return root;
}

std::optional<EmbeddedArticle> ArticleInJson(std::string_view json_text, TextSource source, std::string_view headline,
                                             Budget* budget) {
  std::optional<json> root = ParseJson(json_text);
  if (!root) return std::nullopt;
  if (source == TextSource::kNuxt && root->is_array()) {
    json resolved = NuxtResolver(*root).Resolve(0, 0);
    *root = std::move(resolved);
  }
  std::optional<std::vector<std::string>> body = FindBody(*root, headline, budget);
  if (!body) return std::nullopt;
  std::vector<std::string> paragraphs = Tidy(std::move(*body), headline);
  if (!HasEnoughWords(paragraphs)) return std::nullopt;
  return EmbeddedArticle{source, std::move(paragraphs)};
}


// How to read a script's text, or nullopt when it holds no data for us (JSON-LD is read
// by json_ld.cc; JavaScript is never run).
// Client-side templates that hold markup: type="text/template", "text/x-template",
// "text/x-handlebars-template", "text/html".
bool IsTemplateType(std::string_view type) {
  return type.find("template") != std::string_view::npos || type.find("tmpl") != std::string_view::npos ||
         type == "text/html";
}

// The story in a template's markup (a <script type="text/template"> or a <template>).
std::optional<EmbeddedArticle> ArticleInMarkup(std::vector<std::string> blocks, std::string_view headline) {
  std::vector<std::string> paragraphs = Tidy(std::move(blocks), headline);
  if (!HasEnoughWords(paragraphs)) return std::nullopt;
  return EmbeddedArticle{TextSource::kTemplate, std::move(paragraphs)};
}

// The value of attribute `name` in a start tag's attribute text, as written ("" if absent).
std::string AttributeValue(std::string_view attributes, std::string_view name) {
  std::size_t pos = 0;
  while (pos < attributes.size()) {
    while (pos < attributes.size() && (std::isspace(static_cast<unsigned char>(attributes[pos])) || attributes[pos] == '/')) ++pos;
    const std::size_t start = pos;
    while (pos < attributes.size() && attributes[pos] != '=' && attributes[pos] != '>' &&
           !std::isspace(static_cast<unsigned char>(attributes[pos]))) {
      ++pos;
    }
    const std::string key = AsciiLowered(attributes.substr(start, pos - start));
    while (pos < attributes.size() && std::isspace(static_cast<unsigned char>(attributes[pos]))) ++pos;
    std::string value;
    if (pos < attributes.size() && attributes[pos] == '=') {
      ++pos;
      while (pos < attributes.size() && std::isspace(static_cast<unsigned char>(attributes[pos]))) ++pos;
      const char quote = pos < attributes.size() && (attributes[pos] == '"' || attributes[pos] == '\'') ? attributes[pos] : 0;
      if (quote != 0) ++pos;
      const std::size_t value_start = pos;
      while (pos < attributes.size() && (quote != 0 ? attributes[pos] != quote
                                                    : !std::isspace(static_cast<unsigned char>(attributes[pos])) &&
                                                          attributes[pos] != '>')) {
        ++pos;
      }
      value = std::string(attributes.substr(value_start, pos - value_start));
      if (quote != 0 && pos < attributes.size()) ++pos;
    }
    if (key == name) return value;
    if (pos == start) ++pos;  // a stray character: never loop in place
  }
  return "";
}

// How to read a data script's text, or nullopt when it holds no data for us.
std::optional<TextSource> ScriptSource(const html::DataScript& script) {
  const std::string id = AttributeValue(script.attributes, "id");
  if (id == "__NEXT_DATA__") return TextSource::kNextData;
  if (id == "__NUXT_DATA__") return TextSource::kNuxt;
  const std::string type = AsciiLowered(AttributeValue(script.attributes, "type"));
  if (type.find("json") != std::string::npos && type.find("ld+json") == std::string::npos) {
    return TextSource::kEmbeddedJson;
  }
  if (IsTemplateType(type)) return TextSource::kTemplate;
  return std::nullopt;
}

std::size_t TextSize(const std::vector<std::string>& paragraphs) {
  std::size_t size = 0;
  for (const std::string& p : paragraphs) size += p.size();
  return size;
}

}  // namespace

std::string_view SourceName(TextSource source) {
  switch (source) {
    case TextSource::kDom:
      return "dom";
    case TextSource::kJsonLd:
      return "json-ld";
    case TextSource::kNextData:
      return "next-data";
    case TextSource::kNuxt:
      return "nuxt";
    case TextSource::kEmbeddedJson:
      return "embedded-json";
    case TextSource::kTemplate:
      return "template";
  }
  return "dom";
}

std::size_t EmbeddedArticle::text_size() const { return TextSize(paragraphs); }

std::optional<EmbeddedArticle> FindArticleInJson(std::string_view json_text, TextSource source,
                                                 std::string_view headline) {
  Budget budget;
  return ArticleInJson(json_text, source, headline, &budget);
}

std::optional<EmbeddedArticle> FindEmbeddedArticle(const html::ParsedHtml* page, std::string_view json_ld_article_body,
                                                   std::string_view headline, std::size_t min_text_size) {
  Budget budget;
  std::optional<EmbeddedArticle> best;
  // The earlier source wins a tie: JSON-LD first, then the scripts in page order.
  const auto consider = [&](std::optional<EmbeddedArticle> found) {
    if (found && (!best || found->text_size() > best->text_size())) best = std::move(found);
  };
  if (json_ld_article_body.size() >= min_text_size) {
    std::vector<std::string> paragraphs = Tidy(Paragraphs(json_ld_article_body, &budget), headline);
    if (HasEnoughWords(paragraphs)) consider(EmbeddedArticle{TextSource::kJsonLd, std::move(paragraphs)});
  }
  std::size_t scripts = 0;
  if (page == nullptr) return best;
  for (const html::DataScript& script : page->data_scripts) {
    const std::optional<TextSource> source = ScriptSource(script);
    if (!source) continue;
    if (++scripts > kMaxScripts) break;
    // A script shorter than the text wanted cannot hold it: most pages are read without
    // parsing their state at all.
    const std::string_view text = script.text;
    if (text.size() < min_text_size) continue;
    consider(*source == TextSource::kTemplate ? ArticleInMarkup(HtmlBlocks(text), headline)
                                              : ArticleInJson(text, *source, headline, &budget));
  }
  // <template> elements: markup the page's script stamps out; the parser keeps it as nodes.
  for (const GumboNode* element : html::FindAll(page->document(), GUMBO_TAG_TEMPLATE)) {
    if (++scripts > kMaxScripts) break;
    BlockBuilder builder([](const GumboNode* node) { return html::IsInvisible(node); });
    builder.Add(element);
    std::vector<std::string> blocks;
    std::size_t size = 0;
    for (Candidate& block : builder.Take()) {
      size += block.block.text.size();
      blocks.push_back(std::move(block.block.text));
    }
    if (size >= min_text_size) consider(ArticleInMarkup(std::move(blocks), headline));
  }
  return best;
}

}  // namespace redline::normalize
