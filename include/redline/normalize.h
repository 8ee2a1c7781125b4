// Page bytes -> Document. HTML goes through gumbo: metadata (headline, byline, times, URL,
// language) from the head, JSON-LD and the page; the main content found by scoring
// (readability's approach, nothing site-specific); template furniture (ads, share bars,
// related links, video players, promos, relative times) left out. Text input (a page already
// scraped to text) is cleaned line by line with the same furniture rules.
#ifndef REDLINE_NORMALIZE_H_
#define REDLINE_NORMALIZE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "redline/document.h"
#include "redline/status.h"

namespace redline {

enum class InputFormat { kAuto, kHtml, kText };

// Site rules: for the pages where the heuristics fail, CSS-like selectors that say where a
// site's story is (include) or what is never part of it (exclude), per domain. The file
// format is in docs/normalization.md; in an archive the file is redline-rules.txt at the
// root. Cheap to copy.
class SiteRules {
 public:
  struct Impl;
  SiteRules();
  // BadInput "rules line N: ..." on a syntax error.
  static Result<SiteRules> Parse(std::string_view text);
  bool empty() const;
  const Impl& impl() const { return *impl_; }

 private:
  explicit SiteRules(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

// The largest max_nesting_depth honoured: gumbo frees a tree recursively, one stack frame
// per level, so deeper trees are never built.
inline constexpr std::size_t kMaxNestingDepthCeiling = 20000;

struct NormalizeOptions {
  InputFormat from = InputFormat::kAuto;
  // Larger inputs are refused before any work is done.
  std::size_t max_input_bytes = std::size_t{64} << 20;
  // HTML whose elements nest deeper is refused (gumbo's tree building is quadratic in the
  // depth); values above kMaxNestingDepthCeiling count as that ceiling.
  std::size_t max_nesting_depth = 4000;
  // The charset the transport declared (the HTTP Content-Type's charset, or --charset), any
  // WHATWG label such as "iso-8859-1" or "Shift_JIS"; empty when unknown.
  std::string charset;
  // The page's address when known (a fetch, snapshot --url). Site rules apply when this
  // host, or the host of the page's canonical URL or og:url, is a rule's domain or below it.
  std::string url;
  SiteRules rules;
};

// Guesses HTML or text from the first bytes (a doctype, <html> or another opening tag, or
// several tags in the first 16 KB). A UTF-8 byte-order mark is skipped.
InputFormat DetectFormat(std::string_view bytes);

// Never crashes, whatever the bytes. Errors are BadInput with a one-line message:
//   "input is empty", "input is N bytes, over the limit of M bytes",
//   "input looks like binary data, not HTML or text", "unknown charset 'X'",
//   "HTML is nested too deeply (...)", "no article text found in input" (no readable text
//   at all: a page with visible text always gives text, see Document::Provenance).
// Charset, first match wins: a byte-order mark (UTF-8, UTF-16LE/BE); options.charset;
// for HTML, <meta charset>, http-equiv Content-Type or the XML declaration; then the bytes
// themselves. Bytes that are valid UTF-8 beyond ASCII are read as UTF-8 whatever was
// declared. Invalid UTF-8, declared as UTF-8 or not declared, is converted when sniffing
// finds it clearly in another charset (see normalize/charset.h); otherwise each invalid
// byte becomes U+FFFD, counted in Document::Provenance::replaced_bytes. Other charsets
// (windows-125x, ISO-8859-x, KOI8, UTF-16, GBK/GB18030, Big5, Shift_JIS, EUC-JP,
// ISO-2022-JP, EUC-KR) are converted, invalid bytes becoming U+FFFD.
// When no article is recognized, the best candidate text is taken and
// Document::Provenance::confident is false; text input needs a headline or body text.
Result<Document> Normalize(std::string_view bytes, const NormalizeOptions& options);

// A feed an HTML page names in its head, as feed readers find it:
// <link rel="alternate" type="application/rss+xml" href="/rss.xml" title="News">.
struct FeedLink {
  std::string href;   // as written (resolve it against the page's URL)
  std::string title;  // may be empty
};

// The RSS, Atom and RDF feeds (types application/rss+xml, application/atom+xml,
// application/rdf+xml) that an HTML page names with <link rel="alternate">, in page order,
// repeated hrefs dropped. The bytes are read as Normalize reads HTML (charset, limits);
// BadInput as Normalize for input it refuses.
Result<std::vector<FeedLink>> DeclaredFeeds(std::string_view bytes, const NormalizeOptions& options);

}  // namespace redline

#endif  // REDLINE_NORMALIZE_H_
