#include "normalize/discussion.h"

#include <string>
#include <vector>

#include "normalize/html_tree.h"
#include "normalize/text_words.h"

namespace redline::normalize {
namespace {

// How much of an item's text may come before its date: a name, "on", a link to the post.
constexpr std::size_t kOpeningBytes = 160;
// Fewer items than this are a pair of boxes, not a thread.
constexpr std::size_t kMinItems = 3;
// A name, a date and a few words.
constexpr std::size_t kMinItemBytes = 60;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsMonth(std::string_view w) {
  return OneOf(w, {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
                   "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
                   "november", "dec", "december"});
}

bool IsYear(std::string_view w) {
  return w.size() == 4 && (w.starts_with("19") || w.starts_with("20")) && IsDigit(w[2]) && IsDigit(w[3]);
}

// "07:54", "6:34", "14:02:11".
bool IsClock(std::string_view w) {
  const std::size_t colon = w.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || colon + 3 > w.size()) return false;
  return IsDigit(w[0]) && IsDigit(w[colon - 1]) && IsDigit(w[colon + 1]) && IsDigit(w[colon + 2]);
}

// "17.09.2018", "09/17/2018", "2018-09-17".
bool IsNumericDate(std::string_view w) {
  int digits = 0;
  int separators = 0;
  for (const char c : w) {
    if (IsDigit(c)) {
      ++digits;
    } else if (c == '.' || c == '/' || c == '-') {
      ++separators;
    } else {
      return false;
    }
  }
  return separators == 2 && digits >= 6 && digits <= 8;
}

// Words of `text` in ASCII lower case, split at spaces and commas.
std::vector<std::string> OpeningWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text.substr(0, kOpeningBytes)) {
    if (c == ' ' || c == ',' || c == '\n' || c == '\t' || c == '|' || c == '(' || c == ')') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// Up to kOpeningBytes of what a reader sees first in `node`, and the length of all of it.
std::string OpeningText(const GumboNode* node, std::size_t* total) {
  std::string text;
  *total = 0;
  html::Walk(node, [&](const GumboNode* n) {
    if (n->type == GUMBO_NODE_TEXT) {
      const std::string_view t = n->v.text.text;
      *total += t.size();
      if (text.size() < kOpeningBytes) text.append(t.substr(0, kOpeningBytes - text.size())).push_back(' ');
      return false;
    }
    return html::IsElement(n) && !html::IsInvisible(n);
  });
  return text;
}

}  // namespace

bool OpensWithDate(std::string_view text) {
  const std::vector<std::string> words = OpeningWords(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (IsClock(w) || IsNumericDate(w)) return true;
    if (w == "ago" && i > 0) return true;
    if (IsMonth(w) && ((i + 1 < words.size() && IsDigit(words[i + 1][0])) || (i > 0 && IsDigit(words[i - 1][0])))) {
      return true;
    }
    if (IsYear(w) && i > 0 && IsMonth(words[i - 1])) return true;
  }
  return false;
}

bool IsDiscussion(const GumboNode* node) {
  const GumboVector* children = html::Children(node);
  if (children == nullptr || children->length < kMinItems) return false;
  // The most common shape among the children.
  std::vector<const GumboNode*> elements;
  for (unsigned i = 0; i < children->length; ++i) {
    const GumboNode* c = html::Child(children, i);
    if (html::IsElement(c) && !html::IsInvisible(c)) elements.push_back(c);
  }
  if (elements.size() < kMinItems) return false;
  const auto same_shape = [](const GumboNode* a, const GumboNode* b) {
    return html::Tag(a) == html::Tag(b) && html::AttrView(a, "class") == html::AttrView(b, "class");
  };
  const GumboNode* shape = nullptr;
  std::size_t best = 0;
  for (std::size_t i = 0; i < elements.size() && best * 2 < elements.size(); ++i) {
    std::size_t count = 0;
    for (const GumboNode* e : elements) count += same_shape(e, elements[i]);
    if (count > best) {
      best = count;
      shape = elements[i];
    }
  }
  if (best < kMinItems) return false;
  std::size_t dated = 0;
  std::size_t items = 0;
  for (const GumboNode* e : elements) {
    if (!same_shape(e, shape)) continue;
    ++items;
    std::size_t total = 0;
    const std::string opening = OpeningText(e, &total);
    // A date with something said: a bare list of dates is an archive's index.
    if (total >= kMinItemBytes) dated += OpensWithDate(opening);
  }
  return dated >= kMinItems && dated * 3 >= items * 2;
}

}  // namespace redline::normalize
