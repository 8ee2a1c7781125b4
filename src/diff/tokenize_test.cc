#include "redline/diff.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "diff/test_util.h"

namespace redline {
namespace {

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& token : Tokenize(text)) out.emplace_back(token.text);
  return out;
}

std::vector<TokenKind> Kinds(std::string_view text) {
  std::vector<TokenKind> out;
  for (const Token& token : Tokenize(text)) out.push_back(token.kind);
  return out;
}

using Words = std::vector<std::string>;

TEST(Tokenize, EmptyTextHasNoTokens) { EXPECT_TRUE(Tokenize("").empty()); }

TEST(Tokenize, InnerApostrophesJoinWords) {
  EXPECT_EQ(Texts("Bachelet\xE2\x80\x99s visit"), (Words{"Bachelet\xE2\x80\x99s", " ", "visit"}));
  EXPECT_EQ(Texts("don't"), (Words{"don't"}));
  EXPECT_EQ(Texts("'quoted'"), (Words{"'", "quoted", "'"}));
  EXPECT_EQ(Texts("students' union"), (Words{"students", "'", " ", "union"}));
}

TEST(Tokenize, InnerHyphensJoinWords) {
  EXPECT_EQ(Texts("anti-China protests"), (Words{"anti-China", " ", "protests"}));
  EXPECT_EQ(Texts("well- known"), (Words{"well", "-", " ", "known"}));
  EXPECT_EQ(Texts("a--b"), (Words{"a", "-", "-", "b"}));
  EXPECT_EQ(Texts("-5"), (Words{"-", "5"}));
}

TEST(Tokenize, NumbersKeepTheirSeparators) {
  EXPECT_EQ(Texts("1,000 people"), (Words{"1,000", " ", "people"}));
  // A percent sign right after a number is part of it: "40%" -> "45%" changes one token.
  EXPECT_EQ(Texts("3.5%"), (Words{"3.5%"}));
  EXPECT_EQ(Texts("40% of 5,000."), (Words{"40%", " ", "of", " ", "5,000", "."}));
  EXPECT_EQ(Texts("40 %"), (Words{"40", " ", "%"}));
  EXPECT_EQ(Texts("20th%"), (Words{"20th", "%"}));
  EXPECT_EQ(Kinds("3.2%"), (std::vector<TokenKind>{TokenKind::kNumber}));
  EXPECT_EQ(CountWords("40% and 3.2%"), 3u);
  EXPECT_EQ(Texts("in 2020, then"), (Words{"in", " ", "2020", ",", " ", "then"}));
  EXPECT_EQ(Texts("U.S."), (Words{"U", ".", "S", "."}));
  EXPECT_EQ(Kinds("1,000"), (std::vector<TokenKind>{TokenKind::kNumber}));
  EXPECT_EQ(Kinds("3.5"), (std::vector<TokenKind>{TokenKind::kNumber}));
  EXPECT_EQ(Kinds("20th"), (std::vector<TokenKind>{TokenKind::kWord}));
}

TEST(Tokenize, CjkCharactersStandAlone) {
  EXPECT_EQ(Texts("\xE4\xB8\xAD\xE6\x96\x87"), (Words{"\xE4\xB8\xAD", "\xE6\x96\x87"}));
  EXPECT_EQ(Texts("\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAB"), (Words{"\xE6\x9D\xB1", "\xE4\xBA\xAC", "\xE3\x81\xAB"}));
  EXPECT_EQ(Texts("abc\xE4\xB8\xAD" "1"), (Words{"abc", "\xE4\xB8\xAD", "1"}));
  // Hangul syllables too.
  EXPECT_EQ(Texts("\xED\x95\x9C\xEA\xB5\xAD"), (Words{"\xED\x95\x9C", "\xEA\xB5\xAD"}));
}

TEST(Tokenize, CombiningMarksStayInWords) {
  EXPECT_EQ(Texts("cafe\xCC\x81 noir"), (Words{"cafe\xCC\x81", " ", "noir"}));
}

TEST(Tokenize, SpacesRunTogetherAndNewlinesStandAlone) {
  EXPECT_EQ(Texts("a \xC2\xA0\t b"), (Words{"a", " \xC2\xA0\t ", "b"}));
  EXPECT_EQ(Texts("a\xC2\xA0" "b"), (Words{"a", "\xC2\xA0", "b"}));
  EXPECT_EQ(Texts("a \n\nb"), (Words{"a", " ", "\n", "\n", "b"}));
  EXPECT_EQ(Kinds(" \n"), (std::vector<TokenKind>{TokenKind::kSpace, TokenKind::kNewline}));
}

TEST(Tokenize, PunctuationIsOneCharacterEach) {
  EXPECT_EQ(Texts("\xE2\x80\x9CYes!\xE2\x80\x9D"), (Words{"\xE2\x80\x9C", "Yes", "!", "\xE2\x80\x9D"}));
  EXPECT_EQ(Kinds("?!"), (std::vector<TokenKind>{TokenKind::kPunctuation, TokenKind::kPunctuation}));
}

TEST(Tokenize, InvalidBytesArePunctuationOfOneByte) {
  EXPECT_EQ(Texts("a\xFF" "b"), (Words{"a", "\xFF", "b"}));
  EXPECT_EQ(Texts("\xE2\x80"), (Words{"\xE2", "\x80"}));
  EXPECT_EQ(Texts("ab\xC3"), (Words{"ab", "\xC3"}));
  EXPECT_EQ(Kinds("\xC0\xAF"), (std::vector<TokenKind>{TokenKind::kPunctuation, TokenKind::kPunctuation}));
  // A joiner before a bad byte does not swallow it.
  EXPECT_EQ(Texts("a-\xFF"), (Words{"a", "-", "\xFF"}));
}

TEST(Tokenize, ConcatenationGivesTheTextBackForAnyBytes) {
  std::mt19937 rng(1234);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    if (round % 2 == 0) {
      text = diff::testing::RandomText(&rng, 30);
    } else {
      const int length = std::uniform_int_distribution<int>(0, 40)(rng);
      for (int i = 0; i < length; ++i) text.push_back(static_cast<char>(rng() & 0xFF));
    }
    std::string joined;
    for (const Token& token : Tokenize(text)) {
      ASSERT_FALSE(token.text.empty());
      joined.append(token.text);
    }
    ASSERT_EQ(joined, text);
  }
}

TEST(Tokenize, WordsHoldALetterOrDigit) {
  const auto is_word = [](std::string_view text) {
    const std::vector<Token> tokens = Tokenize(text);
    return tokens.size() == 1 && IsWordToken(tokens[0]);
  };
  EXPECT_TRUE(is_word("Bachelet\xE2\x80\x99s"));
  EXPECT_TRUE(is_word("1,000"));
  EXPECT_TRUE(is_word("\xE4\xB8\xAD"));
  EXPECT_FALSE(is_word(","));
  EXPECT_FALSE(is_word(" "));
  EXPECT_FALSE(is_word("\n"));
  EXPECT_FALSE(is_word("\xCC\x81"));  // a lone combining mark
}

TEST(Tokenize, CountWordsCountsWordTokens) {
  EXPECT_EQ(CountWords(""), 0u);
  EXPECT_EQ(CountWords("Bachelet\xE2\x80\x99s visit, 1,000 people."), 4u);
  EXPECT_EQ(CountWords("# Headline\n\nBy Jane Doe\n"), 4u);
  EXPECT_EQ(CountWords("\xE4\xB8\xAD\xE6\x96\x87 ok"), 3u);
  EXPECT_EQ(CountWords("-- , ."), 0u);
}

}  // namespace
}  // namespace redline
