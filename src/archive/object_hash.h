// Git object ids computed with OpenSSL's SHA-1. libgit2 hashes with the collision-detecting
// SHA-1 (SHA1DC), several times slower; redline uses it for the objects it writes through
// libgit2, and this for the large blobs a batch keeps in memory and for lookups by content.
// Both give the same ids: the collision detection only rejects crafted inputs.
#ifndef REDLINE_ARCHIVE_OBJECT_HASH_H_
#define REDLINE_ARCHIVE_OBJECT_HASH_H_

#include <git2.h>

#include <string_view>

#include "redline/status.h"

namespace redline {

// SHA-1 of `data` into `digest`.
Status Sha1(std::string_view data, unsigned char (&digest)[GIT_OID_RAWSZ]);

// The id git gives an object of `type` holding `data` ("<type> <size>\0" + data, hashed).
Result<git_oid> HashObject(git_object_t type, std::string_view data);

}  // namespace redline

#endif  // REDLINE_ARCHIVE_OBJECT_HASH_H_
