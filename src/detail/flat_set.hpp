#pragma once
// An open-addressing hash set of 64-bit keys (linear probing, backward-shift deletion): the tie
// index of a Network. Node-based std::unordered_set costs an allocation and a cache miss per
// tie, which dominated loading a million ties.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace copnet::detail {

class FlatSet64 {
public:
    /// Number of keys.
    [[nodiscard]] std::size_t size() const noexcept { return size_; }

    /// Makes room for `n` keys without rehashing.
    void reserve(std::size_t n) {
        if (n * 8 > capacity() * 7) rehash(std::bit_ceil(n * 8 / 7 + 1));
    }

    /// Inserts `key`; false if it was there already.
    bool insert(std::uint64_t key) {
        if (key == empty) return insert_sentinel();
        if ((size_ + 1) * 8 > capacity() * 7) rehash(capacity() < 8 ? 16 : capacity() * 2);
        for (std::size_t i = home(key);; i = (i + 1) & mask_) {
            if (slots_[i] == key) return false;
            if (slots_[i] == empty) {
                slots_[i] = key;
                ++size_;
                return true;
            }
        }
    }

    /// Hints the cache that `key` will be looked up or inserted soon.
    void prefetch(std::uint64_t key) const noexcept {
        if (!slots_.empty()) __builtin_prefetch(&slots_[home(key)]);
    }

    /// True if `key` is in the set.
    [[nodiscard]] bool contains(std::uint64_t key) const noexcept {
        if (key == empty) return has_sentinel_;
        if (slots_.empty()) return false;
        for (std::size_t i = home(key);; i = (i + 1) & mask_) {
            if (slots_[i] == key) return true;
            if (slots_[i] == empty) return false;
        }
    }

    /// Removes `key`; false if it was not there.
    bool erase(std::uint64_t key) noexcept {
        if (key == empty) {
            const bool had = has_sentinel_;
            if (had) --size_;
            has_sentinel_ = false;
            return had;
        }
        if (slots_.empty()) return false;
        std::size_t i = home(key);
        while (slots_[i] != key) {
            if (slots_[i] == empty) return false;
            i = (i + 1) & mask_;
        }
        // Backward-shift: move later members of the probe run into the hole.
        for (std::size_t j = (i + 1) & mask_; slots_[j] != empty; j = (j + 1) & mask_) {
            const std::size_t h = home(slots_[j]);
            // Move slots_[j] to the hole i unless its home lies cyclically in (i, j].
            const bool stays = (i <= j) ? (i < h && h <= j) : (i < h || h <= j);
            if (!stays) {
                slots_[i] = slots_[j];
                i = j;
            }
        }
        slots_[i] = empty;
        --size_;
        return true;
    }

    friend bool operator==(const FlatSet64& a, const FlatSet64& b) noexcept {
        if (a.size_ != b.size_ || a.has_sentinel_ != b.has_sentinel_) return false;
        for (std::uint64_t k : a.slots_)
            if (k != empty && !b.contains(k)) return false;
        return true;
    }

private:
    static constexpr std::uint64_t empty = ~std::uint64_t{0};

    [[nodiscard]] std::size_t capacity() const noexcept { return slots_.size(); }
    [[nodiscard]] std::size_t home(std::uint64_t key) const noexcept {
        // Fibonacci hashing spreads (source << 32 | target) keys over the table.
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_) & mask_;
    }
    bool insert_sentinel() noexcept {
        if (has_sentinel_) return false;
        has_sentinel_ = true;
        ++size_;
        return true;
    }
    void rehash(std::size_t new_capacity) {
        std::vector<std::uint64_t> old(new_capacity, empty);
        old.swap(slots_);
        mask_ = new_capacity - 1;
        shift_ = static_cast<unsigned>(64 - std::countr_zero(new_capacity));
        for (std::uint64_t k : old) {
            if (k == empty) continue;
            std::size_t i = home(k);
            while (slots_[i] != empty) i = (i + 1) & mask_;
            slots_[i] = k;
        }
    }

    std::vector<std::uint64_t> slots_;
    std::size_t mask_ = 0;
    unsigned shift_ = 64;
    std::size_t size_ = 0;
    bool has_sentinel_ = false;
};

} // namespace copnet::detail
