#pragma once
/// \file
/// For experts: `LandscapeGraph`, the compact graph inside a `Network`, and the Boost.Graph
/// interface that lets Boost's algorithms run on it directly (see `copnet/graph.hpp`).
///
/// Storage, per tie: one 16-byte record (source, target, value) in one array, its relation (one
/// byte) in another, and its 4-byte id in its source's out-list and its target's in-list; per
/// stakeholder, both lists in one allocation. No node is allocated per tie (Boost's
/// `adjacency_list<…, bidirectionalS>` keeps every edge in a `std::list` node and a 16-byte
/// entry in each of two lists: about 100 bytes a tie).

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <utility>
#include <vector>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/property_map/property_map.hpp>

#include "copnet/tie.hpp"

namespace copnet {

/// The edge property of the landscape graph, as `g[e]` hands it out (a value: the graph keeps
/// the relation and the value in two places).
struct TieData {
    TieKind kind = TieKind::collaboration;
    double weight = 1.0;
};

/// One tie as the graph stores it: the slots of its two ends and its value, 16 bytes (its
/// relation is kept beside it, `LandscapeGraph::kind`).
struct TieRecord {
    std::uint32_t source = 0;
    std::uint32_t target = 0;
    double weight = 1.0;
};

/// An edge of `LandscapeGraph`: the id of its tie record. Valid until a tie is removed (removal
/// moves the last record into the freed place).
struct LandscapeEdge {
    std::uint32_t id = 0;
    friend bool operator==(LandscapeEdge, LandscapeEdge) = default;
};

/// The landscape graph: vertices are slots (`StakeholderId::index()`), edges are ties; a
/// collaboration tie is one edge whose direction carries no meaning. Out- and in-lists keep
/// their ties in the order added (removal keeps the order of the rest).
///
/// Memory: per tie a 16-byte record, its relation (1 byte) and its id in both ends' lists (8
/// bytes); per vertex 24 bytes and one allocation holding both its lists.
class LandscapeGraph {
public:
    LandscapeGraph() = default;
    /// A deep copy. Cost: O(V + E).
    LandscapeGraph(const LandscapeGraph& other);
    LandscapeGraph(LandscapeGraph&& other) noexcept = default;
    /// Replaces the contents by a deep copy of `other` (strong guarantee). Cost: O(V + E).
    LandscapeGraph& operator=(const LandscapeGraph& other);
    LandscapeGraph& operator=(LandscapeGraph&& other) noexcept;
    ~LandscapeGraph();

    /// Number of vertices (slots, removed ones included). Cost: O(1).
    [[nodiscard]] std::size_t vertex_count() const noexcept { return lists_.size(); }
    /// Number of edges (ties). Cost: O(1).
    [[nodiscard]] std::size_t edge_count() const noexcept { return ties_.size(); }

    /// The ids of the ties out of / into vertex `v`, in the order added. Cost: O(1).
    [[nodiscard]] std::span<const std::uint32_t> out(std::size_t v) const noexcept {
        const Lists& l = lists_[v];
        return {l.block, l.out_size};
    }
    [[nodiscard]] std::span<const std::uint32_t> in(std::size_t v) const noexcept {
        const Lists& l = lists_[v];
        return {l.block + l.out_capacity, l.in_size};
    }
    /// The tie with id `id`. Cost: O(1).
    [[nodiscard]] const TieRecord& tie(std::uint32_t id) const noexcept { return ties_[id]; }
    [[nodiscard]] TieRecord& tie(std::uint32_t id) noexcept { return ties_[id]; }
    /// The relation of tie `id`. Cost: O(1).
    [[nodiscard]] TieKind kind(std::uint32_t id) const noexcept { return kinds_[id]; }
    /// Every tie record, by id.
    [[nodiscard]] std::span<const TieRecord> ties() const noexcept { return ties_; }
    /// Every tie's relation, by id (beside `ties()`).
    [[nodiscard]] std::span<const TieKind> kinds() const noexcept { return kinds_; }

    /// The property of edge `e` (Boost's bundled-property syntax, `g[e].weight`), as a value.
    [[nodiscard]] TieData operator[](LandscapeEdge e) const noexcept {
        return TieData{kinds_[e.id], ties_[e.id].weight};
    }

    /// Adds an isolated vertex; returns its number. Cost: amortised O(1).
    std::size_t add_vertex() {
        lists_.emplace_back();
        return lists_.size() - 1;
    }
    /// Makes room for one more vertex (growing geometrically), so that `add_vertex` cannot throw.
    void make_room_for_vertex() {
        if (lists_.size() == lists_.capacity())
            lists_.reserve(lists_.capacity() < 8 ? 8 : lists_.capacity() * 2);
    }
    /// Makes room for `vertices` vertices and `edges` more edges.
    void reserve(std::size_t vertices, std::size_t edges) {
        lists_.reserve(vertices);
        ties_.reserve(ties_.size() + edges);
        kinds_.reserve(kinds_.size() + edges);
    }
    /// Makes room for `out` more ties out of and `in` more ties into vertex `v` (exactly: a
    /// bulk load sizes every list once). Cost: O(deg(v) + out + in). Throws: std::bad_alloc
    /// (nothing changed).
    void reserve_lists(std::size_t v, std::size_t out, std::size_t in);
    /// Hints the cache that a tie between `source` and `target` is about to be added.
    void prefetch_add(std::size_t source, std::size_t target) const noexcept {
        const Lists& o = lists_[source];
        const Lists& i = lists_[target];
        __builtin_prefetch(o.block + o.out_size, 1);
        __builtin_prefetch(i.block + i.out_capacity + i.in_size, 1);
    }
    /// Hints the cache that vertices `source` and `target` are about to be read.
    void prefetch_vertices(std::size_t source, std::size_t target) const noexcept {
        __builtin_prefetch(&lists_[source], 1);
        __builtin_prefetch(&lists_[target], 1);
    }

    /// Adds a tie (no check for repeats: `Network` does that); returns its id.
    /// Cost: amortised O(1). Strong guarantee. Throws: invalid_value past 2^32 − 1 ties;
    /// std::bad_alloc.
    std::uint32_t add_edge(std::uint32_t source, std::uint32_t target, TieData data);
    /// Removes tie `id`; the last tie takes its id. Cost: O(degrees of both ends and of the
    /// last tie's ends).
    void remove_edge(std::uint32_t id) noexcept;
    /// Removes every tie of vertex `v`. Cost: O(Σ over v's ties of `remove_edge`'s cost).
    void clear_vertex(std::size_t v) noexcept;

private:
    // A vertex's two lists in one allocation: the out-list in [0, out_capacity), the in-list
    // in [out_capacity, out_capacity + in_capacity). Owned by the graph (freed in ~LandscapeGraph).
    struct Lists {
        std::uint32_t* block = nullptr;
        std::uint32_t out_size = 0, out_capacity = 0;
        std::uint32_t in_size = 0, in_capacity = 0;
    };
    // Gives `l` room for `out` out- and `in` in-entries in all (at least its sizes).
    static void resize_block(Lists& l, std::uint32_t out, std::uint32_t in);
    void free_lists() noexcept;

    std::vector<TieRecord> ties_;
    std::vector<TieKind> kinds_;
    std::vector<Lists> lists_;
};

// ---- Boost.Graph interface (VertexListGraph, EdgeListGraph, BidirectionalGraph) -----------

namespace detail {

/// Iterates a list of tie ids as `LandscapeEdge`s.
class EdgeIdIterator {
public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = LandscapeEdge;
    using difference_type = std::ptrdiff_t;
    using pointer = const LandscapeEdge*;
    using reference = LandscapeEdge;

    EdgeIdIterator() = default;
    explicit EdgeIdIterator(const std::uint32_t* at) noexcept : at_(at) {}
    reference operator*() const noexcept { return LandscapeEdge{*at_}; }
    reference operator[](difference_type n) const noexcept { return LandscapeEdge{at_[n]}; }
    EdgeIdIterator& operator++() noexcept { ++at_; return *this; }
    EdgeIdIterator operator++(int) noexcept { auto old = *this; ++at_; return old; }
    EdgeIdIterator& operator--() noexcept { --at_; return *this; }
    EdgeIdIterator operator--(int) noexcept { auto old = *this; --at_; return old; }
    EdgeIdIterator& operator+=(difference_type n) noexcept { at_ += n; return *this; }
    EdgeIdIterator& operator-=(difference_type n) noexcept { at_ -= n; return *this; }
    friend EdgeIdIterator operator+(EdgeIdIterator i, difference_type n) noexcept { return i += n; }
    friend EdgeIdIterator operator+(difference_type n, EdgeIdIterator i) noexcept { return i += n; }
    friend EdgeIdIterator operator-(EdgeIdIterator i, difference_type n) noexcept { return i -= n; }
    friend difference_type operator-(EdgeIdIterator a, EdgeIdIterator b) noexcept {
        return a.at_ - b.at_;
    }
    friend bool operator==(EdgeIdIterator a, EdgeIdIterator b) noexcept { return a.at_ == b.at_; }
    friend auto operator<=>(EdgeIdIterator a, EdgeIdIterator b) noexcept { return a.at_ <=> b.at_; }

private:
    const std::uint32_t* at_ = nullptr;
};

/// Iterates edge ids 0, 1, … as `LandscapeEdge`s.
class EdgeCountingIterator {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = LandscapeEdge;
    using difference_type = std::ptrdiff_t;
    using pointer = const LandscapeEdge*;
    using reference = LandscapeEdge;

    EdgeCountingIterator() = default;
    explicit EdgeCountingIterator(std::uint32_t id) noexcept : id_(id) {}
    reference operator*() const noexcept { return LandscapeEdge{id_}; }
    EdgeCountingIterator& operator++() noexcept { ++id_; return *this; }
    EdgeCountingIterator operator++(int) noexcept { auto old = *this; ++id_; return old; }
    friend bool operator==(EdgeCountingIterator, EdgeCountingIterator) = default;

private:
    std::uint32_t id_ = 0;
};

} // namespace detail

/// Boost.Graph's `source(e, g)`. Cost: O(1).
inline std::size_t source(LandscapeEdge e, const LandscapeGraph& g) noexcept {
    return g.tie(e.id).source;
}
/// Boost.Graph's `target(e, g)`. Cost: O(1).
inline std::size_t target(LandscapeEdge e, const LandscapeGraph& g) noexcept {
    return g.tie(e.id).target;
}
/// Boost.Graph's `out_edges(v, g)`: the ties out of slot `v`. Cost: O(1).
inline std::pair<detail::EdgeIdIterator, detail::EdgeIdIterator> out_edges(
    std::size_t v, const LandscapeGraph& g) noexcept {
    const auto list = g.out(v);
    return {detail::EdgeIdIterator(list.data()), detail::EdgeIdIterator(list.data() + list.size())};
}
/// Boost.Graph's `in_edges(v, g)`: the ties into slot `v`. Cost: O(1).
inline std::pair<detail::EdgeIdIterator, detail::EdgeIdIterator> in_edges(
    std::size_t v, const LandscapeGraph& g) noexcept {
    const auto list = g.in(v);
    return {detail::EdgeIdIterator(list.data()), detail::EdgeIdIterator(list.data() + list.size())};
}
/// Boost.Graph's degree functions. Cost: O(1).
inline std::size_t out_degree(std::size_t v, const LandscapeGraph& g) noexcept {
    return g.out(v).size();
}
inline std::size_t in_degree(std::size_t v, const LandscapeGraph& g) noexcept {
    return g.in(v).size();
}
inline std::size_t degree(std::size_t v, const LandscapeGraph& g) noexcept {
    return g.out(v).size() + g.in(v).size();
}
/// Boost.Graph's `vertices(g)`: every slot, removed ones included (isolated). Cost: O(1).
inline std::pair<boost::counting_iterator<std::size_t>, boost::counting_iterator<std::size_t>>
vertices(const LandscapeGraph& g) noexcept {
    return {boost::counting_iterator<std::size_t>(0),
            boost::counting_iterator<std::size_t>(g.vertex_count())};
}
inline std::size_t num_vertices(const LandscapeGraph& g) noexcept { return g.vertex_count(); }
/// Boost.Graph's `edges(g)`: every tie, by id. Cost: O(1).
inline std::pair<detail::EdgeCountingIterator, detail::EdgeCountingIterator> edges(
    const LandscapeGraph& g) noexcept {
    return {detail::EdgeCountingIterator(0),
            detail::EdgeCountingIterator(static_cast<std::uint32_t>(g.edge_count()))};
}
inline std::size_t num_edges(const LandscapeGraph& g) noexcept { return g.edge_count(); }

/// A read-only Boost property map of the tie weights (`get(boost::edge_weight, g)`).
struct TieWeightMap {
    using key_type = LandscapeEdge;
    using value_type = double;
    using reference = double;
    using category = boost::readable_property_map_tag;
    const LandscapeGraph* graph = nullptr;
};
inline double get(TieWeightMap m, LandscapeEdge e) noexcept { return m.graph->tie(e.id).weight; }

/// The weight map of `g`, for Boost's weighted algorithms. Cost: O(1).
inline TieWeightMap get(boost::edge_weight_t, const LandscapeGraph& g) noexcept {
    return TieWeightMap{&g};
}
/// The vertex index map of `g` (slots are their own index). Cost: O(1).
inline boost::typed_identity_property_map<std::size_t> get(boost::vertex_index_t,
                                                           const LandscapeGraph&) noexcept {
    return {};
}

} // namespace copnet

namespace boost {

template <>
struct graph_traits<copnet::LandscapeGraph> {
    using vertex_descriptor = std::size_t;
    using edge_descriptor = copnet::LandscapeEdge;
    using directed_category = bidirectional_tag;
    using edge_parallel_category = allow_parallel_edge_tag;
    struct traversal_category : bidirectional_graph_tag,
                                vertex_list_graph_tag,
                                edge_list_graph_tag {};
    using out_edge_iterator = copnet::detail::EdgeIdIterator;
    using in_edge_iterator = copnet::detail::EdgeIdIterator;
    using vertex_iterator = counting_iterator<std::size_t>;
    using edge_iterator = copnet::detail::EdgeCountingIterator;
    using adjacency_iterator = void;
    using degree_size_type = std::size_t;
    using vertices_size_type = std::size_t;
    using edges_size_type = std::size_t;
    static vertex_descriptor null_vertex() { return static_cast<std::size_t>(-1); }
};

template <>
struct property_map<copnet::LandscapeGraph, edge_weight_t> {
    using type = copnet::TieWeightMap;
    using const_type = copnet::TieWeightMap;
};
template <>
struct property_map<copnet::LandscapeGraph, vertex_index_t> {
    using type = typed_identity_property_map<std::size_t>;
    using const_type = typed_identity_property_map<std::size_t>;
};

} // namespace boost
