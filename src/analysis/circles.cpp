// Density and reciprocity by circle, and suggested moves between circles.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "copnet/analysis/circles.hpp"
#include "copnet/error.hpp"
#include "detail/relations.hpp"
#include "detail/text.hpp"
#include "simple_graph.hpp"
#include "detail/categories.hpp"

namespace copnet {
namespace {

constexpr std::size_t circle_count = 4;

std::size_t index(Circle c) noexcept { return static_cast<std::size_t>(c); }

bool has_edge(const detail::CollapsedGraph& g, std::uint32_t u, std::uint32_t v) {
    const auto first = g.adj.begin() + g.offsets[u];
    const auto last = g.adj.begin() + g.offsets[u + 1];
    return std::binary_search(first, last, v);
}

std::string number(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", x);
    return buf;
}

double median(std::vector<double> xs) {
    std::sort(xs.begin(), xs.end());
    const std::size_t m = xs.size() / 2;
    return xs.size() % 2 == 1 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

Circle next_out(Circle c) { return static_cast<Circle>(index(c) + 1); }

} // namespace

std::string_view to_string(SuggestionKind kind) noexcept {
    switch (kind) {
    case SuggestionKind::move_inward: return "move_inward";
    case SuggestionKind::at_risk: return "at_risk";
    case SuggestionKind::invite: return "invite";
    }
    return "?";
}

CircleDensity circle_density(const Network& net, const Community& community,
                             const CircleDensityOptions& options) {
    CircleDensity out;
    std::array<std::size_t, circle_count> size{};
    for (std::size_t c = 0; c < circle_count; ++c) size[c] = community.count(static_cast<Circle>(c));
    std::array<double, circle_count * circle_count> weight_sum{};
    out.blocks.resize(circle_count * circle_count);
    for (std::size_t x = 0; x < circle_count; ++x)
        for (std::size_t y = 0; y < circle_count; ++y) {
            CircleBlock& b = out.blocks[circle_count * x + y];
            b.from = static_cast<Circle>(x);
            b.to = static_cast<Circle>(y);
            b.pairs = x == y ? size[x] * (size[x] == 0 ? 0 : size[x] - 1) : size[x] * size[y];
        }

    const auto g = detail::CollapsedGraph::build_directed(net, options.filter, true);
    std::vector<std::uint8_t> circle(g.size());
    for (std::uint32_t u = 0; u < g.size(); ++u)
        circle[u] = static_cast<std::uint8_t>(community.circle(g.snap->stakeholder(u)));
    for (std::uint32_t u = 0; u < g.size(); ++u)
        for (std::uint32_t j = g.offsets[u]; j < g.offsets[u + 1]; ++j) {
            const std::size_t k = circle_count * circle[u] + circle[g.adj[j]];
            ++out.blocks[k].tied;
            weight_sum[k] += g.weights[j];
        }
    for (std::size_t k = 0; k < out.blocks.size(); ++k) {
        CircleBlock& b = out.blocks[k];
        b.density = b.pairs == 0 ? 0.0 : static_cast<double>(b.tied) / static_cast<double>(b.pairs);
        b.mean_weight = b.tied == 0 ? 0.0 : weight_sum[k] / static_cast<double>(b.tied);
    }

    // Reciprocity over the directed kinds only.
    TieFilter directed = TieFilter::of({}, options.filter.direction);
    const auto followed = detail::followed(options.filter, net);
    for (std::size_t k = 0; k < net.relations().size(); ++k)
        if (followed[k] && !net.relations()[k].mutual()) directed.chosen.set(k);
    out.reciprocity.resize(circle_count);
    for (std::size_t c = 0; c < circle_count; ++c) out.reciprocity[c].circle = static_cast<Circle>(c);
    if (directed.chosen.any()) {
        const auto d = detail::CollapsedGraph::build_directed(net, directed, false);
        for (std::uint32_t u = 0; u < d.size(); ++u)
            for (std::uint32_t j = d.offsets[u]; j < d.offsets[u + 1]; ++j) {
                const std::uint32_t v = d.adj[j];
                if (circle[u] != circle[v]) continue;
                CircleReciprocity& r = out.reciprocity[circle[u]];
                ++r.directed;
                if (has_edge(d, v, u)) ++r.reciprocated;
            }
    }
    for (CircleReciprocity& r : out.reciprocity)
        r.reciprocity = r.directed == 0 ? std::numeric_limits<double>::quiet_NaN()
                                        : static_cast<double>(r.reciprocated) /
                                              static_cast<double>(r.directed);
    return out;
}

std::vector<Suggestion> suggest_moves(const Network& net, const Community& community,
                                      const SuggestOptions& options) {
    if (!(options.invite_min_share >= 0.0 && options.invite_min_share <= 1.0))
        throw invalid_value("suggestions: invite_min_share must be in [0,1], not " +
                            number(options.invite_min_share));
    std::vector<Suggestion> out;
    const auto g = detail::CollapsedGraph::build(net, options.filter, options.weighted);
    const std::uint32_t n = g.size();
    std::vector<Circle> circle(n);
    for (std::uint32_t u = 0; u < n; ++u) circle[u] = community.circle(g.snap->stakeholder(u));

    // Move inward: outer members whose coreness or core/periphery score reaches the inner median.
    const std::vector<Coreness> cores =
        coreness(net, {.filter = options.filter, .weighted = options.weighted});
    const CorePeriphery cp =
        core_periphery(net, community, {.filter = options.filter, .weighted = options.weighted});
    std::vector<double> score(n, std::numeric_limits<double>::quiet_NaN());
    for (const CorePeripheryScore& s : cp.scores) score[g.snap->vertex(s.who)] = s.score;
    std::vector<double> inner_k, inner_score;
    for (std::uint32_t u = 0; u < n; ++u)
        if (circle[u] == Circle::inner) {
            inner_k.push_back(cores[u].s);
            inner_score.push_back(score[u]);
        }
    if (!inner_k.empty()) {
        const double k_median = median(inner_k);
        const double score_median = median(inner_score);
        const char* k_name = options.weighted ? "s-coreness " : "coreness ";
        for (std::uint32_t u = 0; u < n; ++u) {
            if (circle[u] != Circle::outer) continue;
            std::string why;
            if (cores[u].s >= k_median)
                why = k_name + number(cores[u].s) + " >= inner circle median " + number(k_median);
            if (score[u] >= score_median) {
                if (!why.empty()) why += "; ";
                why += "core/periphery score " + number(score[u]) + " >= inner circle median " +
                       number(score_median);
            }
            if (!why.empty())
                out.push_back({g.snap->stakeholder(u), SuggestionKind::move_inward, Circle::outer,
                               Circle::inner, why});
        }
    }

    // Member neighbours of each stakeholder.
    std::vector<std::size_t> member_ties(n, 0);
    for (std::uint32_t u = 0; u < n; ++u)
        for (std::uint32_t j = g.offsets[u]; j < g.offsets[u + 1]; ++j)
            if (circle[g.adj[j]] != Circle::none) ++member_ties[u];

    for (std::uint32_t u = 0; u < n; ++u) {
        if (circle[u] != Circle::core && circle[u] != Circle::inner) continue;
        if (member_ties[u] >= options.at_risk_below) continue;
        out.push_back({g.snap->stakeholder(u), SuggestionKind::at_risk, circle[u],
                       next_out(circle[u]),
                       std::to_string(member_ties[u]) + " tie" + (member_ties[u] == 1 ? "" : "s") +
                           " to other members (fewer than " +
                           std::to_string(options.at_risk_below) + ")"});
    }
    for (std::uint32_t u = 0; u < n; ++u) {
        if (circle[u] != Circle::none || member_ties[u] < options.invite_min_ties) continue;
        const double share =
            static_cast<double>(member_ties[u]) / static_cast<double>(g.degree(u));
        if (share < options.invite_min_share) continue;
        out.push_back({g.snap->stakeholder(u), SuggestionKind::invite, Circle::none, Circle::outer,
                       "tied to " + std::to_string(member_ties[u]) + " members (" +
                           number(100.0 * share) + " % of its neighbours)"});
    }
    return out;
}

namespace {
constexpr std::array<std::string_view, 2> between_names{"ignored", "tied"};
} // namespace

std::string_view to_string(BetweenBlock between) noexcept {
    return between_names.at(static_cast<std::size_t>(between));
}

BetweenBlock parse_between_block(std::string_view text) {
    return detail::parse_enum<BetweenBlock>(text, between_names, "between block");
}

CirclesReport circles_report(const Network& net, const Community& community, const Community* before,
                             const CirclesReportOptions& o) {
    // A facet typo is an error even when no trajectory uses the facet (no `before`).
    if (!o.facet.empty()) (void)detail::checked_facet(net, o.facet);
    CirclesReport r;
    r.weighted = o.weighted;
    r.coreness = coreness(net, {.filter = o.filter, .weighted = o.weighted});
    CorePeripheryOptions cp{.filter = o.filter,
                            .weighted = o.weighted,
                            .between = o.between,
                            .restarts = o.restarts,
                            .seed = o.seed};
    cp.progress = o.progress;
    r.among_members = community.member_count() > 0;
    r.core_periphery = r.among_members ? core_periphery(net, community, cp) : core_periphery(net, cp);
    cp.progress = {};  // the fit's own search is short
    r.fit = circle_fit(net, community, cp);
    r.density = circle_density(net, community, {.filter = o.filter});
    r.suggestions = suggest_moves(net, community,
                                  {.filter = o.filter,
                                   .weighted = o.weighted,
                                   .at_risk_below = o.at_risk_below,
                                   .invite_min_ties = o.invite_min_ties,
                                   .invite_min_share = o.invite_min_share});
    if (before != nullptr) r.trajectories = trajectories(net, *before, community, o.facet);
    return r;
}

} // namespace copnet
