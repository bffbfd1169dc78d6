// The allocation-failure harness: the one replacement of the global operator new, linked only
// into copnet_alloc_tests (see alloc_failure.hpp). Every replaceable non-aligned form is replaced
// so that new and delete stay paired.
#include "alloc_failure.hpp"

#include <atomic>
#include <cstdlib>
#include <new>


namespace copnet::test {
namespace {
std::atomic<long> allocations_until_failure{-1};
std::atomic<bool> failure_injected{false};

bool fail_this_allocation() noexcept {
    const long left = allocations_until_failure.load(std::memory_order_relaxed);
    if (left < 0) return false;
    allocations_until_failure.store(left - 1, std::memory_order_relaxed);
    if (left > 0) return false;
    failure_injected.store(true, std::memory_order_relaxed);
    return true;
}

void* allocate(std::size_t size) {
    if (fail_this_allocation()) throw std::bad_alloc();
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
} // namespace

void fail_nth_allocation(long n) noexcept {
    allocations_until_failure.store(n, std::memory_order_relaxed);
}
bool injected_allocation_failure() noexcept {
    return failure_injected.exchange(false, std::memory_order_relaxed);
}
} // namespace copnet::test

void* operator new(std::size_t size) { return copnet::test::allocate(size); }
void* operator new[](std::size_t size) { return copnet::test::allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return copnet::test::allocate(size);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return copnet::test::allocate(size);
    } catch (...) {
        return nullptr;
    }
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
