#pragma once
// Work split across threads in fixed chunks taken from a shared counter: copnet's one executor.
// Which thread runs a chunk varies; callers make results independent of it, so that a result is
// identical for a seed at any thread count (tests/determinism_test.cpp checks 1, 2 and 8):
// - random numbers per task, never per worker: item i draws from Rng(seed, i) (detail/random.hpp);
// - each item's result in its own output slot, combined afterwards in item order;
// - sums across items either exact (integers) or floating-point in a fixed number of lanes
//   (item i in lane i mod L, L independent of the threads), lanes added in lane order.
// Per-worker state is scratch (buffers, search queues) or an exact integer partial sum.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "copnet/progress.hpp"

namespace copnet::detail {

/// Worker threads for `threads` (0 = the hardware's) and `chunks` chunks of work: at least 1.
[[nodiscard]] inline unsigned worker_count(unsigned threads, std::size_t chunks) noexcept {
    const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
    const std::size_t want = threads != 0 ? threads : hardware;
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min(want, chunks)));
}

/// Calls work(worker, first, last) for the chunks [first, last) of [0, total), `chunk` items
/// each, on `worker_count(threads, …)` threads (worker 0 is the calling thread). Reports
/// `progress` (items done of total) from the calling thread about a hundred times and once at
/// the end. The first exception a worker throws is rethrown here after all have stopped. If a
/// thread cannot be started (a process or thread limit), the work runs on those that did
/// (the calling thread at least): never fewer results, only less parallelism.
/// `make_state(worker)` builds each worker's private state before work starts.
template <class Work>
void parallel_chunks(std::size_t total, std::size_t chunk, unsigned threads, Work&& work,
                     const Progress& progress = {}) {
    chunk = std::max<std::size_t>(1, chunk);
    const std::size_t chunks = (total + chunk - 1) / chunk;
    const unsigned workers = worker_count(threads, chunks);
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex error_mutex;
    std::size_t reported = 0;  // hundredths reported so far (calling thread only)
    const auto body = [&](unsigned worker) {
        try {
            for (std::size_t first = next.fetch_add(chunk); first < total && !failed;
                 first = next.fetch_add(chunk)) {
                const std::size_t last = std::min(total, first + chunk);
                work(worker, first, last);
                const std::size_t now = done.fetch_add(last - first) + (last - first);
                if (worker == 0 && progress && now < total) {
                    const std::size_t hundredths = now * 100 / total;
                    if (hundredths > reported) {
                        reported = hundredths;
                        progress(now, total);
                    }
                }
            }
        } catch (...) {
            const std::lock_guard lock(error_mutex);
            if (!error) error = std::current_exception();
            failed = true;
        }
    };
    std::vector<std::thread> pool;
    try {
        pool.reserve(workers - 1);
        for (unsigned t = 1; t < workers; ++t) pool.emplace_back(body, t);
    } catch (const std::exception&) {
        // std::system_error (EAGAIN) or bad_alloc: run on the threads that started.
    }
    body(0);
    for (auto& t : pool) t.join();
    if (error) std::rethrow_exception(error);
    if (progress) progress(total, total);
}

} // namespace copnet::detail
