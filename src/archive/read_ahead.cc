// Archive::ReadTexts: a reader thread inflates the next texts while the caller works on
// the current one. On 2 cores this roughly halves a blame of a long history, where reading
// (zlib and delta resolution in libgit2) and the sentence alignment cost about the same.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "redline/archive.h"

namespace redline {
namespace {

// Enough to hide the reader's jitter, few enough that memory stays a handful of texts.
constexpr std::size_t kTextsAhead = 8;

class TextQueue {
 public:
  // Waits for room; false once the consumer has stopped.
  bool Push(Result<std::string> text) {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return stopped_ || queue_.size() < kTextsAhead; });
    if (stopped_) return false;
    queue_.push_back(std::move(text));
    ready_.notify_one();
    return true;
  }

  Result<std::string> Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return !queue_.empty(); });
    Result<std::string> text = std::move(queue_.front());
    queue_.pop_front();
    room_.notify_one();
    return text;
  }

  void Stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
    room_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<Result<std::string>> queue_;
  bool stopped_ = false;
};

}  // namespace

Status Archive::ReadTexts(const std::vector<Revision>& revisions, const std::function<Status(std::string text)>& each) {
  if (revisions.size() < 2) {  // no thread for a single text
    for (const Revision& revision : revisions) {
      REDLINE_ASSIGN_OR_RETURN(std::string text, ReadText(revision));
      REDLINE_RETURN_IF_ERROR(each(std::move(text)));
    }
    return Status::Ok();
  }
  TextQueue queue;
  std::thread reader([&] {
    for (const Revision& revision : revisions) {
      Result<std::string> text = ReadText(revision);
      const bool failed = !text.ok();
      if (!queue.Push(std::move(text)) || failed) return;
    }
  });
  Status status = Status::Ok();
  for (std::size_t k = 0; k < revisions.size() && status.ok(); ++k) {
    Result<std::string> text = queue.Pop();
    status = text.ok() ? each(std::move(*text)) : text.status();
  }
  queue.Stop();
  reader.join();
  return status;
}

}  // namespace redline
