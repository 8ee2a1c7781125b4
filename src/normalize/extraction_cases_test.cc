// Data-driven extraction cases (issue 23: "the story on any page"): every
// fixtures/extraction/NAME.html is normalized as HTML and its canonical text checked against
// the directives in NAME.expect beside it, one per line:
//
//   + snippet     the snippet must appear in the canonical text
//   - snippet     the snippet must not appear in it
//   # comment     ignored, as are blank lines
//   source: S     where the text should come from: dom, json-ld, next-data, nuxt, embedded-json or template
//   confident: C  whether extraction should be confident: yes or no
//
// Snippets are compared after CleanInlineText (NFC, whitespace collapsed), the way the
// canonical text is built. Any other line, an empty snippet, invalid UTF-8, a repeated
// source:/confident: or a file without a "+" directive is a parse error and fails the case.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "normalize/test_util.h"
#include "redline/document.h"
#include "redline/normalize.h"

namespace redline {
namespace {

namespace fs = std::filesystem;

const std::string kCasesDir = std::string(REDLINE_SOURCE_DIR) + "/fixtures/extraction";

struct Directive {
  bool must_appear = true;  // "+" when true, "-" when false
  std::string snippet;
  int line = 0;
};

struct Expectations {
  std::vector<Directive> directives;
  std::optional<std::string> source;  // "dom", "json-ld", "next-data", "nuxt", "embedded-json" or "template"
  std::optional<bool> confident;
  int source_line = 0;
  int confident_line = 0;
};

struct ParseResult {
  Expectations expectations;
  std::vector<std::string> errors;  // "line N: ..."; empty when the file parsed
};

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

ParseResult ParseExpectations(std::string_view text) {
  ParseResult result;
  Expectations& e = result.expectations;
  auto error = [&](int line, const std::string& message) {
    result.errors.push_back("line " + std::to_string(line) + ": " + message);
  };
  if (!utf8::IsValid(text)) {
    error(0, "the file is not valid UTF-8");
    return result;
  }
  std::istringstream in{std::string(text)};
  std::string raw;
  int line_no = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    const std::string_view line = Trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '+' || line.front() == '-') {
      if (line.size() < 2 || line[1] != ' ') {
        error(line_no, "expected '" + std::string(1, line.front()) + " snippet' (a space after the sign)");
        continue;
      }
      const std::string snippet = CleanInlineText(line.substr(2));
      if (snippet.empty()) {
        error(line_no, "empty snippet");
        continue;
      }
      e.directives.push_back(Directive{line.front() == '+', snippet, line_no});
      continue;
    }
    const std::size_t colon = line.find(':');
    const std::string key(colon == std::string_view::npos ? line : Trim(line.substr(0, colon)));
    const std::string value(colon == std::string_view::npos ? "" : Trim(line.substr(colon + 1)));
    if (colon != std::string_view::npos && key == "source") {
      if (e.source) {
        error(line_no, "a second 'source:' (first on line " + std::to_string(e.source_line) + ")");
      } else if (value != "dom" && value != "json-ld" && value != "next-data" && value != "nuxt" &&
                 value != "embedded-json" && value != "template") {
        error(line_no, "unknown source '" + value +
                           "' (expected dom, json-ld, next-data, nuxt, embedded-json or template)");
      } else {
        e.source = value;
        e.source_line = line_no;
      }
    } else if (colon != std::string_view::npos && key == "confident") {
      if (e.confident) {
        error(line_no, "a second 'confident:' (first on line " + std::to_string(e.confident_line) + ")");
      } else if (value != "yes" && value != "no") {
        error(line_no, "'confident:' must be yes or no, not '" + value + "'");
      } else {
        e.confident = value == "yes";
        e.confident_line = line_no;
      }
    } else {
      error(line_no,
            "not a directive: '" + std::string(line) +
                "' (expected '+ snippet', '- snippet', '# comment', 'source: S' or 'confident: yes|no')");
    }
  }
  if (std::none_of(e.directives.begin(), e.directives.end(),
                   [](const Directive& d) { return d.must_appear; })) {
    error(line_no, "no '+' directive: a case must say what text it expects");
  }
  return result;
}

// Where the text came from and whether extraction was sure (Document::Provenance).
void CheckSourceAndConfidence(const Expectations& e, const Document& doc,
                              std::vector<std::string>& failures) {
  if (e.source && doc.provenance.source != *e.source) {
    failures.push_back("line " + std::to_string(e.source_line) + ": source: expected " + *e.source +
                       ", got " + doc.provenance.source);
  }
  if (e.confident && doc.provenance.confident != *e.confident) {
    failures.push_back("line " + std::to_string(e.confident_line) + ": confident: expected " +
                       (*e.confident ? "yes" : "no") + ", got " + (doc.provenance.confident ? "yes" : "no"));
  }
}

// Case names found at start-up, so that each page is its own test (and can be filtered).
std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  std::error_code ec;
  if (!fs::is_directory(kCasesDir, ec)) return names;
  for (const auto& entry : fs::directory_iterator(kCasesDir, ec)) {
    if (entry.path().extension() == ".html") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string TestNameOf(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

std::string Excerpt(const std::string& text, std::size_t limit = 3000) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "\n[... " + std::to_string(text.size() - cut) + " more bytes]";
}

class ExtractionCase : public ::testing::TestWithParam<std::string> {};

TEST_P(ExtractionCase, MeetsExpectations) {
  const std::string base = kCasesDir + "/" + GetParam();
  ASSERT_TRUE(fs::exists(base + ".expect")) << base << ".html has no .expect file beside it";

  const ParseResult parsed = ParseExpectations(testing::ReadFile(base + ".expect"));
  if (!parsed.errors.empty()) {
    std::string message;
    for (const std::string& error : parsed.errors) message += "\n  " + error;
    FAIL() << GetParam() << ".expect does not parse:" << message;
  }
  const Expectations& e = parsed.expectations;

  const Result<Document> doc =
      Normalize(testing::ReadFile(base + ".html"), testing::OptionsFrom(InputFormat::kHtml));
  ASSERT_TRUE(doc.ok()) << GetParam() << ": Normalize refused the page: " << doc.status().message();
  const std::string text = CanonicalText(*doc);

  std::vector<std::string> failures;
  for (const Directive& d : e.directives) {
    const bool found = text.find(d.snippet) != std::string::npos;
    if (found != d.must_appear) {
      failures.push_back("line " + std::to_string(d.line) + ": " +
                         (d.must_appear ? "missing:  + " : "present:  - ") + d.snippet);
    }
  }
  CheckSourceAndConfidence(e, *doc, failures);

  if (!failures.empty()) {
    std::string message;
    for (const std::string& failure : failures) message += "\n  " + failure;
    ADD_FAILURE() << GetParam() << ": " << failures.size() << " of " << e.directives.size()
                  << " directives fail:" << message << "\n--- canonical text:\n"
                  << Excerpt(text);
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ExtractionCase, ::testing::ValuesIn(CaseNames()), TestNameOf);

TEST(ExtractionCaseFiles, DirectoryHoldsPairedCases) {
  ASSERT_TRUE(fs::is_directory(kCasesDir)) << kCasesDir;
  EXPECT_GE(CaseNames().size(), 30u);
  for (const auto& entry : fs::directory_iterator(kCasesDir)) {
    const fs::path& path = entry.path();
    if (path.extension() == ".expect") {
      fs::path html = path;
      html.replace_extension(".html");
      EXPECT_TRUE(fs::exists(html)) << path << " has no .html page beside it";
    } else {
      EXPECT_EQ(path.extension(), ".html") << "unexpected file in fixtures/extraction: " << path;
    }
  }
}

TEST(ExtractionCaseFiles, ExpectParserAcceptsTheFormat) {
  const ParseResult ok =
      ParseExpectations("# a comment\n\nsource: json-ld\nconfident: no\n+ kept  text\n- dropped text\r\n");
  ASSERT_TRUE(ok.errors.empty()) << ok.errors.front();
  ASSERT_EQ(ok.expectations.directives.size(), 2u);
  EXPECT_TRUE(ok.expectations.directives[0].must_appear);
  EXPECT_EQ(ok.expectations.directives[0].snippet, "kept text");
  EXPECT_FALSE(ok.expectations.directives[1].must_appear);
  EXPECT_EQ(ok.expectations.directives[1].snippet, "dropped text");
  EXPECT_EQ(ok.expectations.source, "json-ld");
  EXPECT_EQ(ok.expectations.confident, false);
}

TEST(ExtractionCaseFiles, ExpectParserRejectsMistakes) {
  for (const char* bad : {"+ ok\nstray line\n", "+ ok\n+\n", "+ ok\n+nospace\n", "+ ok\nsource: html\n",
                          "+ ok\nsource: dom\nsource: nuxt\n", "+ ok\nconfident: maybe\n", "- only a minus\n",
                          "+ bad \xFC byte\n"}) {
    EXPECT_FALSE(ParseExpectations(bad).errors.empty()) << "accepted: " << bad;
  }
}

}  // namespace
}  // namespace redline
