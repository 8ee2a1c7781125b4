// The vocabulary of text a page shows the reader about the page itself rather than the
// story: cookie and consent dialogs, login and paywall prompts, subscription and newsletter
// offers, advertising disclosures. In English, German, French, Spanish, Italian, Portuguese
// and Dutch. Words, not site lists: a dialog is known by what it says wherever it sits.
#ifndef REDLINE_NORMALIZE_NOTICE_WORDS_H_
#define REDLINE_NORMALIZE_NOTICE_WORDS_H_

#include <string_view>

namespace redline::normalize {

struct NoticeWordCount {
  int words = 0;
  int notice = 0;  // words from the vocabulary ("cookies", "Einwilligung", "abonnez", "sign in")

  NoticeWordCount& operator+=(const NoticeWordCount& other) {
    words += other.words;
    notice += other.notice;
    return *this;
  }
  double Share() const { return words > 0 ? static_cast<double>(notice) / words : 0.0; }
};

// Counts the words of `text` and those of the vocabulary. Cheap: one pass, no allocation.
NoticeWordCount CountNoticeWords(std::string_view text);

// A block that speaks to the reader about consent, an account, a subscription, a newsletter
// or advertising: dense in the vocabulary, a short prompt ("Jetzt weiterlesen", "Se
// connecter"), or opening with a notice label ("Advertiser disclosure: ..."). A story's
// sentence about cookies or subscriptions stays: one such word in a sentence is not enough.
bool IsReaderNotice(std::string_view text);

// Dense enough in the vocabulary that a container of such text is not the story.
inline bool IsNoticeDense(const NoticeWordCount& count) {
  return count.notice >= 2 && count.notice * 100 >= count.words * 8;
}

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_NOTICE_WORDS_H_
