#pragma once
// Everything a `Network` holds (not installed): the landscape graph, the stakeholders by slot,
// the id index, the tie keys, attribute names and communities, and the cache of snapshots.

#include <array>
#include <bitset>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "copnet/community.hpp"
#include "copnet/graph.hpp"
#include "copnet/network.hpp"
#include "copnet/relation.hpp"
#include "copnet/stakeholder.hpp"
#include "copnet/tie.hpp"
#include "detail/flat_set.hpp"
#include "detail/slot_index.hpp"

namespace copnet {

namespace detail {

struct Snapshot;

/// Everything a `Network` holds.
struct NetworkState {
    /// Changes whenever stakeholders or ties change (not on facet or circle updates): cached
    /// snapshots of an older version are stale.
    std::uint64_t version = 0;
    /// Snapshots built for analyses, reused while `version` holds (see Snapshot::of). Guarded
    /// by `cache_mutex`, so const analyses may run concurrently; never copied.
    struct CachedSnapshot {
        std::uint64_t version;
        TieFilter filter;
        bool weights;
        std::shared_ptr<const Snapshot> snapshot;
    };
    mutable std::mutex cache_mutex;
    mutable std::vector<CachedSnapshot> snapshots;

    Graph graph;
    std::vector<Stakeholder> stakeholders;  // by slot; a removed slot holds an empty one
    std::vector<bool> alive;   // by slot
    std::size_t live = 0;      // number of alive slots
    /// Stakeholder id → slot (the ids are read from `stakeholders`).
    SlotIndex index;
    /// The relations, by `TieKind` (the built-in three first), and which are mutual.
    std::vector<Relation> relations;
    std::bitset<256> mutual;
    /// Number of ties of each relation.
    std::vector<std::size_t> tie_counts;
    /// Keys (source << 32 | target) of the ties of each relation, a mutual relation's keyed
    /// with the smaller slot first: the index that makes `add_tie` O(1).
    std::vector<FlatSet64> tie_keys;
    std::vector<std::string> attribute_names;
    /// Hashes strings and string views alike (heterogeneous lookup).
    struct NameHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    /// Each name of `attribute_names` → its position there.
    std::unordered_map<std::string, std::size_t, NameHash, std::equal_to<>> attribute_position;
    std::vector<std::unique_ptr<Community>> communities;
    /// Community name → community (the keys view the communities' own names).
    std::unordered_map<std::string_view, Community*, NameHash> community_index;

    NetworkState();
    NetworkState(const NetworkState& other);
    NetworkState& operator=(const NetworkState&) = delete;
    ~NetworkState() = default;

    /// Reads a slot's id, for `index`.
    struct IdOf {
        const std::vector<Stakeholder>* stakeholders;
        std::string_view operator()(std::uint32_t slot) const noexcept {
            return (*stakeholders)[slot].id;
        }
    };
    [[nodiscard]] IdOf id_of() const noexcept { return IdOf{&stakeholders}; }
    /// The slot of the stakeholder with id `id`, or `SlotIndex::npos`. Cost: O(1) expected.
    [[nodiscard]] std::uint32_t slot_of(std::string_view id) const noexcept {
        return index.find(id, id_of());
    }

    /// True if `kind` is a relation of this network.
    [[nodiscard]] bool declares(TieKind kind) const noexcept {
        return static_cast<std::size_t>(kind) < relations.size();
    }
    [[nodiscard]] bool is_mutual(TieKind kind) const noexcept {
        return mutual.test(static_cast<std::size_t>(kind));
    }

    [[nodiscard]] bool holds(StakeholderId who) const noexcept {
        return who.valid() && who.index() < alive.size() && alive[who.index()];
    }
    Community& make_community(std::string name, std::string domain) {
        auto c = std::unique_ptr<Community>(new Community(std::move(name), std::move(domain), this));
        if (communities.size() == communities.capacity())  // geometric: not a copy per community
            communities.reserve(2 * communities.size() + 4);
        community_index.emplace(c->name(), c.get());  // may throw: nothing changed yet
        communities.push_back(std::move(c));          // room was made: cannot throw
        return *communities.back();
    }
    /// Takes back the contents of `saved` (see `roll_back`).
    void restore(NetworkState&& saved) noexcept;
    /// Records `name` in `attribute_names` unless it is there. Cost: O(|name|) expected.
    void register_attribute(std::string_view name) {
        if (attribute_position.contains(name)) return;
        attribute_names.emplace_back(name);
        try {
            attribute_position.emplace(name, attribute_names.size() - 1);
        } catch (...) {
            attribute_names.pop_back();
            throw;
        }
    }
    void forget(StakeholderId who) noexcept {
        for (auto& c : communities) c->forget(who);
    }
};

} // namespace detail

} // namespace copnet
