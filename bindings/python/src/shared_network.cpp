// The per-network reader–writer lock of the Python binding (shared_network.hpp).
#include "shared_network.hpp"

#include <pybind11/pybind11.h>

#include <copnet/error.hpp>

namespace copnet::python {

namespace py = pybind11;

bool NetworkLock::try_lock_shared(bool nested) {
    const std::lock_guard guard(mutex_);
    if (writing_ || (writers_waiting_ != 0 && !nested)) return false;
    ++readers_;
    return true;
}

void NetworkLock::lock_shared(bool nested) {
    std::unique_lock guard(mutex_);
    changed_.wait(guard, [&] { return !writing_ && (writers_waiting_ == 0 || nested); });
    ++readers_;
}

void NetworkLock::unlock_shared() {
    {
        const std::lock_guard guard(mutex_);
        --readers_;
    }
    changed_.notify_all();
}

bool NetworkLock::try_lock() {
    const std::lock_guard guard(mutex_);
    if (writing_ || readers_ != 0) return false;
    writing_ = true;
    return true;
}

void NetworkLock::lock() {
    std::unique_lock guard(mutex_);
    ++writers_waiting_;
    changed_.wait(guard, [&] { return !writing_ && readers_ == 0; });
    --writers_waiting_;
    writing_ = true;
}

void NetworkLock::unlock() {
    {
        const std::lock_guard guard(mutex_);
        writing_ = false;
    }
    changed_.notify_all();
}

namespace {

thread_local const HeldLock* innermost = nullptr;

const HeldLock* find_held(const SharedNetwork& net) {
    for (const HeldLock* h = innermost; h != nullptr; h = h->below)
        if (h->net == &net) return h;
    return nullptr;
}

} // namespace

ReadLock::ReadLock(const SharedNetwork& net) {
    if (find_held(net) != nullptr) return;  // held by this thread already, for either use
    const bool nested = innermost != nullptr;
    if (!net.lock().try_lock_shared(nested)) {
        const py::gil_scoped_release release;
        net.lock().lock_shared(nested);
    }
    held_ = {&net, false, innermost};
    innermost = &held_;
}

ReadLock::~ReadLock() {
    if (held_.net == nullptr) return;
    innermost = held_.below;
    held_.net->lock().unlock_shared();
}

WriteLock::WriteLock(const SharedNetwork& net) {
    if (const HeldLock* h = find_held(net)) {
        if (h->writing) return;
        throw error("cannot change a network while this thread is reading it (from a progress "
                    "callback or an argument of an analysis of that network); change it after "
                    "the analysis returns");
    }
    if (!net.lock().try_lock()) {
        if (innermost != nullptr)
            throw error("cannot change a network that another thread is analysing from inside "
                        "an analysis (a progress callback): it could wait forever");
        const py::gil_scoped_release release;
        net.lock().lock();
    }
    held_ = {&net, true, innermost};
    innermost = &held_;
}

WriteLock::~WriteLock() {
    if (held_.net == nullptr) return;
    innermost = held_.below;
    held_.net->lock().unlock();
}

} // namespace copnet::python
