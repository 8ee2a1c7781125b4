// Level 3 of the leveled alignment (tokens) and the sentence labels.
#include "diff/token_level.h"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "diff/tokenize.h"

namespace redline::diff {

TokenLevel::TokenLevel(std::string_view old_text, std::string_view new_text, const DiffOptions& options,
                       const std::vector<Item>& old_items, const std::vector<Item>& new_items)
    : old_(old_text), new_(new_text), options_(options), ignore_(IgnoreSet::From(options)),
      old_items_(old_items), new_items_(new_items) {
  std::fill(std::begin(byte_ids_), std::end(byte_ids_), kNoId);
}

void TokenLevel::Run(const std::vector<Sub>& subs, std::size_t begin, std::size_t end) {
  if (begin < end) {
    old_pos_ = subs[begin].old_span.begin;
    new_pos_ = subs[begin].new_span.begin;
  }
  for (std::size_t k = begin; k < end; ++k) {
    const Sub& sub = subs[k];
    if (sub.changed) {
      AlignTokens(sub);
    } else {
      Emit(false, sub.old_span.size(), sub.new_span.size(), -1);
      if (sub.whole_lines && options_.label_sentences) RecordUnchangedLines(sub);
    }
  }
}

void TokenLevel::Emit(bool changed, std::size_t old_length, std::size_t new_length, int move) {
  if (old_length == 0 && new_length == 0) return;
  if (!chunks_.empty() && chunks_.back().changed == changed && chunks_.back().move == move) {
    chunks_.back().old_end += old_length;
    chunks_.back().new_end += new_length;
  } else {
    chunks_.push_back({changed, old_pos_, old_pos_ + old_length, new_pos_, new_pos_ + new_length, move});
  }
  old_pos_ += old_length;
  new_pos_ += new_length;
}

std::uint32_t TokenLevel::TokenId(std::string_view token) {
  const auto id = [&](std::string_view text) {
    if (!ignore_.any()) return interner_.Intern(text);
    key_.clear();
    AppendKey(text, ignore_, &key_);
    return interner_.InternCopy(key_);
  };
  if (token.size() != 1) return id(token);
  std::uint32_t& cached = byte_ids_[static_cast<unsigned char>(token[0])];
  if (cached == kNoId) cached = id(token);
  return cached;
}

// Tokens of items[begin, end): moved items stay whole; sentence slots for the labels.
void TokenLevel::Tokenize(std::string_view text, const std::vector<Item>& items, std::size_t begin,
                              std::size_t end, std::vector<TokenRef>* tokens, std::vector<std::uint32_t>* ids,
                              std::vector<SentenceSlot>* slots) {
  tokens->clear();
  ids->clear();
  slots->clear();
  const bool labels = options_.label_sentences;
  for (std::size_t i = begin; i < end; ++i) {
    const Item& item = items[i];
    std::size_t pos = item.span.begin;
    if (item.move >= 0) {
      // The moved text is one token; a sentence's trailing spaces stay ordinary tokens.
      const std::size_t end = item.sentence ? item.text_end : item.span.end;
      tokens->push_back({{pos, end}, item.move, -1, false});
      ids->push_back(interner_.Unique());
      pos = end;
    }
    int slot = -1;
    if (labels && item.sentence && item.move < 0) {
      slot = static_cast<int>(slots->size());
      slots->push_back({item.span, 0});
    }
    const std::string_view bounded = text.substr(0, item.span.end);
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

void TokenLevel::CountShared(const TokenRef& a, const TokenRef& b) {
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
bool TokenLevel::Plain(const Sub& sub) const {
  if (options_.label_sentences) return false;
  for (std::size_t i = sub.old_items_begin; i < sub.old_items_end; ++i) {
    if (old_items_[i].move >= 0) return false;
  }
  for (std::size_t j = sub.new_items_begin; j < sub.new_items_end; ++j) {
    if (new_items_[j].move >= 0) return false;
  }
  return true;
}

void TokenLevel::TrimRun(const Sub& sub, std::size_t* prefix, std::size_t* suffix) const {
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
void TokenLevel::TokenizeRange(std::string_view text, std::size_t begin, std::size_t end,
                                   std::vector<TokenRef>* tokens, std::vector<std::uint32_t>* ids) {
  // At most one token per byte: room for all, written in place, then cut to size.
  tokens->resize(end - begin);
  ids->resize(end - begin);
  TokenRef* token = tokens->data();
  std::uint32_t* id = ids->data();
  const std::string_view bounded = text.substr(0, end);
  std::size_t pos = begin;
  while (pos < end) {
    TokenKind kind;
    bool is_word = false;
    const std::size_t length = ScanToken(bounded, pos, &kind, &is_word);
    *token++ = {{pos, pos + length}, -1, -1, is_word};
    *id++ = TokenHash(text.substr(pos, length));
    pos += length;
  }
  tokens->resize(static_cast<std::size_t>(token - tokens->data()));
  ids->resize(static_cast<std::size_t>(id - ids->data()));
}

std::uint32_t TokenLevel::KeyHash(std::string_view token) {
  key_.clear();
  AppendKey(token, ignore_, &key_);
  return static_cast<std::uint32_t>(HashBytes(key_) >> 32);
}

// Level 3: a token edit script of one changed run of items.
void TokenLevel::AlignTokens(const Sub& sub) {
  if (Plain(sub)) {
    std::size_t prefix = 0, suffix = 0;
    TrimRun(sub, &prefix, &suffix);
    Emit(false, prefix, prefix, -1);
    TokenizeRange(old_, sub.old_span.begin + prefix, sub.old_span.end - suffix, &old_tokens_, &a_);
    TokenizeRange(new_, sub.new_span.begin + prefix, sub.new_span.end - suffix, &new_tokens_, &b_);
    if (a_.size() + b_.size() <= Aligner::kSmallProblem) {
      AlignTokenLists(aligner_.AlignSmall(a_, b_));
    } else {  // the large-problem machinery needs small ids
      for (std::size_t i = 0; i < old_tokens_.size(); ++i) a_[i] = TokenId(old_.substr(old_tokens_[i].span.begin, old_tokens_[i].span.size()));
      for (std::size_t j = 0; j < new_tokens_.size(); ++j) b_[j] = TokenId(new_.substr(new_tokens_[j].span.begin, new_tokens_[j].span.size()));
      AlignTokenLists(aligner_.Align(a_, b_));
    }
    Emit(false, suffix, suffix, -1);
    return;
  }
  Tokenize(old_, old_items_, sub.old_items_begin, sub.old_items_end, &old_tokens_, &a_, &old_slots_);
  Tokenize(new_, new_items_, sub.new_items_begin, sub.new_items_end, &new_tokens_, &b_, &new_slots_);
  pairs_.clear();
  AlignTokenLists(aligner_.Align(a_, b_));
  if (options_.label_sentences) LabelSentences();
}

// Emits the chunks of a token edit script. Paired tokens with different bytes (equal
// keys under the ignore options, or a hash collision) come out changed.
void TokenLevel::AlignTokenLists(const EditScript& script) {
  std::size_t i = 0, j = 0;
  for (const EditRun& run : script) {
    if (RunAtOnce(run, i, j)) {
      if (run.kind != EditKind::kInsert) i += run.length;
      if (run.kind != EditKind::kDelete) j += run.length;
      continue;
    }
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

// A run of tokens as one Emit, which merges with its neighbours just as the tokens' own
// Emits would: no moved tokens, no sentence slots, and for common tokens pairs with the
// same bytes (all the same lengths, and the same bytes in all), each side one stretch of
// text. False: token by token.
bool TokenLevel::RunAtOnce(const EditRun& run, std::size_t i, std::size_t j) {
  if (run.length < 2) return false;
  const auto plain = [](const std::vector<TokenRef>& tokens, std::size_t first, std::size_t count) {
    for (std::size_t k = first; k < first + count; ++k) {
      if (tokens[k].move >= 0 || tokens[k].slot >= 0) return false;
      if (k > first && tokens[k].span.begin != tokens[k - 1].span.end) return false;  // not one stretch
    }
    return true;
  };
  const auto bytes = [](const std::vector<TokenRef>& tokens, std::size_t first, std::size_t count) {
    return tokens[first + count - 1].span.end - tokens[first].span.begin;
  };
  if (run.kind == EditKind::kDelete) {
    if (!plain(old_tokens_, i, run.length)) return false;
    Emit(true, bytes(old_tokens_, i, run.length), 0, -1);
    return true;
  }
  if (run.kind == EditKind::kInsert) {
    if (!plain(new_tokens_, j, run.length)) return false;
    Emit(true, 0, bytes(new_tokens_, j, run.length), -1);
    return true;
  }
  if (!plain(old_tokens_, i, run.length) || !plain(new_tokens_, j, run.length)) return false;
  for (std::size_t n = 0; n < run.length; ++n) {
    if (old_tokens_[i + n].span.size() != new_tokens_[j + n].span.size()) return false;
  }
  const Span a{old_tokens_[i].span.begin, old_tokens_[i + run.length - 1].span.end};
  const Span b{new_tokens_[j].span.begin, new_tokens_[j + run.length - 1].span.end};
  if (old_.substr(a.begin, a.size()) != new_.substr(b.begin, b.size())) return false;
  Emit(false, a.size(), b.size(), -1);
  return true;
}

// Pairs the sentences of a changed run by the words their aligned tokens share: a pair
// sharing at least half of their words (Dice) is one sentence edited; the rest were
// added or deleted.
void TokenLevel::LabelSentences() {
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
      sentences_.push_back({SentenceLabel::kDeleted, true, false, a, {}});
      continue;
    }
    const Span b = new_slots_[static_cast<std::size_t>(old_match[s])].span;
    const std::size_t a_end = TextEnd(old_, a), b_end = TextEnd(new_, b);  // trailing spaces do not count
    const bool same = SameUnder(old_.substr(a.begin, a_end - a.begin), new_.substr(b.begin, b_end - b.begin), ignore_);
    sentences_.push_back({same ? SentenceLabel::kUnchanged : SentenceLabel::kEdited, true, true, a, b});
  }
  for (std::size_t s = 0; s < new_slots_.size(); ++s) {
    if (new_match[s] < 0) sentences_.push_back({SentenceLabel::kAdded, false, true, {}, new_slots_[s].span});
  }
}

void TokenLevel::RecordUnchangedLines(const Sub& sub) {
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
    sentences_.push_back({SentenceLabel::kUnchanged, true, true, s, {s.begin + shift, s.end + shift}});
  }
}

}  // namespace redline::diff
