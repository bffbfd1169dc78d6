#pragma once
// An open-addressing hash set of 64-bit keys (linear probing, backward-shift deletion): the tie
// index of a Network. Node-based std::unordered_set costs an allocation and a cache miss per
// tie, which dominated loading a million ties. The table's size is any number, not a power of
// two (a key's home slot is its hash scaled onto the table, Lemire's multiply-shift), so that a
// bulk load sizes it to 5/4 of its keys: a power of two left the index of a 4.5M-tie relation
// 54 % full, 15 bytes a tie where 10 do.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace copnet::detail {

class FlatSet64 {
    __extension__ using Wide = unsigned __int128;

public:
    /// Number of keys.
    [[nodiscard]] std::size_t size() const noexcept { return size_; }

    /// Makes room for `n` keys without rehashing (the table at most 4/5 full with them).
    void reserve(std::size_t n) {
        if (n * 8 > capacity() * 7) rehash(n + n / 4 + 8);
    }

    /// Inserts `key`; false if it was there already.
    bool insert(std::uint64_t key) {
        if (key == empty) return insert_sentinel();
        if ((size_ + 1) * 8 > capacity() * 7) rehash(capacity() < 8 ? 16 : capacity() * 2);
        for (std::size_t i = home(key);; i = next(i)) {
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
        for (std::size_t i = home(key);; i = next(i)) {
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
            i = next(i);
        }
        // Backward-shift: move later members of the probe run into the hole.
        for (std::size_t j = next(i); slots_[j] != empty; j = next(j)) {
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
        // Fibonacci hashing spreads (source << 32 | target) keys over 64 bits; the product's
        // high word scales them onto [0, capacity).
        const std::uint64_t h = key * 0x9E3779B97F4A7C15ULL;
        return static_cast<std::size_t>(
            (static_cast<Wide>(h) * slots_.size()) >> 64U);
    }
    [[nodiscard]] std::size_t next(std::size_t i) const noexcept {
        return i + 1 == slots_.size() ? 0 : i + 1;
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
        for (std::uint64_t k : old) {
            if (k == empty) continue;
            std::size_t i = home(k);
            while (slots_[i] != empty) i = next(i);
            slots_[i] = k;
        }
    }

    std::vector<std::uint64_t> slots_;
    std::size_t size_ = 0;
    bool has_sentinel_ = false;
};

} // namespace copnet::detail
