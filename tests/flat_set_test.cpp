// The tie index's hash set (detail::FlatSet64) against std::unordered_set: inserts, lookups and
// backward-shift erasure at table sizes that are not powers of two, where probe runs wrap past
// the table's end.

#include <cstdint>
#include <unordered_set>
#include <vector>

#include <catch2/catch.hpp>

#include "detail/flat_set.hpp"
#include "detail/random.hpp"

using copnet::detail::FlatSet64;

namespace {

// Draws keys from a small range so that inserts repeat and erases hit, and mixes in the
// sentinel value (all ones), which the set keeps beside the table.
std::uint64_t draw(copnet::detail::Rng& rng, std::uint64_t range) {
    const std::uint64_t k = rng() % (range + 1);
    return k == range ? ~std::uint64_t{0} : (k << 32U) | (k * 7919U % 1000U);
}

} // namespace

TEST_CASE("FlatSet64 agrees with std::unordered_set through inserts, lookups and erases",
          "[flat_set]") {
    for (const std::size_t reserved : {0UL, 1UL, 13UL, 1000UL, 4099UL}) {
        copnet::detail::Rng rng(reserved + 1, 0);
        FlatSet64 set;
        set.reserve(reserved);
        std::unordered_set<std::uint64_t> reference;
        for (int step = 0; step < 60000; ++step) {
            const std::uint64_t key = draw(rng, 3000);
            switch (rng() % 3) {
            case 0:
                REQUIRE(set.insert(key) == reference.insert(key).second);
                break;
            case 1:
                REQUIRE(set.erase(key) == (reference.erase(key) == 1));
                break;
            default:
                REQUIRE(set.contains(key) == reference.contains(key));
            }
            REQUIRE(set.size() == reference.size());
        }
        // Every key drawn from the range is found exactly when the reference holds it.
        for (std::uint64_t k = 0; k <= 3000; ++k) {
            const std::uint64_t key =
                k == 3000 ? ~std::uint64_t{0} : (k << 32U) | (k * 7919U % 1000U);
            REQUIRE(set.contains(key) == reference.contains(key));
        }
    }
}

TEST_CASE("FlatSet64 reserved for n keys holds them without growing past 5/4 n slots",
          "[flat_set]") {
    FlatSet64 set;
    set.reserve(4500);
    FlatSet64 copy;
    for (std::uint64_t k = 0; k < 4500; ++k) {
        REQUIRE(set.insert(k << 32U | (k + 1)));
        REQUIRE(copy.insert(k << 32U | (k + 1)));
    }
    REQUIRE(set.size() == 4500);
    REQUIRE(set == copy);
    REQUIRE_FALSE(set.insert(17ULL << 32U | 18U));
    REQUIRE(set.erase(17ULL << 32U | 18U));
    REQUIRE_FALSE(set == copy);
}
