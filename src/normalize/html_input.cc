#include "normalize/html_input.h"

#include <algorithm>
#include <optional>

#include "normalize/block_builder.h"
#include "normalize/content_cleaner.h"
#include "normalize/content_extractor.h"
#include "normalize/element_hints.h"
#include "normalize/embedded_article.h"
#include "normalize/html_tree.h"
#include "normalize/json_ld.h"
#include "normalize/metadata.h"
#include "normalize/site_rules.h"
#include "normalize/template_filter.h"

namespace redline::normalize {
namespace {

// Text that counts as a found article; shorter results make the extractor try again with
// fewer rules (readability's retry).
constexpr std::size_t kEnoughText = 500;
// Text under which a found article is checked once more without the unlikely-candidate rule.
constexpr std::size_t kShortStory = 2000;
// A post of a paragraph or two: comment threads below it are not counted in its place.
constexpr std::size_t kShortPost = 100;
// A standfirst between the headline and the content is short.
constexpr std::size_t kMaxLeadBlocks = 8;
constexpr std::size_t kMaxLeadChars = 2000;

// The byline's names with only dates, times and labels around them: "By Jane Doe",
// "November 20, 2019 Jane Doe", "Jane Doe | Published 2 hours ago".
bool IsBylineWithDate(std::string_view text, const std::string& byline) {
  if (byline.empty() || CountWords(text) > 25) return false;
  std::vector<std::string> rest = LowerWords(text);
  for (const std::string& name_word : LowerWords(byline)) {
    const auto it = std::find(rest.begin(), rest.end(), name_word);
    if (it == rest.end()) return false;
    rest.erase(it);
  }
  std::erase_if(rest, [](const std::string& w) { return w == "by" || w == "and" || w == "in"; });
  std::string remainder;
  for (const std::string& w : rest) remainder += w + " ";
  return rest.empty() || IsDateTimeLine(remainder);
}

// "By Jane Doe", "BY STAFF", "by Jane Doe / 2016.12.01": a byline shown as a line of its
// own; a date after a separator is left out.
std::optional<std::string> BylineLine(std::string_view text) {
  if (text.size() < 4 || (!text.starts_with("By ") && !text.starts_with("BY ") && !text.starts_with("by "))) {
    return std::nullopt;
  }
  std::string_view names = text.substr(3);
  for (const std::string_view separator : {" \uFF0F ", " | ", " / ", " \u00B7 ", "\u00B7", " - ", " \u2014 "}) {
    const std::size_t cut = names.rfind(separator);
    if (cut != std::string_view::npos && IsDateTimeLine(names.substr(cut + separator.size()))) {
      names = names.substr(0, cut);
      break;
    }
  }
  // Words between spaces: a name written without spaces (in Japanese, say) is one.
  std::size_t words = 0;
  for (std::size_t i = 0; i < names.size(); ++i) words += names[i] != ' ' && (i == 0 || names[i - 1] == ' ');
  if (names.empty() || words > 8 || names.size() > 100 || EndsSentence(names) ||
      names.find(':') != std::string_view::npos) {
    return std::nullopt;
  }
  return std::string(names);
}

// A byline line among the first or last few blocks is the byline: it becomes the
// document's when the page declared none, and leaves the body either way.
void TakeBylineLine(Metadata* meta, std::vector<Candidate>* blocks) {
  constexpr std::size_t kEdge = 3;
  for (std::size_t i = 0; i < blocks->size(); ++i) {
    if (i >= kEdge && i + kEdge < blocks->size()) continue;
    const std::optional<std::string> byline = BylineLine((*blocks)[i].block.text);
    if (!byline) continue;
    if (meta->byline.empty()) meta->byline = *byline;
    blocks->erase(blocks->begin() + static_cast<std::ptrdiff_t>(i));
    return;
  }
}

// The <figcaption> nearest above the headline, in the box the headline shares with the
// content, when the content starts after the headline: the lead photo's caption.
const GumboNode* LeadCaptionAbove(const GumboNode* headline, const std::vector<const GumboNode*>& nodes) {
  if (headline == nullptr || nodes.empty() || !html::Precedes(headline, nodes.front())) return nullptr;
  const GumboNode* common = html::CommonAncestor(headline, nodes.front());
  if (common == nullptr || !html::IsElement(common) || html::Tag(common) == GUMBO_TAG_BODY ||
      html::Tag(common) == GUMBO_TAG_HTML) {
    return nullptr;
  }
  const GumboNode* nearest = nullptr;
  for (const GumboNode* caption : html::FindAll(common, GUMBO_TAG_FIGCAPTION)) {
    if (!html::Precedes(caption, headline)) break;
    if (!html::IsInvisible(caption)) nearest = caption;
  }
  return nearest;
}

// The byline a "By ..." line among the first blocks shows, taken before the line filters
// drop the line with a time or a count glued to it ("By Jane Doe | Updated 5 minutes ago"),
// when the page's metadata named no author.
void NoteBylineLine(const std::vector<Candidate>& blocks, Metadata* meta) {
  constexpr std::size_t kEdge = 3;
  for (std::size_t i = 0; i < blocks.size() && i < kEdge && meta->byline.empty(); ++i) {
    if (std::optional<std::string> byline = BylineLine(blocks[i].block.text)) meta->byline = std::move(*byline);
  }
}

bool IsTitleOrByline(std::string_view text, const Metadata& meta) {
  return SameWords(text, meta.title) || IsBylineWithDate(text, meta.byline);
}

std::size_t TextSize(const std::vector<Candidate>& blocks) {
  std::size_t size = 0;
  for (const Candidate& c : blocks) size += c.block.text.size();
  return size;
}

// Filters what the builder produced: furniture lines, link-only blocks, the headline and
// byline themselves.
// A subheading that links somewhere and opens a section of the story's own text: the title of
// an item in a list of products or places ("<h3><a>Logitech MX Master 3 Mouse</a></h3>" then
// a paragraph about it). A linked line among other links is a list of other stories.
bool IsLinkedSectionTitle(const std::vector<Candidate>& blocks, std::size_t i) {
  constexpr std::size_t kMinSectionWords = 25;
  if (blocks[i].block.kind != BlockKind::kSubheading || i + 1 >= blocks.size()) return false;
  if (i > 0 && blocks[i - 1].link_share >= 0.5f) return false;  // one of a run of links
  const Candidate& next = blocks[i + 1];
  return next.block.kind == BlockKind::kParagraph && !next.all_link && next.link_share < 0.5f &&
         CountWords(next.block.text) >= kMinSectionWords;
}

void Clean(const Metadata& meta, std::vector<Candidate>* blocks) {
  DropFurniture(blocks);
  DropAuthorNotes(meta.byline, blocks);
  DropReleaseBoilerplate(blocks);
  std::vector<Candidate> kept;
  kept.reserve(blocks->size());
  for (std::size_t i = 0; i < blocks->size(); ++i) {
    const Candidate& c = (*blocks)[i];
    const bool link_line = c.all_link && CountWords(c.block.text) >= 5 && !IsLinkedSectionTitle(*blocks, i);
    if (link_line || (c.mostly_time && CountWords(c.block.text) <= 25) || IsTitleOrByline(c.block.text, meta)) {
      continue;
    }
    kept.push_back(std::move((*blocks)[i]));
  }
  *blocks = std::move(kept);
}

// The content node that holds the page's headline, or nodes.end().
std::vector<const GumboNode*>::const_iterator HeadlineHolder(const std::vector<const GumboNode*>& nodes,
                                                             const Metadata& meta) {
  return std::find_if(nodes.begin(), nodes.end(), [&](const GumboNode* n) {
    return meta.headline_element != nullptr && html::IsAncestor(n, meta.headline_element);
  });
}

// The body: the standfirst between the headline and the content (when they share a
// container), then the content itself, from the headline on when it holds the headline.
// `clean_elements` false: no element of the content is removed for its class or shape, only
// landmarks (nav, header, footer, aside, dialogs) and blocks for their words (the last
// resort before the fallback).
std::vector<Candidate> ExtractBody(const PageAnalysis& page, const std::vector<const GumboNode*>& nodes,
                                   Metadata* page_meta, bool clean_elements = true) {
  const Metadata& meta = *page_meta;
  const GumboNode* headline = meta.headline_element;
  std::vector<Candidate> body;
  if (nodes.empty()) return body;
  std::vector<const GumboNode*> keep = nodes;
  if (headline != nullptr) keep.push_back(headline);
  ContentCleaner cleaner(page, keep);
  const auto skip = [&cleaner, clean_elements](const GumboNode* n) {
    return clean_elements ? cleaner.Removed(n) : IsTemplateLandmark(n);
  };
  const auto holder = HeadlineHolder(nodes, meta);
  if (holder == nodes.end() && headline != nullptr && html::Precedes(headline, nodes.front())) {
    const GumboNode* common = html::CommonAncestor(headline, nodes.front());
    const GumboTag tag = html::Tag(common);
    if (common != nullptr && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML &&
        common->type != GUMBO_NODE_DOCUMENT) {
      if (clean_elements) cleaner.Judge(common);
      BlockBuilder lead_builder(skip);
      lead_builder.Add(common, headline, nodes.front());
      std::vector<Candidate> lead = lead_builder.Take();
      NoteBylineLine(lead, page_meta);
      Clean(meta, &lead);
      for (Candidate& c : lead) c.lead = true;
      if (lead.size() <= kMaxLeadBlocks && TextSize(lead) <= kMaxLeadChars) body = std::move(lead);
    }
  }
  if (clean_elements) {
    for (const GumboNode* node : nodes) cleaner.Judge(node);
  }
  BlockBuilder builder(skip);
  if (holder != nodes.end()) {
    for (auto it = holder; it != nodes.end(); ++it) builder.Add(*it, it == holder ? headline : nullptr);
  } else {
    for (const GumboNode* node : nodes) builder.Add(node);
  }
  std::vector<Candidate> content = builder.Take();
  NoteBylineLine(content, page_meta);
  // The lead photo's caption, set above the headline by some templates: the story's own,
  // first in the body wherever it stands.
  if (const GumboNode* caption = LeadCaptionAbove(headline, nodes)) {
    BlockBuilder caption_builder(skip);
    caption_builder.Add(caption);
    std::vector<Candidate> lead_caption = caption_builder.Take();
    Clean(meta, &lead_caption);
    body.insert(body.begin(), std::make_move_iterator(lead_caption.begin()),
                std::make_move_iterator(lead_caption.end()));
  }
  Clean(meta, &content);
  body.insert(body.end(), std::make_move_iterator(content.begin()), std::make_move_iterator(content.end()));
  // The lead and the content may meet on a repeated block (a caption, a summary).
  std::vector<Candidate> unique;
  for (Candidate& c : body) {
    if (!unique.empty() && unique.back().block.text == c.block.text) continue;
    unique.push_back(std::move(c));
  }
  DropRepeats(&unique);
  return unique;
}

// No article was recognized: the best candidate rather than nothing, since a tracker that
// refuses a page records nothing for months. The page's body without its landmarks
// (navigation, header, footer, asides, dialogs) through the word filters; then with them;
// else the blocks outside landmarks as they are. Links alone never count.
std::vector<Candidate> FallbackBody(const GumboNode* root, const Metadata& meta) {
  const GumboNode* body = html::FindFirst(root, GUMBO_TAG_BODY);
  if (body == nullptr) return {};
  const auto blocks_of = [&](SkipFn skip) {
    BlockBuilder builder(std::move(skip));
    builder.Add(body);
    return builder.Take();
  };
  const auto not_story = [&](const Candidate& c) { return c.all_link || SameWords(c.block.text, meta.title); };
  std::vector<Candidate> outside_landmarks = blocks_of([](const GumboNode* n) { return IsTemplateLandmark(n); });
  std::erase_if(outside_landmarks, not_story);
  std::vector<Candidate> blocks = outside_landmarks;
  Clean(meta, &blocks);
  if (!blocks.empty()) return blocks;
  blocks = blocks_of([](const GumboNode*) { return false; });
  std::erase_if(blocks, not_story);
  Clean(meta, &blocks);
  // Last, what the filters took for template, as long as no landmark holds it: a menu's
  // "Home" is no text of the page's own.
  return blocks.empty() ? outside_landmarks : blocks;
}

// The page's data (JSON-LD articleBody, Next.js or Nuxt state) replaces what the elements
// gave when it holds clearly more of the story: a page rendered in the browser ships a
// skeleton and the story as data. Close sizes keep the elements' text, which has the
// captions and subheadings data often lacks, so a story's source does not flip between
// revisions over a sentence.
std::optional<TextSource> PreferData(const html::ParsedHtml& page, const JsonLdArticle& ld, const Metadata& meta,
                                     std::vector<Candidate>* body) {
  constexpr double kClearlyMore = 1.5;
  constexpr std::size_t kMargin = 200;
  // Elements that gave this much are a story shown, not a skeleton or a teaser: its scripts
  // (often megabytes of state on every page of a site) are not parsed. JSON-LD's body, a
  // string already read, is still weighed.
  constexpr std::size_t kStoryShown = 4000;
  const std::size_t dom_size = TextSize(*body);
  const auto wanted = static_cast<std::size_t>(kClearlyMore * static_cast<double>(dom_size)) + kMargin;
  std::optional<EmbeddedArticle> data =
      FindEmbeddedArticle(dom_size < kStoryShown ? &page : nullptr, ld.article_body, meta.title, wanted);
  if (!data.has_value() || data->text_size() < wanted) return std::nullopt;
  std::vector<Candidate> blocks;
  for (std::string& paragraph : data->paragraphs) {
    Candidate c;
    c.block.text = std::move(paragraph);
    blocks.push_back(std::move(c));
  }
  Clean(meta, &blocks);
  if (TextSize(blocks) <= dom_size) return std::nullopt;
  *body = std::move(blocks);
  return data->source;
}

}  // namespace

Result<Document> NormalizeHtml(std::string_view html_text, const NormalizeOptions& options) {
  REDLINE_ASSIGN_OR_RETURN(html::ParsedHtml parsed, html::Parse(html_text, options.rules.impl().attributes, options.max_nesting_depth));
  // Site rules first: excluded parts vanish for everything after, included ones are the content.
  PageRules rules;
  if (!options.rules.empty()) {
    std::vector<std::string> hosts;
    if (!options.url.empty()) hosts.push_back(HostOf(options.url));
    for (const std::string& url : DeclaredUrls(parsed.document())) hosts.push_back(HostOf(url));
    rules = RulesFor(options.rules, hosts);
    for (const GumboNode* n : FindMatches(parsed.document(), rules.exclude)) {
      html::MarkExcluded(const_cast<GumboNode*>(n));  // our own tree, parsed above
    }
  }
  const GumboNode* root = parsed.document();
  const std::vector<const GumboNode*> included = FindMatches(root, rules.include);
  html::CanonicalizeTags(parsed.mutable_document());  // after the rules, which may name <section>
  const JsonLdArticle ld = ReadJsonLd(root);
  const GumboNode* title_heading = FindTitleHeading(root, ld);

  // Landmarks set aside first, then counted, then boxes left uncleaned, then comment threads
  // counted: each attempt runs only when the ones before found too little, and threads only
  // when they found no post at all. Class and id names are never read: a new template
  // renames them while the story's words stay (docs/normalization.md).
  static constexpr ExtractionFlags kAttempts[] = {
      {true, true, true}, {false, true, true}, {false, false, true}, {false, true, false}, {false, false, false}};
  Metadata best_meta;
  std::vector<Candidate> best_body;
  bool best_holds_headline = false;
  for (std::size_t attempt = 0; attempt < std::size(kAttempts); ++attempt) {
    const ExtractionFlags& flags = kAttempts[attempt];
    // A short post above its comments is still the story.
    if (!flags.strip_threads && TextSize(best_body) >= kShortPost) continue;
    const PageAnalysis page(root, flags, title_heading);
    const std::vector<const GumboNode*> nodes = included.empty() ? page.SelectContent() : included;
    Metadata meta = ReadMetadata(root, included.empty() ? page.top() : included.front(), ld);
    std::vector<Candidate> body = ExtractBody(page, nodes, &meta);
    // The last attempt: content whose every element looks like template is still the story
    // when it won (a live ticker whose entries read like comments).
    if (body.empty() && !flags.clean_conditionally) body = ExtractBody(page, nodes, &meta, false);
    const bool holds_headline = HeadlineHolder(nodes, meta) != nodes.end();
    // Once a story was found, a later attempt (fewer rules) replaces it only with twice the
    // text, or with the headline and no less text: the story is where its headline is.
    const std::size_t best_size = TextSize(best_body);
    const std::size_t size = TextSize(body);
    const bool better = attempt == 0 || (best_size < kEnoughText ? size > best_size
                                                                 : size > 2 * best_size ||
                                                                       (holds_headline && !best_holds_headline && size >= best_size));
    if (better) {
      best_meta = std::move(meta);
      best_body = std::move(body);
      best_holds_headline = holds_headline;
    }
    const std::size_t found = TextSize(best_body);
    if (found >= kShortStory || (found >= kEnoughText && best_holds_headline)) break;
  }
  TakeBylineLine(&best_meta, &best_body);
  Document doc;
  if (const std::optional<TextSource> data = PreferData(parsed, ld, best_meta, &best_body)) {
    doc.provenance.source = std::string(SourceName(*data));
  }
  if (best_body.empty()) {
    best_body = FallbackBody(root, best_meta);
    doc.provenance.confident = false;
  }
  if (best_body.empty() && best_meta.title.empty()) return Status::BadInput("no article text found in input");

  doc.title = best_meta.title;
  doc.byline = best_meta.byline;
  doc.published = best_meta.published;
  doc.modified = best_meta.modified;
  doc.canonical_url = best_meta.canonical_url;
  doc.language = best_meta.language;
  for (Candidate& c : best_body) doc.body.push_back(std::move(c.block));
  return doc;
}

}  // namespace redline::normalize
