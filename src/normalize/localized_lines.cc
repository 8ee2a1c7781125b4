// Template lines in German, French, Spanish, Italian, Portuguese and Dutch: the labels,
// buttons and counters the English rules (template_filter.cc) know, as the news of those
// languages writes them. Whole phrases or closed word sets only, so a story's sentence is
// never taken for one.
#include <algorithm>
#include <string>

#include "normalize/template_filter.h"
#include "normalize/text_words.h"

namespace redline::normalize {
namespace {

// "Teilen auf Facebook", "Partager sur X", "Compartir en WhatsApp", "Delen op LinkedIn".
bool IsLocalizedShareLine(const std::vector<std::string>& words) {
  bool share = false;
  for (const std::string& w : words) {
    const bool verb = OneOf(
        w, {"teilen", "geteilt", "partager", "partagez", "compartir", "comparte", "condividi", "condividere",
            "partilhar", "partilhe", "compartilhar", "compartilhe", "delen", "deel", "teile"});
    const bool network = OneOf(
        w, {"facebook", "twitter", "x", "whatsapp", "linkedin", "pinterest", "telegram", "reddit",
            "flipboard", "bluesky", "threads", "mastodon", "messenger", "e", "mail", "email", "sms", "xing"});
    const bool filler = OneOf(w, {"auf",      "per",
                                  "via",      "sur",
                                  "par",      "en",
                                  "por",      "su",
                                  "tramite",  "no",
                                  "na",       "op",
                                  "met",      "artikel",
                                  "article",  "art\u00EDculo",
                                  "articolo", "artigo",
                                  "link",     "lien",
                                  "enlace",   "kopieren",
                                  "copier",   "copiar",
                                  "copia",    "kopi\u00EBren",
                                  "diesen",   "cet",
                                  "este",     "questo",
                                  "deze",     "dit",
                                  "le",       "la",
                                  "il",       "o",
                                  "de",       "het",
                                  "den",      "der",
                                  "die",      "das",
                                  "l",        "this"});
    if (!verb && !network && !filler) return false;
    share = share || verb;
  }
  return share;
}

bool IsCommentWord(std::string_view w) {
  return OneOf(w, {"kommentar", "kommentare", "commentaire", "commentaires", "comentario", "comentarios",
                   "commento", "commenti", "coment\u00E1rio", "coment\u00E1rios", "reactie", "reacties"});
}

// "12 Kommentare", "Kommentare (12)", "3 commentaires", "12 reacties".
bool IsLocalizedCommentCount(const std::vector<std::string>& words) {
  if (words.size() == 1) return IsCommentWord(words[0]);
  if (words.size() != 2) return false;
  return (AllDigits(words[0]) && IsCommentWord(words[1])) || (IsCommentWord(words[0]) && AllDigits(words[1]));
}

// "vor 5 Minuten", "il y a 2 heures", "hace 3 horas", "3 ore fa", "há 2 horas", "2 uur geleden".
bool IsLocalizedRelativeTime(const std::vector<std::string>& words) {
  if (words.size() < 2 || words.size() > 6) return false;
  bool number = false;
  bool unit = false;
  bool ago = false;
  for (const std::string& w : words) {
    number =
        number || AllDigits(w) || OneOf(w, {"ein", "einer", "une", "un", "una", "uno", "um", "uma", "een"});
    unit = unit || OneOf(w, {"sekunden", "minute",    "minuten",  "stunde",   "stunden", "tag",    "tagen",
                             "seconde",  "secondes",  "minutes",  "min",      "heure",   "heures", "jour",
                             "jours",    "segundo",   "segundos", "minuto",   "minutos", "hora",   "horas",
                             "d\u00EDa", "d\u00EDas", "dia",      "dias",     "secondi", "minuti", "ora",
                             "ore",      "giorno",    "giorni",   "seconden", "minuut",  "uur",    "dag",
                             "dagen",    "std",       "h"});
    ago = ago || OneOf(w, {"vor", "il", "hace", "fa", "h\u00E1", "geleden", "atr\u00E1s"});
  }
  return number && unit && ago;
}

// A post's meta line joined from its spans: "Il y a 2 heures Temps de lecture : 3 min 12
// commentaires", "vor 3 Stunden 5 Kommentare": every word a number, a time unit, an "ago",
// a reading-time label or a comment count.
bool IsLocalizedMetaLine(const std::vector<std::string>& words) {
  if (words.size() < 3 || words.size() > 16) return false;
  bool unit = false;
  for (const std::string& w : words) {
    const bool is_unit =
        OneOf(w, {"minute",   "minuten",   "stunde", "stunden", "tag",    "tagen",   "minutes", "min",
                  "heure",    "heures",    "jour",   "jours",   "minuto", "minutos", "hora",    "horas",
                  "d\u00EDa", "d\u00EDas", "dia",    "dias",    "minuti", "ora",     "ore",     "giorno",
                  "giorni",   "minuut",    "uur",    "dag",     "dagen"});
    unit = unit || is_unit;
    if (!is_unit && !AllDigits(w) && !IsCommentWord(w) &&
        !OneOf(w,
               {"vor",     "il",          "y",          "a",          "hace",       "fa",      "h\u00E1",
                "geleden", "atr\u00E1s",  "lesezeit",   "leestijd",   "temps",      "de",      "lecture",
                "tiempo",  "lectura",     "tempo",      "di",         "lettura",    "leitura", "aktualisiert",
                "mis",     "actualizado", "aggiornato", "atualizado", "bijgewerkt", "\u00E0"})) {
      return false;
    }
  }
  return unit;
}

// "Artikel anhören", "Écouter cet article · 4 min", "Ascolta l'articolo 3 minuti": an
// article's audio player, its label and at most its length.
bool IsLocalizedListenLine(const std::vector<std::string>& words) {
  static const std::vector<std::vector<std::string_view>> kLabels = {
      {"artikel", "anh\u00F6ren"},
      {"beitrag", "anh\u00F6ren"},
      {"artikel", "vorlesen"},
      {"\u00E9couter", "cet", "article"},
      {"\u00E9couter", "l", "article"},
      {"escuchar", "este", "art\u00EDculo"},
      {"escuchar", "art\u00EDculo"},
      {"escucha", "este", "art\u00EDculo"},
      {"ascolta", "l", "articolo"},
      {"ascolta", "questo", "articolo"},
      {"ouvir", "este", "artigo"},
      {"ou\u00E7a", "este", "artigo"},
      {"ouvir", "artigo"},
      {"artikel", "beluisteren"},
      {"luister", "naar", "dit", "artikel"},
      {"beluister", "dit", "artikel"},
  };
  for (const std::vector<std::string_view>& label : kLabels) {
    if (words.size() < label.size() || !std::equal(label.begin(), label.end(), words.begin())) continue;
    return std::all_of(
        words.begin() + static_cast<std::ptrdiff_t>(label.size()), words.end(), [](const std::string& w) {
          return AllDigits(w) || OneOf(w, {"min", "minute", "minuten", "minutes", "minuti", "minuto",
                                           "minutos", "minuut", "sek", "sekunden", "s", "std"});
        });
  }
  return false;
}

}  // namespace

bool IsLocalizedFurnitureLine(std::string_view text) {
  if (text.size() > 200) return false;
  const std::vector<std::string>& words = LowerWords(text);
  if (words.empty() || words.size() > 16) return false;
  const std::string& p = Phrase(text);
  if (OneOf(p, {
                   // related and further reading
                   "mehr zum thema",
                   "lesen sie auch",
                   "auch interessant",
                   "das k\u00F6nnte sie auch interessieren",
                   "weitere artikel",
                   "mehr lesen",
                   "weiterlesen",
                   "\u00E0 lire aussi",
                   "a lire aussi",
                   "lire aussi",
                   "lire la suite",
                   "sur le m\u00EAme sujet",
                   "voir aussi",
                   "te puede interesar",
                   "lee tambi\u00E9n",
                   "leer m\u00E1s",
                   "m\u00E1s informaci\u00F3n",
                   "noticias relacionadas",
                   "potrebbe interessarti",
                   "leggi anche",
                   "leggi di pi\u00F9",
                   "articoli correlati",
                   "leia tamb\u00E9m",
                   "leia mais",
                   "veja tamb\u00E9m",
                   "saiba mais",
                   "not\u00EDcias relacionadas",
                   "lees ook",
                   "lees meer",
                   "meer over dit onderwerp",
                   "gerelateerde artikelen",
                   "bekijk ook",
                   // ads
                   "anzeige",
                   "werbung",
                   "publicit\u00E9",
                   "publicidad",
                   "pubblicit\u00E0",
                   "publicidade",
                   "advertentie",
                   "gesponsert",
                   "sponsoris\u00E9",
                   "patrocinado",
                   "sponsorizzato",
                   "gesponsord",
                   // print, top of page, follow
                   "artikel drucken",
                   "drucken",
                   "imprimer",
                   "imprimer l article",
                   "imprimir",
                   "stampa",
                   "afdrukken",
                   "zur\u00FCck nach oben",
                   "nach oben",
                   "retour en haut",
                   "haut de page",
                   "volver arriba",
                   "torna su",
                   "voltar ao topo",
                   "terug naar boven",
               })) {
    return true;
  }
  // "Folgen Sie uns auf Twitter", "Suivez-nous sur Facebook", "Síguenos en X", "Volg ons op ...".
  if (words.size() <= 8 &&
      (HasWords(words, {"folgen", "sie", "uns"}) || HasWords(words, {"folge", "uns"}) ||
       HasWords(words, {"suivez", "nous"}) || OneOf(words[0], {"s\u00EDguenos", "seguici"}) ||
       HasWords(words, {"siga", "nos"}) || HasWords(words, {"volg", "ons"}))) {
    return true;
  }
  // "Lesezeit: 3 Minuten", "Temps de lecture : 3 min", "Tempo di lettura: 3 minuti".
  if (words.size() <= 6 &&
      (OneOf(words[0], {"lesezeit", "leestijd"}) || HasWords(words, {"temps", "de", "lecture"}) ||
       HasWords(words, {"tiempo", "de", "lectura"}) || HasWords(words, {"tempo", "di", "lettura"}) ||
       HasWords(words, {"tempo", "de", "leitura"}))) {
    return true;
  }
  // "Alle Rechte vorbehalten" after a © and a year: "© 2024 Rheintaler Anzeiger. Alle Rechte vorbehalten".
  if (HasWords(words, {"rechte", "vorbehalten"}) || HasWords(words, {"droits", "r\u00E9serv\u00E9s"}) ||
      HasWords(words, {"derechos", "reservados"}) || HasWords(words, {"diritti", "riservati"}) ||
      HasWords(words, {"direitos", "reservados"}) || HasWords(words, {"rechten", "voorbehouden"})) {
    return true;
  }
  return IsLocalizedShareLine(words) || IsLocalizedCommentCount(words) || IsLocalizedRelativeTime(words) ||
         IsLocalizedMetaLine(words) || IsLocalizedListenLine(words);
}

}  // namespace redline::normalize
