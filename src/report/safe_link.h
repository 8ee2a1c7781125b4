// Internal: escaping page text for HTML and deciding which URLs may become links.
#ifndef REDLINE_REPORT_SAFE_LINK_H_
#define REDLINE_REPORT_SAFE_LINK_H_

#include <string>
#include <string_view>

namespace redline::report {

// Text (or attribute value) for HTML: & < > " ' escaped, controls and invalid UTF-8
// replaced by U+FFFD.
std::string EscapeHtml(std::string_view text);

// True for an absolute http:// or https:// URL (any case) with a host and without spaces,
// controls, quotes or angle brackets; everything else (javascript:, data:, relative) is
// shown as text, never linked.
bool IsWebLink(std::string_view url);

}  // namespace redline::report

#endif  // REDLINE_REPORT_SAFE_LINK_H_
