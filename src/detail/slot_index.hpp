#pragma once
// The id table of a Network: stakeholder id → slot, open addressing with linear probing and
// backward-shift deletion. An entry is the slot and 32 bits of the id's hash (8 bytes); the id
// itself is read from the stakeholder record, so the table holds no copy of it (a node-based
// std::unordered_map<std::string, …> cost about 72 bytes a stakeholder, this about 16).

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "detail/hash_id.hpp"

namespace copnet::detail {

class SlotIndex {
public:
    static constexpr std::uint32_t npos = ~std::uint32_t{0};

    /// Number of ids held.
    [[nodiscard]] std::size_t size() const noexcept { return size_; }

    /// Makes room for `n` ids without rehashing; `id_of(slot)` gives the id of a slot held.
    template <class IdOf>
    void reserve(std::size_t n, const IdOf& id_of) {
        if (n * 2 > entries_.size()) rehash(std::bit_ceil(n * 2 + 2), id_of);
    }

    /// The slot of `id`, or npos. Cost: O(1) expected.
    template <class IdOf>
    [[nodiscard]] std::uint32_t find(std::string_view id, const IdOf& id_of) const noexcept {
        if (entries_.empty()) return npos;
        const std::uint64_t h = hash(id);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Entry& e = entries_[i];
            if (e.slot == npos) return npos;
            if (e.tag == tag_of(h) && id_of(e.slot) == id) return e.slot;
        }
    }

    /// Adds `slot` under its id `id_of(slot)`, which must not be held yet.
    template <class IdOf>
    void insert(std::uint32_t slot, const IdOf& id_of) {
        if ((size_ + 1) * 2 > entries_.size())
            rehash(entries_.size() < 16 ? 32 : entries_.size() * 2, id_of);
        place(slot, hash(id_of(slot)));
        ++size_;
    }

    /// Removes the entry of `id` (held by some slot). No allocation.
    template <class IdOf>
    void erase(std::string_view id, const IdOf& id_of) noexcept {
        if (entries_.empty()) return;
        const std::uint64_t h = hash(id);
        std::size_t i = h & mask_;
        for (;; i = (i + 1) & mask_) {
            const Entry& e = entries_[i];
            if (e.slot == npos) return;
            if (e.tag == tag_of(h) && id_of(e.slot) == id) break;
        }
        // Backward-shift deletion: move later entries of the run into the hole when their home
        // is not between the hole and them.
        for (std::size_t j = (i + 1) & mask_;; j = (j + 1) & mask_) {
            const Entry& e = entries_[j];
            if (e.slot == npos) break;
            const std::size_t home = hash(id_of(e.slot)) & mask_;
            if (((j - home) & mask_) >= ((j - i) & mask_)) {
                entries_[i] = e;
                i = j;
            }
        }
        entries_[i] = Entry{};
        --size_;
    }

private:
    struct Entry {
        std::uint32_t slot = npos;
        std::uint32_t tag = 0;
    };
    static std::uint64_t hash(std::string_view id) noexcept {
        return hash_id(id);
    }
    static std::uint32_t tag_of(std::uint64_t h) noexcept {
        return static_cast<std::uint32_t>(h >> 32U);
    }
    void place(std::uint32_t slot, std::uint64_t h) noexcept {
        std::size_t i = h & mask_;
        while (entries_[i].slot != npos) i = (i + 1) & mask_;
        entries_[i] = Entry{slot, tag_of(h)};
    }
    template <class IdOf>
    void rehash(std::size_t capacity, const IdOf& id_of) {
        std::vector<Entry> old(capacity);
        old.swap(entries_);
        mask_ = capacity - 1;
        for (const Entry& e : old)
            if (e.slot != npos) place(e.slot, hash(id_of(e.slot)));
    }

    std::vector<Entry> entries_;
    std::size_t size_ = 0;
    std::size_t mask_ = 0;
};

} // namespace copnet::detail
