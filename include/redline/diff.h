// Diff of two canonical texts, and blame over a story's history. Knows only text: no
// HTML, no git.
//
// Alignment works in levels, so that dtl only ever sees small inputs and the cost stays
// near linear on long documents:
//   1. blocks (lines): equal lines are anchored by their hash;
//   2. sentences, inside each changed run of lines;
//   3. tokens (words, numbers, punctuation, spaces), inside each changed run of sentences.
// Between the levels, blocks and then sentences that were deleted in one place and
// inserted, equal or nearly equal, in another are paired up as moves; a moved piece is
// kept whole (never matched word by word with unrelated text) and gets its own inner diff.
#ifndef REDLINE_DIFF_H_
#define REDLINE_DIFF_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace redline {

enum class TokenKind { kWord, kNumber, kPunctuation, kSpace, kNewline };

struct Token {
  TokenKind kind;
  std::string_view text;  // a view into the tokenized text
};

// Splits text into tokens; concatenating them gives `text` back byte for byte, for any
// bytes at all (invalid UTF-8 included).
//  kWord:        a run of letters, digits and combining marks, with inner apostrophes
//                (' and U+2019) and hyphens (-, U+2010, U+2011) joining parts:
//                "Bachelet’s", "anti-China", "don't", "20th". Each CJK ideograph, kana or
//                hangul syllable (utf8::IsCjk) is a word of its own.
//  kNumber:      a run of digits, with ',' or '.' between digits, and a '%' right after
//                it: "1,000", "3.5", "40%", "3.2%". So a formatted number changes as one
//                token ("[-5,000-]{+5,500+}", "[-40%-]{+45%+}").
//  kSpace:       a run of horizontal whitespace (spaces, tabs, NBSP and other Zs, CR).
//  kNewline:     one '\n'.
//  kPunctuation: any other single character, and each byte of invalid UTF-8.
// Texts are compared as given: canonical text is NFC already (normalization sees to it).
std::vector<Token> Tokenize(std::string_view text);

// A word is a token holding at least one letter or digit.
bool IsWordToken(const Token& token);
// Number of word tokens in `text`, without building the token list.
std::size_t CountWords(std::string_view text);

// Sentences of `text`, in order; concatenated they give back the text without its line
// breaks and blank lines. Every line (block) ends a sentence; inside a line a sentence ends
// at . ! ? (and … 。 ！ ？), after any closing quotes or brackets, when a space and an
// uppercase letter, digit or opening quote follow ("Mr.", "Dr.", "U.S.", "e.g." and other
// abbreviations and initials do not end one; "3.5" has no space). A sentence keeps the
// spaces after it.
std::vector<std::string_view> SplitSentences(std::string_view text);

enum class OpKind { kEqual, kInsert, kDelete };

// A paragraph split in two or two paragraphs joined, with no word added or removed there:
// the delete op of the space (split) or of the paragraph break (merge) and the insert op of
// the paragraph break (split) or of the space (merge) carry the mark.
enum class BlockChange { kNone, kSplit, kMerge };

struct DiffOp {
  OpKind kind;
  std::string text;
  // Index into WordDiff::moves for the delete op that moved text left (at its old place)
  // and the insert op where it arrived; -1 otherwise.
  int move = -1;
  // A delete or insert that the DiffOptions ignore (case, punctuation, whitespace): it
  // still rebuilds the texts but counts as no change and renders as unchanged new text.
  bool ignored = false;
  BlockChange block_change = BlockChange::kNone;
  bool operator==(const DiffOp&) const = default;
};

struct DiffStats {
  // Word tokens in insert ops (ignored ops left out). Moved text is not added: of a move,
  // only the words inserted inside it (its own Move::ops) count.
  std::size_t added_words = 0;
  // Word tokens in delete ops, the same way: of a move, only the words deleted inside it.
  std::size_t removed_words = 0;
  // Word tokens of moved text that the move kept (the equal ops of each Move::ops). So a
  // paragraph moved whole counts its words here, and in neither of the two above.
  std::size_t moved_words = 0;
  // Lines (blocks) touched, counted once each:
  //  - every line of the new text with inserted bytes other than its line break, plus
  //  - every line of the old text with deleted bytes other than its line break whose
  //    surviving (equal) bytes, if any, all lie in new lines not counted above: a line
  //    that only lost words, or was deleted outright.
  // So an edited paragraph counts 1, an added or removed paragraph 1, and a paragraph
  // split or joined by changing only line breaks and spaces counts 1.
  std::size_t changed_blocks = 0;
};

enum class MoveLevel { kBlock, kSentence };

// A block or sentence deleted in one place and inserted, equal or nearly equal, in another.
struct Move {
  MoveLevel level = MoveLevel::kBlock;
  bool exact = true;  // byte-identical on both sides
  std::size_t old_begin = 0, old_end = 0;  // byte range in the old text
  std::size_t new_begin = 0, new_end = 0;  // byte range in the new text
  std::size_t from_block = 0, to_block = 0;  // 0-based blocks (non-blank lines), old / new
  // 0-based index of the first moved sentence in the old / new text's SplitSentences.
  std::size_t from_sentence = 0, to_sentence = 0;
  std::size_t words = 0;  // words in the moved text (new side)
  // Word diff of the moved text itself: equal + delete ops give the old range, equal +
  // insert ops the new range. One equal op when exact.
  std::vector<DiffOp> ops;
};

// NewsEdits-style sentence labels.
enum class SentenceLabel { kUnchanged, kEdited, kAdded, kDeleted, kMoved };
const char* SentenceLabelName(SentenceLabel label);  // "unchanged", "edited", ...

// One sentence of the old text, of the new text, or one of each paired up. Every sentence
// of either text appears in exactly one entry. Indices are positions in SplitSentences
// of that text, -1 for none; ranges are byte ranges.
struct SentenceChange {
  SentenceLabel label = SentenceLabel::kUnchanged;
  long old_index = -1, new_index = -1;
  std::size_t old_begin = 0, old_end = 0;
  std::size_t new_begin = 0, new_end = 0;
};

struct TextChange {  // a quote or number before and after; "" for none
  std::string old_text, new_text;
  bool operator==(const TextChange&) const = default;
};

struct ChangeSummary {
  std::size_t added_words = 0, removed_words = 0, moved_words = 0;  // as in DiffStats
  // Sentences by label (all zero when DiffOptions::label_sentences is off).
  std::size_t sentences_unchanged = 0, sentences_edited = 0, sentences_added = 0, sentences_deleted = 0,
              sentences_moved = 0;
  // Blocks (non-blank lines) of the new text that were edited or added, blocks of the old
  // text deleted outright, and blocks moved.
  std::size_t blocks_edited = 0, blocks_added = 0, blocks_deleted = 0, blocks_moved = 0;
  // Paragraph breaks inserted into a paragraph (splits) and taken out (merges): the
  // BlockChange marks of the ops.
  std::size_t blocks_split = 0, blocks_merged = 0;
  bool headline_changed = false;  // the "# " first block
  bool byline_changed = false;    // the "By " block right after the headline
  // Quotes (text inside quotation marks, with its marks: “…”, "…", ‘…’, «…», „…“) that a
  // change touched, old and new form; quotes in wholly added or deleted blocks are news,
  // not changes, and left out.
  std::vector<TextChange> quotes;
  // Numbers (and words starting with a digit: "20th") deleted or inserted, paired within
  // each change ("1,000" -> "3,500"); again not those of wholly added or deleted blocks.
  std::vector<TextChange> numbers;
  // There are changes, no moves, and every change is only punctuation, case or whitespace.
  bool minor = false;
};

struct WordDiff {
  // Merged: no empty op and no two neighbours of one kind with the same move, ignored and
  // block_change marks. Within a change the delete comes before the insert; paragraphs
  // inserted whole come before the edit of the line that follows them ("{+New.\n\n+}
  // [-The-]{+A+} report").
  std::vector<DiffOp> ops;
  DiffStats stats;
  bool has_changes = false;  // any insert or delete op that is not ignored
  bool empty() const { return !has_changes; }
  std::vector<Move> moves;
  std::vector<SentenceChange> sentences;  // empty unless DiffOptions::label_sentences
  ChangeSummary summary;
  // Some changed run was too large for an exact (minimal) token alignment and a cheaper
  // one was used: the ops are still exact, but may hold more edits than needed.
  bool approximate = false;
};

struct DiffOptions {
  bool ignore_case = false;         // "The" == "the"
  bool ignore_punctuation = false;  // added, removed or replaced punctuation is no change
  bool ignore_whitespace = false;   // added, removed or changed spaces within lines
  bool detect_moves = true;
  // Sentence labels (WordDiff::sentences, summary counts, Move::*_sentence). Off saves a
  // pass over the unchanged text of very long documents.
  bool label_sentences = true;
  // WordDiff::summary beyond the word counts (off: only the added, removed and moved words).
  bool summarize = true;
};

// Equal + delete ops rebuild `old_text` exactly; equal + insert ops rebuild `new_text`;
// every op boundary is a token boundary of both texts. Any bytes are accepted.
// Alignment in levels (see the top of this file); small inputs (up to about a thousand
// tokens) without moves get one minimal token edit script over the whole text instead.
// Then, for reading: an unchanged stretch without line breaks between two changes joins
// them into one replacement when it is no longer than the larger side of either
// ("[-a b-]{+c d+}", no stray "the" kept inside a rewritten sentence), and a pure
// insertion or deletion starts at a word rather than at the space before it
// ("the {+main +}square"). Moved text stays as a delete op at its old place and an insert
// op at its new place (marked with `move`), so that the rebuild rules hold. A paragraph
// split where a space was (or joined where a paragraph break was) is a delete op of that
// space and an insert op of the break (or the reverse) marked with `block_change`, apart
// from any word edits beside it ("budget. It" -> "budget.\n\nThen it": the split, then
// [-It-]{+Then it+}).
// Huge, heavily rewritten inputs fall back to cheaper alignments (`approximate`), so that
// even a 200,000-word total rewrite takes well under a second.
WordDiff DiffWords(std::string_view old_text, std::string_view new_text);
WordDiff DiffWords(std::string_view old_text, std::string_view new_text, const DiffOptions& options);

enum class DiffFormat { kColor, kPlain, kJson, kPorcelain, kUnified, kSideBySide, kMarkdown, kHtml };

// "color", "plain", "json", "porcelain", "unified", "side-by-side", "markdown", "html".
const char* DiffFormatName(DiffFormat format);
bool ParseDiffFormat(std::string_view name, DiffFormat* format);

struct RenderOptions {
  DiffFormat format = DiffFormat::kPlain;
  int context_blocks = 1;  // unchanged non-blank lines shown around a change
  int width = 80;          // side-by-side: total columns
  bool color = false;      // side-by-side: color instead of [-…-]/{+…+} marks
  std::string old_label = "a", new_label = "b";  // unified: file names
};

// Every format that may reach a terminal (color, plain, porcelain, unified, side-by-side)
// carries no control characters from the texts: C0 controls other than '\n', DEL, C1
// controls and invalid UTF-8 become U+FFFD. No changes: "" (json: the object, markdown and
// html: a "no changes" note).
//
// kPlain: `git diff --word-diff=plain` look: hunks of changed lines with `context_blocks`
//   unchanged non-blank lines around them, each opened by "@@ -a,b +c,d @@" (1-based
//   old/new line numbers; ",1" left out as git does), deletions [-...-], insertions
//   {+...+}, markers closed and reopened at each line break. A line break that alone was
//   deleted or inserted at the end of a line with text shows as "[--]" or "{++}".
//   Moves: the old place shows only "{>>moved to ¶N<<}" (N: 1-based block of the new
//   text), the new place "{>>moved from ¶M<<}" followed by the moved text with its inner
//   changes marked (CriticMarkup's comment marks, so they cannot be taken for text).
//   A paragraph split shows "{>>¶ split<<}" where the paragraph now ends (its two parts
//   on their own lines, unmarked); a merge shows "{>>¶ merged<<}" where the break was, on
//   the joined line. Word edits beside them are marked as usual.
// kColor: the same with git's --word-diff=color look: deletions "\x1b[31m...\x1b[m",
//   insertions "\x1b[32m...\x1b[m", headers "\x1b[36m@@ ... @@\x1b[m"; move markers
//   magenta (old place) and cyan (new place), as git's --color-moved, split and merge notes
//   cyan; no newline ever inside a color span.
// kPorcelain: git's --word-diff=porcelain: hunk headers, then one line per piece:
//   " " unchanged, "-" deleted, "+" inserted, and "~" for each line break. Moves, splits
//   and merges are plain deletions and insertions here.
// kUnified: a line-based unified diff ("--- a", "+++ b", "@@ -a,b +c,d @@", " ", "-", "+"
//   lines, "\ No newline at end of file") that patch(1) applies; context is
//   `context_blocks` lines.
// kSideBySide: old and new lines in two columns of (width - 3) / 2 display cells, wrapped,
//   with " | " between changed, " < " old-only, " > " new-only and "   " unchanged rows;
//   changes marked as in plain (or colored with `color`); "@@ … @@" between hunks; a split
//   or merge is the "{>>¶ split<<}" or "{>>¶ merged<<}" note in the old column.
// kMarkdown: the summary as a list, then each changed block (with context blocks) as a
//   paragraph, "~~deleted~~" and "**inserted**", moves noted, splits and merges as
//   "*(¶ split)*" and "*(¶ merged)*"; page text escaped. The summary's words line adds
//   ", M moved" when words moved, its blocks line ", N split" and ", N merged" when any.
// kHtml: a fragment: <div class="redline-diff"> with a summary <ul>, then <p> per shown
//   block with <del>/<ins>, a move as <span class="redline-move">moved to ¶N</span> (and
//   the moved text in <span class="redline-moved">), a split or merge as
//   <span class="redline-break">¶ split</span> (or "¶ merged"), an elided stretch as
//   <p class="redline-elided">…</p>; text escaped.
// kJson: one object and "\n". First the contract, unchanged:
//   {"stats":{"added_words":A,"removed_words":R,"changed_blocks":C},
//    "ops":[{"op":"equal|insert|delete","text":"..."}],
//   (an op the ignore options ignore also has "ignored":true; the two ops of a paragraph
//   split have "split":true, of a merge "merge":true), then
//    "moves":[{"level":"block|sentence","exact":bool,
//              "from":{"block":B,"sentence":S,"offset":O,"length":L},"to":{...},
//              "words":W,"ops":[...the moved text's own word diff...]}],
//    "sentences":[{"label":"unchanged|edited|added|deleted|moved","old":I|null,"new":J|null,
//                  "old_range":[b,e],"new_range":[b,e]}],
//    "summary":{"added_words","removed_words","moved_words","sentences":{"unchanged",
//               "edited","added","deleted","moved"},"blocks":{"edited","added","deleted",
//               "moved","split","merged"},
//               "headline_changed","byline_changed","quotes_changed","quotes":[{"old","new"}],
//               "numbers_changed","numbers":[{"old","new"}],"minor"},
//    "approximate":bool}
//   Blocks and sentences are 0-based (a move's "sentence" is 0 when labels are off), offsets
//   are bytes; invalid UTF-8 becomes U+FFFD. "added_words" and "removed_words" (in "stats"
//   and "summary") leave moved text out but for the words inserted and deleted inside it;
//   "moved_words" counts the rest of the moved text (DiffStats). "moved_words" and the
//   blocks' "split" and "merged" appear only when they are not 0 (a diff without moves,
//   splits or merges reads as it did before they were counted).
std::string RenderDiff(const WordDiff& diff, const RenderOptions& options);

// `text` with every C0 control other than '\n', DEL, every C1 control and every byte of
// invalid UTF-8 replaced by U+FFFD: safe to print on a terminal.
std::string TerminalSafe(std::string_view text);

// Blame: for each sentence of texts.back(), the index (into `texts`, oldest first) of the
// text that introduced that sentence in its current form: it is inherited from the text
// before whenever the sentence alignment of two neighbouring texts pairs it with an equal
// sentence (in place or moved). Empty `texts`: no entries.
struct BlameEntry {
  std::size_t block = 0;     // 0-based block (non-blank line) of texts.back()
  std::string_view text;     // the sentence, a view into texts.back()
  std::size_t origin = 0;    // index into texts
};
std::vector<BlameEntry> Blame(const std::vector<std::string_view>& texts);

// Blame one text at a time, oldest first, holding only the newest text and the sentences
// seen so far: a story with 10,000 long revisions is blamed in the memory of two of them.
// Blame(texts) is BlameBuilder with each text added in turn.
class BlameBuilder {
 public:
  BlameBuilder();
  ~BlameBuilder();
  BlameBuilder(const BlameBuilder&) = delete;
  BlameBuilder& operator=(const BlameBuilder&) = delete;

  void Add(std::string text);  // the next revision's text
  // The entries for the last text added (views into the builder's copy of it: valid until
  // the next Add or the builder's end); empty before any Add.
  std::vector<BlameEntry> Entries() const;
  std::string_view text() const;  // the last text added

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace redline

#endif  // REDLINE_DIFF_H_
