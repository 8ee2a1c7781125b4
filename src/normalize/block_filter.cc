// The block-level pass over a body: furniture lines out, video players and their titles,
// list labels with their lists of links, repeats, truncated copies, and notes on the author.
#include <algorithm>
#include <string>
#include <unordered_set>

#include "normalize/notice_words.h"
#include "normalize/template_filter.h"
#include "normalize/text_words.h"

namespace redline::normalize {
namespace {

// How many blocks back a repeated block is still the same furniture shown twice.
constexpr std::size_t kRepeatWindow = 4;
// How many linked blocks after a teaser label ("Read more", "Related") go with it.
constexpr int kMaxLabelledLinks = 5;

}  // namespace

namespace {

// Letters and digits of `text` (bytes of other scripts count as letters).
std::size_t WordBytes(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  }));
}

// "Related <a>Other headline</a>", "Read more <a>...</a>": a teaser label, then a link that
// holds the rest of the block, whatever the headline says. Without the link, "Related
// questions remain" is prose.
bool IsLabelledLink(const Candidate& c) {
  constexpr std::size_t kMaxHeadlineWords = 30;
  if (c.link_share <= 0 || c.block.kind == BlockKind::kSubheading) return false;
  const std::string& text = c.block.text;
  const std::size_t label = TeaserLabelLength(text);
  if (label == 0 || label >= text.size()) return false;
  const std::string_view rest = std::string_view(text).substr(label);
  if (CountWordsUpTo(rest, kMaxHeadlineWords) > kMaxHeadlineWords) return false;
  const std::size_t all = WordBytes(text);
  return all > 0 && c.link_share * static_cast<float>(all) >= 0.8f * static_cast<float>(WordBytes(rest));
}

// "1of4Grass Valley's ...": a gallery counter glued to the caption after it.
void StripGalleryCounter(std::string* text) {
  std::size_t i = 0;
  while (i < text->size() && (*text)[i] >= '0' && (*text)[i] <= '9') ++i;
  if (i == 0 || i > 3 || text->compare(i, 2, "of") != 0) return;
  std::size_t j = i + 2;
  const std::size_t total_start = j;
  while (j < text->size() && (*text)[j] >= '0' && (*text)[j] <= '9') ++j;
  if (j == total_start || j - total_start > 3 || j >= text->size()) return;
  const std::string_view rest = std::string_view(*text).substr(j);
  if (!StartsWithUppercaseOrDigit(rest) || (rest[0] >= '0' && rest[0] <= '9')) return;
  text->erase(0, j);
}

// "Mark Esper, left, shakes hands ... more": a caption cut short with a "more" button, shown
// beside the full caption.
bool IsTruncatedCopy(const std::string& text, const std::vector<Candidate>& blocks, std::size_t index,
                     const std::vector<Candidate>& kept) {
  std::string_view stem = text;
  bool cut = false;
  for (const std::string_view ending : {"... more", "\u2026 more", "...more", "\u2026more", "... [+]"}) {
    if (stem.ends_with(ending)) {
      stem.remove_suffix(ending.size());
      cut = true;
      break;
    }
  }
  if (!cut) return false;
  while (!stem.empty() && stem.back() == ' ') stem.remove_suffix(1);
  if (CountWords(stem) < 4) return false;
  const auto starts = [&](const Candidate& c) { return c.block.text.size() > stem.size() && c.block.text.starts_with(stem); };
  const std::size_t window = 4;
  for (std::size_t k = index + 1; k < blocks.size() && k <= index + window; ++k) {
    if (starts(blocks[k])) return true;
  }
  for (std::size_t k = kept.size(); k > 0 && k + window > kept.size(); --k) {
    if (starts(kept[k - 1])) return true;
  }
  return false;
}

}  // namespace

void DropFurniture(std::vector<Candidate>* blocks) {
  for (Candidate& c : *blocks) {
    if (!c.verbatim) StripGalleryCounter(&c.block.text);
  }
  std::vector<Candidate> kept;
  kept.reserve(blocks->size());
  const std::size_t n = blocks->size();
  // The index of kept.back() among the blocks, so a newsletter's title right before its box
  // goes with the box.
  std::size_t last_kept = n;
  const auto drop_box_title = [&](std::size_t i) {
    if (!kept.empty() && last_kept + 1 == i && IsNewsletterTitle(kept.back().block.text)) {
      kept.pop_back();
      last_kept = n;
    }
  };
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& text = (*blocks)[i].block.text;
    // The word rules read prose: a row of figures or a line of code only looks like a credit
    // ("Bergstadt | 112 | 98"), a separator ("}") or a teaser ("read -r line").
    if ((*blocks)[i].verbatim) {
      kept.push_back(std::move((*blocks)[i]));
      continue;
    }
    if (IsDuration(text)) {
      // A video player: its duration, then its title, often shown twice.
      const auto text_at = [&](std::size_t k) -> const std::string& { return (*blocks)[k].block.text; };
      if (i + 2 < n && text_at(i + 1) == text_at(i + 2)) {
        i += 2;
      } else if (i + 1 < n && !EndsSentence(text_at(i + 1)) && CountWords(text_at(i + 1)) <= 20) {
        i += 1;
      }
      continue;
    }
    if (IsCreditLabel(text)) {
      // The credit's value follows the label as a block of its own: a name, an agency.
      if (i + 1 < n && CountWords((*blocks)[i + 1].block.text) <= 8 && !EndsSentence((*blocks)[i + 1].block.text)) {
        ++i;
      }
      continue;
    }
    if (IsFurnitureLine(text)) {
      // "Read more", "Related:", "Leggi anche": the links the label introduces go with it.
      if (CountWords(text) <= 4 && !EndsSentence(text) && (IsTeaserLine(text) || IsCallToAction(text))) {
        for (int taken = 0; taken < kMaxLabelledLinks && i + 1 < n && (*blocks)[i + 1].all_link; ++taken) ++i;
      }
      if (IsPromoLine(text) || IsOfferLine(text)) drop_box_title(i);
      continue;
    }
    // A consent, login, subscription or advertising notice. Not a list item: the steps of a
    // how-to ("Sign up for the bundle using the same email as your account") are the story.
    if ((*blocks)[i].block.kind != BlockKind::kListItem && IsReaderNotice(text)) {
      drop_box_title(i);
      continue;
    }
    if (IsLabelledLink((*blocks)[i])) continue;
    // "Like this:" as a heading: a like button's box (WordPress), not a section of the story.
    if ((*blocks)[i].block.kind == BlockKind::kSubheading &&
        OneOf(Phrase(text), {"like this", "like this article", "like this story", "like this post"})) {
      continue;
    }
    if (IsListLabel(text)) {
      // The list of links the label introduces goes with it.
      while (i + 1 < n && (*blocks)[i + 1].block.kind == BlockKind::kListItem && (*blocks)[i + 1].link_share >= 0.3f) {
        ++i;
      }
      continue;
    }
    if (!kept.empty() && kept.back().block.text == text) continue;
    if (IsTruncatedCopy(text, *blocks, i, kept)) continue;
    // A longer block seen a few blocks before is a repeat (gallery captions, sticky summaries).
    const std::size_t window = std::min<std::size_t>(kept.size(), kRepeatWindow);
    if (CountWords(text) >= 5 && std::any_of(kept.end() - static_cast<std::ptrdiff_t>(window), kept.end(),
                                             [&](const Candidate& c) { return c.block.text == text; })) {
      continue;
    }
    kept.push_back(std::move((*blocks)[i]));
    last_kept = i;
  }
  *blocks = std::move(kept);
}

void DropRepeats(std::vector<Candidate>* blocks) {
  constexpr std::size_t kMinWords = 8;
  std::unordered_set<std::string> leads;
  std::unordered_set<std::string> captions;
  std::erase_if(*blocks, [&](const Candidate& c) {
    if (CountWords(c.block.text) < kMinWords) return false;
    std::string words = Phrase(c.block.text);
    if (leads.count(words) > 0 || (c.caption && captions.count(words) > 0)) return true;
    if (c.lead) leads.insert(words);
    if (c.caption) captions.insert(std::move(words));
    return false;
  });
}

void DropReleaseBoilerplate(std::vector<Candidate>* blocks) {
  constexpr std::size_t kTail = 4;
  const std::size_t from = blocks->size() > kTail ? blocks->size() - kTail : 0;
  for (std::size_t i = from; i < blocks->size(); ++i) {
    const Candidate& c = (*blocks)[i];
    const bool labelled = i > 0 && StartsWith(Phrase((*blocks)[i - 1].block.text), "about ") &&
                          CountWords((*blocks)[i - 1].block.text) <= 6 && !EndsSentence((*blocks)[i - 1].block.text);
    if (c.block.kind != BlockKind::kParagraph || !(c.after_rule || labelled)) continue;
    // The profile may run over several paragraphs: what it is, then where and how big.
    std::string profile;
    for (std::size_t k = i; k < blocks->size(); ++k) profile += (*blocks)[k].block.text + " ";
    if (!IsOrganisationProfile(profile)) continue;
    blocks->erase(blocks->begin() + static_cast<std::ptrdiff_t>(labelled ? i - 1 : i), blocks->end());
    return;
  }
}

void DropAuthorNotes(std::string_view byline, std::vector<Candidate>* blocks) {
  constexpr std::size_t kTail = 4;
  const std::size_t from = blocks->size() > kTail ? blocks->size() - kTail : 0;
  const auto first = blocks->begin() + static_cast<std::ptrdiff_t>(from);
  blocks->erase(std::remove_if(first, blocks->end(),
                               [&](const Candidate& c) {
                                 return IsAddressLine(c.block.text) ||
                                        (c.block.kind == BlockKind::kParagraph && !byline.empty() &&
                                         IsAuthorBio(c.block.text, byline));
                               }),
                blocks->end());
}

}  // namespace redline::normalize
