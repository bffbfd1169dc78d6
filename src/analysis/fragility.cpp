// Fragility: articulation points and bridges (iterative Hopcroft–Tarjan on a CSR snapshot),
// leader departure, dependence on single stakeholders.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <gsl/gsl>

#include "copnet/analysis/gaps.hpp"
#include "detail/snapshot.hpp"
#include "copnet/error.hpp"
#include "detail/bfs.hpp"
#include "detail/categories.hpp"
#include "gaps_detail.hpp"

namespace copnet {

namespace detail {

CutResult cut_structure(std::uint32_t n, const std::uint32_t* offsets,
                        const std::uint32_t* targets, bool want_pieces, bool want_bridges) {
    constexpr std::uint32_t none = Snapshot::npos;
    CutResult r;
    // disc = 0: not yet visited; discovery times start at 1. Everything else a vertex needs
    // while it is open lives in its frame on the explicit stack (contiguous and hot in cache),
    // so the only random accesses per tie are disc[] of the neighbour.
    struct Frame {
        std::uint32_t v;
        std::uint32_t parent;
        std::uint32_t next;  // the next tie of v to examine
        std::uint32_t end;
        std::uint32_t disc;
        std::uint32_t low;
        std::uint32_t size;  // DFS subtree size so far
    };
    std::vector<std::uint32_t> disc(n, 0);
    std::vector<char> cut(n, 0);
    std::vector<Frame> stack;
    std::uint32_t timer = 1;
    for (std::uint32_t root = 0; root < n; ++root) {
        if (disc[root] != 0) continue;
        ++r.components;
        const std::size_t first_piece = r.pieces.size();
        std::uint32_t root_children = 0;
        disc[root] = timer;
        stack.push_back({root, none, offsets[root], offsets[root + 1], timer, timer, 1});
        ++timer;
        std::uint32_t component = 1;
        while (!stack.empty()) {
            Frame& f = stack.back();
            const std::uint32_t v = f.v;
            const std::uint32_t parent = f.parent;
            std::uint32_t low = f.low;
            std::uint32_t j = f.next;
            const std::uint32_t end = f.end;
            bool descended = false;
            for (; j < end; ++j) {
                if (j + 8 < end) __builtin_prefetch(disc.data() + targets[j + 8]);
                const std::uint32_t w = targets[j];
                if (w == parent) continue;  // every tie back to the parent: a simple graph
                const std::uint32_t d = disc[w];
                if (d == 0) {
                    f.next = j + 1;
                    f.low = low;
                    disc[w] = timer;
                    // f is not used after this push (which may reallocate).
                    stack.push_back({w, v, offsets[w], offsets[w + 1], timer, timer, 1});
                    ++timer;
                    descended = true;
                    break;
                }
                if (d < low) low = d;
            }
            if (descended) continue;
            const std::uint32_t size = f.size;
            stack.pop_back();
            if (stack.empty()) {
                component = size;
                break;
            }
            Frame& p = stack.back();
            if (low < p.low) p.low = low;
            p.size += size;
            if (low >= p.disc) {
                if (p.v == root)
                    ++root_children;
                else
                    cut[p.v] = 1;
                if (want_pieces) r.pieces.push_back({p.v, size, 0});
                if (want_bridges && low > p.disc) r.bridges.emplace_back(p.v, v);
            }
        }
        if (root_children >= 2) cut[root] = 1;
        if (want_pieces)
            for (std::size_t i = first_piece; i < r.pieces.size(); ++i)
                r.pieces[i].component = component;
    }
    for (std::uint32_t v = 0; v < n; ++v)
        if (cut[v] != 0) r.cut_vertices.push_back(v);
    return r;
}

} // namespace detail

namespace {

using detail::Snapshot;

TieFilter undirected(TieFilter f) {
    f.direction = Direction::both;
    return f;
}

// The undirected graph over some stakeholders: local vertex i is snapshot vertex vertex[i].
struct Local {
    std::vector<std::uint32_t> vertex;
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> targets;
};

Local induced(const Snapshot& s, const std::vector<char>& keep) {
    Local g;
    std::vector<std::uint32_t> local(s.size(), Snapshot::npos);
    for (std::uint32_t v = 0; v < s.size(); ++v)
        if (keep[v] != 0) {
            local[v] = gsl::narrow<std::uint32_t>(g.vertex.size());
            g.vertex.push_back(v);
        }
    g.offsets.push_back(0);
    for (const std::uint32_t v : g.vertex) {
        for (std::uint32_t j = s.offsets[v]; j < s.offsets[v + 1]; ++j)
            if (local[s.targets[j]] != Snapshot::npos) g.targets.push_back(local[s.targets[j]]);
        g.offsets.push_back(gsl::narrow<std::uint32_t>(g.targets.size()));
    }
    return g;
}

// Connected pieces of `g` without the vertices marked in `gone` (local numbering).
std::size_t pieces_without(const Local& g, const std::vector<char>& gone) {
    const auto n = gsl::narrow<std::uint32_t>(g.vertex.size());
    std::vector<char> seen(n, 0);
    std::vector<std::uint32_t> queue;
    std::size_t pieces = 0;
    for (std::uint32_t r = 0; r < n; ++r) {
        if (seen[r] != 0 || gone[r] != 0) continue;
        ++pieces;
        seen[r] = 1;
        queue.assign(1, r);
        for (std::size_t i = 0; i < queue.size(); ++i)
            for (std::uint32_t j = g.offsets[queue[i]]; j < g.offsets[queue[i] + 1]; ++j) {
                const std::uint32_t w = g.targets[j];
                if (seen[w] == 0 && gone[w] == 0) {
                    seen[w] = 1;
                    queue.push_back(w);
                }
            }
    }
    return pieces;
}

// Distances from `sources` in `s` up to `hops` (npos beyond): a multi-source BFS.
std::vector<std::uint32_t> distances_from(const Snapshot& s,
                                          const std::vector<std::uint32_t>& sources,
                                          std::uint32_t hops) {
    std::vector<std::uint32_t> dist(s.size(), Snapshot::npos);
    std::vector<std::uint32_t> queue;
    for (std::uint32_t v : sources)
        if (dist[v] == Snapshot::npos) {
            dist[v] = 0;
            queue.push_back(v);
        }
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const std::uint32_t u = queue[i];
        if (dist[u] >= hops) continue;
        for (std::uint32_t j = s.offsets[u]; j < s.offsets[u + 1]; ++j) {
            const std::uint32_t w = s.targets[j];
            if (dist[w] == Snapshot::npos) {
                dist[w] = dist[u] + 1;
                queue.push_back(w);
            }
        }
    }
    return dist;
}

// The k-step reach lost when the stakeholders `gone` leave, without a search from every
// member (Ramalingam & Reps 1996's dynamic BFS, for deletions): each reached vertex counts its
// parents (in-neighbours one step nearer the members). Departing vertices take themselves from
// their children's counts; a child left with none may have a longer path, so it does the same
// to its own children, and so on. Only those (`lost_parents`) get new distances, from their
// in-neighbours outside that set (whose distances are unchanged) and then among themselves.
// Cost per departure: the ties out of the departing and the re-measured, and into the latter.
class ReachLoss {
public:
    ReachLoss(const Snapshot& s, const std::vector<std::uint32_t>& sources, std::uint32_t hops)
        : s_(s), in_(s.transpose()), hops_(hops), dist_(distances_from(s, sources, hops)),
          source_(s.size(), 0), parents_(s.size(), 0), stamp_(s.size(), 0),
          gone_(s.size(), 0), left_(s.size(), 0), new_(s.size(), 0) {
        for (std::uint32_t v : sources) source_[v] = 1;
        for (std::uint32_t u = 0; u < s.size(); ++u) {
            if (dist_[u] == Snapshot::npos) continue;
            ++reached_;
            for (std::uint32_t j = s.offsets[u]; j < s.offsets[u + 1]; ++j)
                if (dist_[s.targets[j]] == dist_[u] + 1) ++parents_[s.targets[j]];
        }
    }

    [[nodiscard]] std::size_t reached() const noexcept { return reached_; }

    /// (reach after, reach lost) when `gone` (snapshot vertices, distinct) leave.
    std::pair<std::size_t, std::size_t> without(const std::vector<std::uint32_t>& gone) {
        constexpr std::uint32_t far = Snapshot::npos;
        ++round_;
        std::size_t gone_reached = 0;
        queue_.clear();
        for (std::uint32_t g : gone) {
            gone_[g] = round_;
            if (dist_[g] != far) {
                ++gone_reached;
                queue_.push_back(g);
            }
        }
        // Vertices whose every parent left or lost its distance.
        lost_parents_.clear();
        for (std::size_t i = 0; i < queue_.size(); ++i) {
            const std::uint32_t y = queue_[i];
            for (std::uint32_t j = s_.offsets[y]; j < s_.offsets[y + 1]; ++j) {
                const std::uint32_t w = s_.targets[j];
                if (dist_[w] != dist_[y] + 1 || gone_[w] == round_) continue;
                if (stamp_[w] != round_) {
                    stamp_[w] = round_;
                    left_[w] = parents_[w];
                }
                if (--left_[w] == 0 && source_[w] == 0) {
                    lost_parents_.push_back(w);
                    queue_.push_back(w);
                }
            }
        }
        // Their new distances from in-neighbours whose distances stand.
        auto lost = [&](std::uint32_t x) {
            return stamp_[x] == round_ && left_[x] == 0 && source_[x] == 0 && gone_[x] != round_;
        };
        auto stands = [&](std::uint32_t x) {
            return gone_[x] != round_ && dist_[x] != far && !lost(x);
        };
        start_.clear();
        for (std::uint32_t u : lost_parents_) {
            std::uint32_t d = far;
            for (std::uint32_t j = in_.offsets[u]; j < in_.offsets[u + 1]; ++j) {
                const std::uint32_t x = in_.targets[j];
                if (stands(x)) d = std::min(d, dist_[x] + 1);
            }
            new_[u] = d;
            if (d <= hops_) start_.emplace_back(d, u);
        }
        // Then among themselves, shortest first (unit steps: a sorted list merged with a queue).
        std::sort(start_.begin(), start_.end());
        queue_.clear();
        std::size_t i = 0, q = 0;
        while (i < start_.size() || q < queue_.size()) {
            std::uint32_t u = 0;
            if (q < queue_.size() && (i == start_.size() || new_[queue_[q]] <= start_[i].first)) {
                u = queue_[q++];
            } else {
                u = start_[i++].second;
                if (new_[u] != start_[i - 1].first) continue;  // improved since, seen then
            }
            if (new_[u] >= hops_) continue;
            for (std::uint32_t j = s_.offsets[u]; j < s_.offsets[u + 1]; ++j) {
                const std::uint32_t w = s_.targets[j];
                if (!lost(w) || new_[w] <= new_[u] + 1) continue;
                new_[w] = new_[u] + 1;
                queue_.push_back(w);
            }
        }
        std::size_t out_of_reach = 0;
        for (std::uint32_t u : lost_parents_)
            if (new_[u] > hops_) ++out_of_reach;
        return {reached_ - out_of_reach - gone_reached, out_of_reach};
    }

private:
    const Snapshot& s_;
    Snapshot in_;
    std::uint32_t hops_;
    std::vector<std::uint32_t> dist_;
    std::vector<char> source_;
    std::vector<std::uint32_t> parents_;
    // Per round (stamps hold the round number): departing, parents left, new distances.
    std::vector<std::uint32_t> stamp_, gone_, left_, new_;
    std::vector<std::uint32_t> lost_parents_, queue_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> start_;
    std::uint32_t round_ = 0;
    std::size_t reached_ = 0;
};

// How many pieces each member's departure leaves of the members' graph, from its cut
// structure: the DFS children it separates, plus its parent's side when anything is left.
std::vector<std::uint32_t> pieces_left(const Local& g) {
    const auto n = gsl::narrow<std::uint32_t>(g.vertex.size());
    const auto cut = detail::cut_structure(n, g.offsets.data(), g.targets.data(), true, false);
    // Component sizes.
    std::vector<std::uint32_t> label(n, Snapshot::npos), size;
    std::vector<std::uint32_t> queue;
    for (std::uint32_t r = 0; r < n; ++r) {
        if (label[r] != Snapshot::npos) continue;
        const auto c = static_cast<std::uint32_t>(size.size());
        label[r] = c;
        queue.assign(1, r);
        for (std::size_t i = 0; i < queue.size(); ++i)
            for (std::uint32_t j = g.offsets[queue[i]]; j < g.offsets[queue[i] + 1]; ++j)
                if (label[g.targets[j]] == Snapshot::npos) {
                    label[g.targets[j]] = c;
                    queue.push_back(g.targets[j]);
                }
        size.push_back(static_cast<std::uint32_t>(queue.size()));
    }
    std::vector<std::uint32_t> pieces(n, 0), separated(n, 0);
    for (const auto& p : cut.pieces) {
        ++pieces[p.at];
        separated[p.at] += p.size;
    }
    for (std::uint32_t v = 0; v < n; ++v)
        if (size[label[v]] > separated[v] + 1) ++pieces[v];
    return pieces;
}

std::vector<ArticulationPoint> points_with_pieces(const detail::CutResult& cut,
                                                  const std::vector<std::uint32_t>& to_slot) {
    // Group the separated pieces by vertex.
    std::vector<detail::CutResult::Piece> pieces = cut.pieces;
    std::stable_sort(pieces.begin(), pieces.end(),
                     [](const auto& a, const auto& b) { return a.at < b.at; });
    std::vector<ArticulationPoint> out;
    std::size_t i = 0;
    for (const std::uint32_t v : cut.cut_vertices) {
        while (i < pieces.size() && pieces[i].at < v) ++i;
        ArticulationPoint ap;
        ap.who = StakeholderId(to_slot[v]);
        std::size_t separated = 0;
        std::uint32_t component = 0;
        for (; i < pieces.size() && pieces[i].at == v; ++i) {
            ap.pieces.push_back(pieces[i].size);
            separated += pieces[i].size;
            component = pieces[i].component;
        }
        // What the separated children leave: the side of the DFS parent (none for a root).
        if (component > separated + 1) ap.pieces.push_back(component - separated - 1);
        std::sort(ap.pieces.begin(), ap.pieces.end(), std::greater<>());
        ap.splits_into = ap.pieces.size();
        out.push_back(std::move(ap));
    }
    return out;
}

} // namespace

std::vector<StakeholderId> articulation_points(const Network& net, TieFilter filter) {
    const auto snap = Snapshot::of(net, undirected(filter));
    const Snapshot& s = *snap;
    const auto cut =
        detail::cut_structure(s.size(), s.offsets.data(), s.targets.data(), false, false);
    std::vector<StakeholderId> out;
    out.reserve(cut.cut_vertices.size());
    for (std::uint32_t v : cut.cut_vertices) out.push_back(s.stakeholder(v));
    return out;
}

std::vector<Bridge> bridges(const Network& net, TieFilter filter) {
    const auto snap = Snapshot::of(net, undirected(filter));
    const Snapshot& s = *snap;
    const auto cut =
        detail::cut_structure(s.size(), s.offsets.data(), s.targets.data(), false, true);
    std::vector<Bridge> out;
    for (auto [p, u] : cut.bridges) {
        StakeholderId a = s.stakeholder(p);
        StakeholderId b = s.stakeholder(u);
        if (b < a) std::swap(a, b);
        out.push_back({a, b});
    }
    std::sort(out.begin(), out.end(), [](const Bridge& x, const Bridge& y) {
        return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
    return out;
}

Fragility fragility(const Network& net, const Community& community,
                    const FragilityOptions& options) {
    for (const auto& set : options.departures)
        for (StakeholderId who : set) (void)net.stakeholder(who);  // throws unknown_stakeholder
    std::vector<Facet> facets;
    for (const std::string& name : options.dependence_facets)
        facets.push_back(detail::checked_facet(net, name));

    const auto snap = Snapshot::of(net, undirected(options.filter));
    const Snapshot& s = *snap;
    const std::uint32_t n = s.size();
    std::vector<char> member(n, 0);
    std::vector<std::uint32_t> members;
    for (std::uint32_t v = 0; v < n; ++v)
        if (community.is_member(s.stakeholder(v))) {
            member[v] = 1;
            members.push_back(v);
        }

    // Articulation points and bridges over the scope (the landscape: the snapshot itself).
    Local g;
    const bool whole = options.scope == FragilityScope::landscape;
    if (!whole) g = induced(s, member);
    const std::uint32_t local_n = whole ? n : gsl::narrow<std::uint32_t>(g.vertex.size());
    const auto cut = detail::cut_structure(local_n, whole ? s.offsets.data() : g.offsets.data(),
                                           whole ? s.targets.data() : g.targets.data(), true,
                                           true);
    std::vector<std::uint32_t> to_slot;
    if (whole) {
        to_slot = s.slot_of;
    } else {
        to_slot.resize(local_n);
        for (std::uint32_t i = 0; i < local_n; ++i) to_slot[i] = s.slot_of[g.vertex[i]];
    }
    Fragility f;
    f.articulation_points = points_with_pieces(cut, to_slot);
    for (auto [p, u] : cut.bridges) {
        StakeholderId a(to_slot[p]);
        StakeholderId b(to_slot[u]);
        if (b < a) std::swap(a, b);
        f.bridges.push_back({a, b});
    }
    std::sort(f.bridges.begin(), f.bridges.end(), [](const Bridge& x, const Bridge& y) {
        return x.a != y.a ? x.a < y.a : x.b < y.b;
    });

    // Leader departure: k-step reach from the members, pieces of the members' graph.
    std::vector<std::vector<StakeholderId>> departures = options.departures;
    if (departures.empty())
        for (StakeholderId who : community.members(Circle::core)) departures.push_back({who});
    if (!departures.empty()) {
        const auto reach_snap = Snapshot::of(net, options.reach_filter);
        const auto hops =
            static_cast<std::uint32_t>(std::min<std::size_t>(options.hops, Snapshot::npos - 1));
        ReachLoss loss(*reach_snap, members, hops);
        const Local mg = induced(s, member);
        std::vector<std::uint32_t> local_of(n, Snapshot::npos);
        for (std::uint32_t i = 0; i < mg.vertex.size(); ++i) local_of[mg.vertex[i]] = i;
        const std::vector<char> no_local(mg.vertex.size(), 0);
        const std::size_t pieces_before = pieces_without(mg, no_local);
        const std::vector<std::uint32_t> left = pieces_left(mg);
        std::vector<std::uint32_t> gone;
        std::size_t reported = 0;
        for (const auto& set : departures) {
            detail::report_progress(options.progress, f.departures.size(), departures.size(),
                                    reported);
            gone.clear();
            for (StakeholderId who : set) gone.push_back(s.vertex(who));
            std::sort(gone.begin(), gone.end());
            gone.erase(std::unique(gone.begin(), gone.end()), gone.end());
            Departure d;
            d.who = set;
            d.reach_before = loss.reached();
            std::tie(d.reach_after, d.reach_lost) = loss.without(gone);
            d.pieces_before = pieces_before;
            if (gone.size() == 1) {
                const std::uint32_t v = local_of[gone[0]];
                d.pieces_after = v == Snapshot::npos ? pieces_before : pieces_before - 1 + left[v];
            } else {
                std::vector<char> gone_local(mg.vertex.size(), 0);
                for (std::uint32_t v : gone)
                    if (local_of[v] != Snapshot::npos) gone_local[local_of[v]] = 1;
                d.pieces_after = pieces_without(mg, gone_local);
            }
            f.departures.push_back(std::move(d));
        }
    }
    if (options.progress) options.progress(departures.size(), departures.size());

    // Dependence: the members' cross-category ties held by single stakeholders. Every tie is
    // listed once at each end of the undirected snapshot, so the entries u → w with u < w
    // count each tie once.
    // Categories by index (spellings of one category merged); `none` for no value.
    constexpr std::uint32_t none = UINT32_MAX;
    std::vector<std::uint32_t> category(n, none);
    for (std::size_t i = 0; i < facets.size(); ++i) {
        Dependence dep;
        dep.facet = options.dependence_facets[i];
        detail::CategoryTable table(facets[i]);
        for (std::uint32_t v : members) {
            const std::string_view text = facets[i](net.stakeholder(s.stakeholder(v)));
            category[v] = text.empty() ? none : table.add(text);
        }
        std::vector<std::size_t> held(n, 0);
        for (std::uint32_t u : members) {
            if (category[u] == none) continue;
            for (std::uint32_t j = s.offsets[u]; j < s.offsets[u + 1]; ++j) {
                const std::uint32_t w = s.targets[j];
                if (w <= u || member[w] == 0 || category[w] == none || category[w] == category[u])
                    continue;
                ++dep.cross_ties;
                ++held[u];
                ++held[w];
            }
        }
        for (std::uint32_t v : members)
            if (held[v] > 0)
                dep.top.push_back({s.stakeholder(v), held[v],
                                   static_cast<double>(held[v]) /
                                       static_cast<double>(dep.cross_ties)});
        std::sort(dep.top.begin(), dep.top.end(), [](const DependenceRow& x, const DependenceRow& y) {
            return x.ties != y.ties ? x.ties > y.ties : x.who < y.who;
        });
        if (dep.top.size() > options.top) dep.top.resize(options.top);
        f.dependence.push_back(std::move(dep));
    }
    return f;
}

} // namespace copnet
