// Level 3 of the leveled alignment (tokens) and the sentence labels.
#include <algorithm>
#include <cstring>

#include "diff/leveled_aligner.h"
#include "diff/tokenize.h"

namespace redline::diff {

// Tokens of items[begin, end): moved items stay whole; sentence slots for the labels.
void LeveledAligner::Tokenize(std::string_view text, const std::vector<Item>& items, std::size_t begin,
                              std::size_t end, std::vector<TokenRef>* tokens, std::vector<std::uint32_t>* ids,
                              std::vector<SentenceSlot>* slots) {
  tokens->clear();
  ids->clear();
  slots->clear();
  const bool labels = options_.label_sentences;
  for (std::size_t i = begin; i < end; ++i) {
    const Item& item = items[i];
    if (item.move >= 0) {
      tokens->push_back({item.span, item.move, -1, false});
      ids->push_back(token_interner_.Unique());
      continue;
    }
    int slot = -1;
    if (labels && item.sentence) {
      slot = static_cast<int>(slots->size());
      slots->push_back({item.span, 0});
    }
    const std::string_view bounded = text.substr(0, item.span.end);
    std::size_t pos = item.span.begin;
    while (pos < item.span.end) {
      TokenKind kind;
      bool is_word = false;
      const std::size_t length = ScanToken(bounded, pos, &kind, &is_word);
      tokens->push_back({{pos, pos + length}, -1, slot, is_word});
      ids->push_back(TokenId(text.substr(pos, length)));
      if (is_word && slot >= 0) ++(*slots)[static_cast<std::size_t>(slot)].words;
      pos += length;
    }
  }
}

void LeveledAligner::CountShared(const TokenRef& a, const TokenRef& b) {
  if (!a.word || a.slot < 0 || b.slot < 0) return;
  const auto old_slot = static_cast<std::uint32_t>(a.slot), new_slot = static_cast<std::uint32_t>(b.slot);
  if (!pairs_.empty() && pairs_.back().old_slot == old_slot && pairs_.back().new_slot == new_slot) {
    ++pairs_.back().count;
  } else {
    pairs_.push_back({old_slot, new_slot, 1});
  }
}

namespace {

bool IsSpace(char c) { return c == ' '; }

// A token boundary whatever came before: right after a space, before a non-space.
bool SafeCut(std::string_view text, std::size_t pos) {
  return pos > 0 && pos < text.size() && IsSpace(text[pos - 1]) && !IsSpace(text[pos]) && text[pos] != '\n';
}

}  // namespace

// A run without moved items, aligned without sentence labels, takes the fast path: the
// bytes both sides begin and end with are unchanged tokens, never tokenized (cut where
// both sides have a token boundary), and token ids are hashes, not interned.
bool LeveledAligner::Plain(const Sub& sub) const {
  if (options_.label_sentences) return false;
  for (std::size_t i = sub.old_items_begin; i < sub.old_items_end; ++i) {
    if (old_items_[i].move >= 0) return false;
  }
  for (std::size_t j = sub.new_items_begin; j < sub.new_items_end; ++j) {
    if (new_items_[j].move >= 0) return false;
  }
  return true;
}

void LeveledAligner::TrimRun(const Sub& sub, std::size_t* prefix, std::size_t* suffix) const {
  const std::string_view a = old_.substr(sub.old_span.begin, sub.old_span.size());
  const std::string_view b = new_.substr(sub.new_span.begin, sub.new_span.size());
  const std::size_t shorter = std::min(a.size(), b.size());
  std::size_t p = 0;
  while (p < shorter && a[p] == b[p]) ++p;
  std::size_t s = 0;
  while (s < shorter - p && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
  // Cut inside the common part, where both sides have the same bytes around the cut.
  std::size_t cut = p == 0 ? 0 : p - 1;
  while (cut > 0 && !SafeCut(a, cut)) --cut;
  *prefix = cut;
  std::size_t tail = a.size() - s + 1;
  while (tail < a.size() && !SafeCut(a, tail)) ++tail;
  *suffix = tail < a.size() ? a.size() - tail : 0;
}

// Tokens of text[begin, end), no moved items, no sentence slots; ids are hashes of the
// tokens' keys (equal tokens, equal ids; a rare collision is caught by AlignTokenLists).
void LeveledAligner::TokenizeRange(std::string_view text, std::size_t begin, std::size_t end,
                                   std::vector<TokenRef>* tokens, std::vector<std::uint32_t>* ids) {
  tokens->clear();
  ids->clear();
  const std::string_view bounded = text.substr(0, end);
  std::size_t pos = begin;
  while (pos < end) {
    TokenKind kind;
    bool is_word = false;
    const std::size_t length = ScanToken(bounded, pos, &kind, &is_word);
    tokens->push_back({{pos, pos + length}, -1, -1, is_word});
    ids->push_back(TokenHash(text.substr(pos, length)));
    pos += length;
  }
}

std::uint32_t LeveledAligner::TokenHash(std::string_view token) {
  if (!ignore_.any()) return static_cast<std::uint32_t>(HashBytes(token) >> 32);
  key_.clear();
  AppendKey(token, ignore_, &key_);
  return static_cast<std::uint32_t>(HashBytes(key_) >> 32);
}

// Level 3: a token edit script of one changed run of items.
void LeveledAligner::AlignTokens(const Sub& sub) {
  if (Plain(sub)) {
    std::size_t prefix = 0, suffix = 0;
    TrimRun(sub, &prefix, &suffix);
    Emit(false, prefix, prefix, -1);
    TokenizeRange(old_, sub.old_span.begin + prefix, sub.old_span.end - suffix, &old_tokens_, &a_);
    TokenizeRange(new_, sub.new_span.begin + prefix, sub.new_span.end - suffix, &new_tokens_, &b_);
    if (a_.size() + b_.size() <= Aligner::kSmallProblem) {
      AlignTokenLists(words_.AlignSmall(a_, b_));
    } else {  // the large-problem machinery needs small ids
      for (std::size_t i = 0; i < old_tokens_.size(); ++i) a_[i] = TokenId(old_.substr(old_tokens_[i].span.begin, old_tokens_[i].span.size()));
      for (std::size_t j = 0; j < new_tokens_.size(); ++j) b_[j] = TokenId(new_.substr(new_tokens_[j].span.begin, new_tokens_[j].span.size()));
      AlignTokenLists(words_.Align(a_, b_));
    }
    Emit(false, suffix, suffix, -1);
    return;
  }
  Tokenize(old_, old_items_, sub.old_items_begin, sub.old_items_end, &old_tokens_, &a_, &old_slots_);
  Tokenize(new_, new_items_, sub.new_items_begin, sub.new_items_end, &new_tokens_, &b_, &new_slots_);
  pairs_.clear();
  AlignTokenLists(words_.Align(a_, b_));
  if (options_.label_sentences) LabelSentences();
}

// Emits the chunks of a token edit script. Paired tokens with different bytes (equal
// keys under the ignore options, or a hash collision) come out changed.
void LeveledAligner::AlignTokenLists(const EditScript& script) {
  std::size_t i = 0, j = 0;
  for (const EditRun& run : script) {
    for (std::size_t n = 0; n < run.length; ++n) {
      if (run.kind == EditKind::kCommon) {
        const TokenRef& a = old_tokens_[i++];
        const TokenRef& b = new_tokens_[j++];
        const bool same = old_.substr(a.span.begin, a.span.size()) == new_.substr(b.span.begin, b.span.size());
        Emit(!same, a.span.size(), b.span.size(), -1);
        CountShared(a, b);
      } else if (run.kind == EditKind::kDelete) {
        const TokenRef& a = old_tokens_[i++];
        Emit(true, a.span.size(), 0, a.move);
      } else {
        const TokenRef& b = new_tokens_[j++];
        Emit(true, 0, b.span.size(), b.move);
      }
    }
  }
}

// Pairs the sentences of a changed run by the words their aligned tokens share: a pair
// sharing at least half of their words (Dice) is one sentence edited; the rest were
// added or deleted.
void LeveledAligner::LabelSentences() {
  std::stable_sort(pairs_.begin(), pairs_.end(),
                   [](const PairCount& x, const PairCount& y) { return x.count > y.count; });
  std::vector<int> old_match(old_slots_.size(), -1), new_match(new_slots_.size(), -1);
  for (const PairCount& p : pairs_) {
    if (old_match[p.old_slot] >= 0 || new_match[p.new_slot] >= 0) continue;
    if (4 * p.count < old_slots_[p.old_slot].words + new_slots_[p.new_slot].words) continue;
    old_match[p.old_slot] = static_cast<int>(p.new_slot);
    new_match[p.new_slot] = static_cast<int>(p.old_slot);
  }
  for (std::size_t s = 0; s < old_slots_.size(); ++s) {
    const Span a = old_slots_[s].span;
    if (old_match[s] < 0) {
      out_.sentences.push_back({SentenceLabel::kDeleted, true, false, a, {}});
      continue;
    }
    const Span b = new_slots_[static_cast<std::size_t>(old_match[s])].span;
    const bool same = SameUnder(old_.substr(a.begin, a.size()), new_.substr(b.begin, b.size()), ignore_);
    out_.sentences.push_back({same ? SentenceLabel::kUnchanged : SentenceLabel::kEdited, true, true, a, b});
  }
  for (std::size_t s = 0; s < new_slots_.size(); ++s) {
    if (new_match[s] < 0) out_.sentences.push_back({SentenceLabel::kAdded, false, true, {}, new_slots_[s].span});
  }
}

void LeveledAligner::RecordUnchangedLines(const Sub& sub) {
  std::vector<Span> sentences;
  std::size_t pos = sub.old_span.begin;
  while (pos < sub.old_span.end) {
    const void* found = std::memchr(old_.data() + pos, '\n', sub.old_span.end - pos);
    const std::size_t end =
        found == nullptr ? sub.old_span.end : static_cast<std::size_t>(static_cast<const char*>(found) - old_.data());
    bool blank = true;
    for (std::size_t k = pos; k < end && blank; ++k) blank = old_[k] == ' ' || old_[k] == '\t' || old_[k] == '\r';
    if (!blank) AppendSentences(old_, pos, end, &sentences);
    pos = end + 1;
  }
  const std::size_t shift = sub.new_span.begin - sub.old_span.begin;  // wraps harmlessly
  for (const Span& s : sentences) {
    out_.sentences.push_back({SentenceLabel::kUnchanged, true, true, s, {s.begin + shift, s.end + shift}});
  }
}

void LeveledAligner::RecordMovedSentences() {
  for (const MoveSpan& move : out_.moves) {
    if (move.level == MoveLevel::kSentence) {
      out_.sentences.push_back({SentenceLabel::kMoved, true, true, move.old_span, move.new_span});
      continue;
    }
    std::vector<Span> olds, news;
    AppendSentences(old_, move.old_span.begin, move.old_span.end, &olds);
    AppendSentences(new_, move.new_span.begin, move.new_span.end, &news);
    for (std::size_t k = 0; k < std::max(olds.size(), news.size()); ++k) {
      SentenceRecord record;
      record.label = SentenceLabel::kMoved;
      record.has_old = k < olds.size();
      record.has_new = k < news.size();
      if (record.has_old) record.old_span = olds[k];
      if (record.has_new) record.new_span = news[k];
      out_.sentences.push_back(record);
    }
  }
}

}  // namespace redline::diff
