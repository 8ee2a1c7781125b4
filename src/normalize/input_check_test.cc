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

std::string Decoded(std::string_view bytes, const std::string& charset = "") {
  NormalizeOptions options;
  options.charset = charset;
  const Result<DecodedInput> decoded = DecodeInput(bytes, options);
  EXPECT_TRUE(decoded.ok()) << decoded.status().message();
  return decoded.ok() ? std::string(decoded->text()) : "";
}

TEST(DecodeInput, RefusesEmptyAndOversizedInput) {
  EXPECT_EQ(Check("").message(), "input is empty");
  EXPECT_EQ(Check("\xEF\xBB\xBF").message(), "input is empty");
  EXPECT_EQ(Check(std::string("\xFF\xFE \0\n\0", 6), InputFormat::kText).message(), "input is empty");
  const Status big = Check("0123456789", InputFormat::kText, 8);
  EXPECT_EQ(big.kind(), ErrorKind::kBadInput);
  EXPECT_EQ(big.message(), "input is 10 bytes, over the limit of 8 bytes");
}

TEST(DecodeInput, RefusesBinary) {
  EXPECT_EQ(Check(std::string("GIF89a\0\0\x01", 9)).message(), "input looks like binary data, not HTML or text");
  EXPECT_EQ(Check(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)).message(),
            "input looks like binary data, not HTML or text");
}

TEST(DecodeInput, ReadsUtf16ByItsMarkOrItsNulBytes) {
  EXPECT_EQ(Decoded(std::string("\xFF\xFEh\0i\0 \0\xE9\0", 10)), "hi \u00E9");
  EXPECT_EQ(Decoded(std::string("\xFE\xFF\0h\0i", 6)), "hi");
  const std::string le("S\0t\0o\0r\0m\0 \0h\0i\0t\0s\0\n\0", 22);
  EXPECT_EQ(Decoded(le), "Storm hits\n");
}

std::size_t Replaced(std::string_view bytes) {
  const Result<DecodedInput> decoded = DecodeInput(bytes, NormalizeOptions());
  EXPECT_TRUE(decoded.ok()) << decoded.status().message();
  return decoded.ok() ? decoded->replaced_bytes : 0;
}

TEST(DecodeInput, ShowsStrayBytesAsReplacementCharactersUnlessClearlyAnotherCharset) {
  // One stray byte, or bytes that are no letters of any charset, become U+FFFD (as a
  // browser shows them), counted; the rest of the text is kept.
  EXPECT_EQ(Decoded("caf\xE9 au lait\n"), "caf\uFFFD au lait\n");
  EXPECT_EQ(Replaced("caf\xE9 au lait\n"), 1u);
  EXPECT_EQ(Decoded("\xEF\xBB\xBF"
                    "caf\xE9\n"),
            "caf\uFFFD\n");
  EXPECT_EQ(Decoded("Headline\n\nBachelet said \xff\xfe the report\xc3 was final.\n"),
            "Headline\n\nBachelet said \uFFFD\uFFFD the report\uFFFD was final.\n");
  EXPECT_EQ(Replaced("Headline\n\nBachelet said \xff\xfe the report\xc3 was final.\n"), 3u);
  // Mostly valid UTF-8 with one damaged sequence is damaged UTF-8, not Latin-1.
  EXPECT_EQ(Decoded("Caf\u00E9 cr\u00E8me br\u00FBl\u00E9e \xE9t\u00E9\n"),
            "Caf\u00E9 cr\u00E8me br\u00FBl\u00E9e \uFFFDt\u00E9\n");
  // A UTF-8 page declaring UTF-8 with a stray Latin-1 byte in an alt text.
  const std::string page = "<!doctype html><meta charset=utf-8><p>K\u00FCche <img alt=\"K\xFC" "chenblogs\"> heute</p>";
  EXPECT_EQ(Replaced(page), 1u);
  EXPECT_EQ(Replaced("<p>K\u00FCche ok</p>"), 0u);
}

TEST(DecodeInput, SniffsLatinTextWithSeveralAccentedWords) {
  EXPECT_EQ(Decoded("Le caf\xE9 de la gare a ferm\xE9 ses portes apr\xE8s trente ans.\n"),
            "Le caf\u00E9 de la gare a ferm\u00E9 ses portes apr\u00E8s trente ans.\n");
  EXPECT_EQ(Decoded("He said \x93no\x94 \x97 twice.\n"), "He said \u201Cno\u201D \u2014 twice.\n");
}

TEST(DecodeInput, StripsTheBomAndResolvesTheFormat) {
  NormalizeOptions options;
  const Result<DecodedInput> html = DecodeInput("\xEF\xBB\xBF<html><p>x</p></html>", options);
  ASSERT_OK(html);
  EXPECT_EQ(html->text(), "<html><p>x</p></html>");
  EXPECT_EQ(html->format, InputFormat::kHtml);
  const Result<DecodedInput> text = DecodeInput("Headline\n\nBody.\n", options);
  ASSERT_OK(text);
  EXPECT_EQ(text->format, InputFormat::kText);
}

TEST(DecodeInput, ValidUtf8IsAViewOfTheInput) {
  const std::string page = "<html><p>Caf\u00E9</p></html>";
  const Result<DecodedInput> decoded = DecodeInput(page, NormalizeOptions{});
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->text().data(), page.data());
}

TEST(DecodeInput, ConvertsDeclaredWindows1252Html) {
  const std::string page =
      "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xE9 \x93quoted\x94 "
      "\x80 5</p></body></html>";
  EXPECT_NE(Decoded(page).find("Caf\u00E9 \u201Cquoted\u201D \u20AC 5"), std::string::npos);
}

TEST(DecodeInput, ConvertsLatin1DeclaredByHttpEquiv) {
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
      "</head><body><p>Se\xF1or</p></body></html>";
  EXPECT_NE(Decoded(page).find("Se\u00F1or"), std::string::npos);
}

TEST(DecodeInput, KeepsValidUtf8EvenWhenAnotherCharsetIsDeclared) {
  const std::string page = "<html><head><meta charset=latin1></head><body><p>Caf\u00E9</p>";
  EXPECT_EQ(Decoded(page), page);
  EXPECT_EQ(Decoded("Caf\u00E9 \u201Cok\u201D\n", "windows-1251"), "Caf\u00E9 \u201Cok\u201D\n");
}

TEST(DecodeInput, ConvertsEastAsianCharsets) {
  // "日本語" in Shift_JIS, declared by the page.
  EXPECT_NE(Decoded("<html><head><meta charset=\"Shift_JIS\"></head><p>\x93\xFA\x96{\x8C\xEA</p>")
                .find("\u65E5\u672C\u8A9E"),
            std::string::npos);
  // "中文" in GBK declared as gb2312, "한국" in EUC-KR, "中文" in Big5, by the transport.
  EXPECT_EQ(Decoded("\xD6\xD0\xCE\xC4\n", "gb2312"), "\u4E2D\u6587\n");
  EXPECT_EQ(Decoded("\xC7\xD1\xB1\xB9\n", "euc-kr"), "\uD55C\uAD6D\n");
  EXPECT_EQ(Decoded("\xA4\xA4\xA4\xE5\n", "big5"), "\u4E2D\u6587\n");
}

TEST(DecodeInput, TransportCharsetWinsOverTheMetaDeclaration) {
  const std::string page = "<html><head><meta charset=\"utf-8\"></head><p>\xC1\xE5\xEB\xFB\xE9</p>";
  EXPECT_NE(Decoded(page, "windows-1251").find("\u0411\u0435\u043B\u044B\u0439"), std::string::npos);
  NormalizeOptions options;
  options.charset = "no-such-charset";
  EXPECT_EQ(DecodeInput("x", options).status().message(), "unknown charset 'no-such-charset'");
}

TEST(DecodeInput, WrongDeclarationGivesReplacementCharactersNotAnError) {
  // Declared Shift_JIS, really windows-1252: best effort, never a crash or invalid UTF-8.
  const std::string page = "<html><head><meta charset=\"shift_jis\"></head><p>Caf\xE9 cr\xE8me \xFF</p>";
  const std::string text = Decoded(page);
  EXPECT_NE(text.find("\uFFFD"), std::string::npos);
  EXPECT_NE(text.find("<p>Caf"), std::string::npos);
}

}  // namespace
}  // namespace redline::normalize
