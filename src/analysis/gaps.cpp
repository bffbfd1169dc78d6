// Representation by facet and circle, invitation candidates, and the gaps report.
#include "copnet/analysis/gaps.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <gsl/gsl>

#include "detail/snapshot.hpp"
#include "copnet/error.hpp"
#include "detail/bfs.hpp"
#include "detail/parallel.hpp"
#include "gaps_detail.hpp"

namespace copnet {

namespace detail {


} // namespace detail

namespace {

std::size_t circle_index(Circle c) { return static_cast<std::size_t>(c); }

CategoryCount count_of(std::size_t count, std::size_t group, double landscape_share) {
    CategoryCount c;
    c.count = count;
    c.share = group == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(group);
    c.ratio = landscape_share > 0.0 ? c.share / landscape_share : 0.0;
    return c;
}

void check_weight(double w, const char* name) {
    if (!(w >= 0.0) || !std::isfinite(w))
        throw invalid_value(std::string("CandidateOptions::") + name +
                            " must be a finite number >= 0");
}

} // namespace

Representation representation(const Network& net, const Community& community,
                              const RepresentationOptions& options) {
    if (!(options.threshold > 0.0 && options.threshold <= 1.0))
        throw invalid_value("the under-representation threshold must be in (0, 1], got " +
                            std::to_string(options.threshold));
    // Group sizes: landscape, core, inner, outer.
    const std::size_t total = net.stakeholder_count();
    const std::size_t core = community.count(Circle::core);
    const std::size_t inner = community.count(Circle::inner);
    const std::size_t outer = community.count(Circle::outer);

    Representation rep;
    for (const std::string& facet_name : options.facets) {
        const Facet facet = detail::checked_facet(net, facet_name);
        // Per category: counts in landscape, core, inner, outer.
        struct Row {
            std::string category;
            bool expected = false;
            std::array<std::size_t, 4> counts{};
        };
        std::vector<Row> rows;
        // By category_key: the spellings of one category merge, shown as the taxonomy's name or
        // the first spelling met.
        const auto key_of = [&](std::string_view text) {
            return facet.folds() ? category_key(text) : std::string(text);
        };
        std::unordered_map<std::string, std::size_t> index;
        if (const TaxonomyFacet* t = options.taxonomy.find(facet_name))
            for (const TaxonomyCategory& c : t->categories) {
                index.emplace(key_of(c.name), rows.size());
                rows.push_back({c.name, true, {}});
            }
        // Each distinct spelling is matched against the taxonomy once; the views point into the
        // stakeholders, which do not change during the call.
        constexpr std::size_t unknown = std::numeric_limits<std::size_t>::max();
        std::unordered_map<std::string_view, std::size_t> by_text;
        std::array<std::size_t, 4> unknown_counts{};
        for (const StakeholderId who : net.stakeholders()) {
            const std::string_view text = facet(net.stakeholder(who));
            std::size_t r = unknown;
            if (!text.empty()) {
                auto [at, fresh] = by_text.emplace(text, 0);
                if (fresh) {
                    const auto canonical = options.taxonomy.match(facet_name, text);
                    const std::string_view shown = canonical ? *canonical : text;
                    auto [it, added] = index.emplace(key_of(shown), rows.size());
                    if (added) rows.push_back({std::string(shown), false, {}});
                    at->second = it->second;
                }
                r = at->second;
            }
            auto& counts = r == unknown ? unknown_counts : rows[r].counts;
            ++counts[0];
            const Circle circle = community.circle(who);
            if (circle != Circle::none) ++counts[1 + circle_index(circle)];
        }
        if (unknown_counts[0] > 0) rows.push_back({"", false, unknown_counts});

        for (const Row& r : rows) {
            RepresentationRow out;
            out.facet = facet_name;
            out.category = r.category;
            out.expected = r.expected;
            out.landscape = count_of(r.counts[0], total, 0.0);
            const double base = out.landscape.share;
            out.landscape.ratio = base > 0.0 ? 1.0 : 0.0;
            out.core = count_of(r.counts[1], core, base);
            out.inner = count_of(r.counts[2], inner, base);
            out.outer = count_of(r.counts[3], outer, base);
            out.leading = count_of(r.counts[1] + r.counts[2], core + inner, base);
            out.members = count_of(r.counts[1] + r.counts[2] + r.counts[3], core + inner + outer,
                                   base);
            if (out.category.empty()) {
                out.status = RepresentationStatus::unknown;
            } else if (out.leading.count == 0 && (out.landscape.count > 0 || out.expected)) {
                out.status = RepresentationStatus::missing;
                rep.missing.push_back({out.facet, out.category, out.landscape.count, out.outer.count});
            } else if (out.leading.count > 0 && out.leading.ratio < options.threshold) {
                out.status = RepresentationStatus::under_represented;
                rep.under_represented.push_back({out.facet, out.category, out.leading.ratio});
            }
            rep.rows.push_back(std::move(out));
        }
    }
    return rep;
}

std::string_view to_string(RepresentationStatus status) noexcept {
    constexpr std::array<std::string_view, 4> names{"ok", "missing", "under_represented", "unknown"};
    return names.at(static_cast<std::size_t>(status));
}

namespace detail {

std::vector<Candidate> rank_candidates(const Network& net, const Community& community,
                                       const Representation& rep, const CandidateOptions& o) {
    check_weight(o.core_tie, "core_tie");
    check_weight(o.inner_tie, "inner_tie");
    check_weight(o.outer_tie, "outer_tie");
    check_weight(o.missing_category, "missing_category");
    check_weight(o.under_represented_category, "under_represented_category");
    check_weight(o.skeptic, "skeptic");
    check_weight(o.neutral, "neutral");
    check_weight(o.reach, "reach");

    const auto snap = Snapshot::of(net, o.filter, o.weighted);
    const Snapshot& s = *snap;
    const std::uint32_t n = s.size();
    std::vector<Circle> circle(n);
    std::vector<std::uint32_t> members;
    for (std::uint32_t v = 0; v < n; ++v) {
        circle[v] = community.circle(s.stakeholder(v));
        if (circle[v] != Circle::none) members.push_back(v);
    }

    // The community's k-step reach, to tell what a candidate would add.
    std::vector<char> reached;
    std::shared_ptr<const Snapshot> reach_snap;
    std::uint32_t hops = 0;
    if (o.reach > 0.0) {
        reach_snap = Snapshot::of(net, o.reach_filter);
        hops = static_cast<std::uint32_t>(std::min<std::size_t>(o.hops, Snapshot::npos - 1));
        reached.assign(n, 0);
        Bfs bfs(n);
        bfs.run(*reach_snap, members, hops);
        for (std::uint32_t v : bfs.order()) reached[v] = 1;
    }
    // What each non-member's k-step reach adds: one search each, split across threads (each
    // writes its own slots, so the thread count changes nothing).
    std::vector<std::uint32_t> reach_added(o.reach > 0.0 ? n : 0, 0);
    if (o.reach > 0.0) {
        const std::size_t chunk = std::clamp<std::size_t>(n / 512, 16, 256);
        std::vector<std::unique_ptr<Bfs>> searches(worker_count(o.threads, n / chunk + 1));
        parallel_chunks(
            n, chunk, o.threads,
            [&](unsigned worker, std::size_t first, std::size_t last) {
                auto& bfs = searches[worker];
                if (!bfs) bfs = std::make_unique<Bfs>(n);
                for (std::size_t u = first; u < last; ++u) {
                    if (circle[u] != Circle::none) continue;
                    const std::uint32_t one[] = {static_cast<std::uint32_t>(u)};
                    bfs->run(*reach_snap, one, hops);
                    std::uint32_t added = 0;
                    for (std::uint32_t v : bfs->order()) added += (v != u && reached[v] == 0) ? 1U : 0U;
                    reach_added[u] = added;
                }
            },
            o.progress);
    } else if (o.progress) {
        o.progress(n, n);
    }

    // Missing and under-represented categories, per facet asked.
    struct FacetGaps {
        std::string name;
        Facet facet;
        std::vector<std::string> missing;
        std::vector<std::string> under;
    };
    std::vector<FacetGaps> facets;
    for (const std::string& name : o.representation.facets) {
        FacetGaps g{name, checked_facet(net, name), {}, {}};
        for (const MissingCategory& m : rep.missing)
            if (m.facet == name) g.missing.push_back(m.category);
        for (const UnderRepresented& u : rep.under_represented)
            if (u.facet == name) g.under.push_back(u.category);
        facets.push_back(std::move(g));
    }
    const auto contains = [](const std::vector<std::string>& v, std::string_view x) {
        const std::string key = category_key(x);  // spellings of one category are one
        return std::any_of(v.begin(), v.end(), [&](const std::string& c) { return category_key(c) == key; });
    };

    std::vector<Candidate> out;
    for (std::uint32_t u = 0; u < n; ++u) {
        if (circle[u] != Circle::none) continue;
        Candidate c;
        c.who = s.stakeholder(u);
        const Stakeholder& who = net.stakeholder(c.who);
        std::array<std::size_t, 3> ties{};
        std::array<double, 3> tie_score{};
        const std::array<double, 3> circle_weight{o.core_tie, o.inner_tie, o.outer_tie};
        for (std::uint32_t j = s.offsets[u]; j < s.offsets[u + 1]; ++j) {
            const Circle cw = circle[s.targets[j]];
            if (cw == Circle::none) continue;
            const std::size_t i = circle_index(cw);
            ++ties[i];
            tie_score[i] += circle_weight[i] * (o.weighted ? s.weights[j] : 1.0);
        }
        static constexpr const char* tie_code[] = {"tie_to_core", "tie_to_inner", "tie_to_outer"};
        static constexpr const char* circle_words[] = {"the core group", "the inner circle",
                                                       "the outer circle"};
        for (std::size_t i = 0; i < 3; ++i) {
            c.ties_to_members += ties[i];
            c.parts.ties += tie_score[i];
            if (ties[i] > 0)
                c.reasons.push_back({tie_code[i], std::to_string(ties[i]) + " tie" +
                                                      (ties[i] == 1 ? "" : "s") + " to " +
                                                      circle_words[i]});
        }
        for (const FacetGaps& g : facets) {
            const std::string_view text = g.facet(who);
            if (text.empty()) continue;
            const auto canonical = o.representation.taxonomy.match(g.name, text);
            const std::string_view cat = canonical ? *canonical : text;
            if (contains(g.missing, cat)) {
                c.parts.categories += o.missing_category;
                c.reasons.push_back({"adds_missing", "adds " + g.name + " \"" + std::string(cat) +
                                                         "\", missing from the core and inner "
                                                         "circles"});
            } else if (contains(g.under, cat)) {
                c.parts.categories += o.under_represented_category;
                c.reasons.push_back({"adds_under_represented",
                                     "adds " + g.name + " \"" + std::string(cat) +
                                         "\", under-represented in the core and inner circles"});
            }
        }
        if (who.stance == Stance::skeptic && o.skeptic > 0.0) {
            c.parts.stance = o.skeptic;
            c.reasons.push_back({"skeptic", "a skeptic: the framework asks to keep inviting the "
                                            "skeptics"});
        } else if (who.stance == Stance::neutral && o.neutral > 0.0) {
            c.parts.stance = o.neutral;
        }
        if (o.reach > 0.0) {
            c.reach_added = reach_added[u];
            c.parts.reach = o.reach * static_cast<double>(c.reach_added);
            if (c.reach_added > 0)
                c.reasons.push_back({"adds_reach", "brings " + std::to_string(c.reach_added) +
                                                       " stakeholder" +
                                                       (c.reach_added == 1 ? "" : "s") +
                                                       " newly within " + std::to_string(o.hops) +
                                                       " step" + (o.hops == 1 ? "" : "s") +
                                                       " of the community"});
        }
        c.score = c.parts.ties + c.parts.categories + c.parts.stance + c.parts.reach;
        if (c.score > 0.0) out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    if (o.limit != 0 && out.size() > o.limit) out.resize(o.limit);
    return out;
}

} // namespace detail

std::vector<Candidate> candidates(const Network& net, const Community& community,
                                  const CandidateOptions& options) {
    const Representation rep = representation(net, community, options.representation);
    return detail::rank_candidates(net, community, rep, options);
}

GapsReport gaps(const Network& net, const Community& community, const GapsOptions& options) {
    GapsReport r;
    r.representation = representation(net, community, options.representation);
    CandidateOptions c = options.candidates;
    c.representation = options.representation;
    FragilityOptions f = options.fragility;
    if (options.progress) {
        // One count: the stakeholders the candidates score, then the departures.
        const std::size_t scored = net.stakeholder_count();
        const std::size_t departing = f.departures.empty()
                                          ? community.members(Circle::core).size()
                                          : f.departures.size();
        const std::size_t total = scored + departing;
        const Progress& progress = options.progress;
        c.progress = [&progress, total, departing](std::size_t done, std::size_t) {
            if (done < total - departing) progress(done, total);  // the last call is below
        };
        f.progress = [&progress, total, scored](std::size_t done, std::size_t) {
            progress(std::min(scored + done, total), total);
        };
    }
    r.candidates = detail::rank_candidates(net, community, r.representation, c);
    r.fragility = fragility(net, community, f);
    return r;
}

} // namespace copnet
