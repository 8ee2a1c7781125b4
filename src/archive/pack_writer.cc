#include "archive/pack_writer.h"

#include <fcntl.h>
#include <libdeflate.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "archive/git_handles.h"
#include "archive/memory_odb.h"
#include "archive/object_hash.h"

namespace redline {
namespace {

struct PackedEntry {
  git_oid id;
  std::uint32_t crc;
  std::uint64_t offset;
};

void AppendBigEndian32(std::string* out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out->push_back(static_cast<char>((value >> shift) & 0xFF));
}

void AppendBigEndian64(std::string* out, std::uint64_t value) {
  AppendBigEndian32(out, static_cast<std::uint32_t>(value >> 32));
  AppendBigEndian32(out, static_cast<std::uint32_t>(value & 0xFFFFFFFF));
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

struct CompressorDeleter {
  void operator()(libdeflate_compressor* compressor) const { libdeflate_free_compressor(compressor); }
};
using Compressor = std::unique_ptr<libdeflate_compressor, CompressorDeleter>;

// zlib streams at level 1, as git's loose objects are; libdeflate writes them about twice
// as fast as zlib itself.
Status AppendDeflated(libdeflate_compressor* compressor, std::string* out, std::string_view data) {
  const std::size_t bound = libdeflate_zlib_compress_bound(compressor, data.size());
  const std::size_t start = out->size();
  out->resize(start + bound);
  const std::size_t written = libdeflate_zlib_compress(compressor, data.data(), data.size(), out->data() + start, bound);
  if (written == 0) return Status::Archive("compressing an object failed");
  out->resize(start + written);
  return Status::Ok();
}

// The version 2 index git reads next to a pack: fan-out table, sorted ids, CRC-32s of the
// packed entries, offsets (31 bits, else an index into a table of 64-bit offsets), then the
// pack's checksum and the index's own.
Result<std::string> BuildIndex(std::vector<PackedEntry> entries, const unsigned char (&pack_checksum)[20]) {
  std::sort(entries.begin(), entries.end(),
            [](const PackedEntry& a, const PackedEntry& b) { return git_oid_cmp(&a.id, &b.id) < 0; });
  std::string index = "\377tOc";
  AppendBigEndian32(&index, 2);
  std::uint32_t fanout[256] = {};
  for (const PackedEntry& entry : entries) ++fanout[entry.id.id[0]];
  std::uint32_t running = 0;
  for (std::uint32_t& count : fanout) {
    running += count;
    AppendBigEndian32(&index, running);
  }
  for (const PackedEntry& entry : entries) index.append(reinterpret_cast<const char*>(entry.id.id), GIT_OID_RAWSZ);
  for (const PackedEntry& entry : entries) AppendBigEndian32(&index, entry.crc);
  std::vector<std::uint64_t> large_offsets;
  for (const PackedEntry& entry : entries) {
    if (entry.offset < 0x80000000u) {
      AppendBigEndian32(&index, static_cast<std::uint32_t>(entry.offset));
    } else {
      AppendBigEndian32(&index, 0x80000000u | static_cast<std::uint32_t>(large_offsets.size()));
      large_offsets.push_back(entry.offset);
    }
  }
  for (const std::uint64_t offset : large_offsets) AppendBigEndian64(&index, offset);
  index.append(reinterpret_cast<const char*>(pack_checksum), 20);
  unsigned char own[20];
  REDLINE_RETURN_IF_ERROR(Sha1(index, own));
  index.append(reinterpret_cast<const char*>(own), 20);
  return index;
}

Status FileError(const std::string& what, const std::string& path) {
  return Status::Archive(what + " " + path + ": " + std::strerror(errno));
}

// Writes `content` to a new read-only file `path` (replacing a leftover of a crash).
Status WriteNewFile(const std::string& path, std::string_view content, bool durable) {
  ::unlink(path.c_str());
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0444);
  if (fd < 0) return FileError("cannot create", path);
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) {
      const Status status = FileError("cannot write", path);
      ::close(fd);
      ::unlink(path.c_str());
      return status;
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  if ((durable && ::fsync(fd) != 0) || ::close(fd) != 0) {
    const Status status = FileError("cannot write", path);
    ::unlink(path.c_str());
    return status;
  }
  return Status::Ok();
}

Status SyncFolder(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return FileError("cannot open", path);
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok ? Status::Ok() : FileError("cannot sync", path);
}

// One object to pack; `data` points into the memory backend.
struct PackItem {
  git_oid id;
  git_object_t type;
  std::string_view data;
};

// Packed entries (header + zlib stream) of `items`, back to back, with each entry's CRC-32
// and its offset within `out`.
Status DeflateEntries(std::span<const PackItem> items, std::string* out, std::vector<PackedEntry>* entries) {
  const Compressor compressor(libdeflate_alloc_compressor(1));
  if (compressor == nullptr) return Status::Archive("out of memory compressing a pack");
  entries->reserve(items.size());
  for (const PackItem& item : items) {
    const std::size_t offset = out->size();
    AppendEntryHeader(out, item.type, item.data.size());
    REDLINE_RETURN_IF_ERROR(AppendDeflated(compressor.get(), out, item.data));
    entries->push_back({item.id, libdeflate_crc32(0, out->data() + offset, out->size() - offset), offset});
  }
  return Status::Ok();
}

// Below this much content one thread compresses it all: a thread costs more than it saves.
constexpr std::size_t kParallelDeflateBytes = std::size_t{4} << 20;

}  // namespace

Status WritePlainPack(git_odb_backend* memory, const std::string& pack_dir, bool durable) {
  std::vector<PackItem> items;
  std::size_t content_bytes = 0;
  REDLINE_RETURN_IF_ERROR(ForEachMemoryObject(memory, [&](const MemoryObject& object) {
    items.push_back({object.id, object.type, object.data});
    content_bytes += object.data.size();
    return Status::Ok();
  }));
  // Compression is most of a big batch's commit: the second half of the objects is
  // compressed on another thread (the machine's other core) meanwhile.
  if (items.size() > 0xFFFFFFFFu) return Status::Archive("too many objects for one pack");
  std::string pack = "PACK";
  AppendBigEndian32(&pack, 2);
  AppendBigEndian32(&pack, static_cast<std::uint32_t>(items.size()));
  std::vector<PackedEntry> entries;
  // The split: half the content on each side.
  std::size_t split = items.size();
  if (content_bytes >= kParallelDeflateBytes && std::thread::hardware_concurrency() > 1) {
    std::size_t bytes = 0;
    for (split = 0; split < items.size() && bytes < content_bytes / 2; ++split) bytes += items[split].data.size();
  }
  std::string second;
  std::vector<PackedEntry> second_entries;
  Status second_status;
  std::thread helper;
  if (split < items.size()) {
    try {
      helper = std::thread([&] {
        second_status = DeflateEntries(std::span(items).subspan(split), &second, &second_entries);
      });
    } catch (const std::system_error&) {
      split = items.size();  // no thread to be had: all on this one
    }
  }
  pack.reserve(content_bytes / 2);
  Status status = DeflateEntries(std::span(items).first(split), &pack, &entries);
  if (helper.joinable()) helper.join();
  REDLINE_RETURN_IF_ERROR(status);
  REDLINE_RETURN_IF_ERROR(second_status);
  for (PackedEntry& entry : second_entries) {
    entry.offset += pack.size();
    entries.push_back(entry);
  }
  pack += second;
  unsigned char checksum[20];
  REDLINE_RETURN_IF_ERROR(Sha1(pack, checksum));
  pack.append(reinterpret_cast<const char*>(checksum), 20);
  REDLINE_ASSIGN_OR_RETURN(const std::string index, BuildIndex(std::move(entries), checksum));

  git_oid name;
  git_oid_fromraw(&name, checksum);
  const std::string base = pack_dir + "/pack-" + git::ToHex(name);
  const std::string temporary = pack_dir + "/tmp_redline_" + std::to_string(::getpid()) + "_";
  REDLINE_RETURN_IF_ERROR(WriteNewFile(temporary + "pack", pack, durable));
  REDLINE_RETURN_IF_ERROR(WriteNewFile(temporary + "idx", index, durable));
  if (::rename((temporary + "pack").c_str(), (base + ".pack").c_str()) != 0) {
    const Status status = FileError("cannot rename a pack to", base + ".pack");
    ::unlink((temporary + "pack").c_str());
    ::unlink((temporary + "idx").c_str());
    return status;
  }
  if (::rename((temporary + "idx").c_str(), (base + ".idx").c_str()) != 0) {
    const Status status = FileError("cannot rename a pack index to", base + ".idx");
    ::unlink((temporary + "idx").c_str());
    return status;  // the .pack alone is invisible to git and harmless
  }
  return durable ? SyncFolder(pack_dir) : Status::Ok();
}

}  // namespace redline
