#include "archive/identity.h"

#include <cstdlib>
#include <string>

namespace redline {
namespace {

std::string FromEnvironment(const char* variable, const char* fallback) {
  const char* value = std::getenv(variable);
  return (value != nullptr && value[0] != '\0') ? value : fallback;
}

}  // namespace

Result<git::SignaturePtr> RedlineSignature(std::int64_t seconds, int offset_minutes) {
  const std::string name = FromEnvironment("REDLINE_AUTHOR_NAME", "redline");
  const std::string email = FromEnvironment("REDLINE_AUTHOR_EMAIL", "redline@localhost");
  git_signature* raw = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(
      git_signature_new(&raw, name.c_str(), email.c_str(), seconds, offset_minutes),
      "invalid commit identity '" + name + " <" + email +
          ">' (check REDLINE_AUTHOR_NAME and REDLINE_AUTHOR_EMAIL)"));
  return git::SignaturePtr(raw);
}

}  // namespace redline
