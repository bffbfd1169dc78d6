#pragma once
/// \file
/// `Network`: the landscape of stakeholders and typed ties, with its communities.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "copnet/community.hpp"
#include "copnet/progress.hpp"
#include "copnet/relation.hpp"
#include "copnet/stakeholder.hpp"
#include "copnet/tie.hpp"

namespace copnet {

class Network;

namespace detail {
struct NetworkState;
/// Gives `net` back the contents of `saved`, a copy of `net` made before a load that only added
/// to it (stakeholders, ties, merged weights, attribute names, communities at the end, circles)
/// and then failed. `net`'s own `Community` objects stay valid (those that existed when `saved`
/// was made get their old circles back; the ones added since are removed). Cost: O(communities).
void roll_back(Network& net, Network&& saved) noexcept;
}

/// The live stakeholders of a network, in slot order; an input range of `StakeholderId`.
/// Invalidated by adding or removing stakeholders.
class StakeholderRange {
public:
    /// Forward iterator over live slots.
    class iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = StakeholderId;
        using difference_type = std::ptrdiff_t;
        using pointer = const StakeholderId*;
        using reference = StakeholderId;

        iterator() = default;
        reference operator*() const noexcept { return StakeholderId(index_); }
        iterator& operator++() noexcept {
            ++index_;
            skip();
            return *this;
        }
        iterator operator++(int) noexcept {
            iterator old = *this;
            ++*this;
            return old;
        }
        friend bool operator==(const iterator& a, const iterator& b) noexcept {
            return a.index_ == b.index_;
        }

    private:
        friend class StakeholderRange;
        iterator(const std::vector<bool>* alive, std::uint32_t index) : alive_(alive), index_(index) {
            skip();
        }
        void skip() noexcept {
            while (index_ < alive_->size() && !(*alive_)[index_]) ++index_;
        }
        const std::vector<bool>* alive_ = nullptr;
        std::uint32_t index_ = 0;
    };

    [[nodiscard]] iterator begin() const { return {alive_, 0}; }
    [[nodiscard]] iterator end() const {
        return {alive_, static_cast<std::uint32_t>(alive_->size())};
    }

private:
    friend class Network;
    explicit StakeholderRange(const std::vector<bool>* alive) : alive_(alive) {}
    const std::vector<bool>* alive_;
};

/// The landscape: every stakeholder with an interest in the issue, the typed ties between them,
/// and the communities (CoPs) drawn over them.
///
/// Inside is a compact bidirectional graph that models Boost.Graph's concepts (a 16-byte record
/// per tie, its id in both ends' lists), so in-ties cost as little as out-ties and Boost's
/// algorithms run on it (`copnet/graph.hpp` exposes it to experts). Identity is stable: removing a stakeholder clears
/// its slot and never renumbers the others, and slots are not reused.
///
/// Ties: at most one tie of each kind between an ordered pair (for collaboration, an unordered
/// pair). Adding a tie that exists **merges**: the tie keeps the larger of the two weights, and
/// `add_tie` returns false. Self-ties are rejected.
///
/// Value semantics: copying copies the stakeholders, ties and communities. Thread safety: const
/// member functions may run concurrently; any mutation needs exclusive access.
class Network {
public:
    /// An empty landscape.
    Network();
    /// A deep copy: stakeholders, ties and communities (new `Community` objects).
    Network(const Network& other);
    /// Moves `other`'s contents here; `other` is left empty (and usable). Community references
    /// into `other` now refer to this network's communities.
    Network(Network&& other);
    /// Replaces the contents by a deep copy of `other`. References to this network's former
    /// communities become invalid.
    Network& operator=(const Network& other);
    /// Swaps contents with `other`: this network's former communities (and references to them)
    /// now belong to `other`.
    Network& operator=(Network&& other) noexcept;
    ~Network();

    /// Makes room for `stakeholders` stakeholders in total (slots), so that a bulk load does
    /// not rehash or reallocate as it grows. Cost: O(stakeholders).
    void reserve(std::size_t stakeholders);

    // ---- stakeholders ---------------------------------------------------------------------

    /// Adds `s` and returns its handle. Cost: O(|s|) amortised.
    /// Throws: invalid_value if `s.id` is empty or already in the network, or an attribute
    /// name is empty or reserved (`is_reserved_column`).
    StakeholderId add_stakeholder(Stakeholder s);
    /// The handle of the stakeholder with user id `id`, if any. Cost: O(|id|) expected.
    [[nodiscard]] std::optional<StakeholderId> find(std::string_view id) const noexcept;
    /// The handle of the stakeholder with user id `id`. Cost: O(|id|) expected.
    /// Throws: unknown_stakeholder naming `id`.
    [[nodiscard]] StakeholderId at(std::string_view id) const;
    /// True if `who` names a stakeholder of this network (not removed). Cost: O(1).
    [[nodiscard]] bool contains(StakeholderId who) const noexcept;
    /// The stakeholder `who`. The reference lives until the next mutation. Cost: O(1).
    /// Throws: unknown_stakeholder if the network does not hold `who`.
    [[nodiscard]] const Stakeholder& stakeholder(StakeholderId who) const;
    /// Replaces every field of `who` by `s` (the id may change). Ties and circles are kept.
    /// Cost: O(|s|). Throws: unknown_stakeholder; invalid_value as `add_stakeholder` (a new id
    /// already taken by another stakeholder). On throw the network is unchanged.
    void update_stakeholder(StakeholderId who, Stakeholder s);
    /// Removes `who`, its ties and its memberships in every community; other handles stay
    /// valid. Cost: O(Σ over its ties of the degrees of both ends and of the ends of the tie
    /// moved into its place) + O(communities) expected. Throws: unknown_stakeholder.
    void remove_stakeholder(StakeholderId who);

    /// Number of stakeholders (removed ones excluded). Cost: O(1).
    [[nodiscard]] std::size_t stakeholder_count() const noexcept;
    /// One past the largest slot ever used: size per-stakeholder arrays by it. Cost: O(1).
    [[nodiscard]] std::size_t slot_count() const noexcept;
    /// The live stakeholders in slot order (the order they were added). Cost: O(1) to make,
    /// O(slots) to iterate.
    [[nodiscard]] StakeholderRange stakeholders() const noexcept;
    /// Attribute names in the order first seen (e.g. nodes.csv's extra columns, in order).
    /// They persist when no stakeholder has a value. Cost: O(1).
    [[nodiscard]] std::span<const std::string> attribute_names() const noexcept;
    /// Declares an attribute column with no values yet (kept in `attribute_names`).
    /// Throws: invalid_value for an empty or reserved name. Cost: O(|name|) expected.
    void add_attribute_name(std::string_view name);
    /// True if `name` is one of `attribute_names()`. Cost: O(|name|) expected.
    [[nodiscard]] bool has_attribute_name(std::string_view name) const noexcept;

    /// The category of `who` under the facet `facet` (see `Facet`). Cost: O(1) + lookup.
    /// Throws: unknown_stakeholder; invalid_value for an empty facet name or "circle".
    [[nodiscard]] std::string_view facet(StakeholderId who, std::string_view facet) const;

    // ---- relations --------------------------------------------------------------------------
    /// Declares a relation and returns its `TieKind`. Names compare as `category_key` does
    /// (case and white space aside). Declaring a name again with the same definition returns
    /// its kind; the built-in authority, influence and collaboration may be redeclared (another
    /// scale, say) while they hold no ties. Cost: O(relations + |name|).
    /// Throws: invalid_value for an empty name, a name declared with another definition, a
    /// built-in redeclared while it has ties, or more than `max_relations` relations.
    TieKind add_relation(Relation relation);
    /// Every relation, by `TieKind` (the built-in three first). Cost: O(1).
    [[nodiscard]] std::span<const Relation> relations() const noexcept;
    /// The relation `kind`. Throws: invalid_value for a kind the network has not declared.
    /// Cost: O(1).
    [[nodiscard]] const Relation& relation(TieKind kind) const;
    /// The kind of the relation named `name` (compared as `category_key`), if declared.
    /// Cost: O(relations · |name|).
    [[nodiscard]] std::optional<TieKind> find_relation(std::string_view name) const;

    // ---- ties -------------------------------------------------------------------------------

    /// Adds a tie `source` → `target` of the relation `kind` with the value `weight`; returns
    /// true if it is new, false if a tie of that relation between the pair existed and was
    /// merged (`merge_values`: the larger for unit and binary, the sum for count and real).
    /// Cost: O(1) expected. Throws: unknown_stakeholder for an endpoint not held;
    /// invalid_value for a self-tie, an undeclared relation, or a value off the relation's
    /// scale (`on_scale`; a unit weight outside [0,1], NaN included).
    /// `merge` overrides what a repeat does (`Merge`; `Merge::error` throws invalid_value
    /// naming the pair and the relation, the tie held unchanged).
    bool add_tie(StakeholderId source, StakeholderId target, TieKind kind, double weight = 1.0,
                 Merge merge = Merge::by_scale);
    /// Adds many ties at once, each as `add_tie` would (merging repeats by `merge`); returns
    /// how many were merged. Faster than one `add_tie` per tie: adjacency storage is
    /// sized once. All or nothing: every tie is checked before any is added.
    /// Cost: O(V + k) expected for k ties. Throws: as `add_tie`, naming the first bad tie.
    /// `merge` as for `add_tie`; with `Merge::error` a repeat (of a held tie or of an earlier
    /// one in `ties`) throws before anything is added. `progress` reports the ties added (done
    /// of `ties.size()`), after the checks.
    std::size_t add_ties(std::span<const Tie> ties, Merge merge = Merge::by_scale,
                         const Progress& progress = {});
    /// The position in `ties` of the first tie that repeats a tie of its relation between its
    /// pair — one the network holds or an earlier one in `ties` (a mutual relation's either way
    /// round) — or nothing. A kind the network does not declare yet counts as a directed relation
    /// (what a file's undeclared name becomes). Cost: O(k) expected.
    [[nodiscard]] std::optional<std::size_t> first_repeated_tie(std::span<const Tie> ties) const;
    /// The tie of `kind` from `source` to `target` (either order for collaboration), if any.
    /// Cost: O(1) expected + O(deg(source)). Throws: unknown_stakeholder.
    [[nodiscard]] std::optional<Tie> find_tie(StakeholderId source, StakeholderId target,
                                              TieKind kind) const;
    /// Sets the value of an existing tie. Cost: as `find_tie`. Throws: unknown_stakeholder;
    /// invalid_value if there is no such tie or the value is off the relation's scale.
    void set_tie_weight(StakeholderId source, StakeholderId target, TieKind kind, double weight);
    /// Removes the tie; returns false if there was none. Cost: O(deg(source) + deg(target) +
    /// the degrees of the ends of the tie moved into its place) expected.
    /// Throws: unknown_stakeholder.
    bool remove_tie(StakeholderId source, StakeholderId target, TieKind kind);

    /// Number of ties. Cost: O(1).
    [[nodiscard]] std::size_t tie_count() const noexcept;
    /// Number of ties of `kind`. Cost: O(1).
    [[nodiscard]] std::size_t tie_count(TieKind kind) const noexcept;
    /// The ties that `filter` follows from `who` (out-ties, in-ties or both, of its kinds), as
    /// stored. A collaboration tie appears once. Cost: O(deg(who)).
    /// Throws: unknown_stakeholder.
    [[nodiscard]] std::vector<Tie> ties(StakeholderId who, TieFilter filter = {}) const;
    /// The stakeholders one followed tie away from `who` (one entry per tie, so a neighbour
    /// tied by two kinds appears twice). Cost: O(deg(who)). Throws: unknown_stakeholder.
    [[nodiscard]] std::vector<StakeholderId> neighbours(StakeholderId who,
                                                        TieFilter filter = {}) const;
    /// Every tie of the network, of every relation (negative ones too), by source slot.
    /// Cost: O(V + E).
    [[nodiscard]] std::vector<Tie> all_ties() const;
    /// The ties of the relations `filter` follows (either way; with `every`, the positive
    /// relations), by source slot. Cost: O(V + E).
    [[nodiscard]] std::vector<Tie> all_ties(TieFilter filter) const;

    // ---- communities ------------------------------------------------------------------------

    /// Adds an empty community (everyone `Circle::none`) and returns it. The reference stays
    /// valid until that community is removed or the network destroyed (also across moves).
    /// Cost: O(|name|). Throws: invalid_value if the name is empty or taken.
    Community& add_community(std::string name, std::string domain = {});
    /// The community named `name`, or nullptr. Cost: O(|name|) expected.
    [[nodiscard]] Community* find_community(std::string_view name) noexcept;
    /// \copydoc find_community
    [[nodiscard]] const Community* find_community(std::string_view name) const noexcept;
    /// The community named `name`. Throws: invalid_value naming it. Cost: O(|name|) expected.
    [[nodiscard]] Community& community(std::string_view name);
    /// \copydoc community
    [[nodiscard]] const Community& community(std::string_view name) const;
    /// Every community, in the order added. Cost: O(communities).
    [[nodiscard]] std::vector<const Community*> communities() const;
    /// Removes the community named `name`; returns false if there was none. O(communities).
    bool remove_community(std::string_view name);

    /// Same stakeholders (by id, every field), same relations (by name, every field; in any
    /// order), same ties (by endpoint ids, relation name and value; mutual relations
    /// unordered), same attribute
    /// names and same communities (name, domain, circles by id). Slot numbers may differ.
    /// Cost: O((V + E) log(V + E)).
    friend bool operator==(const Network& a, const Network& b);

    /// The internals, for copnet's own code (the type is defined in a header that is not
    /// installed); experts use `graph(net)` from `copnet/graph.hpp`.
    [[nodiscard]] const detail::NetworkState& state() const noexcept { return *state_; }

private:
    friend void detail::roll_back(Network& net, Network&& saved) noexcept;
    std::unique_ptr<detail::NetworkState> state_;
};

} // namespace copnet
