#pragma once
// The Python Network: a copnet::Network with a reader–writer lock, so that Python threads
// cannot crash the interpreter (issue 16). Analyses release the GIL while they run in C++, and
// every conversion to Python runs Python code (the GIL may pass to another thread mid-way), so
// the GIL alone does not keep a network still. The rule, for every binding:
//
//   - a binding that reads a network holds a ReadLock on it for its whole call (arguments
//     resolved to handles, the analysis, the results converted to ids): analyses run side by
//     side and each sees one whole version of the network;
//   - a binding that changes a network holds a WriteLock for the change: it waits until the
//     running analyses are done, and no analysis starts until it is done;
//   - neither ever waits for the lock while holding the GIL (that would deadlock with an
//     analysis waiting for the GIL to return its result): each tries first, and if it must
//     wait, releases the GIL for the wait;
//   - a change from a thread that already holds a lock (a progress callback, or a `kinds`
//     iterable, running inside an analysis) never waits: it raises copnet.Error if the network
//     is busy — always so for the network being analysed, which would otherwise wait for itself.
#include <cstddef>
#include <condition_variable>
#include <mutex>
#include <utility>

#include <copnet/network.hpp>

namespace copnet::python {

/// A reader–writer lock that prefers writers: once a change waits, new readers wait behind it,
/// so a stream of overlapping analyses cannot starve changes (std::shared_mutex promises no
/// order; glibc's prefers readers). A reader that already holds a lock does not yield to waiting
/// writers, which keeps nested reads (a progress callback reading a network) deadlock-free.
class NetworkLock {
public:
    [[nodiscard]] bool try_lock_shared(bool nested);
    void lock_shared(bool nested);
    void unlock_shared();
    [[nodiscard]] bool try_lock();
    void lock();
    void unlock();

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::size_t readers_ = 0;
    std::size_t writers_waiting_ = 0;
    bool writing_ = false;
};

/// The C++ type registered as copnet.Network: a Network and its lock. A copy (or a network
/// moved in from a reader) gets a lock of its own; Communities reach it through their owner.
class SharedNetwork : public Network {
public:
    SharedNetwork() = default;
    explicit SharedNetwork(Network&& net) : Network(std::move(net)) {}
    explicit SharedNetwork(const Network& net) : Network(net) {}
    SharedNetwork(const SharedNetwork& other) : Network(other) {}
    SharedNetwork(SharedNetwork&& other) : Network(std::move(other)) {}
    SharedNetwork& operator=(const SharedNetwork&) = delete;
    SharedNetwork& operator=(SharedNetwork&&) = delete;
    ~SharedNetwork() = default;

    [[nodiscard]] NetworkLock& lock() const noexcept { return lock_; }

private:
    mutable NetworkLock lock_;
};

/// A lock this thread holds. The guards on a thread's stack form a chain, innermost first,
/// from a thread-local pointer: nesting shows without allocating (and without a thread-local
/// destructor). A progress callback runs on the analysing thread (detail::parallel_chunks
/// reports from worker 0), so its nesting shows here too.
struct HeldLock {
    const SharedNetwork* net = nullptr;  // nullptr: nested in a lock of this thread, holds none
    bool writing = false;
    const HeldLock* below = nullptr;
};

/// Holds `net` for reading until destroyed (see the rule above). Re-entrant on one thread.
/// Called with the GIL held; releases it only to wait.
class ReadLock {
public:
    explicit ReadLock(const SharedNetwork& net);
    ~ReadLock();
    ReadLock(const ReadLock&) = delete;
    ReadLock& operator=(const ReadLock&) = delete;

private:
    HeldLock held_;
};

/// Holds `net` for a change until destroyed (see the rule above). Called with the GIL held;
/// releases it only to wait. Throws copnet::error if this thread holds a lock and `net` is
/// busy (a change from inside an analysis), in particular if this thread is reading `net`.
class WriteLock {
public:
    explicit WriteLock(const SharedNetwork& net);
    ~WriteLock();
    WriteLock(const WriteLock&) = delete;
    WriteLock& operator=(const WriteLock&) = delete;

private:
    HeldLock held_;
};

} // namespace copnet::python
