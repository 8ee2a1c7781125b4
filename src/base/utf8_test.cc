#include "base/utf8.h"

#include <gtest/gtest.h>

namespace redline::utf8 {
namespace {

TEST(Utf8, ValidatesWellFormedText) {
  EXPECT_TRUE(IsValid("plain ascii"));
  EXPECT_TRUE(IsValid("Bachelet\xE2\x80\x99s \xE4\xB8\xAD\xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValid("\xC0\xAF"));          // overlong slash
  EXPECT_FALSE(IsValid("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValid("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(IsValid("abc\xE2\x80"));       // truncated
  EXPECT_EQ(FirstInvalid("abc\xFF"), 3u);
}

TEST(Utf8, RepairReplacesEachBadByte) {
  EXPECT_EQ(Repair("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_TRUE(IsValid(Repair("\xE2\x80\xC3(")));
}

TEST(Utf8, DecodeAndAppendRoundTrip) {
  const std::string text = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80";
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t n = 0;
    Append(&out, Decode(text, pos, &n));
    pos += n;
  }
  EXPECT_EQ(out, text);
}

TEST(Utf8, NfcComposes) { EXPECT_EQ(Nfc("e\xCC\x81"), "\xC3\xA9"); }

TEST(Utf8, ClassifiesCharacters) {
  EXPECT_TRUE(IsSpace(0xA0));
  EXPECT_TRUE(IsSpace(0x3000));
  EXPECT_FALSE(IsSpace('x'));
  EXPECT_TRUE(IsInvisible(0x200B));
  EXPECT_TRUE(IsWordChar(0x00E9));
  EXPECT_TRUE(IsWordChar(0x0661));  // Arabic-Indic digit one
  EXPECT_FALSE(IsWordChar(0x2019));
  EXPECT_TRUE(IsCjk(0x4E2D));
  EXPECT_FALSE(IsCjk('a'));
}

TEST(Utf8, DetectsBinary) {
  EXPECT_TRUE(LooksBinary(std::string("PK\x03\x04\0\0", 6)));
  EXPECT_FALSE(LooksBinary("<html><body>Hello</body></html>\n"));
}

}  // namespace
}  // namespace redline::utf8
