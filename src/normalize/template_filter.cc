#include "normalize/template_filter.h"

#include <algorithm>
#include <initializer_list>
#include <span>

#include "base/utf8.h"
#include "normalize/text_words.h"

namespace redline::normalize {
bool IsAdLabel(std::string_view text) {
  if (text.size() > 120) return false;
  const std::string p = Phrase(text);
  return OneOf(p, {"advertisement",
                   "advertisements",
                   "advert",
                   "adverts",
                   "ad",
                   "ads",
                   "sponsored",
                   "sponsored content",
                   "sponsored links",
                   "sponsored stories",
                   "paid content",
                   "paid post",
                   "paid partnership",
                   "promoted",
                   "promoted content",
                   "promoted stories",
                   "partner content",
                   "advertisement continue reading below",
                   "story continues below advertisement",
                   "story continues below",
                   "article continues below",
                   "article continues below advertisement",
                   "article continues after advertisement",
                   "continue reading below",
                   "continue reading the main story",
                   "scroll to continue with content",
                   "skip advertisement",
                   "advertisement skip advertisement",
                   "ad feedback",
                   "remove ads",
                   "report this ad",
                   "report an ad",
                   "adchoices",
                   "ad choices",
                   "advertisement scroll to continue reading",
                   "content continues below",
                   "order reprints",
                   "reprints",
                   "print this article",
                   "print this page",
                   "reprints permissions",
                   "save article",
                   "save for later",
                   "listen to article",
                   "text size",
                   "font size",
                   "gift this article"});
}

bool IsShareLine(std::string_view text) {
  if (text.size() > 200) return false;
  const std::vector<std::string>& words = LowerWords(text);
  if (words.empty()) return false;
  if (Phrase(text) == "sharing is caring") return true;
  bool network = false;
  for (const std::string& w : words) {
    const bool is_network = OneOf(
        w, {"share",  "shares", "sharing", "facebook", "twitter",  "whatsapp",  "linkedin",  "pinterest",
            "reddit", "email",  "mail",    "print",    "telegram", "messenger", "flipboard", "tumblr",
            "sms",    "tweet",  "pocket",  "mastodon", "bluesky",  "threads",   "copy",      "copied",
            "gift",   "wechat", "weibo",   "line",     "x"});
    if (!is_network &&
        !OneOf(w, {"this",    "article",  "story", "on",        "via",     "e",  "link",   "save",
                   "comment", "comments", "to",    "clipboard", "opens",   "in", "new",    "window",
                   "tab",     "the",      "url",   "page",      "with",    "a",  "friend", "by",
                   "or",      "and",      "your",  "network",   "networks"})) {
      return false;
    }
    network = network || is_network;
  }
  return network;
}

bool IsCommentLine(std::string_view text) {
  if (text.size() > 80) return false;
  const std::vector<std::string>& words = LowerWords(text);
  const std::string& p = Phrase(text);
  if (words.size() == 1 && AllDigits(words[0]) && p == text) return true;
  if (OneOf(p, {"comments",
                "comment",
                "view comments",
                "show comments",
                "hide comments",
                "load comments",
                "join the conversation",
                "join the discussion",
                "leave a comment",
                "add a comment",
                "post a comment",
                "add your comment",
                "read comments",
                "see comments",
                "discuss",
                "discussion",
                "share your thoughts",
                "have your say",
                "comments are closed",
                "comments closed",
                "leave a reply",
                "leave a comment",
                "no comments",
                "be the first to comment",
                "show comments"})) {
    return true;
  }
  if (words.size() == 2 && AllDigits(words[0]) && OneOf(words[1], {"comments", "comment", "replies"})) {
    return true;
  }
  return words.size() == 2 && OneOf(words[0], {"comments", "comment"}) && AllDigits(words[1]);
}

bool IsTeaserLine(std::string_view text) {
  if (text.size() > 300) return false;
  const std::string p = Phrase(text);
  if (OneOf(p, {"read more",
                "read next",
                "read this next",
                "up next",
                "more on this story",
                "related",
                "related stories",
                "related articles",
                "related content",
                "related coverage",
                "related topics",
                "recommended",
                "recommended stories",
                "recommended for you",
                "you may also like",
                "you might also like",
                "most read",
                "most popular",
                "trending",
                "trending now",
                "more stories",
                "more from",
                "see also",
                "also read",
                "watch",
                "watch now",
                "watch video",
                "listen",
                "listen to this article",
                "more videos",
                "top stories",
                "latest stories",
                "what to read next",
                "further reading",
                "see more",
                "don t miss",
                "do not miss",
                "most viewed",
                "editor s picks",
                "editors picks",
                "more to explore",
                "you may be interested in",
                "popular stories",
                "latest news",
                "related news",
                "more news",
                "read the full story",
                "full story",
                "more stories like this one",
                "more stories like this",
                "tell us what you think",
                "this slideshow requires javascript",
                "please enable javascript",
                // "Read also" in other languages.
                "leggi anche",
                "lees ook",
                "lire aussi",
                "à lire aussi",
                "a lire aussi",
                "lesen sie auch",
                "mehr zum thema",
                "leia também",
                "leia mais",
                "veja também",
                "lea también",
                "lee también",
                "ver también",
                "читайте также",
                "смотрите также"})) {
    return true;
  }
  // "READ MORE: Other headline", "Related: ...", "Watch | ..." introduce a link elsewhere.
  // "Popular on Example", "Trending on Example": the label of a box of other stories.
  for (const std::string_view label : {"popular on", "trending on", "most popular on", "most read on", "also on"}) {
    if (StartsWith(p, std::string(label) + " ") && CountWords(text) <= 5 && !EndsSentence(text)) return true;
  }
  for (const std::string_view prefix :
       {"read more", "read next",  "read also",   "also read",  "related",     "see also",   "see more",
        "watch",     "more",       "recommended", "listen",     "read",        "don t miss", "must read",
        "trending",  "popular on", "latest",      "click here", "filed under", "tags"}) {
    if (!StartsWith(p, prefix)) continue;
    // "More information: J. Doe et al., Nature (2019)" introduces the story's own reference.
    if (prefix == "more" && (StartsWith(p, "more information") || StartsWith(p, "more info") ||
                             StartsWith(p, "more details") || StartsWith(p, "more detail"))) {
      continue;
    }
    // "DON'T MISS Headline one [INSIGHT] Headline two [VIDEO]": a label then links.
    if ((prefix == "don t miss" || prefix == "must read") && !EndsSentence(text)) return true;
    std::size_t pos = 0;
    std::size_t words_seen = 0;
    while (pos < text.size() && words_seen < 40) {
      const char c = text[pos];
      if (c == ':' || c == '|' || c == '>') {
        return CountWords(text.substr(0, pos)) <= 3;
      }
      ++pos;
      if (c == ' ') ++words_seen;
    }
    if (text.find("\u00BB") != std::string_view::npos || text.find("\u203A") != std::string_view::npos) {
      return CountWords(text) <= 25;
    }
  }
  return false;
}

bool IsCallToAction(std::string_view text) {
  if (text.size() > 80 || EndsSentence(text)) return false;
  const std::string p = Phrase(text);
  return OneOf(p, {"learn more",
                   "find out more",
                   "sign up",
                   "sign in",
                   "log in",
                   "login",
                   "register",
                   "subscribe",
                   "subscribe now",
                   "subscribe today",
                   "click here",
                   "tap here",
                   "continue reading",
                   "show more",
                   "see more",
                   "load more",
                   "view more",
                   "more",
                   "next",
                   "previous",
                   "back to top",
                   "home",
                   "homepage",
                   "back to home",
                   "skip to content",
                   "skip to main content",
                   "follow us",
                   "download the app",
                   "get the app",
                   "open in app",
                   "accept",
                   "accept all",
                   "manage settings",
                   "close",
                   "menu",
                   "search",
                   "print",
                   "expand",
                   "collapse",
                   "view gallery",
                   "view image",
                   "enlarge",
                   "enlarge this image",
                   "toggle caption",
                   "hide caption",
                   "show caption",
                   "caption",
                   "by",
                   "image",
                   "photo",
                   "video",
                   "audio",
                   "play",
                   "pause",
                   "listen"});
}

bool IsPromoLine(std::string_view text) {
  if (text.size() > 600) return false;
  const std::vector<std::string>& all_words = LowerWords(text);
  if (all_words.empty() || all_words.size() > 80) return false;
  if (all_words.size() >= 3 && all_words[0] == "follow" &&
      (OneOf(all_words[1], {"us", "him", "her", "them", "me"}) ||
       std::any_of(all_words.begin(), all_words.end(), [](const std::string& w) {
         return OneOf(w, {"twitter", "facebook", "instagram", "youtube", "tiktok", "linkedin"});
       }))) {
    return true;
  }
  // A longer promo ends with its call: "... Sign up for the free daily newsletter."
  const std::span<const std::string> words =
      all_words.size() > 30 ? std::span(all_words).last(12) : std::span(all_words);
  bool newsletter = false;
  bool action = false;
  // A promo speaks to the reader ("Sign up ...", "... in your inbox"); a story reports
  // ("the company continued to sign up subscribers").
  bool address = OneOf(words.front(), {"sign", "subscribe", "register", "join", "get", "receive", "never", "don",
                                       "want", "like", "love", "enjoy", "stay", "keep"});
  for (const std::string& w : words) {
    newsletter = newsletter || OneOf(w, {"newsletter", "newsletters", "inbox", "subscription", "subscribe",
                                         "subscriber", "subscribers"});
    action = action || OneOf(w, {"sign", "subscribe", "register", "registering", "join", "delivered", "get",
                                 "receive", "unsubscribe"});
    address = address || OneOf(w, {"you", "your", "our", "us", "we", "free", "here", "now", "today", "inbox"});
  }
  return newsletter && action && address;
}

// "Jane Doe/Getty Images", "Jason Doe | Bloomberg | Getty Images": capitalised names split by
// slashes or bars, nothing else.
bool IsAgencyCredit(std::string_view text) {
  // '|' first: searching for " | " stops at every space.
  if (text.find('/') == std::string_view::npos &&
      (text.find('|') == std::string_view::npos || text.find(" | ") == std::string_view::npos)) {
    return false;
  }
  if (CountWordsUpTo(text, 8) > 8 || EndsSentence(text)) return false;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of(" /|()", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    if (!word.empty() && !StartsWithUppercaseOrDigit(word) && word != "and" && word != "of" &&
        word != "via" && word != "for" && word != "the") {
      return false;
    }
    start = end + 1;
  }
  return true;
}

bool IsCreditLine(std::string_view text) {
  if (IsAgencyCredit(text)) return true;
  if (CountWordsUpTo(text, 10) > 10) return false;
  // "Via SyndiGate.info", "via Reuters": where a syndicated story came from.
  if (StartsWith(Phrase(text), "via ") && CountWords(text) <= 4 && !EndsSentence(text)) return true;
  while (!text.empty() && (text.front() == '(' || text.front() == '[')) text.remove_prefix(1);
  const std::string p = Phrase(text.substr(0, 40));
  for (const std::string_view label :
       {"photo", "photos", "photograph", "photographs", "picture", "image", "images", "credit",
        "photo credit", "image credit", "image copyright", "copyright", "source", "photo by", "photograph by",
        "file photo", "illustration"}) {
    if (!StartsWith(p, label) || p.size() == label.size()) continue;
    const std::string_view rest = text.substr(label.size());
    if (!rest.empty() &&
        (rest.front() == ':' || rest.substr(0, 3) == "..." || rest.substr(0, 3) == "\u2026" ||
         p.substr(label.size(), 3) == " by" || label == "image copyright")) {
      return true;
    }
  }
  return false;
}

bool IsGalleryCounter(std::string_view text) {
  if (text.size() > 40) return false;
  std::vector<std::string> words = LowerWords(text);
  if (!words.empty() && OneOf(words[0], {"image", "photo", "picture", "slide", "item", "video"})) {
    words.erase(words.begin());
  }
  if (words.size() == 3 && AllDigits(words[0]) && words[1] == "of" && AllDigits(words[2])) return true;
  return words.size() == 2 && AllDigits(words[0]) && AllDigits(words[1]) &&
         text.find('/') != std::string_view::npos;
}

namespace {

// A word of a widget's line and where it starts in the line.
struct WidgetWord {
  std::string word;  // lowercased ASCII; other scripts kept as written (never in the vocabulary)
  std::size_t start = 0;
};

// How a widget's word counts: a count's digits, a word saying what is counted or clicked
// (an anchor), a network's name, a word that only goes with those.
enum class WidgetWordKind { kOther, kDigits, kAnchor, kNetwork, kGlue };

WidgetWordKind KindOfWidgetWord(std::string_view w) {
  if (AllDigits(w)) return WidgetWordKind::kDigits;
  // What a widget counts or offers to click: shares, comments, likes, readers, followers,
  // an audio player.
  if (OneOf(w, {"share",     "shares",    "shared",    "sharing", "tweet",      "tweets",       "retweet",
                "retweets",  "comment",   "comments",  "replies", "responses",  "conversation", "discussion",
                "reactions", "reaction",  "like",      "likes",   "liked",      "love",         "loves",
                "hearts",    "claps",     "clap",      "upvotes", "upvote",     "reading",      "readers",
                "reader",    "views",     "viewers",   "viewing", "watching",   "listen",       "listening",
                "followers", "follow",    "following", "fans",    "recommends", "favorites",    "favourites",
                "bookmark",  "bookmarks", "saves"})) {
    return WidgetWordKind::kAnchor;
  }
  // Networks a share bar names; their names alone never occur as a line of a story.
  if (OneOf(w, {"facebook", "twitter",   "whatsapp",  "linkedin", "pinterest", "pin",     "reddit",
                "telegram", "messenger", "flipboard", "tumblr",   "instagram", "youtube", "tiktok",
                "mastodon", "bluesky",   "snapchat",  "xing",     "wechat",    "weibo"})) {
    return WidgetWordKind::kNetwork;
  }
  // The rest of a widget's words: buttons whose names stories use too ("Email", "Print",
  // "X"), count suffixes (1.2K, 1x), an audio player's controls and length, a relative
  // time between the counters ("2 hrs ago"), and the little words around them.
  if (OneOf(w, {"x",       "email",   "mail",   "print", "sms",    "copy",    "link",    "pocket",
                "threads", "gift",    "save",   "rss",   "k",      "m",       "b",       "play",
                "pause",   "audio",   "min",    "mins",  "minute", "minutes", "sec",     "secs",
                "second",  "seconds", "hr",     "hrs",   "hour",   "hours",   "h",       "d",
                "day",     "days",    "week",   "weeks", "ago",    "just",    "updated", "published",
                "posted",  "last",    "less",   "than",  "about",  "this",    "article", "story",
                "post",    "page",    "on",     "the",   "to",     "via",     "with",    "a",
                "an",      "and",     "or",     "of",    "in",     "for",     "it",      "us",
                "our",     "people",  "person", "are",   "is",     "now",     "right",   "currently",
                "here",    "all",     "view",   "see",   "show",   "read",    "join",    "others",
                "other",   "times",   "total",  "add",   "leave",  "your",    "friends", "friend",
                "speed",   "listens", "plays",  "more",  "button", "buttons", "addthis", "sharethis"})) {
    return WidgetWordKind::kGlue;
  }
  return WidgetWordKind::kOther;
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiDigitChar(char c) { return c >= '0' && c <= '9'; }

// The words of a widget's line, split where markup glued two of them without a space:
// "nowLike", "ago1,234", "4min", "1.2K" (a run that is a word of the vocabulary as it
// stands, "LinkedIn", stays whole). At most `limit` + 1 words.
std::vector<WidgetWord> WidgetWords(std::string_view text, std::size_t limit) {
  std::vector<WidgetWord> words;
  std::size_t pos = 0;
  while (pos < text.size() && words.size() <= limit) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x80) {
      // Another script's letters make a word of their own (never of the vocabulary); symbols
      // ("▶", "·", "♥") separate words.
      std::size_t n = 0;
      const char32_t c = utf8::Decode(text, pos, &n);
      if (utf8::IsWordChar(c)) {
        if (words.empty() || words.back().start + words.back().word.size() != pos) words.push_back({"", pos});
        words.back().word.append(text.substr(pos, n));
      }
      pos += n > 0 ? n : 1;
      continue;
    }
    if (!IsAsciiUpper(static_cast<char>(byte)) && !IsAsciiLower(static_cast<char>(byte)) &&
        !IsAsciiDigitChar(static_cast<char>(byte))) {
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() &&
           (IsAsciiUpper(text[end]) || IsAsciiLower(text[end]) || IsAsciiDigitChar(text[end]))) {
      ++end;
    }
    const std::string run = AsciiLowered(text.substr(pos, end - pos));
    if (KindOfWidgetWord(run) != WidgetWordKind::kOther) {
      words.push_back({run, pos});
    } else {
      // Split at a lower-to-upper step and between letters and digits, then join pieces back
      // where together they make a word of the vocabulary: "LinkedInLinkedInShare" is
      // "linkedin linkedin share".
      std::vector<std::size_t> cuts = {pos};
      for (std::size_t i = pos + 1; i < end; ++i) {
        if ((IsAsciiLower(text[i - 1]) && IsAsciiUpper(text[i])) ||
            (IsAsciiDigitChar(text[i - 1]) != IsAsciiDigitChar(text[i]))) {
          cuts.push_back(i);
        }
      }
      cuts.push_back(end);
      std::size_t j = 0;
      while (j + 1 < cuts.size()) {
        std::size_t next = j + 1;
        for (std::size_t k = cuts.size() - 1; k > j + 1; --k) {
          if (KindOfWidgetWord(AsciiLowered(text.substr(cuts[j], cuts[k] - cuts[j]))) !=
              WidgetWordKind::kOther) {
            next = k;
            break;
          }
        }
        words.push_back({AsciiLowered(text.substr(cuts[j], cuts[next] - cuts[j])), cuts[j]});
        j = next;
      }
    }
    pos = end;
  }
  return words;
}

}  // namespace

bool IsEngagementLine(std::string_view text) {
  constexpr std::size_t kMaxWords = 24;
  if (text.empty() || text.size() > 200) return false;
  const std::vector<WidgetWord> words = WidgetWords(text, kMaxWords);
  if (words.empty() || words.size() > kMaxWords) return false;
  bool digits = false;
  bool network = false;
  std::vector<std::string_view> anchors;
  // A count with what it counts ("1,234 people reading now", "Like 17", "Facebook 2.3K"), or
  // two kinds of widget together ("Share Tweet", "Like Comment").
  bool counters = false;
  // counters_before[k]: the first k words are such counters.
  std::vector<bool> counters_before = {false};
  std::size_t i = 0;
  for (; i < words.size(); ++i) {
    const WidgetWordKind kind = KindOfWidgetWord(words[i].word);
    if (kind == WidgetWordKind::kOther) break;
    digits = digits || kind == WidgetWordKind::kDigits;
    network = network || kind == WidgetWordKind::kNetwork;
    if (kind == WidgetWordKind::kAnchor &&
        std::find(anchors.begin(), anchors.end(), words[i].word) == anchors.end()) {
      anchors.push_back(words[i].word);
    }
    counters =
        (digits && (network || !anchors.empty())) || (network && !anchors.empty()) || anchors.size() >= 2;
    counters_before.push_back(counters);
  }
  // Counts alone whose buttons were left out: "3.9K 1.3K", "12.5K". A count written with a
  // decimal and a K or M, or two with K or M: "10K" alone may be a race.
  if (i == words.size() && digits && !network && anchors.empty()) {
    std::size_t suffixed = 0;
    bool decimal = false;
    for (std::size_t k = 1; k < words.size(); ++k) {
      if (!OneOf(words[k].word, {"k", "m"}) || !AllDigits(words[k - 1].word) ||
          words[k - 1].start + words[k - 1].word.size() != words[k].start) {
        continue;
      }
      ++suffixed;
      decimal = decimal || (k >= 2 && words[k - 1].start >= 1 && text[words[k - 1].start - 1] == '.' &&
                            AllDigits(words[k - 2].word));
    }
    const bool all_counts = std::all_of(words.begin(), words.end(), [](const WidgetWord& w) {
      return AllDigits(w.word) || OneOf(w.word, {"k", "m"});
    });
    return all_counts && (decimal || suffixed >= 2);
  }
  if (i == words.size()) {
    if (words.size() == 1) {
      // A button alone: "Like", "Follow", "Tweet"; not "Reading", "Love" or "Instagram",
      // which may be a title.
      return OneOf(words[0].word, {"like", "follow", "tweet", "retweet", "pin", "bookmark"});
    }
    if (words.size() == 2 && words[0].word == "pin" && words[1].word == "it") return true;
    // Networks named one after the other: "Facebook Twitter Instagram YouTube".
    if (network && !digits && anchors.empty()) {
      return std::count_if(words.begin(), words.end(), [](const WidgetWord& w) {
               return KindOfWidgetWord(w.word) == WidgetWordKind::kNetwork;
             }) >= 2;
    }
    // A sentence of such words is still a widget's ("234 people are reading this."), a long
    // one is not.
    return counters && !(words.size() > 8 && EndsSentence(text));
  }
  // Counters glued to the next widget's line: "3,070 people reading nowRead more: Headline",
  // "34 comments Updated 2 hrs ago". The teaser's label may be words of the vocabulary too
  // ("Read more"): the rest may start at any of the last words before the first other one.
  if (!counters) return false;
  for (std::size_t k = i; k >= 1; --k) {
    if (!counters_before[k]) break;
    const std::string_view rest = text.substr(words[k].start);
    if (IsTeaserLine(rest) || IsDateTimeLine(rest) || IsShareLine(rest) || IsCommentLine(rest)) return true;
  }
  return false;
}

std::size_t TeaserLabelLength(std::string_view text) {
  if (text.size() > 400) return 0;
  const std::string& p = Phrase(text);
  for (
      const std::string_view label :
      {"read more",           "read next",       "read also",       "also read",          "related",
       "related story",       "related stories", "related article", "related articles",   "related coverage",
       "related content",     "see also",        "must read",       "don t miss",         "recommended",
       "recommended for you", "further reading", "more on this",    "more on this story", "you may also like",
       "you might also like", "also on",         "read this next",  "what to read next"}) {
    if (!StartsWith(p, label) || (p.size() > label.size() && p[label.size()] != ' ')) continue;
    // Past as many words of the text as the label has, and the punctuation after them.
    const std::size_t label_words = static_cast<std::size_t>(std::count(label.begin(), label.end(), ' ')) + 1;
    std::size_t pos = 0;
    std::size_t seen = 0;
    // Whether a word character starts at `at`, and the length of the character there.
    const auto word_at = [&](std::size_t at, std::size_t* length) {
      *length = 1;
      const auto byte = static_cast<unsigned char>(text[at]);
      if (byte < 0x80)
        return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9');
      const char32_t c = utf8::Decode(text, at, length);
      if (*length == 0) *length = 1;
      return utf8::IsWordChar(c);
    };
    std::size_t length = 0;
    while (pos < text.size() && seen < label_words) {
      while (pos < text.size() && !word_at(pos, &length)) pos += length;
      while (pos < text.size() && word_at(pos, &length)) pos += length;
      ++seen;
    }
    while (pos < text.size() && !word_at(pos, &length)) pos += length;
    return pos;
  }
  return 0;
}

bool IsNewsletterTitle(std::string_view text) {
  if (text.size() > 60 || EndsSentence(text)) return false;
  const std::vector<std::string>& words = LowerWords(text);
  if (words.empty() || words.size() > 5) return false;
  return std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return OneOf(w, {"newsletter", "newsletters", "brief", "briefing", "briefings", "digest", "bulletin",
                     "roundup", "dispatch", "edition", "inbox"});
  });
}

bool IsFurnitureLine(std::string_view text) {
  return IsAdLabel(text) || IsGalleryCounter(text) || IsCreditLine(text) || IsBylineLine(text) ||
         IsDuration(text) || IsDateTimeLine(text) || IsShareLine(text) || IsCommentLine(text) ||
         IsTeaserLine(text) || IsCallToAction(text) || IsPromoLine(text) || IsCopyrightLine(text) ||
         IsContactLine(text) || IsPlayerMessage(text) || IsBracketTeaser(text) || IsOfferLine(text) ||
         IsSeparatorLine(text) || IsShortcode(text) || IsCommentPolicy(text) || IsPostMetaLine(text) ||
         IsRatingLine(text) || IsLocalizedFurnitureLine(text) || IsEngagementLine(text);
}

bool IsPhotoCaption(std::string_view text) {
  static constexpr std::string_view kCredits[] = {
      "Photo:",        "Photos:",  "Photograph:", "Photographs:",  "Picture:", "Pictures:",
      "Image:",        "Images:",  "Photo by",    "Photograph by", "Credit:",  "Photo credit:",
      "Illustration:", "Graphic:", "Video:",      "File photo:"};
  // Every credit has a colon or is "Photo(graph) by": most prose has neither.
  if (text.find(':') == std::string_view::npos && text.find("Photo") == std::string_view::npos) return false;
  for (const std::string_view credit : kCredits) {
    const std::size_t pos = text.rfind(credit);
    if (pos == std::string_view::npos || pos == 0) continue;
    const std::string_view rest = text.substr(pos + credit.size());
    if (CountWords(rest) >= 1 && CountWords(rest) <= 8 && CountWords(text.substr(0, pos)) >= 2) {
      return true;
    }
  }
  return false;
}

}  // namespace redline::normalize
