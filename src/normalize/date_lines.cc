#include "normalize/date_lines.h"

#include <algorithm>
#include <string>
#include <vector>

#include "normalize/text_words.h"

namespace redline::normalize {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// "8", "00pm", "1st", "2022", "12h".
bool IsNumberish(std::string_view word) {
  std::size_t digits = 0;
  while (digits < word.size() && IsAsciiDigit(word[digits])) ++digits;
  if (digits == 0) return false;
  const std::string_view rest = word.substr(digits);
  return OneOf(rest, {"", "am", "pm", "st", "nd", "rd", "th", "h", "m", "s", "min", "mins", "hr", "hrs", "d",
                      "w", "y"});
}

// "Published", "updated" and "ago" in those languages.
bool IsForeignDateAnchor(std::string_view w) {
  return OneOf(w, {"publicado", "atualizado", "actualizado", "publié", "publiée", "veröffentlicht",
                   "aktualisiert", "pubblicato", "aggiornato", "опубликовано", "обновлено", "hace", "há",
                   "vor", "fa", "назад"});
}

// Months, weekdays, time labels and connectors of dates in Portuguese, Spanish, French,
// German, Italian and Russian.
bool IsForeignDateWord(std::string_view w) {
  return OneOf(w, {"janeiro",  "fevereiro", "março",    "maio",     "junho",    "julho",     "agosto",
                   "setembro", "outubro",   "novembro", "dezembro", "segunda",  "terça",     "quarta",
                   "quinta",   "sexta",     "sábado",   "domingo",  "feira",    "de",        "às",
                   "as",       "em",        "enero",    "febrero",  "marzo",    "abril",     "mayo",
                   "junio",    "julio",     "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
                   "lunes",    "martes",    "miércoles", "jueves",  "viernes",  "del",       "las",
                   "el",       "janvier",   "février",  "mars",     "avril",    "mai",       "juin",
                   "juillet",  "août",      "septembre", "octobre", "novembre", "décembre",  "lundi",
                   "mardi",    "mercredi",  "jeudi",    "vendredi", "samedi",   "dimanche",  "le",
                   "à",        "h",        "mis",      "jour",         "januar",   "februar",  "märz",     "juni",      "juli",
                   "oktober",  "dezember",  "montag",   "dienstag", "mittwoch", "donnerstag", "freitag",
                   "samstag",  "sonntag",   "um",       "uhr",      "gennaio",  "febbraio",  "aprile",
                   "maggio",   "giugno",    "luglio",   "settembre", "ottobre", "dicembre",  "lunedì",
                   "martedì",  "mercoledì", "giovedì",  "venerdì",  "sabato",   "domenica",  "alle",
                   "ore",      "il",        "января",   "февраля",  "марта",    "апреля",    "мая",
                   "июня",     "июля",      "августа",  "сентября", "октября",  "ноября",    "декабря",
                   "в",        "г",         "года",     "minutos",  "horas",    "minuten",   "stunden",
                   "minuti",   "heures",    "минут",    "часов",    "часа",     "минуты",
                   // Reading times: "Tempo de leitura: 1 minuto", "Lesezeit: 3 Min.".
                   "minuto",   "tempo",     "leitura",  "tiempo",   "lectura",  "temps",     "lecture",
                   "lesezeit", "lettura",   "di",       "время",    "чтения",   "минута"}) ||
         IsForeignDateAnchor(w);
}

bool IsDateWord(std::string_view w) {
  return OneOf(
      w, {"jan",      "january",   "feb",       "february", "mar",     "march",    "apr",       "april",
          "may",      "jun",       "june",      "jul",      "july",    "aug",      "august",    "sep",
          "sept",     "september", "oct",       "october",  "nov",     "november", "dec",       "december",
          "mon",      "monday",    "tue",       "tues",     "tuesday", "wed",      "wednesday", "thu",
          "thur",     "thurs",     "thursday",  "fri",      "friday",  "sat",      "saturday",  "sun",
          "sunday",   "am",        "pm",        "a",        "p",       "m",        "ago",       "second",
          "seconds",  "sec",       "secs",      "minute",   "minutes", "min",      "mins",      "hour",
          "hours",    "hr",        "hrs",       "day",      "days",    "week",     "weeks",     "month",
          "months",   "year",      "years",     "an",       "one",     "few",      "just",      "now",
          "today",    "yesterday", "published", "updated",  "posted",  "last",     "first",     "modified",
          "on",       "at",        "and",       "read",     "reading", "time",     "gmt",       "utc",
          "bst",      "edt",       "est",       "cdt",      "cst",     "mdt",      "mst",       "pdt",
          "pst",      "cet",       "cest",      "hkt",      "ist",     "jst",      "aest",      "aedt",
          "sgt",      "et",        "pt",        "ct",       "z",       "of",       "the",       "originally",
          "original", "date",      "edited",    "created",  "local",   "amt",      "msk",       "eet",
          "eest",     "wib",       "pkt",       "hst",      "akst",    "nzdt",     "nzst",      "brt"}) ||
         IsForeignDateWord(w);
}

// Words that only ever mean "this is a date or time", so a line of date words needs one.
bool IsDateAnchor(std::string_view w) {
  return IsNumberish(w) || IsForeignDateAnchor(w) ||
         OneOf(w, {"ago", "yesterday", "today", "now", "published", "updated", "posted", "modified"});
}

}  // namespace

bool IsDuration(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  int groups = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t digits = 0;
    while (i < text.size() && IsAsciiDigit(text[i])) ++i, ++digits;
    if (digits == 0 || digits > 2 || (groups > 0 && digits != 2)) return false;
    ++groups;
    if (i == text.size()) break;
    if (text[i] != ':') return false;
    ++i;
    if (i == text.size()) return false;
  }
  return groups == 2 || groups == 3;
}

bool IsDateTimeLine(std::string_view text) {
  if (text.size() > 200) return false;
  const std::vector<std::string> words = LowerWords(text);
  if (words.empty() || words.size() > 24) return false;
  // A short credit may precede the label: "The Associated Press Published Monday, ... EST".
  std::size_t start = 0;
  for (std::size_t i = 0; i < words.size() && i <= 6; ++i) {
    if (OneOf(words[i], {"published", "updated", "posted"})) {
      start = i;
      break;
    }
  }
  bool anchored = false;
  bool all_date = true;
  for (std::size_t i = start; i < words.size() && all_date; ++i) {
    all_date = IsNumberish(words[i]) || IsDateWord(words[i]);
    anchored = anchored || IsDateAnchor(words[i]);
  }
  if (all_date && anchored && (start == 0 || words.size() - start >= 3)) return true;
  // A relative time with its hedge: "Updated less than a minute ago", "about 2 hours ago".
  if (std::find(words.begin(), words.end(), "ago") != words.end() &&
      std::all_of(words.begin() + static_cast<std::ptrdiff_t>(start), words.end(), [](const std::string& w) {
        return IsNumberish(w) || IsDateWord(w) ||
               OneOf(w, {"less", "than", "about", "over", "nearly", "almost", "under", "more"});
      })) {
    return true;
  }
  // "Posted on Maret 30, 2015 by Admin": a posting label, a number, a name.
  return (words[0] == "posted" || words[0] == "published" || words[0] == "updated") && words.size() <= 12 &&
         !EndsSentence(text) &&
         std::any_of(words.begin(), words.end(), [](const std::string& w) { return IsNumberish(w); });
}

bool IsBylineLine(std::string_view text) {
  if (text.size() < 4 || (text.substr(0, 3) != "By " && text.substr(0, 3) != "BY ")) return false;
  if (CountWords(text) > 25 || EndsSentence(text)) return false;
  // A byline with a date or time after it: "By HNN Staff | November 18, 2019 at 2:26 PM HST".
  const std::vector<std::string> words = LowerWords(text);
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (IsDateTimeLine(words[i] + " " + (i + 1 < words.size() ? words[i + 1] : std::string()))) {
      return true;
    }
  }
  return text.find(" | ") != std::string_view::npos;
}

}  // namespace redline::normalize
