// Helpers shared by the normalize tests.
#ifndef REDLINE_NORMALIZE_TEST_UTIL_H_
#define REDLINE_NORMALIZE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "redline/normalize.h"

namespace redline::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline NormalizeOptions OptionsFrom(InputFormat from) {
  NormalizeOptions options;
  options.from = from;
  return options;
}

// Normalizes `input` (asserting success) and returns its canonical text.
inline std::string Canonical(std::string_view input, InputFormat from = InputFormat::kAuto) {
  NormalizeOptions options;
  options.from = from;
  const Result<Document> doc = Normalize(input, options);
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  return doc.ok() ? CanonicalText(*doc) : "";
}

// A minimal page around `body_html`, with an article and a headline.
inline std::string Page(std::string_view body_html, std::string_view head_html = "") {
  return "<!DOCTYPE html><html lang=\"en\"><head><title>Test headline | Site</title>" +
         std::string(head_html) + "</head><body><article><h1>Test headline</h1>" + std::string(body_html) +
         "</article></body></html>";
}

}  // namespace redline::testing

#define ASSERT_OK(expr)                                              \
  do {                                                               \
    const auto& redline_ok_ = (expr);                                \
    ASSERT_TRUE(redline_ok_.ok()) << redline_ok_.status().message(); \
  } while (0)

#endif  // REDLINE_NORMALIZE_TEST_UTIL_H_
