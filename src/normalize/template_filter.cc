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

bool IsFurnitureLine(std::string_view text) {
  return IsAdLabel(text) || IsGalleryCounter(text) || IsCreditLine(text) || IsBylineLine(text) ||
         IsDuration(text) || IsDateTimeLine(text) || IsShareLine(text) || IsCommentLine(text) ||
         IsTeaserLine(text) || IsCallToAction(text) || IsPromoLine(text) || IsCopyrightLine(text) ||
         IsContactLine(text) || IsPlayerMessage(text) || IsBracketTeaser(text) || IsOfferLine(text) ||
         IsSeparatorLine(text) || IsShortcode(text) || IsCommentPolicy(text) || IsPostMetaLine(text) ||
         IsRatingLine(text) || IsLocalizedFurnitureLine(text);
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
