#pragma once
// LSD radix sort of 64-bit keys, for the analyses that sort packed pairs (`health`'s pairs and
// arcs of a window). Not installed.

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace copnet::detail {

/// Sorts `keys` ascending. Least significant digit first in bytes: one counting pass for every
/// byte at once, then a scatter for each byte that is not the same in every key (keys that
/// pack two 20-bit slots: 5 scatters), 256 destinations a scatter (within the TLB). `scratch`
/// is working space, kept by the caller between calls. Short inputs (under 256 keys) go to
/// `std::sort`. Cost: O(n · b) for n keys of b significant bytes, O(n) extra memory.
inline void radix_sort(std::vector<std::uint64_t>& keys, std::vector<std::uint64_t>& scratch) {
    const std::size_t n = keys.size();
    if (n < 256) {
        std::sort(keys.begin(), keys.end());
        return;
    }
    std::uint64_t any = 0;
    for (const std::uint64_t k : keys) any |= k;
    const unsigned digits = (static_cast<unsigned>(std::bit_width(any)) + 7U) / 8U;
    std::array<std::array<std::size_t, 256>, 8> counts{};
    for (const std::uint64_t k : keys)
        for (unsigned d = 0; d < digits; ++d) ++counts[d][(k >> (8U * d)) & 0xFFU];
    scratch.resize(n);
    for (unsigned d = 0; d < digits; ++d) {
        std::array<std::size_t, 256>& at = counts[d];
        if (std::find(at.begin(), at.end(), n) != at.end()) continue;  // one digit for all
        std::size_t sum = 0;
        for (std::size_t& c : at) sum += std::exchange(c, sum);
        const unsigned shift = 8U * d;
        for (const std::uint64_t k : keys) scratch[at[(k >> shift) & 0xFFU]++] = k;
        keys.swap(scratch);
    }
}

} // namespace copnet::detail
