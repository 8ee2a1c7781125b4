// Errors travel as values. A Status says what went wrong and of which kind; only main turns
// the kind into an exit code (see docs in README, "Exit status").
#ifndef REDLINE_STATUS_H_
#define REDLINE_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace redline {

enum class ErrorKind {
  kOk = 0,
  kUsage,     // the command line is wrong
  kBadInput,  // the input (file, story id, revision spec) cannot be used
  kNotFound,  // a story or revision that does not exist: missing, not broken
  kArchive,   // the archive is absent, damaged or cannot be written
  kNetwork,   // fetching failed
  kInternal,  // a bug or an unexpected library failure
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Usage(std::string m) { return Status(ErrorKind::kUsage, std::move(m)); }
  static Status BadInput(std::string m) { return Status(ErrorKind::kBadInput, std::move(m)); }
  static Status NotFound(std::string m) { return Status(ErrorKind::kNotFound, std::move(m)); }
  static Status Archive(std::string m) { return Status(ErrorKind::kArchive, std::move(m)); }
  static Status Network(std::string m) { return Status(ErrorKind::kNetwork, std::move(m)); }
  static Status Internal(std::string m) { return Status(ErrorKind::kInternal, std::move(m)); }

  bool ok() const { return kind_ == ErrorKind::kOk; }
  ErrorKind kind() const { return kind_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "context: message", keeping the kind.
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(kind_, context + ": " + message_);
  }
  // Returns a copy whose message is the message followed by `suffix`, keeping the kind.
  Status WithSuffix(const std::string& suffix) const {
    if (ok()) return *this;
    return Status(kind_, message_ + suffix);
  }

 private:
  Status(ErrorKind kind, std::string message) : kind_(kind), message_(std::move(message)) {}
  ErrorKind kind_ = ErrorKind::kOk;
  std::string message_;
};

// Either a value or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(data_); }
  // REQUIRES: !ok() for a meaningful error; returns Ok when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }

  // REQUIRES: ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace redline

// Returns the Status of `expr` from the enclosing function when it is not ok.
#define REDLINE_RETURN_IF_ERROR(expr)              \
  do {                                             \
    ::redline::Status redline_status_ = (expr);    \
    if (!redline_status_.ok()) return redline_status_; \
  } while (0)

#define REDLINE_CONCAT_INNER_(a, b) a##b
#define REDLINE_CONCAT_(a, b) REDLINE_CONCAT_INNER_(a, b)
// Declares `lhs` from a Result expression, or returns its Status.
#define REDLINE_ASSIGN_OR_RETURN(lhs, expr) \
  REDLINE_ASSIGN_OR_RETURN_IMPL_(REDLINE_CONCAT_(redline_result_, __LINE__), lhs, expr)
#define REDLINE_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()

#endif  // REDLINE_STATUS_H_
