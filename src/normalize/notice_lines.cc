// Lines the template adds around a story's own text: copyright notices, contact lines for
// the reporter, player messages, labels of related-story lists, author bios.
#include <algorithm>
#include <initializer_list>
#include <string>

#include "normalize/template_filter.h"
#include "normalize/text_words.h"

namespace redline::normalize {
namespace {

bool HasYear(const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return w.size() == 4 && AllDigits(w) && (w.starts_with("19") || w.starts_with("20"));
  });
}

bool Contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

enum class Address { kNone, kPerson, kWeb };

// "jane.doe@example.com", "@janedoe", "twitter.com/janedoe" reach a person; other URLs a
// web page (a story may cite those).
Address AddressOf(std::string_view word) {
  while (!word.empty() && (word.back() == '.' || word.back() == ',' || word.back() == ')')) word.remove_suffix(1);
  while (!word.empty() && word.front() == '(') word.remove_prefix(1);
  if (word.size() < 2) return Address::kNone;
  const std::size_t at = word.find('@');
  if (at == 0) return Address::kPerson;  // a handle
  if (at != std::string_view::npos && word.find('.', at) != std::string_view::npos) return Address::kPerson;
  if (word.find("twitter.com/") != std::string_view::npos) return Address::kPerson;
  if (word.starts_with("http://") || word.starts_with("https://") || word.starts_with("www.")) return Address::kWeb;
  return Address::kNone;
}

std::vector<std::string_view> SpaceWords(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace

bool IsCopyrightLine(std::string_view text) {
  if (text.size() > 400) return false;
  const std::vector<std::string>& words = LowerWords(text);
  if (words.empty() || words.size() > 30) return false;
  if (HasWords(words, {"all", "rights", "reserved"})) return true;
  // A notice opens with its mark: "© 2024 ...", "Copyright 2019 ...", "(c) 2019 ...".
  const bool mark = text.starts_with("\u00A9") || text.starts_with("(c)") || text.starts_with("(C)") ||
                    words.front() == "copyright";
  return mark && HasYear(words) && words.size() <= 20;
}

bool IsContactLine(std::string_view text) {
  if (text.size() > 300) return false;
  const std::vector<std::string_view> words = SpaceWords(text);
  if (words.size() > 35) return false;
  std::size_t people = 0, pages = 0;
  for (const std::string_view w : words) {
    const Address a = AddressOf(w);
    people += a == Address::kPerson;
    pages += a == Address::kWeb;
  }
  if (people == 0 && pages == 0) return false;
  const std::string p = Phrase(text);
  if (pages > 0 && people == 0) return Contains(p, "follow") && Contains(p, "coverage");
  for (const std::string_view phrase :
       {"write to", "email", "e mail", "contact", "reach", "reached at", "follow", "tips", "tip ", "send",
        "on twitter"}) {
    if (Contains(p, phrase)) return true;
  }
  return false;
}

bool IsAddressLine(std::string_view text) {
  const std::vector<std::string_view> words = SpaceWords(text);
  if (words.empty() || words.size() > 6) return false;
  const auto people = std::count_if(words.begin(), words.end(),
                                    [](std::string_view w) { return AddressOf(w) == Address::kPerson; });
  return people > 0 && static_cast<std::size_t>(people) * 2 >= words.size();
}

bool IsPlayerMessage(std::string_view text) {
  if (text.size() > 200) return false;
  const std::string p = Phrase(text);
  if (OneOf(p, {"now playing", "up next", "video unavailable", "loading video", "autoplay", "replay"})) return true;
  for (const std::string_view message :
       {"media playback is unsupported", "media playback is not supported", "your browser does not support the",
        "this video is unavailable", "this video is not available", "enable javascript to view",
        "to view this video please enable", "the video will start in"}) {
    if (Contains(p, message)) return true;
  }
  return false;
}

bool IsListLabel(std::string_view text) {
  if (text.size() > 120 || EndsSentence(text)) return false;
  const std::vector<std::string> words = LowerWords(text);
  if (words.empty() || words.size() > 8) return false;
  if (Phrase(text) == "about the author" || Phrase(text) == "about the authors") return true;
  const bool opener = OneOf(words.front(), {"more", "related", "recommended", "popular", "latest", "top",
                                            "trending", "further", "also", "other", "previous", "recent"});
  const bool subject = std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return OneOf(w, {"stories", "story", "articles", "news", "coverage", "reads", "reading", "posts", "videos",
                     "content", "links", "headlines"});
  });
  return opener && subject;
}

bool IsBracketTeaser(std::string_view text) {
  // "Headline one [INSIGHT] | Headline two [VIDEO]": two or more capitalised bracket tags.
  int tags = 0;
  std::size_t pos = 0;
  while ((pos = text.find('[', pos)) != std::string_view::npos) {
    const std::size_t close = text.find(']', pos);
    if (close == std::string_view::npos) break;
    const std::string_view tag = text.substr(pos + 1, close - pos - 1);
    const bool caps = !tag.empty() && tag.size() <= 15 &&
                      std::all_of(tag.begin(), tag.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == ' '; });
    tags += caps;
    pos = close;
  }
  return tags >= 2;
}

bool IsOfferLine(std::string_view text) {
  if (text.size() > 800) return false;
  const std::vector<std::string>& words = LowerWords(text);
  if (words.size() < 3 || words.size() > 80) return false;
  if (HasWords(words, {"if", "you", "enjoyed", "this", "article"}) || HasWords(words, {"share", "it", "with", "a", "friend"}) ||
      HasWords(words, {"successfully", "subscribed"}) || HasWords(words, {"problem", "subscribing"}) ||
      (HasWords(words, {"join", "our"}) && (HasWords(words, {"forums"}) || HasWords(words, {"community"})))) {
    return true;
  }
  const bool subscription = std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return OneOf(w, {"subscribe", "subscription", "subscriptions", "subscriber", "subscribers", "issues",
                     "delivered", "membership", "trial", "newsletter", "newsletters"});
  });
  if (!subscription) return false;
  const bool price = Contains(text, "$") || Contains(text, "\u00A3") || Contains(text, "\u20AC") ||
                     HasWords(words, {"rs"}) || Contains(text, "\u20B9") || HasWords(words, {"free"});
  // The publisher's own call, not a story about deals: "click here", "use the code".
  const bool action = HasWords(words, {"click", "here"}) || HasWords(words, {"use", "the", "code"}) ||
                      HasWords(words, {"use", "code"}) || HasWords(words, {"subscribe", "now"}) ||
                      HasWords(words, {"subscribe", "today"}) || HasWords(words, {"join", "now"});
  return price && action;
}

bool IsSeparatorLine(std::string_view text) { return !text.empty() && text.size() <= 200 && LowerWords(text).empty(); }

bool IsShortcode(std::string_view text) {
  // "[button link=...]Send us your review[/button]": a CMS shortcode left unexpanded.
  if (text.size() < 4 || text.front() != '[' || text.back() != ']') return false;
  std::size_t i = 1;
  while (i < text.size() && text[i] >= 'a' && text[i] <= 'z') ++i;
  if (i == 1) return false;
  const std::string close = "[/" + std::string(text.substr(1, i - 1)) + "]";
  return text.ends_with(close);
}

bool IsCommentPolicy(std::string_view text) {
  if (text.size() > 400) return false;
  const std::vector<std::string>& words = LowerWords(text);
  if (words.size() < 4 || words.size() > 40) return false;
  const auto has = [&](std::initializer_list<std::string_view> stems) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
      return std::any_of(stems.begin(), stems.end(), [&](std::string_view stem) { return w.starts_with(stem); });
    });
  };
  // Comments, moderated or approved, in words addressed to the reader.
  return has({"comment", "coment", "kommentar"}) &&
         has({"moderat", "moderad", "modér", "approv", "aprovad", "aprobad", "freigeschaltet", "spam"}) &&
         has({"we", "our", "you", "your", "please", "note", "atenção", "atención", "attention", "usuário", "usuario",
              "user", "readers", "nous", "vous", "wir", "ihr"});
}

bool IsRatingLine(std::string_view text) {
  if (text.size() > 160 || EndsSentence(text)) return false;
  const std::vector<std::string>& words = LowerWords(text);
  if (words.empty() || words.size() > 14) return false;
  const bool stars = Contains(text, "\u2605") || Contains(text, "\u2606");
  int numbers = 0;
  bool rating = false;
  for (const std::string& w : words) {
    numbers += AllDigits(w);
    rating = rating || OneOf(w, {"rating", "ratings", "rated", "stars", "votes", "bewertung", "bewertungen", "sterne",
                                 "sternen", "\u00E9toiles", "valoraci\u00F3n", "valoraciones", "estrellas", "votos",
                                 "voti", "stelle", "valutazione", "avalia\u00E7\u00E3o", "avalia\u00E7\u00F5es",
                                 "estrelas", "beoordeling", "sterren", "stemmen"});
  }
  // A score and its scale or count ("4.5 out of 5", "(120 votes)"), or star glyphs.
  return (rating && numbers >= 2) || (stars && (rating || numbers >= 1));
}

bool IsPostMetaLine(std::string_view text) {
  if (text.size() > 300 || EndsSentence(text)) return false;
  // Split at the separators such lines use: " - ", " | ", " · ", " • ".
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t cut = std::string_view::npos;
    std::size_t width = 0;
    for (const std::string_view separator : {" - ", " | ", " \u00B7 ", " \u2022 ", " \u2013 "}) {
      const std::size_t at = text.find(separator, start);
      if (at < cut) cut = at, width = separator.size();
    }
    const std::size_t end = cut == std::string_view::npos ? text.size() : cut;
    parts.push_back(text.substr(start, end - start));
    if (cut == std::string_view::npos) break;
    start = cut + width;
  }
  if (parts.size() < 2) return false;
  std::size_t labelled = 0;
  for (const std::string_view part : parts) {
    const std::string p = Phrase(part);
    bool label = false;
    for (const std::string_view l :
         {"posted by", "posted in", "posted under", "published by", "published in", "written by", "filed under",
          "publicado por", "publicado em", "publicado en", "escrito por", "publié par", "publié dans",
          "veröffentlicht von", "pubblicato da", "category", "categories", "categoria", "categorias", "categoría",
          "categorías", "catégorie", "catégories", "kategorie", "kategorien", "tags", "tag", "etiquetas",
          "schlagwörter", "section", "seção", "sección", "rubrique", "rubrik"}) {
      // A label opens the part and a colon or the label's own "by"/"in" ends it.
      if (StartsWith(p, std::string(l) + " ") &&
          (part.find(':') != std::string_view::npos || l.ends_with(" by") || l.ends_with(" in") ||
           l.ends_with(" por") || l.ends_with(" par") || l.ends_with(" da") || l.ends_with(" von"))) {
        label = true;
        break;
      }
    }
    if (label) {
      ++labelled;
    } else if (!IsDateTimeLine(part)) {
      return false;
    }
  }
  return labelled > 0;
}

bool IsCreditLabel(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty() || text.size() > 40 || (text.back() != ':' && !text.ends_with("\uFF1A"))) return false;
  return OneOf(Phrase(text), {"photo", "photos", "photo credit", "photos credit", "credit", "credits", "image",
                              "images", "image credit", "picture", "pictures", "foto", "fotos", "fotografia",
                              "crédito", "créditos", "crédit", "crédits", "bild", "bilder", "imagen", "immagine",
                              "фото", "фотография", "источник фото", "снимок"});
}

bool IsOrganisationProfile(std::string_view text) {
  constexpr std::size_t kMinWords = 12;
  constexpr std::size_t kMaxNameWords = 5;
  if (text.size() > 4000 || !StartsWithUppercaseOrDigit(text)) return false;
  const std::vector<std::string> words = LowerWords(text);
  if (words.size() < kMinWords) return false;
  // The name, then "is a/an/the": "Ascom is a", "Example Holdings Inc. is the".
  bool described = false;
  for (std::size_t i = 1; i <= kMaxNameWords && i + 1 < words.size() && !described; ++i) {
    described = words[i] == "is" && OneOf(words[i + 1], {"a", "an", "the", "one", "headquartered", "based"});
  }
  if (!described) return false;
  const std::string p = " " + Phrase(text) + " ";
  for (const std::string_view fact :
       {" headquartered ", " headquarters ", " employs ", " employees worldwide ", " people worldwide ",
        " subsidiaries ", " listed on ", " stock exchange ", " nasdaq ", " nyse ", " founded in ", " offices in ",
        " for more information visit ", " www "}) {
    if (Contains(p, fact)) return true;
  }
  return false;
}

bool IsAuthorBio(std::string_view text, std::string_view byline) {
  if (text.size() > 1200) return false;
  const std::vector<std::string> words = LowerWords(text);
  if (words.size() < 4 || words.size() > 120) return false;
  // Opens with an author's full name ("Jane Doe is ..."), a first name ("Jane joined ..."),
  // or "I am ...".
  bool full_name = false;
  bool first_name = false;
  std::string rest(byline);
  for (const std::string_view separator : {" and ", ", "}) {
    for (std::size_t pos; (pos = rest.find(separator)) != std::string::npos;) rest.replace(pos, separator.size(), "|");
  }
  std::size_t start = 0;
  while (start <= rest.size()) {
    std::size_t end = rest.find('|', start);
    if (end == std::string::npos) end = rest.size();
    const std::vector<std::string> name = LowerWords(std::string_view(rest).substr(start, end - start));
    if (!name.empty() && name.size() <= words.size()) {
      full_name = full_name || (name.size() >= 2 && std::equal(name.begin(), name.end(), words.begin()));
      first_name = first_name || (name.front().size() >= 2 && name.front() == words.front());
    }
    start = end + 1;
  }
  const bool first_person = words[0] == "i" && OneOf(words[1], {"am", "m", "have", "write"});
  if (!full_name && !first_name && !first_person) return false;
  const std::string p = " " + Phrase(text.substr(0, 200)) + " ";
  // With the full name, saying what the author is or does is enough.
  if (full_name) {
    for (const std::string_view verb :
         {" is a ", " is an ", " is the ", " joined ", " covers ", " has covered ", " writes ", " reports on ",
          " is based ", " was a ", " has been ", " has written ", " is senior ", " is editor ", " is deputy ",
          " is chief ", " is our "}) {
      if (Contains(p, verb)) return true;
    }
    // "Jane Doe is IGN's deals editor": the full name, then what she is.
    const std::size_t after = LowerWords(byline).size();
    const auto end = words.begin() + static_cast<std::ptrdiff_t>(std::min(words.size(), after + 2));
    if (std::find(words.begin(), end, "is") != end) return true;
  }
  // A first name (or "I") could be anyone's: it takes the words of the trade.
  for (const std::string_view trade :
       {" reporter ", " writer ", " editor ", " correspondent ", " journalist ", " columnist ", " contributor ",
        " producer ", " covers ", " joined ", " curator ", " critic ", " freelance ", " reports on ",
        " writes about "}) {
    if (Contains(p, trade)) return true;
  }
  return false;
}

}  // namespace redline::normalize
