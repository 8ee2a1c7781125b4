// Internal: level 3 of the leveled alignment (tokens inside changed runs of items) and the
// sentence labels that come from it. Independent runs: very large inputs split the runs
// between two TokenLevels on two threads.
#ifndef REDLINE_DIFF_TOKEN_LEVEL_H_
#define REDLINE_DIFF_TOKEN_LEVEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diff/align.h"
#include "diff/keys.h"
#include "diff/level_items.h"
#include "diff/text_align.h"

namespace redline::diff {

class TokenLevel {
 public:
  // The item pools are only read; they must outlive this object.
  TokenLevel(std::string_view old_text, std::string_view new_text, const DiffOptions& options,
             const std::vector<Item>& old_items, const std::vector<Item>& new_items);

  // Aligns subs[begin, end) in order: appends to chunks() and sentences().
  void Run(const std::vector<Sub>& subs, std::size_t begin, std::size_t end);

  std::vector<Chunk>& chunks() { return chunks_; }
  std::vector<SentenceRecord>& sentences() { return sentences_; }
  bool exact() const { return aligner_.exact(); }

 private:
  struct TokenRef {
    Span span;
    int move = -1;
    int slot = -1;  // sentence slot (labels) or -1
    bool word = false;
  };
  struct SentenceSlot {
    Span span;
    std::size_t words = 0;
  };
  struct PairCount {
    std::uint32_t old_slot, new_slot, count;
  };
  static constexpr std::uint32_t kNoId = 0xFFFFFFFF;

  std::string_view old_, new_;
  DiffOptions options_;
  IgnoreSet ignore_;
  const std::vector<Item>& old_items_;
  const std::vector<Item>& new_items_;
  Interner interner_;
  std::uint32_t byte_ids_[256];  // ids of one-byte tokens, once looked up
  std::string key_;
  Aligner aligner_;
  std::vector<Chunk> chunks_;
  std::vector<SentenceRecord> sentences_;
  std::size_t old_pos_ = 0, new_pos_ = 0;  // where the next chunk starts
  // Scratch space, reused by every run.
  std::vector<std::uint32_t> a_, b_;
  std::vector<TokenRef> old_tokens_, new_tokens_;
  std::vector<SentenceSlot> old_slots_, new_slots_;
  std::vector<PairCount> pairs_;

  void Emit(bool changed, std::size_t old_length, std::size_t new_length, int move);
  std::uint32_t TokenId(std::string_view token);
  std::uint32_t TokenHash(std::string_view token) {
    if (!ignore_.any()) return static_cast<std::uint32_t>(HashBytes(token) >> 32);  // most calls
    return KeyHash(token);
  }
  std::uint32_t KeyHash(std::string_view token);
  void Tokenize(std::string_view text, const std::vector<Item>& items, std::size_t begin, std::size_t end,
                std::vector<TokenRef>* tokens, std::vector<std::uint32_t>* ids, std::vector<SentenceSlot>* slots);
  void TokenizeRange(std::string_view text, std::size_t begin, std::size_t end, std::vector<TokenRef>* tokens,
                     std::vector<std::uint32_t>* ids);
  bool Plain(const Sub& sub) const;
  void TrimRun(const Sub& sub, std::size_t* prefix, std::size_t* suffix) const;
  void CountShared(const TokenRef& a, const TokenRef& b);
  void AlignTokens(const Sub& sub);
  void AlignTokenLists(const EditScript& script);
  bool RunAtOnce(const EditRun& run, std::size_t i, std::size_t j);
  void LabelSentences();
  void RecordUnchangedLines(const Sub& sub);
};

}  // namespace redline::diff

#endif  // REDLINE_DIFF_TOKEN_LEVEL_H_
