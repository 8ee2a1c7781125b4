#include "archive/trailers.h"

#include <gtest/gtest.h>

#include <vector>

namespace redline {
namespace {

const std::string kPrevious = "0123456789abcdef0123456789abcdef01234567";

RevisionTrailers Sample() {
  RevisionTrailers trailers;
  trailers.story = "un-report";
  trailers.number = 2;
  trailers.previous_commit = kPrevious;
  trailers.source_url = "https://news.example/un";
  trailers.captured_at = {1662026400, 120};
  trailers.added_words = 12;
  trailers.removed_words = 3;
  trailers.total_words = 840;
  return trailers;
}

TEST(FormatRevisionMessage, SubjectBlankLineTrailers) {
  EXPECT_EQ(FormatRevisionMessage("UN report strains ties", Sample()),
            "UN report strains ties\n\n"
            "Redline-Story: un-report\n"
            "Redline-Revision: 2\n"
            "Redline-Previous: " + kPrevious + "\n"
            "Redline-Source: https://news.example/un\n"
            "Redline-Captured: 2022-09-01T12:00:00+02:00\n"
            "Redline-Words: +12 -3\n"
            "Redline-Total-Words: 840\n");
}

TEST(FormatRevisionMessage, OmitsPreviousAndSourceAndNamesAMissingHeadline) {
  RevisionTrailers trailers = Sample();
  trailers.number = 1;
  trailers.previous_commit = "";
  trailers.source_url = " \n ";
  EXPECT_EQ(FormatRevisionMessage(" \t", trailers),
            "(no headline)\n\n"
            "Redline-Story: un-report\n"
            "Redline-Revision: 1\n"
            "Redline-Captured: 2022-09-01T12:00:00+02:00\n"
            "Redline-Words: +12 -3\n"
            "Redline-Total-Words: 840\n");
}

TEST(ParseRevisionMessage, RoundTrips) {
  const std::string message = FormatRevisionMessage("Headline: with a colon\nand lines", Sample());
  auto parsed = ParseRevisionMessage(message.c_str());
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->story, "un-report");
  EXPECT_EQ(parsed->number, 2);
  EXPECT_EQ(parsed->previous_commit, kPrevious);
  EXPECT_EQ(parsed->source_url, "https://news.example/un");
  EXPECT_EQ(parsed->captured_at.seconds, 1662026400);
  EXPECT_EQ(parsed->captured_at.offset_minutes, 120);
  EXPECT_EQ(parsed->added_words, 12u);
  EXPECT_EQ(parsed->removed_words, 3u);
  EXPECT_EQ(parsed->total_words, 840u);
}

// Moved paragraphs and sentences are counted apart from the words added and removed; the
// trailer appears only when something moved, so other revisions' messages are as before.
TEST(FormatRevisionMessage, MovedWordsFollowTheWordCounts) {
  RevisionTrailers trailers = Sample();
  trailers.moved_words = 240;
  const std::string message = FormatRevisionMessage("UN report strains ties", trailers);
  EXPECT_NE(message.find("Redline-Words: +12 -3\nRedline-Moved-Words: 240\nRedline-Total-Words: 840\n"),
            std::string::npos)
      << message;
  auto parsed = ParseRevisionMessage(message.c_str());
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->moved_words, 240u);
  EXPECT_EQ(RevisionFromTrailers(*parsed, "c", {}, "h").moved_words, 240u);
  auto without = ParseRevisionMessage(FormatRevisionMessage("h", Sample()).c_str());
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(without->moved_words, 0u);
  EXPECT_FALSE(ParseRevisionMessage("T\n\nRedline-Story: s\nRedline-Revision: 1\nRedline-Moved-Words: many\n").ok());
}

TEST(ParseRevisionMessage, RefusesMessagesThatAreNotRevisions) {
  const std::string valid_tail =
      "Redline-Captured: 2022-09-01T12:00:00Z\nRedline-Words: +1 -0\nRedline-Total-Words: 2\n";
  for (const std::string& message : std::vector<std::string>{
           std::string("Initialize redline archive\n"),
           std::string(""),
           "T\n\nRedline-Revision: 1\n" + valid_tail,                      // no story
           "T\n\nRedline-Story: s\n" + valid_tail,                         // no revision
           "T\n\nRedline-Story: s\nRedline-Revision: 2\n" + valid_tail,    // no previous
           "T\n\nRedline-Story: s\nRedline-Revision: 1\nRedline-Previous: " + kPrevious + "\n" +
               valid_tail,                                                 // previous for 1
           "T\n\nRedline-Story: s\nRedline-Revision: 0\n" + valid_tail,
           "T\n\nRedline-Story: s\nRedline-Revision: two\n" + valid_tail,
           "T\n\nRedline-Story: s\nRedline-Revision: 2\nRedline-Previous: abc\n" + valid_tail,
           "T\n\nRedline-Story: s\nRedline-Revision: 1\nRedline-Words: 1 2\n",
           "T\n\nRedline-Story: s\nRedline-Revision: 1\nRedline-Words: +1 \n",
           "T\n\nRedline-Story: s\nRedline-Revision: 1\nRedline-Captured: noon\n",
       }) {
    auto parsed = ParseRevisionMessage(message.c_str());
    EXPECT_FALSE(parsed.ok()) << message;
    EXPECT_EQ(parsed.status().kind(), ErrorKind::kArchive) << message;
  }
  EXPECT_FALSE(ParseRevisionMessage(nullptr).ok());
}

// Found by the trailers fuzzer: the last of several Redline-Story trailers was empty, the
// message parsed, and its story could not be formatted back. Only valid ids are stories.
TEST(ParseRevisionMessage, RefusesStoriesThatAreNotIds) {
  const std::string fuzzed =
      "CoNirst\nirst\n\nRedline-Story: a\nRedline-Revision: 1\nRedline-Story: e-S\x9f\nRedline-Story:\n";
  for (const std::string& message :
       {fuzzed, std::string("Headline\n\nRedline-Story: ../evil\nRedline-Revision: 1\n"),
        std::string("Headline\n\nRedline-Story: Upper\nRedline-Revision: 1\n")}) {
    const auto trailers = ParseRevisionMessage(message.c_str());
    ASSERT_FALSE(trailers.ok()) << message;
    EXPECT_EQ(trailers.status().kind(), ErrorKind::kArchive);
  }
  const auto fine = ParseRevisionMessage("Headline\n\nRedline-Story: a.b-c_9\nRedline-Revision: 1\n");
  ASSERT_TRUE(fine.ok()) << fine.status().message();
  const auto again = ParseRevisionMessage(FormatRevisionMessage("headline", *fine).c_str());
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->story, "a.b-c_9");
}

TEST(SingleLine, FlattensControlCharactersAndRepairsUtf8) {
  EXPECT_EQ(SingleLine("  a\r\nb\t\tc  "), "a b c");
  EXPECT_EQ(SingleLine("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(SingleLine("bad\xFF" "byte"), "bad\xEF\xBF\xBD" "byte");
  EXPECT_EQ(SingleLine(""), "");
}

}  // namespace
}  // namespace redline
