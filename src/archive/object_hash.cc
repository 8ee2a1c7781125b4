#include "archive/object_hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <memory>
#include <string>

namespace redline {
namespace {

// OpenSSL reads its config file (openssl.cnf) on first use unless told not to; hashing needs
// none of it, and a single snapshot should not pay for reading it.
void InitCryptoOnce() {
  static const bool initialised = OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr) == 1;
  (void)initialised;
}

struct ContextDeleter {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

}  // namespace

Status Sha1(std::string_view data, unsigned char (&digest)[GIT_OID_RAWSZ]) {
  InitCryptoOnce();
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha1(), nullptr) != 1 || length != GIT_OID_RAWSZ) {
    return Status::Archive("SHA-1 hashing failed");
  }
  return Status::Ok();
}

Result<git_oid> HashObject(git_object_t type, std::string_view data) {
  InitCryptoOnce();
  const std::string header = std::string(git_object_type2string(type)) + " " + std::to_string(data.size()) + '\0';
  const std::unique_ptr<EVP_MD_CTX, ContextDeleter> context(EVP_MD_CTX_new());
  unsigned char digest[GIT_OID_RAWSZ];
  unsigned int length = 0;
  if (context == nullptr || EVP_DigestInit_ex(context.get(), EVP_sha1(), nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), header.data(), header.size()) != 1 ||
      EVP_DigestUpdate(context.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest, &length) != 1 || length != GIT_OID_RAWSZ) {
    return Status::Archive("SHA-1 hashing failed");
  }
  git_oid id;
  git_oid_fromraw(&id, digest);
  return id;
}

}  // namespace redline
