#include "normalize/charset.h"

#include <gtest/gtest.h>

#include "base/utf8.h"
#include "normalize/test_util.h"

namespace redline::normalize {
namespace {

std::string Repeat(std::string_view text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

TEST(CanonicalCharset, MapsWhatwgLabels) {
  EXPECT_EQ(CanonicalCharset("UTF8"), "utf-8");
  EXPECT_EQ(CanonicalCharset(" Latin1 "), "windows-1252");
  EXPECT_EQ(CanonicalCharset("ISO_8859-1:1987"), "windows-1252");
  EXPECT_EQ(CanonicalCharset("iso8859-2"), "iso-8859-2");
  EXPECT_EQ(CanonicalCharset("ISO-8859-9"), "windows-1254");
  EXPECT_EQ(CanonicalCharset("gb2312"), "gbk");
  EXPECT_EQ(CanonicalCharset("x-sjis"), "shift_jis");
  EXPECT_EQ(CanonicalCharset("ks_c_5601-1987"), "euc-kr");
  EXPECT_EQ(CanonicalCharset("big5-hkscs"), "big5");
  EXPECT_EQ(CanonicalCharset("klingon"), "");
  EXPECT_EQ(CanonicalCharset("iso-8859-99"), "");
}

TEST(DeclaredCharset, ReadsMetaContentTypeAndXml) {
  EXPECT_EQ(DeclaredCharset("<meta charset='UTF-8'>"), "UTF-8");
  EXPECT_EQ(DeclaredCharset("<META HTTP-EQUIV=Content-Type CONTENT=\"text/html;charset=windows-1252\">"),
            "windows-1252");
  EXPECT_EQ(DeclaredCharset("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html>"), "ISO-8859-15");
  EXPECT_EQ(DeclaredCharset("<p>no declaration</p>"), "");
}

TEST(DeclaredCharset, IgnoresCommentsScriptsAndOtherMetas) {
  EXPECT_EQ(DeclaredCharset("<!-- <meta charset=koi8-r> --><meta charset=utf-8>"), "utf-8");
  EXPECT_EQ(DeclaredCharset("<script>var s = '<meta charset=koi8-r>';</script><meta charset=big5>"), "big5");
  EXPECT_EQ(DeclaredCharset("<meta name=description content=\"charset=koi8-r\"><meta charset=gbk>"), "gbk");
}

TEST(ConvertToUtf8, ReplacesInvalidBytes) {
  const Result<std::string> sjis = ConvertToUtf8("ok \x82\xA0 \x82", "shift_jis");
  ASSERT_OK(sjis);
  EXPECT_EQ(*sjis, "ok \u3042 \uFFFD");
  const Result<std::string> utf16 = ConvertToUtf8(std::string("a\0\x00\xD8z\0", 6), "utf-16le");
  ASSERT_OK(utf16);
  EXPECT_TRUE(utf8::IsValid(*utf16));
  EXPECT_EQ(utf16->substr(0, 1), "a");
  EXPECT_EQ(ConvertToUtf8("x", "utf-7").status().kind(), ErrorKind::kBadInput);
}

TEST(ConvertToUtf8, EveryCharsetGivesValidUtf8ForAnyBytes) {
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>((i * 7919 + i / 256) % 256));
  for (const char* charset : {"windows-1252", "iso-8859-2", "windows-1251", "koi8-r", "gbk", "gb18030", "big5",
                              "shift_jis", "euc-jp", "iso-2022-jp", "euc-kr", "utf-16le", "utf-16be", "utf-8"}) {
    const Result<std::string> text = ConvertToUtf8(bytes, charset);
    ASSERT_OK(text);
    EXPECT_TRUE(utf8::IsValid(*text)) << charset;
  }
}

TEST(SniffCharset, RecognisesEastAsianText) {
  // "日本語のテキストです。" Shift_JIS / EUC-JP; "한국어 문장" EUC-KR; "中文新闻报道" GBK; "中文新聞報導" Big5.
  EXPECT_EQ(SniffCharset(Repeat("\x93\xFA\x96{\x8C\xEA\x82\xCC\x83""e\x83L\x83X\x83g\x82\xC5\x82\xB7\x81\x42", 3)),
            "shift_jis");
  EXPECT_EQ(SniffCharset(Repeat("\xC6\xFC\xCB\xDC\xB8\xEC\xA4\xCE\xA5\xC6\xA5\xAD\xA5\xB9\xA5\xC8\xA4\xC7\xA4\xB9\xA1\xA3", 3)),
            "euc-jp");
  EXPECT_EQ(SniffCharset(Repeat("\xC7\xD1\xB1\xB9\xBE\xEE \xB9\xAE\xC0\xE5 ", 4)), "euc-kr");
  EXPECT_EQ(SniffCharset(Repeat("\xD6\xD0\xCE\xC4\xD0\xC2\xCE\xC5\xB1\xA8\xB5\xC0", 4)), "gbk");
  EXPECT_EQ(SniffCharset(Repeat("\xA4\xA4\xA4\xE5\xB7\x73\xBB\x44\xB3\xF8\xBE\xC9", 4)), "big5");
}

TEST(SniffCharset, RecognisesCyrillicAndLatin) {
  // "Новости дня" in windows-1251 and KOI8-R.
  EXPECT_EQ(SniffCharset(Repeat("\xCD\xEE\xE2\xEE\xF1\xF2\xE8 \xE4\xED\xFF. ", 3)), "windows-1251");
  EXPECT_EQ(SniffCharset(Repeat("\xEE\xCF\xD7\xCF\xD3\xD4\xC9 \xC4\xCE\xD1. ", 3)), "koi8-r");
  EXPECT_EQ(SniffCharset("Stra\xDF""e, M\xFCller und G\xE4rten.\n"), "windows-1252");
}

TEST(SniffCharset, LeavesUnclearBytesAndDamagedUtf8Alone) {
  EXPECT_EQ(SniffCharset("one stray \xE9 byte"), "");
  EXPECT_EQ(SniffCharset("said \xff\xfe the report\xc3 was"), "");
  EXPECT_EQ(SniffCharset("Caf\u00E9 cr\u00E8me \xE9"), "utf-8");
  EXPECT_EQ(SniffCharset(std::string("h\0e\0l\0l\0o\0", 10)), "utf-16le");
}

}  // namespace
}  // namespace redline::normalize
