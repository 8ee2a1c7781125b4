#include "normalize/input_check.h"

#include <gtest/gtest.h>

#include "normalize/test_util.h"

namespace redline::normalize {
namespace {

Status Check(std::string_view bytes, InputFormat from = InputFormat::kAuto, std::size_t max_bytes = 1 << 20) {
  NormalizeOptions options;
  options.from = from;
  options.max_input_bytes = max_bytes;
  return DecodeInput(bytes, options).status();
}

TEST(DecodeInput, RefusesEmptyAndOversizedInput) {
  EXPECT_EQ(Check("").message(), "input is empty");
  EXPECT_EQ(Check("\xEF\xBB\xBF").message(), "input is empty");
  const Status big = Check("0123456789", InputFormat::kText, 8);
  EXPECT_EQ(big.kind(), ErrorKind::kBadInput);
  EXPECT_EQ(big.message(), "input is 10 bytes, over the limit of 8 bytes");
}

TEST(DecodeInput, RefusesBinaryAndUtf16) {
  EXPECT_EQ(Check(std::string("GIF89a\0\0\x01", 9)).message(),
            "input looks like binary data, not HTML or text");
  EXPECT_EQ(Check(std::string("\xFF\xFEh\0i\0", 6)).message(),
            "input is UTF-16 text; only UTF-8 is supported");
}

TEST(DecodeInput, ReportsTheFirstBadByteCountingTheBom) {
  EXPECT_EQ(Check("caf\xE9 au lait\n", InputFormat::kText).message(),
            "input is not valid UTF-8 (first bad byte at offset 3)");
  EXPECT_EQ(Check("\xEF\xBB\xBF"
                  "caf\xE9\n",
                  InputFormat::kText)
                .message(),
            "input is not valid UTF-8 (first bad byte at offset 6)");
}

TEST(DecodeInput, StripsTheBomAndResolvesTheFormat) {
  const Result<DecodedInput> html = DecodeInput("\xEF\xBB\xBF<html><p>x</p></html>", {});
  ASSERT_OK(html);
  EXPECT_EQ(html->text, "<html><p>x</p></html>");
  EXPECT_EQ(html->format, InputFormat::kHtml);
  const Result<DecodedInput> text = DecodeInput("Headline\n\nBody.\n", {});
  ASSERT_OK(text);
  EXPECT_EQ(text->format, InputFormat::kText);
}

TEST(DecodeInput, ConvertsDeclaredWindows1252Html) {
  const std::string page =
      "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xE9 \x93quoted\x94 "
      "\x80 5</p></body></html>";
  const Result<DecodedInput> decoded = DecodeInput(page, {});
  ASSERT_OK(decoded);
  EXPECT_NE(decoded->text.find("Caf\u00E9 \u201Cquoted\u201D \u20AC 5"), std::string::npos);
}

TEST(DecodeInput, ConvertsLatin1DeclaredByHttpEquiv) {
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
      "</head><body><p>Se\xF1or</p></body></html>";
  const Result<DecodedInput> decoded = DecodeInput(page, {});
  ASSERT_OK(decoded);
  EXPECT_NE(decoded->text.find("Se\u00F1or"), std::string::npos);
}

TEST(DecodeInput, KeepsValidUtf8EvenWhenLatin1IsDeclared) {
  const std::string page = "<html><head><meta charset=latin1></head><body><p>Caf\u00E9</p>";
  const Result<DecodedInput> decoded = DecodeInput(page, {});
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->text, page);
}

TEST(DecodeInput, RefusesOtherDeclaredCharsets) {
  const Status status = Check("<html><head><meta charset=\"Shift_JIS\"></head><p>\x82\xA0</p>");
  EXPECT_EQ(status.kind(), ErrorKind::kBadInput);
  EXPECT_EQ(status.message(),
            "input declares charset shift_jis, which is not supported yet (convert it to UTF-8)");
}

TEST(DeclaredCharset, ReadsMetaAndContentType) {
  EXPECT_EQ(DeclaredCharset("<meta charset='UTF-8'>"), "utf-8");
  EXPECT_EQ(DeclaredCharset("<meta content=\"text/html;charset=windows-1252\">"), "windows-1252");
  EXPECT_EQ(DeclaredCharset("<p>no declaration</p>"), "");
}

TEST(Windows1252ToUtf8, MapsTheC1RangeAndLatin1) {
  EXPECT_EQ(Windows1252ToUtf8("\x80\x85\x96\x97\xA0\xFF"), "\u20AC\u2026\u2013\u2014\u00A0\u00FF");
}

}  // namespace
}  // namespace redline::normalize
