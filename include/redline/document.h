// The article as redline keeps it: headline, byline and body blocks, and its canonical text.
#ifndef REDLINE_DOCUMENT_H_
#define REDLINE_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "redline/status.h"

namespace redline {

enum class BlockKind {
  kParagraph,   // plain text line
  kSubheading,  // "## "
  kListItem,    // "- " (standfirst bullets, lists)
  kQuote,       // "> "
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;  // one line: NFC, inline whitespace collapsed, no marks
  bool operator==(const Block&) const = default;
};

// What normalization found. Only title, byline and body reach the canonical text;
// times, URL and language are facts for commits and --json.
struct Document {
  std::string title;      // headline, without the site suffix
  std::string byline;     // as shown, e.g. "By Jane Doe and John Roe"; may be empty
  std::string published;  // ISO-8601 or empty
  std::string modified;   // ISO-8601 or empty
  std::string canonical_url;
  std::string language;
  std::vector<Block> body;  // standfirst, subheadings, paragraphs, quotes, captions, lists
  // How the text was obtained: facts for --json and the health check, never in the text.
  struct Provenance {
    // "dom" (the page's elements), "json-ld" (schema.org articleBody), "next-data"
    // (Next.js __NEXT_DATA__), "nuxt" (Nuxt's payload), "embedded-json" (another JSON
    // state script), "template" (a client-side template's markup) or "text" (text input).
    std::string source = "dom";
    // False when no article was recognized and the best candidate text was taken instead.
    bool confident = true;
    std::size_t replaced_bytes = 0;  // invalid UTF-8 bytes in the input shown as U+FFFD
  } provenance;
};

// Renders the contract's canonical text: "# headline", the byline block ("By ..."), then the
// body blocks, one per line, separated by one blank line, with a single final newline.
// Returns "" for a document with no headline, byline or body.
std::string CanonicalText(const Document& doc);

// The body blocks with their marks, joined by blank lines, no final newline
// (the `body` field of `normalize --json`).
std::string BodyText(const Document& doc);

// Cleans one block's text: NFC, inline whitespace (including NBSP and line breaks) collapsed
// to single spaces, zero-width characters and soft hyphens removed, trimmed.
// REQUIRES: valid UTF-8.
std::string CleanInlineText(std::string_view text);

// Story ids: [a-z0-9][a-z0-9._-]{0,127}. Returns BadInput with a clear message otherwise.
Status ValidateStoryId(std::string_view id);

}  // namespace redline

#endif  // REDLINE_DOCUMENT_H_
