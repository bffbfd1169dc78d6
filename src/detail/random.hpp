#pragma once
// Pseudo-random numbers for the simulations: xoshiro256++ (Blackman & Vigna, "Scrambled linear
// pseudorandom number generators", ACM TOMS 2021; public-domain reference at prng.di.unimi.it),
// seeded through SplitMix64 as its authors recommend. Every Monte Carlo run and every
// reverse-reachable set gets its own generator, seeded from (seed, stream), so results do not
// depend on how work is split across threads. Chosen over std::mt19937_64 because seeding that
// costs 312 words per stream and each draw 2-3x more; Boost 1.74 has no xoshiro.

#include <cmath>
#include <cstdint>
#include <limits>

namespace copnet::detail {

/// SplitMix64's finaliser: a bijective 64-bit mix.
[[nodiscard]] constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

/// xoshiro256++: a UniformRandomBitGenerator with 256 bits of state.
class Rng {
public:
    using result_type = std::uint64_t;

    /// The generator of stream `stream` under `seed`.
    Rng(std::uint64_t seed, std::uint64_t stream) noexcept {
        std::uint64_t x = mix64(seed) ^ mix64(stream + 0x9E3779B97F4A7C15ULL);
        for (auto& word : s_) {
            x += 0x9E3779B97F4A7C15ULL;
            word = mix64(x);
        }
    }

    static constexpr result_type min() noexcept { return 0; }
    static constexpr result_type max() noexcept {
        return std::numeric_limits<result_type>::max();
    }

    result_type operator()() noexcept {
        const std::uint64_t result = rotl(s_[0] + s_[3], 23) + s_[0];
        const std::uint64_t t = s_[1] << 17U;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    /// Uniform in [0,1), 53 random bits.
    double unit() noexcept { return static_cast<double>((*this)() >> 11U) * 0x1.0p-53; }

    /// True with probability p (p ≥ 1: always; p ≤ 0: never).
    bool chance(double p) noexcept { return unit() < p; }

    /// Failures before the next success of a Bernoulli(p) sequence, 0 < p < 1: a geometric
    /// draw, so that sampling a run of equal-probability trials costs O(successes).
    std::uint64_t skip(double log_q) noexcept {
        // 1 - unit() is in (0,1], so log is finite and ≤ 0; log_q = log(1 - p) < 0.
        const double g = std::floor(std::log(1.0 - unit()) / log_q);
        return g >= 1e18 ? std::uint64_t{1} << 62U : static_cast<std::uint64_t>(g);
    }

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, unsigned k) noexcept {
        return (x << k) | (x >> (64U - k));
    }
    std::uint64_t s_[4]{};
};

} // namespace copnet::detail
