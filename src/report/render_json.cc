// JSON reports; the shape is documented (and checked by the tests) in
// docs/report-schema.json.
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report/safe_link.h"

namespace redline::report {
namespace {

using nlohmann::json;

json TimeOrNull(const std::optional<Timestamp>& time) {
  return time ? json(FormatTime(*time)) : json(nullptr);
}

json Pairs(const std::vector<TextChange>& changes) {
  json out = json::array();
  for (const TextChange& c : changes) out.push_back({{"old", c.old_text}, {"new", c.new_text}});
  return out;
}

json Summary(const WordDiff& diff) {
  const ChangeSummary& s = diff.summary;
  return {{"added_words", s.added_words},
          {"removed_words", s.removed_words},
          {"sentences",
           {{"unchanged", s.sentences_unchanged},
            {"edited", s.sentences_edited},
            {"added", s.sentences_added},
            {"deleted", s.sentences_deleted},
            {"moved", s.sentences_moved}}},
          {"blocks",
           {{"edited", s.blocks_edited}, {"added", s.blocks_added}, {"deleted", s.blocks_deleted}, {"moved", s.blocks_moved}}},
          {"moves", diff.moves.size()},
          {"headline_changed", s.headline_changed},
          {"byline_changed", s.byline_changed},
          {"quotes", Pairs(s.quotes)},
          {"numbers", Pairs(s.numbers)},
          {"minor", s.minor}};
}

// Sentence operations other than "unchanged", with the sentence text on each side. The
// texts are not kept by the model, so they are rebuilt from the ops (equal + delete give
// the old text, equal + insert the new).
json Sentences(const WordDiff& diff) {
  std::string old_text, new_text;
  for (const DiffOp& op : diff.ops) {
    if (op.kind != OpKind::kInsert) old_text += op.text;
    if (op.kind != OpKind::kDelete) new_text += op.text;
  }
  auto slice = [](const std::string& text, std::size_t begin, std::size_t end, long index) -> json {
    if (index < 0 || begin > end || end > text.size()) return nullptr;
    std::string s = text.substr(begin, end - begin);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
    return s;
  };
  json out = json::array();
  for (const SentenceChange& c : diff.sentences) {
    if (c.label == SentenceLabel::kUnchanged) continue;
    out.push_back({{"label", SentenceLabelName(c.label)},
                   {"old_index", c.old_index < 0 ? json(nullptr) : json(c.old_index)},
                   {"new_index", c.new_index < 0 ? json(nullptr) : json(c.new_index)},
                   {"old", slice(old_text, c.old_begin, c.old_end, c.old_index)},
                   {"new", slice(new_text, c.new_begin, c.new_end, c.new_index)}});
  }
  return out;
}

json WordChanges(const WordDiff& diff) {
  json out = json::array();
  for (const DiffOp& op : diff.ops) {
    if (op.kind == OpKind::kEqual || op.ignored) continue;
    json change = {{"op", op.kind == OpKind::kInsert ? "insert" : "delete"}, {"text", op.text}};
    change["move"] = op.move >= 0 ? json(op.move) : json(nullptr);
    out.push_back(std::move(change));
  }
  return out;
}

json RevisionJson(const ReportRevision& r) {
  const Revision& rev = r.revision;
  json out = {{"number", rev.number},
              {"commit", rev.commit},
              {"time", FormatTime(rev.time)},
              {"headline", rev.headline},
              {"headline_changed", r.headline_changed},
              {"source_url", IsWebLink(rev.source_url) ? json(rev.source_url) : json(nullptr)},
              {"added_words", rev.added_words},
              {"removed_words", rev.removed_words},
              {"total_words", rev.total_words},
              {"returns_to", rev.returns_to > 0 ? json(rev.returns_to) : json(nullptr)}};
  if (r.first) {
    out["summary"] = nullptr;
    out["sentences"] = json::array();
    out["word_changes"] = json::array();
  } else {
    out["summary"] = Summary(r.diff);
    out["sentences"] = Sentences(r.diff);
    out["word_changes"] = WordChanges(r.diff);
  }
  return out;
}

json StoryJson(const StoryReport& s) {
  json headlines = json::array();
  json revisions = json::array();
  for (const ReportRevision& r : s.revisions) {
    if (r.first || r.headline_changed || headlines.empty()) {
      headlines.push_back({{"revision", r.revision.number}, {"time", FormatTime(r.revision.time)}, {"headline", r.revision.headline}});
    }
    revisions.push_back(RevisionJson(r));
  }
  return {{"story", s.story},
          {"headline", s.headline},
          {"revisions_in_archive", s.revisions_in_archive},
          {"added_words", s.added_words()},
          {"removed_words", s.removed_words()},
          {"headlines", std::move(headlines)},
          {"revisions", std::move(revisions)}};
}

}  // namespace

std::string RenderJson(const Report& report) {
  json stories = json::array();
  for (const StoryReport& s : report.stories) stories.push_back(StoryJson(s));
  const json out = {{"format", "redline-report"},
                    {"version", 1},
                    {"digest", report.digest},
                    {"since", TimeOrNull(report.since)},
                    {"until", TimeOrNull(report.until)},
                    {"stories", std::move(stories)}};
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace redline::report
