#include "archive/memory_odb.h"

#include <git2/sys/odb_backend.h>

#include <cstring>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

#include "archive/object_hash.h"

namespace redline {
namespace {

struct OidHash {
  std::size_t operator()(const git_oid& id) const {
    std::size_t h = 0;
    std::memcpy(&h, id.id, sizeof h);
    return h;
  }
};
struct OidEqual {
  bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_equal(&a, &b) != 0; }
};

struct StoredObject {
  git_object_t type;
  std::string data;
};

struct MemoryBackend {
  git_odb_backend parent;  // first, so libgit2's pointer is ours
  std::unordered_map<git_oid, StoredObject, OidHash, OidEqual> objects;
  std::vector<git_oid> order;
};

MemoryBackend* Self(git_odb_backend* backend) { return reinterpret_cast<MemoryBackend*>(backend); }

const StoredObject* Find(git_odb_backend* backend, const git_oid* id) {
  const auto& objects = Self(backend)->objects;
  const auto found = objects.find(*id);
  return found == objects.end() ? nullptr : &found->second;
}

int Read(void** out, std::size_t* size, git_object_t* type, git_odb_backend* backend, const git_oid* id) {
  const StoredObject* object = Find(backend, id);
  if (object == nullptr) return GIT_ENOTFOUND;
  void* data = git_odb_backend_data_alloc(backend, object->data.size());
  if (data == nullptr) return -1;
  std::memcpy(data, object->data.data(), object->data.size());
  *out = data;
  *size = object->data.size();
  *type = object->type;
  return 0;
}

int ReadHeader(std::size_t* size, git_object_t* type, git_odb_backend* backend, const git_oid* id) {
  const StoredObject* object = Find(backend, id);
  if (object == nullptr) return GIT_ENOTFOUND;
  *size = object->data.size();
  *type = object->type;
  return 0;
}

int Write(git_odb_backend* backend, const git_oid* id, const void* data, std::size_t size, git_object_t type) {
  MemoryBackend* self = Self(backend);
  try {
    const auto [it, inserted] =
        self->objects.try_emplace(*id, StoredObject{type, std::string(static_cast<const char*>(data), size)});
    if (inserted) self->order.push_back(*id);
  } catch (const std::bad_alloc&) {
    git_error_set_oom();
    return -1;
  }
  return 0;
}

int Exists(git_odb_backend* backend, const git_oid* id) { return Find(backend, id) != nullptr ? 1 : 0; }

void Free(git_odb_backend* backend) { delete Self(backend); }

}  // namespace

Result<git_odb_backend*> NewMemoryBackend() {
  auto* self = new (std::nothrow) MemoryBackend();
  if (self == nullptr) return Status::Archive("out of memory creating a batch");
  if (git_odb_init_backend(&self->parent, GIT_ODB_BACKEND_VERSION) < 0) {
    delete self;
    return Status::Archive("cannot create an in-memory object store");
  }
  self->parent.read = Read;
  self->parent.read_header = ReadHeader;
  self->parent.write = Write;
  self->parent.exists = Exists;
  self->parent.free = Free;
  return &self->parent;
}

Result<git_oid> WriteMemoryObject(git_odb_backend* backend, git_object_t type, std::string_view data) {
  REDLINE_ASSIGN_OR_RETURN(const git_oid id, HashObject(type, data));
  if (Write(backend, &id, data.data(), data.size(), type) != 0) return Status::Archive("out of memory in a batch");
  return id;
}

Status ForEachMemoryObject(git_odb_backend* backend, const std::function<Status(const MemoryObject&)>& visit) {
  const MemoryBackend* self = Self(backend);
  for (const git_oid& id : self->order) {
    const StoredObject& object = self->objects.at(id);
    REDLINE_RETURN_IF_ERROR(visit({id, object.type, object.data}));
  }
  return Status::Ok();
}

}  // namespace redline
