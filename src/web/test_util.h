// Helpers for the web tests. Test-only.
#ifndef REDLINE_WEB_TEST_UTIL_H_
#define REDLINE_WEB_TEST_UTIL_H_

#include <gtest/gtest.h>

#include "redline/status.h"

#define ASSERT_OK(expr)                                                         \
  do {                                                                          \
    const ::redline::Status assert_ok_status_ = ::redline::web::StatusOf(expr); \
    ASSERT_TRUE(assert_ok_status_.ok()) << assert_ok_status_.message();         \
  } while (0)

namespace redline::web {

inline Status StatusOf(const Status& status) { return status; }
template <typename T>
Status StatusOf(const Result<T>& result) {
  return result.status();
}

}  // namespace redline::web

#endif  // REDLINE_WEB_TEST_UTIL_H_
