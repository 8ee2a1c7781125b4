#include "web/page_input.h"

#include <gtest/gtest.h>

#include "redline/document.h"
#include "redline/normalize.h"
#include "web/test_util.h"

namespace redline::web {
namespace {

TEST(HeaderCharset, ReadsTheParameter) {
  EXPECT_EQ(HeaderCharset("text/html; charset=Windows-1252"), "windows-1252");
  EXPECT_EQ(HeaderCharset("text/html;charset=\"ISO-8859-1\"; foo=bar"), "iso-8859-1");
  EXPECT_EQ(HeaderCharset("text/html"), "");
  EXPECT_EQ(HeaderCharset(""), "");
}

TEST(FormatForContentType, FromTheType) {
  EXPECT_EQ(FormatForContentType("text/plain; charset=utf-8", "<p>x</p>"), InputFormat::kText);
  EXPECT_EQ(FormatForContentType("application/xhtml+xml", "plain words"), InputFormat::kHtml);
  EXPECT_EQ(FormatForContentType("", "<!DOCTYPE html><p>x</p>"), InputFormat::kHtml);
}

TEST(HeaderCharset, ReachesNormalize) {
  // windows-1252 bytes, the charset only in the header.
  const std::string body =
      "<html><head><title>Caf\xE9 news</title></head><body><article><h1>Caf\xE9 \x93opens\x94</h1>"
      "<p>The caf\xE9 on the corner opened its doors on Monday morning to a long queue of customers.</p>"
      "<p>Its owner said the \x80"
      "5 coffee would stay on the menu for the rest of the year.</p></article></body></html>";
  const std::string type = "text/html; charset=windows-1252";
  NormalizeOptions options;
  options.from = FormatForContentType(type, body);
  options.charset = HeaderCharset(type);
  auto document = Normalize(body, options);
  ASSERT_OK(document);
  EXPECT_EQ(document->title, "Caf\u00e9 news");
  const std::string text = CanonicalText(*document);
  EXPECT_NE(text.find("Caf\u00e9 \u201copens\u201d"), std::string::npos) << text;
  EXPECT_NE(text.find("\u20ac5 coffee"), std::string::npos) << text;
}

}  // namespace
}  // namespace redline::web
