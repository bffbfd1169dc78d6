#pragma once
// Interns stakeholder ids while parsing: string_view → dense index, open addressing. A slot keeps
// the hash, the length and the first eight bytes of its key, so that a probe for a short id
// ("sch-12") touches one cache line and never the text it came from.

#include <bit>
#include <cstring>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "detail/hash_id.hpp"

namespace copnet::detail {

class IdTable {
public:
    static constexpr std::uint32_t npos = ~std::uint32_t{0};

    /// Makes room for `n` ids.
    void reserve(std::size_t n) {
        if (n * 2 > slots_.size()) rehash(std::bit_ceil(n * 2 + 2));
    }
    /// The hash the table uses for `id`.
    [[nodiscard]] static std::uint64_t hash(std::string_view id) noexcept {
        return hash_id(id);
    }
    /// Hints the cache that an id of hash `h` will be looked up soon.
    void prefetch(std::uint64_t h) const noexcept {
        if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask_]);
    }
    /// The index of `id`, or npos. The views must outlive the table.
    [[nodiscard]] std::uint32_t find(std::string_view id) const noexcept {
        return find(id, hash(id));
    }
    /// The index of `id`, whose hash is `h`, or npos.
    [[nodiscard]] std::uint32_t find(std::string_view id, std::uint64_t h) const noexcept {
        if (slots_.empty()) return npos;
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (s.value == npos) return npos;
            if (s.hash == h && matches(s, id)) return s.value;
        }
    }
    /// Adds `id` with the next index and returns {index, true}, or {existing index, false}.
    std::pair<std::uint32_t, bool> insert(std::string_view id) {
        if ((keys_.size() + 1) * 2 > slots_.size()) rehash(slots_.size() < 16 ? 32 : slots_.size() * 2);
        const std::uint64_t h = hash(id);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            Slot& s = slots_[i];
            if (s.value == npos) {
                s = make_slot(id, h, static_cast<std::uint32_t>(keys_.size()));
                keys_.push_back(id);
                return {s.value, true};
            }
            if (s.hash == h && matches(s, id)) return {s.value, false};
        }
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint64_t prefix = 0;
        const char* data = nullptr;
        std::uint32_t size = 0;
        std::uint32_t value = npos;
    };
    static std::uint64_t prefix_of(std::string_view id) noexcept {
        std::uint64_t p = 0;
        std::memcpy(&p, id.data(), id.size() < 8 ? id.size() : 8);
        return p;
    }
    static Slot make_slot(std::string_view id, std::uint64_t h, std::uint32_t value) noexcept {
        return Slot{h, prefix_of(id), id.data(), static_cast<std::uint32_t>(id.size()), value};
    }
    static bool matches(const Slot& s, std::string_view id) noexcept {
        if (s.size != id.size() || s.prefix != prefix_of(id)) return false;
        return id.size() <= 8 || std::memcmp(s.data + 8, id.data() + 8, id.size() - 8) == 0;
    }
    void rehash(std::size_t capacity) {
        slots_.assign(capacity, Slot{});
        mask_ = capacity - 1;
        for (std::uint32_t v = 0; v < keys_.size(); ++v) {
            const std::uint64_t h = hash(keys_[v]);
            std::size_t i = h & mask_;
            while (slots_[i].value != npos) i = (i + 1) & mask_;
            slots_[i] = make_slot(keys_[v], h, v);
        }
    }

    std::vector<Slot> slots_;
    std::vector<std::string_view> keys_;
    std::size_t mask_ = 0;
};

} // namespace copnet::detail
