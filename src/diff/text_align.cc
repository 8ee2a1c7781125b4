#include "diff/text_align.h"

#include <cstdint>

#include "diff/align.h"
#include "diff/tokenize.h"

namespace redline::diff {
namespace {

// Byte offsets where each line starts, plus text.size() at the end. A line holds its '\n'.
std::vector<std::size_t> LineStarts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t newline = text.find('\n', pos);
    pos = newline == std::string_view::npos ? text.size() : newline + 1;
    starts.push_back(pos);
  }
  return starts;
}

// Byte offsets where each token starts, plus text.size(); appends ids to `ids`.
std::vector<std::size_t> TokenStarts(std::string_view text, Interner* interner,
                                     std::vector<std::uint32_t>* ids) {
  std::vector<std::size_t> starts{0};
  std::size_t pos = 0;
  while (pos < text.size()) {
    TokenKind kind;
    bool is_word = false;
    const std::size_t length = ScanToken(text, pos, &kind, &is_word);
    ids->push_back(interner->Intern(text.substr(pos, length)));
    pos += length;
    starts.push_back(pos);
  }
  return starts;
}

class TextAligner {
 public:
  TextAligner(std::string_view old_text, std::string_view new_text)
      : old_(old_text), new_(new_text) {}

  std::vector<Chunk> Run() {
    const std::vector<std::size_t> old_lines = LineStarts(old_);
    const std::vector<std::size_t> new_lines = LineStarts(new_);
    Interner line_ids;
    std::vector<std::uint32_t> a, b;
    a.reserve(old_lines.size());
    b.reserve(new_lines.size());
    for (std::size_t i = 0; i + 1 < old_lines.size(); ++i) {
      a.push_back(line_ids.Intern(old_.substr(old_lines[i], old_lines[i + 1] - old_lines[i])));
    }
    for (std::size_t j = 0; j + 1 < new_lines.size(); ++j) {
      b.push_back(line_ids.Intern(new_.substr(new_lines[j], new_lines[j + 1] - new_lines[j])));
    }
    const EditScript script = aligner_.Align(a, b);
    std::size_t line_a = 0, line_b = 0;
    std::size_t k = 0;
    while (k < script.size()) {
      if (script[k].kind == EditKind::kCommon) {
        const std::size_t n = script[k].length;
        Emit(false, old_lines[line_a + n] - old_lines[line_a], new_lines[line_b + n] - new_lines[line_b]);
        line_a += n;
        line_b += n;
        ++k;
        continue;
      }
      // A changed run of lines: everything up to the next common run.
      std::size_t deleted = 0, inserted = 0;
      for (; k < script.size() && script[k].kind != EditKind::kCommon; ++k) {
        (script[k].kind == EditKind::kDelete ? deleted : inserted) += script[k].length;
      }
      AlignTokens(old_lines[line_a + deleted] - old_lines[line_a],
                  new_lines[line_b + inserted] - new_lines[line_b]);
      line_a += deleted;
      line_b += inserted;
    }
    return std::move(chunks_);
  }

 private:
  std::string_view old_, new_;
  std::size_t old_pos_ = 0, new_pos_ = 0;
  Interner token_ids_;  // shared by all runs: ids stay small and comparable
  Aligner aligner_;
  std::vector<Chunk> chunks_;

  void Emit(bool changed, std::size_t old_length, std::size_t new_length) {
    if (old_length == 0 && new_length == 0) return;
    if (!chunks_.empty() && chunks_.back().changed == changed) {
      chunks_.back().old_end += old_length;
      chunks_.back().new_end += new_length;
    } else {
      chunks_.push_back({changed, old_pos_, old_pos_ + old_length, new_pos_, new_pos_ + new_length});
    }
    old_pos_ += old_length;
    new_pos_ += new_length;
  }

  // Token alignment of the next `old_length` and `new_length` bytes.
  void AlignTokens(std::size_t old_length, std::size_t new_length) {
    if (old_length == 0 || new_length == 0) {
      Emit(true, old_length, new_length);
      return;
    }
    const std::string_view old_run = old_.substr(old_pos_, old_length);
    const std::string_view new_run = new_.substr(new_pos_, new_length);
    std::vector<std::uint32_t> a, b;
    const std::vector<std::size_t> old_tokens = TokenStarts(old_run, &token_ids_, &a);
    const std::vector<std::size_t> new_tokens = TokenStarts(new_run, &token_ids_, &b);
    std::size_t i = 0, j = 0;
    for (const EditRun& run : aligner_.Align(a, b)) {
      const std::size_t di = run.kind == EditKind::kInsert ? 0 : run.length;
      const std::size_t dj = run.kind == EditKind::kDelete ? 0 : run.length;
      Emit(run.kind != EditKind::kCommon, old_tokens[i + di] - old_tokens[i],
           new_tokens[j + dj] - new_tokens[j]);
      i += di;
      j += dj;
    }
  }
};

}  // namespace

std::vector<Chunk> AlignText(std::string_view old_text, std::string_view new_text) {
  return TextAligner(old_text, new_text).Run();
}

}  // namespace redline::diff
