#include "copnet/landscape_graph.hpp"

#include <algorithm>
#include <limits>
#include <memory>

#include <gsl/gsl>

#include "copnet/error.hpp"

namespace copnet {

namespace {

// Replaces `from` by `to` in `list` (the position of a tie id that moved).
void rename(std::uint32_t* list, std::uint32_t size, std::uint32_t from, std::uint32_t to) noexcept {
    // Searched from the back: a tie that moved is the newest, so usually near the end.
    for (std::uint32_t i = size; i-- > 0;)
        if (list[i] == from) {
            list[i] = to;
            return;
        }
    Expects(false);
}

// Erases `id` from `list`, keeping the order of the rest.
void erase(std::uint32_t* list, std::uint32_t& size, std::uint32_t id) noexcept {
    std::uint32_t i = size;
    while (i-- > 0 && list[i] != id) {}
    Expects(i < size);
    std::copy(list + i + 1, list + size, list + i);
    --size;
}

// A list's room after one more entry: doubled, from 4.
std::uint32_t grown(std::uint32_t capacity) {
    if (capacity >= std::numeric_limits<std::uint32_t>::max() / 2)
        throw invalid_value("too many ties at one stakeholder for 32-bit lists");
    return capacity < 2 ? 4 : 2 * capacity;
}

} // namespace

LandscapeGraph::LandscapeGraph(const LandscapeGraph& other)
    : ties_(other.ties_), kinds_(other.kinds_), lists_(other.lists_.size()) {
    // Each copy's block is exactly its sizes (a copy does not keep the other's slack).
    try {
        for (std::size_t v = 0; v < lists_.size(); ++v) {
            const Lists& from = other.lists_[v];
            if (from.out_size + from.in_size == 0) continue;
            resize_block(lists_[v], from.out_size, from.in_size);
            std::copy_n(from.block, from.out_size, lists_[v].block);
            std::copy_n(from.block + from.out_capacity, from.in_size,
                        lists_[v].block + lists_[v].out_capacity);
            lists_[v].out_size = from.out_size;
            lists_[v].in_size = from.in_size;
        }
    } catch (...) {
        free_lists();
        throw;
    }
}

LandscapeGraph& LandscapeGraph::operator=(const LandscapeGraph& other) {
    if (this != &other) {
        LandscapeGraph copy(other);
        *this = std::move(copy);
    }
    return *this;
}

LandscapeGraph& LandscapeGraph::operator=(LandscapeGraph&& other) noexcept {
    if (this != &other) {
        free_lists();
        ties_ = std::move(other.ties_);
        kinds_ = std::move(other.kinds_);
        lists_ = std::move(other.lists_);
        other.ties_.clear();
        other.kinds_.clear();
        other.lists_.clear();
    }
    return *this;
}

LandscapeGraph::~LandscapeGraph() { free_lists(); }

void LandscapeGraph::free_lists() noexcept {
    for (Lists& l : lists_) {
        delete[] l.block;
        l = Lists{};
    }
}

void LandscapeGraph::resize_block(Lists& l, std::uint32_t out, std::uint32_t in) {
    Expects(out >= l.out_size && in >= l.in_size);
    if (out == l.out_capacity && in == l.in_capacity) return;
    const std::size_t total = std::size_t{out} + in;
    std::unique_ptr<std::uint32_t[]> block(total == 0 ? nullptr : new std::uint32_t[total]);
    std::copy_n(l.block, l.out_size, block.get());
    std::copy_n(l.block + l.out_capacity, l.in_size, block.get() + out);
    delete[] l.block;
    l.block = block.release();
    l.out_capacity = out;
    l.in_capacity = in;
}

void LandscapeGraph::reserve_lists(std::size_t v, std::size_t out, std::size_t in) {
    if (out == 0 && in == 0) return;
    Lists& l = lists_[v];
    const std::size_t want_out = std::max<std::size_t>(l.out_capacity, l.out_size + out);
    const std::size_t want_in = std::max<std::size_t>(l.in_capacity, l.in_size + in);
    if (want_out + want_in >= std::numeric_limits<std::uint32_t>::max())
        throw invalid_value("too many ties at one stakeholder for 32-bit lists");
    resize_block(l, static_cast<std::uint32_t>(want_out), static_cast<std::uint32_t>(want_in));
}

std::uint32_t LandscapeGraph::add_edge(std::uint32_t source, std::uint32_t target, TieData data) {
    if (ties_.size() >= std::numeric_limits<std::uint32_t>::max())
        throw invalid_value("too many ties for 32-bit tie ids");
    const auto id = static_cast<std::uint32_t>(ties_.size());
    // Make every room first; then nothing below can throw.
    if (ties_.size() == ties_.capacity()) ties_.reserve(ties_.size() < 8 ? 8 : 2 * ties_.size());
    if (kinds_.size() == kinds_.capacity()) kinds_.reserve(ties_.capacity());
    Lists& s = lists_[source];
    if (s.out_size == s.out_capacity) resize_block(s, grown(s.out_capacity), s.in_capacity);
    Lists& t = lists_[target];
    if (t.in_size == t.in_capacity) resize_block(t, t.out_capacity, grown(t.in_capacity));
    ties_.push_back({source, target, data.weight});
    kinds_.push_back(data.kind);
    s.block[s.out_size++] = id;
    t.block[t.out_capacity + t.in_size++] = id;
    return id;
}

void LandscapeGraph::remove_edge(std::uint32_t id) noexcept {
    const TieRecord gone = ties_[id];
    Lists& s = lists_[gone.source];
    erase(s.block, s.out_size, id);
    Lists& t = lists_[gone.target];
    erase(t.block + t.out_capacity, t.in_size, id);
    const auto last = static_cast<std::uint32_t>(ties_.size() - 1);
    if (id != last) {
        const TieRecord& moved = ties_[last];
        Lists& ms = lists_[moved.source];
        rename(ms.block, ms.out_size, last, id);
        Lists& mt = lists_[moved.target];
        rename(mt.block + mt.out_capacity, mt.in_size, last, id);
        ties_[id] = moved;
        kinds_[id] = kinds_[last];
    }
    ties_.pop_back();
    kinds_.pop_back();
}

void LandscapeGraph::clear_vertex(std::size_t v) noexcept {
    // Each removal may move the last tie (perhaps one of v's) to a new id; remove_edge keeps
    // every list right, so take v's lists from the back until they are empty.
    while (lists_[v].out_size != 0) remove_edge(lists_[v].block[lists_[v].out_size - 1]);
    while (lists_[v].in_size != 0)
        remove_edge(lists_[v].block[lists_[v].out_capacity + lists_[v].in_size - 1]);
    delete[] lists_[v].block;  // give the memory back
    lists_[v] = Lists{};
}

} // namespace copnet
