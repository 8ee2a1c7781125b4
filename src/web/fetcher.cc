// The multi loop: per-host queues decide which transfer may start (limit and delay per
// host, limit overall); libcurl runs the started ones; finished ones are reported at once.
#include "web/fetcher.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <map>

#include "web/curl_handles.h"
#include "web/transfer.h"
#include "web/url.h"

namespace redline::web {
namespace {

using Clock = std::chrono::steady_clock;

struct HostQueue {
  std::deque<std::size_t> waiting;  // request indices, in order
  int active = 0;
  Clock::time_point next_start{};
};

}  // namespace

struct Fetcher::Multi {
  MultiPtr handle;
};

Fetcher::Fetcher(FetchOptions options) : options_(std::move(options)), multi_(std::make_unique<Multi>()) {
  EnsureCurlInitialized();
  options_.max_transfers = std::max(1, options_.max_transfers);
  options_.per_host_transfers = std::max(1, options_.per_host_transfers);
  multi_->handle.reset(curl_multi_init());
  if (multi_->handle) {
    curl_multi_setopt(multi_->handle.get(), CURLMOPT_MAX_HOST_CONNECTIONS,
                      static_cast<long>(options_.per_host_transfers));
    curl_multi_setopt(multi_->handle.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS,
                      static_cast<long>(options_.max_transfers));
  }
}

Fetcher::~Fetcher() = default;

Status Fetcher::FetchAll(const std::vector<FetchRequest>& requests,
                         const std::function<void(FetchResponse&&)>& on_response,
                         const std::atomic<bool>* stop,
                         const std::function<void(const FetchProgress&)>& on_progress) {
  CURLM* multi = multi_->handle.get();
  if (multi == nullptr) return Status::Internal("cannot create a libcurl multi handle");

  std::map<std::string, HostQueue> hosts;
  for (std::size_t i = 0; i < requests.size(); ++i) hosts[UrlHost(requests[i].url)].waiting.push_back(i);
  std::map<CURL*, std::unique_ptr<Transfer>> running;
  // Transfers still in the multi handle when leaving (a libcurl failure) are taken out
  // before their easy handles are freed.
  struct Detach {
    CURLM* multi;
    std::map<CURL*, std::unique_ptr<Transfer>>* running;
    ~Detach() {
      for (const auto& entry : *running) curl_multi_remove_handle(multi, entry.first);
    }
  } detach{multi, &running};
  FetchProgress progress;
  progress.total = requests.size();
  std::uint64_t received = 0;
  const auto report_progress = [&] {
    progress.bytes = received;
    if (on_progress) on_progress(progress);
  };
  const auto report = [&](FetchResponse&& response) {
    ++progress.done;
    if (response.outcome == FetchOutcome::kError) ++progress.errors;
    on_response(std::move(response));
    report_progress();
  };
  const auto delay = std::chrono::milliseconds(std::max(0L, options_.per_host_delay_ms));

  // Starts what may start now; returns how long until the next waiting transfer may start.
  const auto start_eligible = [&]() -> std::chrono::milliseconds {
    auto wait = std::chrono::milliseconds(100);
    if (stop != nullptr && stop->load()) return wait;
    const Clock::time_point now = Clock::now();
    for (auto& [host, queue] : hosts) {
      while (!queue.waiting.empty() && static_cast<int>(running.size()) < options_.max_transfers &&
             queue.active < options_.per_host_transfers) {
        if (now < queue.next_start) {
          wait = std::min(wait, std::chrono::ceil<std::chrono::milliseconds>(queue.next_start - now));
          break;
        }
        const std::size_t index = queue.waiting.front();
        queue.waiting.pop_front();
        auto transfer = std::make_unique<Transfer>(index, requests[index], options_, &received);
        if (!transfer->setup_status().ok()) {
          report(transfer->Failed(transfer->setup_status()));
          continue;
        }
        const CURLMcode added = curl_multi_add_handle(multi, transfer->easy());
        if (added != CURLM_OK) {
          report(transfer->Failed(
              Status::Internal(std::string("cannot start a transfer: ") + curl_multi_strerror(added))));
          continue;
        }
        ++queue.active;
        queue.next_start = now + delay;
        running.emplace(transfer->easy(), std::move(transfer));
        report_progress();
      }
    }
    return wait;
  };
  const auto anything_waiting = [&] {
    if (stop != nullptr && stop->load()) return false;
    return std::any_of(hosts.begin(), hosts.end(), [](const auto& h) { return !h.second.waiting.empty(); });
  };

  std::uint64_t reported_bytes = 0;
  while (!running.empty() || anything_waiting()) {
    const std::chrono::milliseconds wait = start_eligible();
    int still_running = 0;
    const CURLMcode performed = curl_multi_perform(multi, &still_running);
    if (performed != CURLM_OK) {
      return Status::Internal(std::string("libcurl failed: ") + curl_multi_strerror(performed));
    }
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
      if (message->msg != CURLMSG_DONE) continue;
      CURL* easy = message->easy_handle;
      const CURLcode result = message->data.result;
      curl_multi_remove_handle(multi, easy);
      auto found = running.find(easy);
      if (found == running.end()) continue;
      std::unique_ptr<Transfer> transfer = std::move(found->second);
      running.erase(found);
      --hosts[UrlHost(requests[transfer->index()].url)].active;
      report(transfer->Finish(result));
    }
    if (received != reported_bytes) {
      reported_bytes = received;
      report_progress();
    }
    if (running.empty() && !anything_waiting()) break;
    if (running.empty()) {
      // Only delays are pending: sleep on the multi handle until the next start.
      curl_multi_poll(multi, nullptr, 0, static_cast<int>(std::max<long>(1, wait.count())), nullptr);
      continue;
    }
    const CURLMcode polled =
        curl_multi_poll(multi, nullptr, 0, static_cast<int>(std::max<long>(1, wait.count())), nullptr);
    if (polled != CURLM_OK) {
      return Status::Internal(std::string("libcurl failed: ") + curl_multi_strerror(polled));
    }
  }
  return Status::Ok();
}

}  // namespace redline::web
