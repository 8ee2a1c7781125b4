#include "archive/pack_writer.h"

#include <git2/sys/odb_backend.h>
#include <openssl/evp.h>
#include <zlib.h>

#include <memory>
#include <string>

#include "archive/git_handles.h"

namespace redline {
namespace {

void AppendBigEndian32(std::string* out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out->push_back(static_cast<char>((value >> shift) & 0xFF));
}

// Pack entry header: type in bits 4-6 of the first byte, the size in 4 + 7k bits.
void AppendEntryHeader(std::string* out, git_object_t type, std::size_t size) {
  unsigned char byte = static_cast<unsigned char>((static_cast<unsigned>(type) << 4) | (size & 0x0F));
  size >>= 4;
  while (size != 0) {
    out->push_back(static_cast<char>(byte | 0x80));
    byte = static_cast<unsigned char>(size & 0x7F);
    size >>= 7;
  }
  out->push_back(static_cast<char>(byte));
}

Status AppendDeflated(std::string* out, const void* data, std::size_t size) {
  uLongf bound = compressBound(static_cast<uLong>(size));
  const std::size_t start = out->size();
  out->resize(start + bound);
  if (compress2(reinterpret_cast<Bytef*>(out->data() + start), &bound, static_cast<const Bytef*>(data),
                static_cast<uLong>(size), 1) != Z_OK) {
    return Status::Archive("compressing an object failed");
  }
  out->resize(start + bound);
  return Status::Ok();
}

Status AppendSha1(std::string* pack) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(pack->data(), pack->size(), digest, &length, EVP_sha1(), nullptr) != 1 || length != 20) {
    return Status::Archive("hashing the pack failed");
  }
  pack->append(reinterpret_cast<const char*>(digest), length);
  return Status::Ok();
}

}  // namespace

Status WritePlainPack(git_odb* source, const std::vector<git_oid>& objects, git_odb* target) {
  std::string pack = "PACK";
  AppendBigEndian32(&pack, 2);
  AppendBigEndian32(&pack, static_cast<std::uint32_t>(objects.size()));
  for (const git_oid& id : objects) {
    git_odb_object* raw = nullptr;
    REDLINE_RETURN_IF_ERROR(git::Check(git_odb_read(&raw, source, &id), "reading object " + git::ToHex(id)));
    std::unique_ptr<git_odb_object, git::Deleter<git_odb_object_free>> object(raw);
    const std::size_t size = git_odb_object_size(object.get());
    AppendEntryHeader(&pack, git_odb_object_type(object.get()), size);
    REDLINE_RETURN_IF_ERROR(AppendDeflated(&pack, git_odb_object_data(object.get()), size));
  }
  REDLINE_RETURN_IF_ERROR(AppendSha1(&pack));

  git_odb_writepack* writepack = nullptr;
  REDLINE_RETURN_IF_ERROR(git::Check(git_odb_write_pack(&writepack, target, nullptr, nullptr), "starting a pack"));
  git_indexer_progress progress = {};
  int code = writepack->append(writepack, pack.data(), pack.size(), &progress);
  if (code == 0) code = writepack->commit(writepack, &progress);
  const Status status = git::Check(code, "writing a pack");
  writepack->free(writepack);
  return status;
}

}  // namespace redline
