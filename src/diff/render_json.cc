// The contract's JSON object for a word diff.
#include "diff/render_json.h"

#include <nlohmann/json.hpp>

namespace redline::diff {
namespace {

const char* OpName(OpKind kind) {
  switch (kind) {
    case OpKind::kInsert: return "insert";
    case OpKind::kDelete: return "delete";
    case OpKind::kEqual: break;
  }
  return "equal";
}

}  // namespace

std::string RenderJson(const WordDiff& diff) {
  // ordered_json keeps the contract's key order: stats before ops.
  nlohmann::ordered_json stats = {{"added_words", diff.stats.added_words},
                                  {"removed_words", diff.stats.removed_words},
                                  {"changed_blocks", diff.stats.changed_blocks}};
  nlohmann::ordered_json ops = nlohmann::ordered_json::array();
  for (const DiffOp& op : diff.ops) ops.push_back({{"op", OpName(op.kind)}, {"text", op.text}});
  nlohmann::ordered_json root = {{"stats", std::move(stats)}, {"ops", std::move(ops)}};
  // Invalid UTF-8 becomes U+FFFD instead of throwing.
  return root.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace redline::diff
