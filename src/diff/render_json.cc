// The JSON form of a diff: the contract's stats and ops, then moves, sentence labels,
// the summary and the approximate flag.
#include <nlohmann/json.hpp>

#include "diff/render_formats.h"

namespace redline::diff {
namespace {

using Json = nlohmann::ordered_json;  // keeps the contract's key order

const char* OpName(OpKind kind) {
  switch (kind) {
    case OpKind::kInsert: return "insert";
    case OpKind::kDelete: return "delete";
    case OpKind::kEqual: break;
  }
  return "equal";
}

Json Ops(const std::vector<DiffOp>& ops) {
  Json out = Json::array();
  for (const DiffOp& op : ops) {
    Json entry = {{"op", OpName(op.kind)}, {"text", op.text}};
    if (op.ignored) entry["ignored"] = true;
    if (op.block_change == BlockChange::kSplit) entry["split"] = true;
    if (op.block_change == BlockChange::kMerge) entry["merge"] = true;
    out.push_back(std::move(entry));
  }
  return out;
}

Json Place(std::size_t block, std::size_t sentence, std::size_t begin, std::size_t end) {
  return {{"block", block}, {"sentence", sentence}, {"offset", begin}, {"length", end - begin}};
}

Json Moves(const WordDiff& diff) {
  Json out = Json::array();
  for (const Move& move : diff.moves) {
    out.push_back({{"level", move.level == MoveLevel::kBlock ? "block" : "sentence"},
                   {"exact", move.exact},
                   {"from", Place(move.from_block, move.from_sentence, move.old_begin, move.old_end)},
                   {"to", Place(move.to_block, move.to_sentence, move.new_begin, move.new_end)},
                   {"words", move.words},
                   {"ops", Ops(move.ops)}});
  }
  return out;
}

Json Sentences(const WordDiff& diff) {
  Json out = Json::array();
  for (const SentenceChange& s : diff.sentences) {
    Json entry = {{"label", SentenceLabelName(s.label)}};
    entry["old"] = s.old_index >= 0 ? Json(s.old_index) : Json(nullptr);
    entry["new"] = s.new_index >= 0 ? Json(s.new_index) : Json(nullptr);
    if (s.old_index >= 0) entry["old_range"] = {s.old_begin, s.old_end};
    if (s.new_index >= 0) entry["new_range"] = {s.new_begin, s.new_end};
    out.push_back(std::move(entry));
  }
  return out;
}

Json Changes(const std::vector<TextChange>& changes) {
  Json out = Json::array();
  for (const TextChange& c : changes) {
    out.push_back({{"old", c.old_text.empty() ? Json(nullptr) : Json(c.old_text)},
                   {"new", c.new_text.empty() ? Json(nullptr) : Json(c.new_text)}});
  }
  return out;
}

// Keys that are 0 in most diffs ("moved_words", blocks "split" and "merged") appear only
// when they are not, as "ignored" on ops does: a diff without moves, splits or merges reads
// as it always did.
Json Summary(const ChangeSummary& s) {
  Json out = {{"added_words", s.added_words}, {"removed_words", s.removed_words}};
  if (s.moved_words > 0) out["moved_words"] = s.moved_words;
  Json blocks = {{"edited", s.blocks_edited},
                 {"added", s.blocks_added},
                 {"deleted", s.blocks_deleted},
                 {"moved", s.blocks_moved}};
  if (s.blocks_split > 0) blocks["split"] = s.blocks_split;
  if (s.blocks_merged > 0) blocks["merged"] = s.blocks_merged;
  out["sentences"] = {{"unchanged", s.sentences_unchanged},
                      {"edited", s.sentences_edited},
                      {"added", s.sentences_added},
                      {"deleted", s.sentences_deleted},
                      {"moved", s.sentences_moved}};
  out["blocks"] = std::move(blocks);
  out["headline_changed"] = s.headline_changed;
  out["byline_changed"] = s.byline_changed;
  out["quotes_changed"] = s.quotes.size();
  out["quotes"] = Changes(s.quotes);
  out["numbers_changed"] = s.numbers.size();
  out["numbers"] = Changes(s.numbers);
  out["minor"] = s.minor;
  return out;
}

}  // namespace

std::string RenderJson(const WordDiff& diff) {
  Json root = {{"stats",
                {{"added_words", diff.stats.added_words},
                 {"removed_words", diff.stats.removed_words},
                 {"changed_blocks", diff.stats.changed_blocks}}},
               {"ops", Ops(diff.ops)},
               {"moves", Moves(diff)},
               {"sentences", Sentences(diff)},
               {"summary", Summary(diff.summary)},
               {"approximate", diff.approximate}};
  // Invalid UTF-8 becomes U+FFFD instead of throwing.
  return root.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace redline::diff
