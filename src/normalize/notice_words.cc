#include "normalize/notice_words.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "normalize/text_words.h"

namespace redline::normalize {
namespace {

// Prefixes that, in news prose, almost only appear when a page talks about itself. Words
// that stories use every day ("accept", "partner", "account", "registró", "inscrit") are
// left out: density, not single words, marks a notice.
constexpr std::string_view kStems[] = {
    // consent and privacy
    "cookie", "consent", "consens", "gdpr", "dsgvo", "rgpd", "privacy", "privacid", "riservatezza",
    "confidentialit", "datenschutz", "privatsph", "einwilligung", "zustimm", "toestemming", "personalis", "personaliz",
    "personnalis", "preferenc", "pr\xC3\xA9" "f\xC3\xA9renc", "voorkeur", "akzeptier", "tracker", "acconsent",
    "geolocaliz", "geolocalis", "identificador", "identifiant", "identificator", "personenbezogen",
    "persoonsgegeven",
    // accounts and paywalls
    "login", "logout", "signin", "signup", "paywall", "passwor", "passwort", "wachtwoord", "inlog", "anmeld",
    "abmeld", "aanmeld", "registrier", "registreer", "weiterlesen", "connexion",
    // subscriptions and newsletters
    "subscri", "suscri", "suscr\xC3\xAD", "subscrev", "abonn", "abbon", "unsubscri", "newsletter", "nieuwsbrief", "inbox",
    "mailbox", "postfach", "courriel", "bolet\xC3\xADn", "iscriv", "inscr\xC3\xAD", "inscreva", "assinante",
    "assinatura", "abbestell", "d\xC3\xA9sinscri", "d\xC3\xA9sabonn", "disiscriv", "afmeld",
    // advertising
    "advertis", "advertent", "publicit", "publicid", "pubblicit", "sponsor", "affiliat", "werbung",
    "gesponsert", "gesponsord", "reclame",
};

// Whole words of the same kind whose prefixes are ordinary words.
constexpr std::string_view kWords[] = {
    "accedi", "registrati", "registrarse", "reg\xC3\xADstrate", "abo", "assine", "inscrivez", "inscris",
    "inscrivant", "connecter", "connectez", "entrar", "anmelden", "einloggen", "informativa", "pessoais",
    "personali", "personales", "personnelles", "parceiros", "partenaires", "an\xC3\xBA" "ncios",
};

// Words of offers that stories use too ("an email to staff", "a free vaccine"): they add to
// a notice's density but never make a prompt alone.
constexpr std::string_view kWeakStems[] = {
    "email", "e-mail", "kostenlos", "herunterlad", "t\xC3\xA9l\xC3\xA9" "charg", "descarg", "scarica", "descarreg", "downloaden",
};
constexpr std::string_view kWeakWords[] = {
    "correo", "posta", "mail", "app", "apps", "ads", "tracking", "download", "free", "gratis", "gratuit", "gratuite", "gratuito",
    "gratuita", "gratuitos", "gratuitas", "gratuits", "gratuites", "gratuiti",
};

// Pairs of words: the second word completes the notice ("sign in", "iniciar sesión").
constexpr std::array<std::pair<std::string_view, std::string_view>, 23> kPairs{{
    {"a", "ler"},
    {"continuar", "lendo"},
    {"a", "leggere"},
    {"\xC3\xA0", "lire"},
    {"lees", "verder"},
    {"verder", "lezen"},
    {"vie", "priv\xC3\xA9" "e"},
    {"inicia", "sesi\xC3\xB3n"},
    {"seguir", "leyendo"},
    {"personal", "data"},
    {"te", "melden"},
    {"de", "baja"},
    {"sign", "in"},
    {"sign", "up"},
    {"log", "in"},
    {"opt", "out"},
    {"iniciar", "sesi\xC3\xB3n"},
    {"continue", "reading"},
    {"keep", "reading"},
    {"free", "articles"},
    {"meld", "je"},
    // A subscription box's offer: "Unlimited access to all our journalism", "Start your free trial".
    {"unlimited", "access"},
    {"free", "trial"},
}};

// Words that speak to the reader or for the site ("your device", "unsere Partner").
constexpr std::string_view kAddress[] = {
    "you", "your", "yours", "we", "our", "us", "du", "dich", "dein", "deine", "deinem", "ihrem", "ihren", "wir",
    "unser", "unsere", "unseren", "unserer", "vous", "votre", "vos", "nous", "notre", "nos", "tu", "tus",
    "te", "usted", "nuestro", "nuestra", "nuestros", "nuestras", "tuo", "tua", "tuoi", "ti", "noi", "nostro",
    "nostra", "nostri", "nostre", "voc\xC3\xAA", "seu", "sua", "seus", "suas", "nosso", "nossa", "nossos",
    "nossas", "je", "jouw", "uw", "u", "wij", "onze", "ons",
};

// Labels that open a notice: "Advertiser disclosure: ...", "Anzeige:", "Publicité".
constexpr std::string_view kLabels[] = {
    "disclosure", "werbehinweis", "transparenzhinweis", "anzeige", "werbung", "publicit\xC3\xA9",
    "publicidad", "pubblicit\xC3\xA0", "publicidade", "advertentie", "advertisement", "sponsored",
};

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '-';
}

// Lowercases ASCII and the Latin-1 capitals (U+00C0..U+00DE as C3 80..C3 9E) in place.
void Lowercase(char* word, std::size_t length) {
  for (std::size_t i = 0; i < length; ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c >= 'A' && c <= 'Z') {
      word[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < length) {
      const auto next = static_cast<unsigned char>(word[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) word[i + 1] = static_cast<char>(next + 32);
      ++i;
    }
  }
}

enum class Entry : unsigned char { kStem, kWord, kWeakStem, kWeakWord, kAddress, kPairEnd };

// The vocabulary by first byte: a word is compared with the few entries sharing its first
// letter, since every text node of every page is counted.
class Vocabulary {
 public:
  Vocabulary() {
    for (const std::string_view stem : kStems) Add(stem, Entry::kStem);
    for (const std::string_view word : kWords) Add(word, Entry::kWord);
    for (const std::string_view stem : kWeakStems) Add(stem, Entry::kWeakStem);
    for (const std::string_view word : kWeakWords) Add(word, Entry::kWeakWord);
    for (const std::string_view word : kAddress) Add(word, Entry::kAddress);
    for (const auto& [first, second] : kPairs) {
      by_first_[static_cast<unsigned char>(second.front())].push_back({second, Entry::kPairEnd, first});
    }
  }
  struct Kind {
    bool notice = false;  // of the vocabulary, strong or weak
    bool strong = false;  // of the strong vocabulary
    bool address = false;
  };
  // `before` is the word before `word`, for pairs ("sign in").
  Kind Classify(std::string_view word, std::string_view before) const {
    Kind out;
    for (const auto& [entry, kind, pair_start] : by_first_[static_cast<unsigned char>(word.front())]) {
      const bool stem = kind == Entry::kStem || kind == Entry::kWeakStem;
      if (!(stem ? word.starts_with(entry) : word == entry)) continue;
      if (kind == Entry::kPairEnd) {
        if (before == pair_start) out.notice = out.strong = true;
      } else if (kind == Entry::kAddress) {
        out.address = true;
      } else {
        out.notice = true;
        out.strong = out.strong || kind == Entry::kStem || kind == Entry::kWord;
      }
    }
    return out;
  }

 private:
  struct Item {
    std::string_view entry;
    Entry kind;
    std::string_view pair_start;  // kPairEnd: the word that must come before
  };
  void Add(std::string_view entry, Entry kind) {
    by_first_[static_cast<unsigned char>(entry.front())].push_back({entry, kind, {}});
  }
  std::array<std::vector<Item>, 256> by_first_;
};

const Vocabulary& TheVocabulary() {
  static const Vocabulary vocabulary;
  return vocabulary;
}

// Calls `each(word, formal)` for every lowercased word of `text`, in order; `formal` when
// the word as written is German's capitalised "you" (Sie, Ihr, Ihre, Ihrem, Ihren, Ihrer,
// Ihnen), which lowercase would confuse with "she" and "her". Words are cut at 40 bytes
// (the vocabulary's are shorter).
template <typename Each>
void ForEachWord(std::string_view text, Each each) {
  constexpr std::size_t kMaxWord = 40;
  char buffer[kMaxWord];
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    const std::size_t start = i;
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    if (i == start) break;
    std::size_t length = std::min(i - start, kMaxWord);
    std::copy_n(text.data() + start, length, buffer);
    while (length > 0 && buffer[length - 1] == '-') --length;
    if (length == 0) continue;
    const std::string_view as_written = text.substr(start, length);
    const bool formal = as_written == "Sie" || as_written == "Ihr" || as_written == "Ihre" || as_written == "Ihrem" ||
                        as_written == "Ihren" || as_written == "Ihrer" || as_written == "Ihnen";
    Lowercase(buffer, length);
    each(std::string_view(buffer, length), formal);
  }
}

struct Counted {
  NoticeWordCount count;
  int strong = 0;
  int address = 0;
};

Counted Count(std::string_view text) {
  Counted out;
  const Vocabulary& vocabulary = TheVocabulary();
  char previous[12] = {};  // the previous word when short: the first of a pair
  std::size_t previous_length = 0;
  ForEachWord(text, [&](std::string_view word, bool formal) {
    ++out.count.words;
    const Vocabulary::Kind kind = vocabulary.Classify(word, std::string_view(previous, previous_length));
    out.count.notice += kind.notice;
    out.strong += kind.strong;
    out.address += kind.address || formal;
    previous_length = word.size() <= sizeof previous ? word.size() : 0;
    std::copy_n(word.data(), previous_length, previous);
  });
  return out;
}

// "Advertiser disclosure: We may earn ...": a label of at most four words before a colon.
bool HasNoticeLabel(std::string_view text) {
  const std::size_t colon = text.find(':');
  const std::string_view label = colon == std::string_view::npos ? text : text.substr(0, colon);
  if (label.size() > 60) return false;
  int words = 0;
  bool labelled = false;
  ForEachWord(label, [&](std::string_view word, bool) {
    ++words;
    labelled = labelled || OneOf(word, kLabels);
  });
  return labelled && words <= 4;
}

// The buttons of a dialog: "OK Settings", "Alle akzeptieren Ablehnen", "Tout refuser".
constexpr std::string_view kButtonWords[] = {
    "ok", "okay", "settings", "accept", "reject", "agree", "decline", "manage", "options", "einstellungen",
    "akzeptieren", "ablehnen", "zustimmen", "param\xC3\xA8tres", "accepter", "refuser",
    "configuraci\xC3\xB3n", "aceptar", "rechazar", "impostazioni", "accetta", "accetto", "rifiuta",
    "defini\xC3\xA7\xC3\xB5" "es", "aceitar", "rejeitar", "instellingen", "accepteren",
    "weigeren", "akkoord",
};

// Words that complete a button ("Accept all", "Alle akzeptieren") but are none alone.
constexpr std::string_view kQuantifiers[] = {"all", "alle", "tout", "todo", "todas", "todos", "tutti", "tudo"};

bool IsButtonRow(std::string_view text) {
  int words = 0;
  bool all_buttons = true;
  bool action = false;
  ForEachWord(text, [&](std::string_view word, bool) {
    ++words;
    const bool quantifier = OneOf(word, kQuantifiers);
    all_buttons = all_buttons && (quantifier || OneOf(word, kButtonWords));
    action = action || !quantifier;
  });
  return words > 0 && words <= 4 && all_buttons && action;
}

bool HasQuotationMark(std::string_view text) {
  for (const std::string_view mark : {"\"", "\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB"}) {
    if (text.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

NoticeWordCount CountNoticeWords(std::string_view text) { return Count(text).count; }

bool IsReaderNotice(std::string_view text) {
  if (text.size() > 1200) return false;
  const Counted counted = Count(text);
  const NoticeWordCount& c = counted.count;
  if (c.words == 0 || c.words > 150) return false;
  if (c.words <= 4 && IsButtonRow(text)) return true;
  // A prompt or a dialog's title: "Jetzt weiterlesen", "Se connecter", "Your privacy
  // matters to us".
  if (!EndsSentence(text) && counted.strong >= 1 && (c.words <= 6 || (c.words <= 10 && counted.address > 0))) {
    return true;
  }
  // A labelled notice: "Advertiser disclosure: ...", "Anzeige: ...".
  if (text.find(':') != std::string_view::npos && c.words <= 80 && HasNoticeLabel(text)) return true;
  // A paragraph of the vocabulary that speaks to the reader ("We use cookies ... your
  // device", "Recevez notre newsletter ... votre boîte mail"); a report about cookie rules
  // speaks of them.
  // Quoted speech ("You can download our app free," she said) is the story's.
  if (HasQuotationMark(text)) return false;
  // A short line that offers the reader something: "Die wichtigsten Nachrichten jeden
  // Morgen in Ihrem Postfach."
  if (c.words <= 12 && counted.strong >= 1 && counted.address > 0) return true;
  // Nearly all vocabulary, whoever speaks: "Jetzt kostenlos den Newsletter abonnieren."
  if (c.notice >= 3 && c.notice * 4 >= c.words) return true;
  return counted.address > 0 && IsNoticeDense(c);
}

}  // namespace redline::normalize
