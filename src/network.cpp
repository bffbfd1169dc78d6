#include "copnet/network.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include <gsl/gsl>

#include "copnet/error.hpp"
#include "detail/network_state.hpp"
#include "detail/relations.hpp"
#include "detail/text.hpp"
#include "detail/categories.hpp"

namespace copnet {

namespace detail {

NetworkState::NetworkState() : tie_counts(tie_kind_count, 0), tie_keys(tie_kind_count) {
    for (std::size_t k = 0; k < tie_kind_count; ++k)
        relations.push_back(builtin_relation(static_cast<TieKind>(k)));
    mutual.set(static_cast<std::size_t>(TieKind::collaboration));
}

NetworkState::NetworkState(const NetworkState& other)
    : version(other.version), graph(other.graph), stakeholders(other.stakeholders),
      alive(other.alive), live(other.live), index(other.index), relations(other.relations),
      mutual(other.mutual), tie_counts(other.tie_counts),
      tie_keys(other.tie_keys), attribute_names(other.attribute_names),
      attribute_position(other.attribute_position) {
    communities.reserve(other.communities.size());
    community_index.reserve(other.communities.size());
    for (const auto& c : other.communities) {
        communities.push_back(std::unique_ptr<Community>(new Community(*c, this)));
        community_index.emplace(communities.back()->name(), communities.back().get());
    }
}

static_assert(std::is_nothrow_move_assignable_v<Graph> && std::is_nothrow_move_constructible_v<Graph>);
static_assert(std::is_nothrow_move_assignable_v<SlotIndex> && std::is_nothrow_move_constructible_v<SlotIndex>);
static_assert(std::is_nothrow_move_assignable_v<FlatSet64> && std::is_nothrow_move_constructible_v<FlatSet64>);

void NetworkState::restore(NetworkState&& saved) noexcept {
    using std::swap;
    swap(graph, saved.graph);
    swap(stakeholders, saved.stakeholders);
    swap(alive, saved.alive);
    swap(live, saved.live);
    swap(index, saved.index);
    swap(relations, saved.relations);
    swap(mutual, saved.mutual);
    swap(tie_counts, saved.tie_counts);
    swap(tie_keys, saved.tie_keys);
    swap(attribute_names, saved.attribute_names);
    swap(attribute_position, saved.attribute_position);
    version = std::max(version, saved.version) + 1;  // no cached snapshot matches any more
    snapshots.clear();
    // The communities that existed when `saved` was copied come first, in the same order.
    const std::size_t kept = std::min(saved.communities.size(), communities.size());
    for (std::size_t i = 0; i < kept; ++i) {
        Community& mine = *communities[i];
        Community& old = *saved.communities[i];
        swap(mine.domain_, old.domain_);
        swap(mine.circles_, old.circles_);
        swap(mine.sparse_, old.sparse_);
        swap(mine.counts_, old.counts_);
    }
    while (communities.size() > kept) {
        community_index.erase(communities.back()->name());
        communities.pop_back();
    }
}

void roll_back(Network& net, Network&& saved) noexcept { net.state_->restore(std::move(*saved.state_)); }

} // namespace detail

const Graph& graph(const Network& net) noexcept { return net.state().graph; }

namespace detail {

} // namespace detail

namespace {

using Vertex = std::size_t;

std::uint64_t tie_key(StakeholderId source, StakeholderId target, bool mutual) noexcept {
    std::uint32_t a = source.index();
    std::uint32_t b = target.index();
    if (mutual && b < a) std::swap(a, b);
    return (std::uint64_t{a} << 32U) | b;
}

// Grows `v` geometrically ahead of a push_back, so that the push_back cannot throw.
template <class Vector>
void make_room(Vector& v) {
    if (v.size() == v.capacity()) v.reserve(v.capacity() < 8 ? 8 : v.capacity() * 2);
}

std::string handle_name(StakeholderId who) {
    return who.valid() ? "#" + std::to_string(who.index()) : std::string("(invalid handle)");
}

// Throws unknown_stakeholder unless the network holds `who`.
void require(const detail::NetworkState& st, StakeholderId who) {
    if (!st.holds(who)) throw unknown_stakeholder(handle_name(who));
}

// Throws invalid_value unless `kind` is declared and `weight` is on its scale.
void check_value(const detail::NetworkState& st, TieKind kind, double weight) {
    if (!st.declares(kind))
        throw invalid_value("relation #" + std::to_string(static_cast<unsigned>(kind)) +
                            " is not declared in this network");
    const Relation& r = st.relations[static_cast<std::size_t>(kind)];
    if (on_scale(r.scale, weight)) return;
    switch (r.scale) {
    case Scale::unit:
        throw invalid_value("tie weight " + detail::shortest(weight) + " is outside [0,1] (relation \"" +
                            r.name + "\" has scale unit; declare scale count or real for other "
                            "values, e.g. in relations.csv)");
    case Scale::binary:
        throw invalid_value("tie value " + detail::shortest(weight) + " of relation \"" + r.name +
                            "\" is not 1 (its scale is binary)");
    case Scale::count:
        throw invalid_value("tie value " + detail::shortest(weight) + " of relation \"" + r.name +
                            "\" is not a count (a finite number ≥ 0)");
    case Scale::real:
        throw invalid_value("tie value " + detail::shortest(weight) + " of relation \"" + r.name +
                            "\" is not a finite number");
    }
}

void check_attributes(const Stakeholder& s) {
    for (const auto& [name, value] : s.attributes) {
        if (name.empty()) throw invalid_value("stakeholder \"" + s.id + "\": empty attribute name");
        if (is_reserved_column(name))
            throw invalid_value("stakeholder \"" + s.id + "\": attribute name \"" + name +
                                "\" is reserved for a built-in facet");
    }
}

void drop_empty_attributes(Stakeholder& s) {
    std::erase_if(s.attributes, [](const auto& kv) { return kv.second.empty(); });
}

// Records attribute names not seen before, in the order first seen. O(attributes) expected.
void register_attributes(detail::NetworkState& st, const Stakeholder& s) {
    for (const auto& [name, value] : s.attributes) st.register_attribute(name);
}

// The id of the tie of `kind` between the pair (either orientation for a mutual relation), if any.
// Scans the shorter list.
std::optional<std::uint32_t> locate(const Graph& g, StakeholderId source, StakeholderId target,
                                    TieKind kind, bool mutual) {
    const Vertex s = source.index();
    const Vertex t = target.index();
    const auto matches = [&](std::uint32_t id, Vertex from, Vertex to) {
        const TieRecord& r = g.tie(id);
        return r.source == from && r.target == to && g.kind(id) == kind;
    };
    if (!mutual) {
        const auto list = g.out(s).size() <= g.in(t).size() ? g.out(s) : g.in(t);
        for (std::uint32_t id : list)
            if (matches(id, s, t)) return id;
        return std::nullopt;
    }
    const bool from_s = g.out(s).size() + g.in(s).size() <= g.out(t).size() + g.in(t).size();
    const Vertex x = from_s ? s : t;
    const Vertex y = from_s ? t : s;
    for (std::uint32_t id : g.out(x))
        if (matches(id, x, y)) return id;
    for (std::uint32_t id : g.in(x))
        if (matches(id, y, x)) return id;
    return std::nullopt;
}

// The tie with id `id` of `g`.
Tie to_tie(const Graph& g, std::uint32_t id) {
    const TieRecord& r = g.tie(id);
    return Tie{StakeholderId(r.source), StakeholderId(r.target), g.kind(id), r.weight};
}

// The error for a repeated tie under `Merge::error`.
invalid_value repeated_tie(const detail::NetworkState& st, StakeholderId source,
                           StakeholderId target, TieKind kind) {
    const Relation& r = st.relations[static_cast<std::size_t>(kind)];
    return invalid_value("tie \"" + st.stakeholders[source.index()].id + "\" " +
                         (r.mutual() ? "-- \"" : "-> \"") + st.stakeholders[target.index()].id +
                         "\" of relation \"" + r.name +
                         "\" repeats one already held (merge policy error)");
}

// Adds a checked tie, or merges it into the existing one (`merge_values` by the relation's
// scale); true if new.
bool insert_tie(detail::NetworkState& st, StakeholderId source, StakeholderId target,
                TieKind kind, double weight, Merge merge) {
    weight += 0.0;  // -0 is stored (and written back) as 0
    const bool mutual = st.is_mutual(kind);
    auto& keys = st.tie_keys[static_cast<std::size_t>(kind)];
    if (keys.insert(tie_key(source, target, mutual))) {
        ++st.version;
        try {
            st.graph.add_edge(source.index(), target.index(), TieData{kind, weight});
        } catch (...) {
            keys.erase(tie_key(source, target, mutual));
            throw;
        }
        ++st.tie_counts[static_cast<std::size_t>(kind)];
        return true;
    }
    const auto id = locate(st.graph, source, target, kind, mutual);
    Expects(id.has_value());
    double& w = st.graph.tie(*id).weight;
    const Relation& r = st.relations[static_cast<std::size_t>(kind)];
    if (merge == Merge::error) throw repeated_tie(st, source, target, kind);
    const double merged = merge_values(merge, r.scale, w, weight);
    if (!on_scale(r.scale, merged))
        throw invalid_value("relation \"" + r.name + "\": merging values " + detail::shortest(w) +
                            " and " + detail::shortest(weight) + " leaves its scale");
    ++st.version;
    w = merged;
    return false;
}

} // namespace

Network::Network() : state_(std::make_unique<detail::NetworkState>()) {}
Network::Network(const Network& other)
    : state_(std::make_unique<detail::NetworkState>(*other.state_)) {}
Network::Network(Network&& other)
    : state_(std::exchange(other.state_, std::make_unique<detail::NetworkState>())) {}
Network& Network::operator=(const Network& other) {
    if (this != &other) state_ = std::make_unique<detail::NetworkState>(*other.state_);
    return *this;
}
Network& Network::operator=(Network&& other) noexcept {
    std::swap(state_, other.state_);
    return *this;
}
Network::~Network() = default;

void Network::reserve(std::size_t stakeholders) {
    auto& st = *state_;
    st.graph.reserve(stakeholders, 0);
    st.stakeholders.reserve(stakeholders);
    st.alive.reserve(stakeholders);
    st.index.reserve(stakeholders, st.id_of());
}

// ---- stakeholders ---------------------------------------------------------------------------

StakeholderId Network::add_stakeholder(Stakeholder s) {
    auto& st = *state_;
    if (s.id.empty()) throw invalid_value("stakeholder id is empty");
    if (st.slot_of(s.id) != detail::SlotIndex::npos)
        throw invalid_value("stakeholder id \"" + s.id + "\" is already in the network");
    check_attributes(s);
    if (st.alive.size() >= std::numeric_limits<std::uint32_t>::max() - 1)
        throw invalid_value("too many stakeholders for 32-bit handles");
    drop_empty_attributes(s);
    register_attributes(st, s);
    const auto slot = gsl::narrow<std::uint32_t>(st.alive.size());
    // Make room everywhere first (this may throw, and changes nothing), then add without
    // allocating, so that a failure leaves the network as it was.
    make_room(st.stakeholders);
    make_room(st.alive);
    st.graph.make_room_for_vertex();
    st.index.reserve(st.index.size() + 1, st.id_of());
    st.stakeholders.push_back(std::move(s));
    st.index.insert(slot, st.id_of());
    st.graph.add_vertex();
    st.alive.push_back(true);
    ++st.live;
    ++st.version;
    return StakeholderId(slot);
}

std::optional<StakeholderId> Network::find(std::string_view id) const noexcept {
    const std::uint32_t slot = state_->slot_of(id);
    if (slot == detail::SlotIndex::npos) return std::nullopt;
    return StakeholderId(slot);
}

StakeholderId Network::at(std::string_view id) const {
    if (auto who = find(id)) return *who;
    throw unknown_stakeholder(std::string(id));
}

bool Network::contains(StakeholderId who) const noexcept { return state_->holds(who); }

const Stakeholder& Network::stakeholder(StakeholderId who) const {
    require(*state_, who);
    return state_->stakeholders[who.index()];
}

void Network::update_stakeholder(StakeholderId who, Stakeholder s) {
    auto& st = *state_;
    require(*state_, who);
    if (s.id.empty()) throw invalid_value("stakeholder id is empty");
    Stakeholder& current = st.stakeholders[who.index()];
    const bool renamed = s.id != current.id;
    if (renamed && st.slot_of(s.id) != detail::SlotIndex::npos)
        throw invalid_value("stakeholder id \"" + s.id + "\" is already in the network");
    check_attributes(s);
    drop_empty_attributes(s);
    register_attributes(st, s);
    if (renamed) {
        st.index.reserve(st.index.size() + 1, st.id_of());  // may throw; nothing changed yet
        st.index.erase(current.id, st.id_of());
        current = std::move(s);
        st.index.insert(who.index(), st.id_of());  // room was made: no allocation
    } else {
        current = std::move(s);
    }
}

void Network::remove_stakeholder(StakeholderId who) {
    auto& st = *state_;
    require(*state_, who);
    const Vertex v = who.index();
    const auto forget_tie = [&st](const Tie& t) {
        const auto k = static_cast<std::size_t>(t.kind);
        --st.tie_counts[k];
        st.tie_keys[k].erase(tie_key(t.source, t.target, st.is_mutual(t.kind)));
    };
    for (std::uint32_t id : st.graph.out(v)) forget_tie(to_tie(st.graph, id));
    for (std::uint32_t id : st.graph.in(v)) forget_tie(to_tie(st.graph, id));
    st.graph.clear_vertex(v);
    st.index.erase(st.stakeholders[v].id, st.id_of());
    st.stakeholders[v] = Stakeholder{};
    st.alive[v] = false;
    --st.live;
    ++st.version;
    st.forget(who);
}

std::size_t Network::stakeholder_count() const noexcept { return state_->live; }
std::size_t Network::slot_count() const noexcept { return state_->alive.size(); }
StakeholderRange Network::stakeholders() const noexcept { return StakeholderRange(&state_->alive); }
std::span<const std::string> Network::attribute_names() const noexcept {
    return state_->attribute_names;
}

void Network::add_attribute_name(std::string_view name) {
    if (name.empty()) throw invalid_value("empty attribute name");
    if (is_reserved_column(name))
        throw invalid_value("attribute name \"" + std::string(name) +
                            "\" is reserved for a built-in facet");
    state_->register_attribute(name);
}

bool Network::has_attribute_name(std::string_view name) const noexcept {
    return state_->attribute_position.contains(name);
}

std::string_view Network::facet(StakeholderId who, std::string_view facet) const {
    return Facet(facet)(stakeholder(who));
}

// ---- ties -----------------------------------------------------------------------------------

bool Network::add_tie(StakeholderId source, StakeholderId target, TieKind kind, double weight,
                      Merge merge) {
    auto& st = *state_;
    require(*state_, source);
    require(*state_, target);
    if (source == target)
        throw invalid_value("self-tie on \"" + st.stakeholders[source.index()].id + "\" is not allowed");
    check_value(st, kind, weight);
    return insert_tie(st, source, target, kind, weight, merge);
}

std::size_t Network::add_ties(std::span<const Tie> ties, Merge merge, const Progress& progress) {
    auto& st = *state_;
    for (const Tie& t : ties) {
        require(*state_, t.source);
        require(*state_, t.target);
        if (t.source == t.target)
            throw invalid_value("self-tie on \"" + st.stakeholders[t.source.index()].id +
                                "\" is not allowed");
        check_value(st, t.kind, t.weight);
    }
    if (merge == Merge::error) {
        const std::optional<std::size_t> j = first_repeated_tie(ties);
        if (j) throw repeated_tie(st, ties[*j].source, ties[*j].target, ties[*j].kind);
    }
    // Size every adjacency vector and the tie index once, then insert in the given order with
    // software prefetch: each tie touches its index slot and both endpoints' edge lists at random,
    // so fetching those a few ties ahead hides the cache misses (3-4x faster at 1M ties).
    std::vector<std::uint32_t> out(st.alive.size(), 0);
    std::vector<std::uint32_t> in(st.alive.size(), 0);
    std::vector<std::size_t> by_kind(st.relations.size(), 0);
    for (const Tie& t : ties) {
        ++out[t.source.index()];
        ++in[t.target.index()];
        ++by_kind[static_cast<std::size_t>(t.kind)];
    }
    Graph& g = st.graph;
    for (std::size_t v = 0; v < out.size(); ++v) g.reserve_lists(v, out[v], in[v]);
    g.reserve(0, ties.size());
    for (std::size_t k = 0; k < by_kind.size(); ++k)
        st.tie_keys[k].reserve(st.tie_keys[k].size() + by_kind[k]);
    std::size_t merged = 0;
    std::size_t reported = 0;
    for (std::size_t j = 0; j < ties.size(); ++j) {
        if (progress && (j & 0x3FFU) == 0) detail::report_progress(progress, j, ties.size(), reported);
        if (j + 16 < ties.size()) {
            const Tie& ahead = ties[j + 16];
            g.prefetch_vertices(ahead.source.index(), ahead.target.index());
        }
        if (j + 8 < ties.size()) {
            const Tie& ahead = ties[j + 8];
            st.tie_keys[static_cast<std::size_t>(ahead.kind)].prefetch(
                tie_key(ahead.source, ahead.target, st.is_mutual(ahead.kind)));
            g.prefetch_add(ahead.source.index(), ahead.target.index());
        }
        const Tie& t = ties[j];
        if (!insert_tie(st, t.source, t.target, t.kind, t.weight, merge)) ++merged;
    }
    if (progress) progress(ties.size(), ties.size());
    return merged;
}

std::optional<std::size_t> Network::first_repeated_tie(std::span<const Tie> ties) const {
    const auto& st = *state_;
    std::vector<detail::FlatSet64> seen(max_relations + 1);
    for (std::size_t j = 0; j < ties.size(); ++j) {
        const Tie& t = ties[j];
        const auto k = static_cast<std::size_t>(t.kind);
        const std::uint64_t key = tie_key(t.source, t.target, st.is_mutual(t.kind));
        if ((k < st.tie_keys.size() && st.tie_keys[k].contains(key)) || !seen[k].insert(key))
            return j;
    }
    return std::nullopt;
}

std::optional<Tie> Network::find_tie(StakeholderId source, StakeholderId target,
                                     TieKind kind) const {
    require(*state_, source);
    require(*state_, target);
    if (!state_->declares(kind)) return std::nullopt;
    const bool mutual = state_->is_mutual(kind);
    if (!state_->tie_keys[static_cast<std::size_t>(kind)].contains(tie_key(source, target, mutual)))
        return std::nullopt;
    const auto id = locate(state_->graph, source, target, kind, mutual);
    if (!id) return std::nullopt;
    return to_tie(state_->graph, *id);
}

void Network::set_tie_weight(StakeholderId source, StakeholderId target, TieKind kind,
                             double weight) {
    require(*state_, source);
    require(*state_, target);
    check_value(*state_, kind, weight);
    const auto id = locate(state_->graph, source, target, kind, state_->is_mutual(kind));
    if (!id)
        throw invalid_value("no " + relation(kind).name + " tie from \"" +
                            stakeholder(source).id + "\" to \"" + stakeholder(target).id + "\"");
    state_->graph.tie(*id).weight = weight + 0.0;  // -0 as 0
    ++state_->version;
}

bool Network::remove_tie(StakeholderId source, StakeholderId target, TieKind kind) {
    require(*state_, source);
    require(*state_, target);
    if (!state_->declares(kind)) return false;
    const bool mutual = state_->is_mutual(kind);
    const auto id = locate(state_->graph, source, target, kind, mutual);
    if (!id) return false;
    state_->tie_keys[static_cast<std::size_t>(kind)].erase(tie_key(source, target, mutual));
    --state_->tie_counts[static_cast<std::size_t>(kind)];
    state_->graph.remove_edge(*id);
    ++state_->version;
    return true;
}

std::size_t Network::tie_count() const noexcept {
    std::size_t n = 0;
    for (std::size_t c : state_->tie_counts) n += c;
    return n;
}

std::size_t Network::tie_count(TieKind kind) const noexcept {
    return state_->declares(kind) ? state_->tie_counts[static_cast<std::size_t>(kind)] : 0;
}

TieKind Network::add_relation(Relation relation) {
    auto& st = *state_;
    if (detail::trim(relation.name).empty()) throw invalid_value("a relation needs a name");
    relation.name = std::string(detail::trim(relation.name));
    if (const auto known = find_relation(relation.name)) {
        Relation& old = st.relations[static_cast<std::size_t>(*known)];
        Relation same = relation;
        same.name = old.name;  // the first spelling stays
        if (same == old) return *known;
        if (static_cast<std::size_t>(*known) >= tie_kind_count || st.tie_counts[static_cast<std::size_t>(*known)] > 0)
            throw invalid_value("relation \"" + relation.name + "\" is declared twice, differently (" +
                                std::string(to_string(old.role)) + ", " + std::string(to_string(old.direction)) +
                                ", " + std::string(to_string(old.polarity)) + ", " +
                                std::string(to_string(old.scale)) + " before)");
        old = same;  // a built-in without ties takes the file's declaration
        st.mutual.set(static_cast<std::size_t>(*known), same.mutual());
        ++st.version;
        return *known;
    }
    if (st.relations.size() >= max_relations)
        throw invalid_value("relation \"" + relation.name + "\": a network holds at most " +
                            std::to_string(max_relations) + " relations");
    const auto kind = static_cast<TieKind>(st.relations.size());
    st.relations.reserve(st.relations.size() + 1);
    st.tie_counts.reserve(st.tie_counts.size() + 1);
    st.tie_keys.reserve(st.tie_keys.size() + 1);
    st.relations.push_back(std::move(relation));  // room was made: nothing below throws
    st.tie_counts.push_back(0);
    st.tie_keys.emplace_back();
    st.mutual.set(static_cast<std::size_t>(kind), st.relations.back().mutual());
    ++st.version;
    return kind;
}

std::span<const Relation> Network::relations() const noexcept { return state_->relations; }

const Relation& Network::relation(TieKind kind) const {
    if (!state_->declares(kind))
        throw invalid_value("relation #" + std::to_string(static_cast<unsigned>(kind)) +
                            " is not declared in this network");
    return state_->relations[static_cast<std::size_t>(kind)];
}

std::optional<TieKind> Network::find_relation(std::string_view name) const {
    const auto& rs = state_->relations;
    for (std::size_t k = 0; k < rs.size(); ++k)  // exact spelling first: no key computed
        if (rs[k].name == name) return static_cast<TieKind>(k);
    const std::string key = category_key(name);
    for (std::size_t k = 0; k < rs.size(); ++k)
        if (category_key(rs[k].name) == key) return static_cast<TieKind>(k);
    return std::nullopt;
}

std::vector<Tie> Network::ties(StakeholderId who, TieFilter filter) const {
    require(*state_, who);
    const Graph& g = state_->graph;
    std::vector<Tie> out;
    const detail::Follow follow = detail::resolve(filter, *this);
    for (std::uint32_t id : g.out(who.index()))
        if (follow.out(g.kind(id))) out.push_back(to_tie(g, id));
    for (std::uint32_t id : g.in(who.index()))
        if (follow.in(g.kind(id))) out.push_back(to_tie(g, id));
    return out;
}

std::vector<StakeholderId> Network::neighbours(StakeholderId who, TieFilter filter) const {
    std::vector<StakeholderId> out;
    for (const Tie& t : ties(who, filter)) out.push_back(t.source == who ? t.target : t.source);
    return out;
}

std::vector<Tie> Network::all_ties() const {
    const Graph& g = state_->graph;
    std::vector<Tie> out;
    out.reserve(tie_count());
    for (Vertex v = 0; v < state_->alive.size(); ++v)
        for (std::uint32_t id : g.out(v)) out.push_back(to_tie(g, id));
    return out;
}

std::vector<Tie> Network::all_ties(TieFilter filter) const {
    const Graph& g = state_->graph;
    const detail::Follow follow = detail::resolve(filter, *this);
    std::vector<Tie> out;
    for (Vertex v = 0; v < state_->alive.size(); ++v)
        for (std::uint32_t id : g.out(v))
            if (follow.follows(g.kind(id))) out.push_back(to_tie(g, id));
    return out;
}

// ---- communities ----------------------------------------------------------------------------

Community& Network::add_community(std::string name, std::string domain) {
    if (name.empty()) throw invalid_value("community name is empty");
    if (find_community(name))
        throw invalid_value("community \"" + name + "\" is already in the network");
    return state_->make_community(std::move(name), std::move(domain));
}

Community* Network::find_community(std::string_view name) noexcept {
    const auto it = state_->community_index.find(name);
    return it == state_->community_index.end() ? nullptr : it->second;
}

const Community* Network::find_community(std::string_view name) const noexcept {
    const auto it = state_->community_index.find(name);
    return it == state_->community_index.end() ? nullptr : it->second;
}

Community& Network::community(std::string_view name) {
    if (Community* c = find_community(name)) return *c;
    throw invalid_value("no community named \"" + std::string(name) + "\"");
}

const Community& Network::community(std::string_view name) const {
    if (const Community* c = find_community(name)) return *c;
    throw invalid_value("no community named \"" + std::string(name) + "\"");
}

std::vector<const Community*> Network::communities() const {
    std::vector<const Community*> out;
    for (const auto& c : state_->communities) out.push_back(c.get());
    return out;
}

bool Network::remove_community(std::string_view name) {
    auto& cs = state_->communities;
    const auto it = std::find_if(cs.begin(), cs.end(), [&](const auto& c) { return c->name() == name; });
    if (it == cs.end()) return false;
    state_->community_index.erase((*it)->name());
    cs.erase(it);
    return true;
}

// ---- comparison -----------------------------------------------------------------------------

namespace {

using TieRow = std::tuple<std::string_view, std::string_view, std::string_view, double>;

std::vector<TieRow> tie_rows(const Network& net) {
    std::vector<TieRow> rows;
    for (const Tie& t : net.all_ties()) {
        std::string_view a = net.stakeholder(t.source).id;
        std::string_view b = net.stakeholder(t.target).id;
        const Relation& r = net.relation(t.kind);
        if (r.mutual() && b < a) std::swap(a, b);
        rows.emplace_back(a, b, r.name, t.weight);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

} // namespace

bool operator==(const Network& a, const Network& b) {
    if (a.stakeholder_count() != b.stakeholder_count() || a.tie_count() != b.tie_count())
        return false;
    if (!std::ranges::equal(a.attribute_names(), b.attribute_names())) return false;
    // The same relations, whatever the order declared (a file lists them as it meets them).
    if (a.relations().size() != b.relations().size()) return false;
    for (const Relation& r : a.relations()) {
        const auto other = b.find_relation(r.name);
        if (!other || !(b.relation(*other) == r)) return false;
    }
    for (StakeholderId who : a.stakeholders()) {
        const Stakeholder& s = a.stakeholder(who);
        const auto other = b.find(s.id);
        if (!other || !(b.stakeholder(*other) == s)) return false;
    }
    if (tie_rows(a) != tie_rows(b)) return false;
    const auto ca = a.communities();
    if (ca.size() != b.communities().size()) return false;
    for (const Community* c : ca) {
        const Community* d = b.find_community(c->name());
        if (d == nullptr || d->domain() != c->domain()) return false;
        for (StakeholderId who : a.stakeholders())
            if (c->circle(who) != d->circle(b.at(a.stakeholder(who).id))) return false;
    }
    return true;
}

namespace detail {

Facet checked_facet(const Network& net, std::string_view name) {
    Facet f(name);  // throws invalid_value for an empty name or "circle"
    if (f.is_attribute()) {
        if (!net.has_attribute_name(name))
            throw invalid_value("unknown facet \"" + std::string(name) +
                                "\" (built-in: id, name, sector, level, perspective, "
                                "organization, stance; or a column of nodes.csv)");
    }
    return f;
}

} // namespace detail

} // namespace copnet
