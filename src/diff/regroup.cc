// Readability passes over an alignment: they move bytes between chunks, never changing
// what the chunks rebuild.
#include "diff/regroup.h"

#include <algorithm>

#include "diff/tokenize.h"

namespace redline::diff {
namespace {

std::size_t OldLength(const Chunk& c) { return c.old_end - c.old_begin; }
std::size_t NewLength(const Chunk& c) { return c.new_end - c.new_begin; }

bool HasBreak(std::string_view text, std::size_t begin, std::size_t end) {
  return text.substr(begin, end - begin).find('\n') != std::string_view::npos;
}

// True when `change` has a line break on one side only, and on the other side (one line)
// there is text of that line before it (`before`) or after it (else): so the text next to
// the change there is the line's, and on the side with the break a new paragraph's.
bool BreaksLineOnOneSide(std::string_view old_text, std::string_view new_text, const Chunk& change, bool before) {
  const bool old_breaks = HasBreak(old_text, change.old_begin, change.old_end);
  const bool new_breaks = HasBreak(new_text, change.new_begin, change.new_end);
  if (old_breaks == new_breaks) return false;
  const std::string_view other = new_breaks ? old_text : new_text;
  if (before) {
    const std::size_t begin = new_breaks ? change.old_begin : change.new_begin;
    return begin > 0 && other[begin - 1] != '\n';
  }
  const std::size_t end = new_breaks ? change.old_end : change.new_end;
  return end < other.size() && other[end] != '\n';
}

// True when the unchanged `middle`, between the changes `before` and `after`, reads better
// inside one replacement: it is no longer than the larger side of either change, holds no
// line break, and the joined change both deletes and inserts; or `before` (`after`)
// breaks a line on one side only, so that `middle` pairs a word of a new paragraph with
// one of a line that goes on ("he [-added-]{+changed.\n\nThe spokesman added that…+}",
// not "he {+changed.\n\nThe spokesman +}added{+ that…+}").
bool ShouldAbsorb(std::string_view old_text, std::string_view new_text, const Chunk& before, const Chunk& middle,
                  const Chunk& after) {
  if (!before.changed || middle.changed || !after.changed) return false;
  if (before.move >= 0 || after.move >= 0) return false;  // moved text stays apart
  // So does a paragraph split or merge, from the word edits beside it.
  if (before.block_change != BlockChange::kNone || after.block_change != BlockChange::kNone) return false;
  const std::size_t length = OldLength(middle);
  const std::string_view kept = old_text.substr(middle.old_begin, length);
  if (kept.find_first_not_of(" \t") == std::string_view::npos) return true;  // "[-a-] [-b-]" reads as "[-a b-]"
  if (length > std::max(OldLength(before), NewLength(before))) return false;
  if (length > std::max(OldLength(after), NewLength(after))) return false;
  if (HasBreak(old_text, middle.old_begin, middle.old_end)) return false;
  const bool deletes = OldLength(before) + OldLength(after) > 0;
  const bool inserts = NewLength(before) + NewLength(after) > 0;
  return (deletes && inserts) || BreaksLineOnOneSide(old_text, new_text, before, true) ||
         BreaksLineOnOneSide(old_text, new_text, after, false);
}

// Length of the run of spaces that `text` starts with, or 0.
std::size_t LeadingSpaceRun(std::string_view text) {
  if (text.empty()) return 0;
  TokenKind kind;
  bool is_word = false;
  const std::size_t length = ScanToken(text, 0, &kind, &is_word);
  return kind == TokenKind::kSpace ? length : 0;
}

// Where `text`'s first run of line breaks ends, or npos when it has none.
std::size_t AfterFirstBreak(std::string_view text) {
  std::size_t pos = text.find('\n');
  if (pos == std::string_view::npos) return pos;
  while (pos < text.size() && text[pos] == '\n') ++pos;
  return pos;
}

// True when a token of `text` ends at `pos` (scanning from `from`, a token start).
bool TokenEndsAt(std::string_view text, std::size_t from, std::size_t pos) {
  while (from < pos) {
    TokenKind kind;
    bool is_word = false;
    from += ScanToken(text, from, &kind, &is_word);
  }
  return from == pos;
}

// The longest end of a paragraph SlideToParagraphs moves (longer ones are not looked for).
constexpr std::size_t kMaxParagraphEnd = 256;

// One side's view of a chunk: the changed side X that gains (or loses) paragraphs, and
// the other side Y.
struct Sides {
  std::size_t Chunk::*x_begin;
  std::size_t Chunk::*x_end;
  std::size_t Chunk::*y_begin;
  std::size_t Chunk::*y_end;
};

// The turn of SlideToParagraphs on `c` (changed) and `e` (the unchanged chunk after it),
// on side `x` (new: paragraphs added; old: removed): appends the chunks that replace the
// two and returns true, or returns false.
bool TurnToParagraphs(std::string_view x, std::string_view y, const Sides& s, const Chunk& c, const Chunk& e,
                      std::vector<Chunk>* pieces) {
  const std::size_t xb = c.*s.x_begin, xe = c.*s.x_end;
  if (xb == 0 || x[xb - 1] == '\n') return false;  // starts a paragraph: inserted whole already
  const std::string_view changed = x.substr(xb, xe - xb);
  const std::size_t first_break = changed.find('\n');
  if (first_break == std::string_view::npos) return false;
  if (y.substr(c.*s.y_begin, c.*s.y_end - c.*s.y_begin).find('\n') != std::string_view::npos) return false;
  const std::string_view after = x.substr(e.*s.x_begin, e.*s.x_end - e.*s.x_begin);
  const std::size_t end = AfterFirstBreak(after);  // the paragraph's end: "… late.\n\n"
  if (end == std::string_view::npos || end > kMaxParagraphEnd) return false;
  const std::string_view paragraph_end = after.substr(0, end);
  const std::size_t offset = paragraph_end.find('\n');
  if (offset > first_break) return false;
  const std::size_t head = first_break - offset;  // the edit inside the paragraph: changed[0, head)
  if (changed.substr(head, end) != paragraph_end || !TokenEndsAt(x, xb, xb + head)) return false;
  if (head + end < changed.size() && changed[head + end] == '\n') return false;  // a longer run of breaks
  const std::size_t yb = c.*s.y_begin, ye = c.*s.y_end;
  Chunk piece;
  if (head > 0 || ye > yb) {
    piece.changed = true;
    piece.*s.x_begin = xb;
    piece.*s.x_end = xb + head;
    piece.*s.y_begin = yb;
    piece.*s.y_end = ye;
    pieces->push_back(piece);
  }
  piece = Chunk();  // the paragraph's end, unchanged
  piece.*s.x_begin = xb + head;
  piece.*s.x_end = xb + head + end;
  piece.*s.y_begin = ye;
  piece.*s.y_end = ye + end;
  pieces->push_back(piece);
  piece = Chunk();  // the paragraphs added (removed) whole
  piece.changed = true;
  piece.*s.x_begin = xb + head + end;
  piece.*s.x_end = xe + end;
  piece.*s.y_begin = piece.*s.y_end = ye + end;
  pieces->push_back(piece);
  if (e.*s.x_end > e.*s.x_begin + end) {  // the rest of the unchanged text
    piece = e;
    piece.*s.x_begin += end;
    piece.*s.y_begin += end;
    pieces->push_back(piece);
  }
  return true;
}

// Words of `text`.
std::size_t Words(std::string_view text) {
  std::size_t words = 0, pos = 0;
  while (pos < text.size()) {
    TokenKind kind;
    bool is_word = false;
    pos += ScanToken(text, pos, &kind, &is_word);
    words += is_word ? 1 : 0;
  }
  return words;
}

// The most words of a paragraph's start that ParagraphsFirst takes from the unchanged
// text before a change.
constexpr std::size_t kMaxOpeningWords = 3;

// Appends `change` to `pieces` as a changed chunk, its common first and last tokens
// (within one line of each side) split off as unchanged chunks.
void AppendTrimmed(std::string_view x, std::string_view y, const Sides& s, Chunk change, std::vector<Chunk>* pieces) {
  const auto tokens = [](std::string_view text, std::size_t begin, std::size_t end) {
    std::vector<std::size_t> bounds{begin};
    const std::string_view range = text.substr(0, end);
    while (bounds.back() < end) {
      TokenKind kind;
      bool is_word = false;
      bounds.push_back(bounds.back() + ScanToken(range, bounds.back(), &kind, &is_word));
    }
    return bounds;  // token boundaries, begin and end included
  };
  const std::vector<std::size_t> xs = tokens(x, change.*s.x_begin, change.*s.x_end);
  const std::vector<std::size_t> ys = tokens(y, change.*s.y_begin, change.*s.y_end);
  const auto same = [&](std::size_t xi, std::size_t yi) {  // token xi of x equals token yi of y
    return x.substr(xs[xi], xs[xi + 1] - xs[xi]) == y.substr(ys[yi], ys[yi + 1] - ys[yi]);
  };
  const std::size_t nx = xs.size() - 1, ny = ys.size() - 1;
  std::size_t prefix = 0;
  while (prefix < nx && prefix < ny && same(prefix, prefix)) ++prefix;
  std::size_t suffix = 0;
  while (suffix < nx - prefix && suffix < ny - prefix && same(nx - 1 - suffix, ny - 1 - suffix)) ++suffix;
  Chunk piece;
  if (prefix > 0) {
    piece.*s.x_begin = xs[0];
    piece.*s.x_end = xs[prefix];
    piece.*s.y_begin = ys[0];
    piece.*s.y_end = ys[prefix];
    pieces->push_back(piece);
  }
  if (prefix + suffix < nx || prefix + suffix < ny) {
    piece = Chunk();
    piece.changed = true;
    piece.*s.x_begin = xs[prefix];
    piece.*s.x_end = xs[nx - suffix];
    piece.*s.y_begin = ys[prefix];
    piece.*s.y_end = ys[ny - suffix];
    pieces->push_back(piece);
  }
  if (suffix > 0) {
    piece = Chunk();
    piece.*s.x_begin = xs[nx - suffix];
    piece.*s.x_end = xs[nx];
    piece.*s.y_begin = ys[ny - suffix];
    piece.*s.y_end = ys[ny];
    pieces->push_back(piece);
  }
}

// A change whose side X holds whole new paragraphs followed by the start of a line that
// goes on after the change, where the other side Y (one line, no break) has only that
// start's old form: the paragraphs come first, as an insertion (deletion) of their own,
// then the line's edit ("{+New para.\n\n+}[-The-]{+Changed+} report", not "[-The-]{+New
// para.\n\nChanged+} report"). When the change begins inside a line because a paragraph's
// first few words ("The ") were matched with the new paragraph's, they are taken back from
// the unchanged text before (`out`'s last chunk) into the change first. Returns false (and
// leaves `out` alone) when the change is not of this form.
bool ParagraphsFirst(std::string_view x, std::string_view y, const Sides& s, const Chunk& c, std::vector<Chunk>* out,
                     std::vector<Chunk>* pieces) {
  const std::size_t xb = c.*s.x_begin, xe = c.*s.x_end, yb = c.*s.y_begin, ye = c.*s.y_end;
  const std::string_view changed = x.substr(xb, xe - xb);
  const std::size_t first_break = changed.find('\n');
  if (first_break == std::string_view::npos || HasBreak(y, yb, ye)) return false;
  if (ye >= y.size() || y[ye] == '\n') return false;  // Y's line must go on after the change
  std::size_t opening = 0;  // bytes of a paragraph's start taken back from before the change
  if (yb > 0 && y[yb - 1] != '\n') {
    if (out->empty() || out->back().changed) return false;
    const Chunk& before = out->back();
    const std::string_view kept = x.substr(before.*s.x_begin, before.*s.x_end - before.*s.x_begin);
    const std::size_t line_start = kept.rfind('\n');
    if (line_start == std::string_view::npos && before.*s.x_begin != 0) return false;
    opening = line_start == std::string_view::npos ? kept.size() : kept.size() - line_start - 1;
    const std::size_t words = Words(kept.substr(kept.size() - opening));
    if (opening == 0 || words > kMaxOpeningWords || words >= Words(changed.substr(0, first_break))) return false;
  } else if (ye == yb) {
    return false;  // a plain insertion (deletion) of paragraphs already
  }
  std::size_t last_break = changed.rfind('\n') + 1;  // the line that goes on starts here
  if (opening > 0) {  // take the paragraph's start back from the unchanged text before
    Chunk& before = out->back();
    before.*s.x_end -= opening;
    before.*s.y_end -= opening;
    if (before.*s.x_end == before.*s.x_begin) out->pop_back();
  }
  Chunk paragraphs;
  paragraphs.changed = true;
  paragraphs.*s.x_begin = xb - opening;
  paragraphs.*s.x_end = xb + last_break;
  paragraphs.*s.y_begin = paragraphs.*s.y_end = yb - opening;
  pieces->push_back(paragraphs);
  Chunk rest;
  rest.changed = true;
  rest.*s.x_begin = xb + last_break;
  rest.*s.x_end = xe;
  rest.*s.y_begin = yb - opening;
  rest.*s.y_end = ye;
  if (rest.*s.x_end > rest.*s.x_begin || rest.*s.y_end > rest.*s.y_begin) AppendTrimmed(x, y, s, rest, pieces);
  return true;
}

// A change inside a line of Y whose side X ends the line and goes on with new paragraphs,
// where the unchanged text after it ends Y's line with a few words ("said.\n\n") that
// were matched with the last new paragraph's: those words go back to the line, which is
// edited, and the new paragraphs are inserted whole ("[-said-]{+changed+}.\n\n{+“No,”
// Liu said.\n\n+}", not "{+changed.\n\n“No,” Liu +}said."). Appends the pieces that
// replace `c` and `e`, or returns false.
bool ParagraphsLast(std::string_view x, std::string_view y, const Sides& s, const Chunk& c, const Chunk& e,
                    std::vector<Chunk>* pieces) {
  const std::size_t xb = c.*s.x_begin, xe = c.*s.x_end, yb = c.*s.y_begin, ye = c.*s.y_end;
  const std::string_view changed = x.substr(xb, xe - xb);
  const std::size_t line_end = AfterFirstBreak(changed);
  if (line_end == std::string_view::npos || changed[0] == '\n' || HasBreak(y, yb, ye)) return false;
  if (yb == 0 || y[yb - 1] == '\n' || x[xe - 1] == '\n') return false;
  const std::string_view after = x.substr(e.*s.x_begin, e.*s.x_end - e.*s.x_begin);
  const std::size_t end = AfterFirstBreak(after);
  if (end == std::string_view::npos || end > kMaxParagraphEnd) return false;
  const std::size_t words = Words(after.substr(0, end));
  if (words > kMaxOpeningWords || words >= Words(changed.substr(changed.rfind('\n') + 1))) return false;
  Chunk line;  // Y's line end, edited into X's first line
  line.changed = true;
  line.*s.x_begin = xb;
  line.*s.x_end = xb + line_end;
  line.*s.y_begin = yb;
  line.*s.y_end = ye + end;
  AppendTrimmed(x, y, s, line, pieces);
  Chunk paragraphs;
  paragraphs.changed = true;
  paragraphs.*s.x_begin = xb + line_end;
  paragraphs.*s.x_end = xe + end;
  paragraphs.*s.y_begin = paragraphs.*s.y_end = ye + end;
  pieces->push_back(paragraphs);
  if (e.*s.x_end > e.*s.x_begin + end) {
    Chunk rest = e;
    rest.*s.x_begin += end;
    rest.*s.y_begin += end;
    pieces->push_back(rest);
  }
  return true;
}

}  // namespace

void SlideToParagraphs(std::string_view old_text, std::string_view new_text, std::vector<Chunk>* chunks) {
  constexpr Sides kAdded{&Chunk::new_begin, &Chunk::new_end, &Chunk::old_begin, &Chunk::old_end};
  constexpr Sides kRemoved{&Chunk::old_begin, &Chunk::old_end, &Chunk::new_begin, &Chunk::new_end};
  // Every turn needs a change with a line break on one side only: most diffs have none.
  std::size_t first = 0;
  for (; first < chunks->size(); ++first) {
    const Chunk& c = (*chunks)[first];
    if (c.changed && c.move < 0 &&
        HasBreak(old_text, c.old_begin, c.old_end) != HasBreak(new_text, c.new_begin, c.new_end)) {
      break;
    }
  }
  if (first == chunks->size()) return;
  first = first > 0 ? first - 1 : 0;  // ParagraphsFirst may take from the chunk before
  std::vector<Chunk> out(chunks->begin(), chunks->begin() + static_cast<std::ptrdiff_t>(first));
  out.reserve(chunks->size() + 8);
  bool turned = false;
  std::vector<Chunk> pieces;
  for (std::size_t k = first; k < chunks->size(); ++k) {
    const Chunk& c = (*chunks)[k];
    const Chunk* next = k + 1 < chunks->size() ? &(*chunks)[k + 1] : nullptr;
    pieces.clear();
    // Every turn needs a change with a line break on one side only.
    const bool plain = c.changed && c.move < 0 && c.block_change == BlockChange::kNone &&
                       HasBreak(old_text, c.old_begin, c.old_end) != HasBreak(new_text, c.new_begin, c.new_end);
    // After unchanged text (or at the start): the line the change starts in is known.
    const bool settled = k == 0 || !(*chunks)[k - 1].changed;
    bool took_next = false;
    if (plain && settled && next != nullptr && !next->changed &&
        (TurnToParagraphs(new_text, old_text, kAdded, c, *next, &pieces) ||
         TurnToParagraphs(old_text, new_text, kRemoved, c, *next, &pieces) ||
         ParagraphsLast(new_text, old_text, kAdded, c, *next, &pieces) ||
         ParagraphsLast(old_text, new_text, kRemoved, c, *next, &pieces))) {
      took_next = true;
    } else if (!(plain && (ParagraphsFirst(new_text, old_text, kAdded, c, &out, &pieces) ||
                           ParagraphsFirst(old_text, new_text, kRemoved, c, &out, &pieces)))) {
      pieces.push_back(c);
    } else {
      turned = true;
    }
    turned = turned || took_next;
    for (const Chunk& piece : pieces) {
      if (!piece.changed && !out.empty() && !out.back().changed) {  // joins the unchanged text before
        out.back().old_end = piece.old_end;
        out.back().new_end = piece.new_end;
      } else {
        out.push_back(piece);
      }
    }
    if (took_next) ++k;
  }
  if (turned) *chunks = std::move(out);
}

void JoinReplacements(std::string_view old_text, std::string_view new_text, std::vector<Chunk>* chunks) {
  // In place: the joined chunks, chunks[0, n), never run ahead of the next one to read.
  std::vector<Chunk>& out = *chunks;
  std::size_t n = 0;
  for (std::size_t r = 0; r < out.size(); ++r) {
    if (n != r) out[n] = out[r];
    ++n;
    // out ends "change, unchanged, change": join them, then look again further back, since
    // the joined change is longer and may now absorb the unchanged chunk before it.
    while (n >= 3 && ShouldAbsorb(old_text, new_text, out[n - 3], out[n - 2], out[n - 1])) {
      const Chunk after = out[n - 1];
      n -= 2;
      out[n - 1].old_end = after.old_end;
      out[n - 1].new_end = after.new_end;
    }
  }
  out.resize(n);
}

void SlideToWordStarts(std::string_view old_text, std::string_view new_text, std::vector<Chunk>* chunks) {
  for (std::size_t k = 1; k + 1 < chunks->size(); ++k) {
    Chunk& chunk = (*chunks)[k];
    const bool insertion = chunk.old_begin == chunk.old_end;
    const bool deletion = chunk.new_begin == chunk.new_end;
    if (!chunk.changed || chunk.move >= 0 || chunk.block_change != BlockChange::kNone || insertion == deletion) continue;
    if ((*chunks)[k - 1].changed || (*chunks)[k + 1].changed) continue;
    const std::string_view changed = insertion ? new_text.substr(chunk.new_begin, chunk.new_end - chunk.new_begin)
                                               : old_text.substr(chunk.old_begin, chunk.old_end - chunk.old_begin);
    Chunk& next = (*chunks)[k + 1];
    const std::string_view following = old_text.substr(next.old_begin, next.old_end - next.old_begin);
    const std::size_t space = LeadingSpaceRun(changed);
    // Slide by one whole space token, never emptying a chunk: " main" + " square"
    // becomes "main " + "square", with the space moved to the unchanged text before.
    if (space == 0 || space == changed.size() || space >= following.size() ||
        LeadingSpaceRun(following) != space || following.substr(0, space) != changed.substr(0, space)) {
      continue;
    }
    Chunk& previous = (*chunks)[k - 1];
    previous.old_end += space;
    previous.new_end += space;
    chunk.old_begin += space;
    chunk.old_end += space;
    chunk.new_begin += space;
    chunk.new_end += space;
    next.old_begin += space;
    next.new_begin += space;
  }
}

}  // namespace redline::diff
