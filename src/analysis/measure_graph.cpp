// The graph of DESIGN §3.6's measures and strong components (measure_graph.hpp).
#include "measure_graph.hpp"

#include <algorithm>

#include "detail/relations.hpp"

namespace copnet::detail {

bool reads_undirected(const Network& net, const TieFilter& filter) {
    if (filter.direction == Direction::both) return true;
    const Follow follow = resolve(filter, net);
    const auto relations = net.relations();
    for (std::size_t k = 0; k < relations.size(); ++k) {
        const auto kind = static_cast<TieKind>(k);
        if (follow.follows(kind) && !relations[k].mutual() && net.tie_count(kind) > 0) return false;
    }
    return true;
}

MeasureGraph measure_graph(const Network& net, const TieFilter& filter, bool with_weights,
                           bool with_both) {
    MeasureGraph g;
    g.undirected = reads_undirected(net, filter);
    g.snap = Snapshot::of(net, filter, with_weights);
    g.out = simple_graph(*g.snap);
    g.in = g.undirected ? g.out : transpose(g.out);
    if (with_both) g.both = g.undirected ? g.out : row_union(g.out, g.in);
    return g;
}

std::uint32_t strong_components(std::uint32_t n, const std::uint32_t* offsets,
                                const std::uint32_t* targets, std::vector<std::uint32_t>& comp) {
    // Tarjan (1972), with an explicit stack of frames instead of recursion: index[v] = 0 means
    // unvisited; low[v] the smallest index reachable; a vertex stays on `open` until its
    // component is complete.
    constexpr std::uint32_t none = Snapshot::npos;
    std::vector<std::uint32_t> index(n, 0), low(n, 0);
    std::vector<char> on_open(n, 0);
    std::vector<std::uint32_t> open;
    struct Frame {
        std::uint32_t v, edge;
    };
    std::vector<Frame> frames;
    comp.assign(n, none);
    std::uint32_t counter = 0, count = 0;
    const auto begin = [&](std::uint32_t v) {
        index[v] = low[v] = ++counter;
        open.push_back(v);
        on_open[v] = 1;
        frames.push_back({v, offsets[v]});
    };
    for (std::uint32_t root = 0; root < n; ++root) {
        if (index[root] != 0) continue;
        begin(root);
        while (!frames.empty()) {
            Frame& f = frames.back();
            const std::uint32_t v = f.v;
            if (f.edge < offsets[v + 1]) {
                const std::uint32_t w = targets[f.edge++];
                if (index[w] == 0)
                    begin(w);
                else if (on_open[w] != 0)
                    low[v] = std::min(low[v], index[w]);
                continue;
            }
            frames.pop_back();
            if (!frames.empty()) {
                const std::uint32_t u = frames.back().v;
                low[u] = std::min(low[u], low[v]);
            }
            if (low[v] != index[v]) continue;
            std::uint32_t w = none;
            do {
                w = open.back();
                open.pop_back();
                on_open[w] = 0;
                comp[w] = count;
            } while (w != v);
            ++count;
        }
    }
    // Renumber in the order of each component's first vertex (as `components` numbers pieces).
    std::vector<std::uint32_t> label(count, none);
    std::uint32_t next = 0;
    for (std::uint32_t v = 0; v < n; ++v) {
        if (label[comp[v]] == none) label[comp[v]] = next++;
        comp[v] = label[comp[v]];
    }
    return count;
}

} // namespace copnet::detail
