#include <gtest/gtest.h>

#include "normalize/template_filter.h"

namespace redline::normalize {
namespace {

TEST(LocalizedFurniture, TemplateLinesInSixLanguages) {
  for (const char* line :
       {"Teilen auf Facebook", "Auf Facebook teilen Auf X teilen Per E-Mail teilen", "Partager sur Facebook",
        "Compartir en Twitter", "Condividi su Facebook", "Partilhar no Facebook", "Delen op Facebook",
        "Mehr zum Thema", "À lire aussi", "Te puede interesar", "Potrebbe interessarti", "Leia também",
        "Lees ook", "12 Kommentare", "12 commentaires", "12 comentarios", "12 commenti", "12 comentários",
        "12 reacties", "Lesezeit: 3 Minuten", "Temps de lecture : 3 min", "Tempo di lettura: 3 minuti",
        "Leestijd: 3 minuten", "Il y a 2 heures", "Hace 3 horas", "3 ore fa", "Há 2 horas", "2 uur geleden",
        "Anzeige", "Publicité", "Pubblicità", "Advertentie", "Folgen Sie uns auf Twitter", "Suivez-nous sur Facebook",
        "Síguenos en Twitter", "Volg ons op Facebook", "Artikel drucken", "Zurück nach oben", "Retour en haut",
        "© 2024 Rheintaler Anzeiger. Alle Rechte vorbehalten.", "Tous droits réservés", "Tutti i diritti riservati",
        "Il y a 2 heures Temps de lecture : 3 min 12 commentaires", "vor 3 Stunden 5 Kommentare",
        "Lesezeit: 4 Minuten aktualisiert vor 20 Minuten"}) {
    EXPECT_TRUE(IsLocalizedFurnitureLine(line)) << line;
    EXPECT_TRUE(IsFurnitureLine(line)) << line;
  }
}

// Live furniture (issue 24): relative times, comment counts and audio players.
TEST(LocalizedFurniture, LiveFurniture) {
  for (const char* line : {"vor 5 Minuten", "vor 12 Min. \u00B7 34 Kommentare", "Artikel anh\u00F6ren",
                           "\u25B6 Artikel anh\u00F6ren \u00B7 4 Min.", "\u00C9couter cet article 3 min",
                           "Escuchar este art\u00EDculo", "Ascolta l'articolo 5 minuti", "Ouvir este artigo",
                           "Artikel beluisteren"}) {
    EXPECT_TRUE(IsFurnitureLine(line)) << line;
  }
  EXPECT_FALSE(IsLocalizedFurnitureLine(
      "Artikel anh\u00F6ren und lesen sei f\u00FCr viele Blinde noch immer schwer, sagte sie."));
}

TEST(LocalizedFurniture, StorySentencesStay) {
  for (const char* line :
       {"Die Regeln wurden nach langer Debatte mit 31 zu 12 Stimmen angenommen.",
        "Il y a 20 ans, la ville comptait deux fois plus d'habitants.", "Hace 3 horas que esperan el tren.",
        "Teilen sich die Parteien die Macht?", "La conferenza stampa è prevista per lunedì alle 11.",
        "Die Kommentare der Leser waren überwiegend positiv, sagte die Redaktion am Montag."}) {
    EXPECT_FALSE(IsLocalizedFurnitureLine(line)) << line;
  }
}

}  // namespace
}  // namespace redline::normalize
