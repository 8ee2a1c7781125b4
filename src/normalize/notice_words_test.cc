#include "normalize/notice_words.h"

#include <gtest/gtest.h>

#include "normalize/template_filter.h"

namespace redline::normalize {
namespace {

TEST(NoticeWords, CountsTheVocabularyInEveryLanguage) {
  const NoticeWordCount en = CountNoticeWords("We use cookies to personalise ads. Manage your privacy preferences.");
  EXPECT_EQ(en.words, 10);
  EXPECT_EQ(en.notice, 5);  // cookies, personalise, ads (a weak word), privacy, preferences
  EXPECT_EQ(CountNoticeWords("Mit Ihrer Einwilligung und Zustimmung zum Datenschutz").notice, 3);
  EXPECT_EQ(CountNoticeWords("Nous utilisons des COOKIES avec votre consentement").notice, 2);
  EXPECT_EQ(CountNoticeWords("Suscríbete para seguir leyendo o inicia sesión").notice, 3);
  EXPECT_EQ(CountNoticeWords("Iniciar sesión").notice, 1);
  EXPECT_EQ(CountNoticeWords("Abbonati ora oppure accedi").notice, 2);
  EXPECT_EQ(CountNoticeWords("Wij gebruiken cookies; lees ons privacybeleid of meld je aan voor de nieuwsbrief").notice,
            4);
  // Everyday words of stories are not in it.
  EXPECT_EQ(CountNoticeWords("The minister accepted the offer from her coalition partner's account").notice, 0);
}

TEST(NoticeWords, DenseNoticeTextIsNotTheStory) {
  EXPECT_TRUE(IsNoticeDense(CountNoticeWords("Wir verwenden Cookies, um Werbung zu personalisieren.")));
  // A consent box in prose, with its tracking and ads (a site's banner above the story).
  EXPECT_TRUE(IsNoticeDense(CountNoticeWords(
      "We use cookies and other tracking technologies to improve your browsing experience on our site, show "
      "personalized content and targeted ads, analyze site traffic, and understand where our audience is coming "
      "from. To find out more or to opt-out, please read our Cookie Policy. In addition, please read our Privacy "
      "Policy, which has also been updated and became effective May 23rd, 2018.")));
  EXPECT_FALSE(IsNoticeDense(CountNoticeWords(
      "The council approved the budget on Tuesday after a long debate about cookies sold at the market, "
      "which traders said had doubled in price since the spring and would rise again next year.")));
}

TEST(ReaderNotice, PromptsInSevenLanguages) {
  for (const char* prompt :
       {"Sign in", "Subscribe to continue reading", "Jetzt weiterlesen", "Se connecter", "Abonnez-vous",
        "Iniciar sesión", "Suscríbete", "Accedi", "Abbonati ora", "Assine já", "Inloggen", "Abonneer nu",
        "Your privacy matters to us", "OK Settings", "Alle akzeptieren Ablehnen", "Tout refuser",
        "Accetta tutti", "Unlimited access to all our journalism", "Start your free trial"}) {
    EXPECT_TRUE(IsReaderNotice(prompt)) << prompt;
  }
}

TEST(ReaderNotice, ParagraphsThatSpeakToTheReader) {
  EXPECT_TRUE(IsReaderNotice("Get the morning briefing in your inbox. Sign up for our free newsletter."));
  EXPECT_TRUE(IsReaderNotice(
      "Die wichtigsten Nachrichten aus der Region jeden Morgen in Ihrem Postfach. Kostenlos und jederzeit "
      "abbestellbar."));
  EXPECT_TRUE(IsReaderNotice("Chaque matin, l'essentiel de l'actualité dans votre boîte mail. Gratuit."));
  EXPECT_TRUE(IsReaderNotice("Advertiser disclosure: We may earn a commission when you buy through links."));
  EXPECT_TRUE(IsReaderNotice("Anzeige: Dieser Artikel enthält Links zu Partnern."));
}

TEST(ReaderNotice, GermanFormalAddressAndDenseOffers) {
  EXPECT_TRUE(IsReaderNotice("Die wichtigsten Nachrichten jeden Morgen in Ihrem Postfach."));
  EXPECT_TRUE(IsReaderNotice("Jetzt kostenlos den Newsletter abonnieren."));
  EXPECT_TRUE(IsReaderNotice("Jetzt weiterlesen mit einem Abo. Sie haben Ihr Limit an kostenlosen Artikeln erreicht."));
  // Lowercase "sie" and "ihr" are she, they and her: a report.
  EXPECT_FALSE(IsReaderNotice("Die Zeitung hat ihr Abo-Modell im Mai geändert, sagte sie am Montag."));
}

TEST(ReaderNotice, StorySentencesStay) {
  // A report about the rules speaks of cookies, not to the reader.
  EXPECT_FALSE(IsReaderNotice(
      "The regulator said websites must ask for consent before setting cookies and must make refusing as easy "
      "as accepting."));
  // Quoted speech is the story's.
  EXPECT_FALSE(IsReaderNotice("\u201CYou can download our app free and sign up in a minute,\u201D she said."));
  // One word of the vocabulary in a sentence is not a notice; a weak word alone is no prompt.
  EXPECT_FALSE(IsReaderNotice("Subscribers to the service will pay two euros more from May."));
  EXPECT_FALSE(IsReaderNotice("Writing a piece of email marketing"));
  EXPECT_FALSE(IsReaderNotice("The company offered a free trial to schools in 2019."));
  EXPECT_FALSE(
      IsReaderNotice("Investigators were given unlimited access to the company's records, the court heard."));
}

TEST(RatingLine, RatingWidgetsButNotProductNames) {
  EXPECT_TRUE(IsRatingLine("Rating: 4.5 out of 5 (120 votes)"));
  EXPECT_TRUE(IsRatingLine("4,2 von 5 Sternen"));
  EXPECT_TRUE(IsRatingLine("\u2605\u2605\u2605\u2605\u2606 12 avis"));
  EXPECT_FALSE(IsRatingLine("Samsung Galaxy Note 10 Plus for $840"));
  EXPECT_FALSE(IsRatingLine("The film was rated 12 by the board."));
}

}  // namespace
}  // namespace redline::normalize
