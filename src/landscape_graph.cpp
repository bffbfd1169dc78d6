#include "copnet/landscape_graph.hpp"

#include <algorithm>
#include <limits>

#include <gsl/gsl>

#include "copnet/error.hpp"

namespace copnet {

namespace {

// Replaces `from` by `to` in `list` (the position of a tie id that moved).
void rename(std::vector<std::uint32_t>& list, std::uint32_t from, std::uint32_t to) noexcept {
    // Searched from the back: a tie that moved is the newest, so usually near the end.
    for (auto it = list.rbegin(); it != list.rend(); ++it)
        if (*it == from) {
            *it = to;
            return;
        }
    Expects(false);
}

// Erases `id` from `list`, keeping the order of the rest.
void erase(std::vector<std::uint32_t>& list, std::uint32_t id) noexcept {
    const auto it = std::find(list.rbegin(), list.rend(), id);
    Expects(it != list.rend());
    list.erase(std::next(it).base());
}

} // namespace

std::uint32_t LandscapeGraph::add_edge(std::uint32_t source, std::uint32_t target, TieData data) {
    if (ties_.size() >= std::numeric_limits<std::uint32_t>::max())
        throw invalid_value("too many ties for 32-bit tie ids");
    const auto id = static_cast<std::uint32_t>(ties_.size());
    ties_.push_back({source, target, data});
    try {
        lists_[source].out.push_back(id);
        try {
            lists_[target].in.push_back(id);
        } catch (...) {
            lists_[source].out.pop_back();
            throw;
        }
    } catch (...) {
        ties_.pop_back();
        throw;
    }
    return id;
}

void LandscapeGraph::remove_edge(std::uint32_t id) noexcept {
    const TieRecord gone = ties_[id];
    erase(lists_[gone.source].out, id);
    erase(lists_[gone.target].in, id);
    const auto last = static_cast<std::uint32_t>(ties_.size() - 1);
    if (id != last) {
        const TieRecord& moved = ties_[last];
        rename(lists_[moved.source].out, last, id);
        rename(lists_[moved.target].in, last, id);
        ties_[id] = moved;
    }
    ties_.pop_back();
}

void LandscapeGraph::clear_vertex(std::size_t v) noexcept {
    // Each removal may move the last tie (perhaps one of v's) to a new id; remove_edge keeps
    // every list right, so take v's lists from the back until they are empty.
    while (!lists_[v].out.empty()) remove_edge(lists_[v].out.back());
    while (!lists_[v].in.empty()) remove_edge(lists_[v].in.back());
    std::vector<std::uint32_t>().swap(lists_[v].out);  // give the memory back, without allocating
    std::vector<std::uint32_t>().swap(lists_[v].in);
}

} // namespace copnet
