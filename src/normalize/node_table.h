// A record per element, in one flat array with an open-addressing index from node to
// record: a third of the memory of a node-based hash map, which matters because a page's
// analysis keeps a record for every element and gumbo's tree is already large.
#ifndef REDLINE_NORMALIZE_NODE_TABLE_H_
#define REDLINE_NORMALIZE_NODE_TABLE_H_

#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace redline::normalize {

template <typename T>
class NodeTable {
 public:
  // The record of `node`, created (value-initialized) when missing. The reference stays
  // valid until the next record is created.
  T& operator[](const GumboNode* node) {
    if ((keys_.size() + 1) * 2 > slots_.size()) Grow();
    std::size_t slot = Home(node);
    while (slots_[slot] != 0) {
      if (keys_[slots_[slot] - 1] == node) return values_[slots_[slot] - 1];
      slot = (slot + 1) & (slots_.size() - 1);
    }
    keys_.push_back(node);
    values_.emplace_back();
    slots_[slot] = static_cast<std::uint32_t>(keys_.size());
    return values_.back();
  }

  // The record of `node`, or nullptr.
  const T* Find(const GumboNode* node) const {
    if (slots_.empty()) return nullptr;
    std::size_t slot = Home(node);
    while (slots_[slot] != 0) {
      if (keys_[slots_[slot] - 1] == node) return &values_[slots_[slot] - 1];
      slot = (slot + 1) & (slots_.size() - 1);
    }
    return nullptr;
  }

  std::size_t size() const { return keys_.size(); }

 private:
  std::size_t Home(const GumboNode* node) const {
    const auto bits = reinterpret_cast<std::uintptr_t>(node) >> 4;
    return static_cast<std::size_t>(bits * 0x9E3779B97F4A7C15ull >> 20) & (slots_.size() - 1);
  }

  void Grow() {
    const std::size_t size = slots_.empty() ? 1024 : slots_.size() * 2;
    slots_.assign(size, 0);
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      std::size_t slot = Home(keys_[i]);
      while (slots_[slot] != 0) slot = (slot + 1) & (size - 1);
      slots_[slot] = static_cast<std::uint32_t>(i + 1);
    }
  }

  std::vector<const GumboNode*> keys_;
  std::vector<T> values_;
  std::vector<std::uint32_t> slots_;  // 0: empty; else 1 + the record's index
};

}  // namespace redline::normalize

#endif  // REDLINE_NORMALIZE_NODE_TABLE_H_
