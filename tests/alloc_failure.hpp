#pragma once
// Allocation-failure injection for copnet_alloc_tests (tests/alloc_failure.cpp replaces the
// global operator new there, and only there).

namespace copnet::test {
/// The n-th allocation from now (0-based) throws std::bad_alloc, once; n < 0 disarms.
void fail_nth_allocation(long n) noexcept;
/// Whether a failure was injected since the last call (and forgets it).
bool injected_allocation_failure() noexcept;
} // namespace copnet::test
