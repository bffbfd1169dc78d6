#include "copnet/describe.hpp"

#include <array>
#include <cmath>

namespace copnet {
namespace {

// RAII for a nested object or list of a description.
class Nested {
public:
    Nested(FieldSink& sink, std::string_view key, bool list) : sink_(sink) {
        if (list) sink.begin_list(key);
        else sink.begin_object(key);
    }
    Nested(const Nested&) = delete;
    Nested& operator=(const Nested&) = delete;
    ~Nested() { sink_.end(); }

private:
    FieldSink& sink_;
};

const std::string& id(const Network& net, StakeholderId who) { return net.stakeholder(who).id; }

// A number, or null when it is not finite.
std::optional<double> finite(double x) {
    return std::isfinite(x) ? std::optional<double>(x) : std::nullopt;
}

constexpr std::array<Circle, 4> all_circles{Circle::core, Circle::inner, Circle::outer, Circle::none};
constexpr std::array<Level, 3> all_levels{Level::local, Level::state, Level::national};
constexpr std::array<Movement, 5> all_movements{Movement::joined, Movement::moved_inward,
                                                Movement::moved_outward, Movement::left,
                                                Movement::stayed};

template <class Row>
void category_rows(FieldSink& sink, std::string_view key, const std::vector<Row>& rows) {
    const Nested list(sink, key, true);
    for (const Row& r : rows) {
        const Nested row(sink, {}, false);
        sink.put("category", r.category);
        sink.put("total", r.total);
        if constexpr (requires { r.reached; }) sink.put("reached", r.reached);
        else sink.put("expected", r.expected);
        sink.put("share", r.share);
    }
}

void roles(FieldSink& sink, const BrokerageRoles& r) {
    sink.put("coordinator", r.coordinator);
    sink.put("itinerant", r.itinerant);
    sink.put("gatekeeper", r.gatekeeper);
    sink.put("representative", r.representative);
    sink.put("liaison", r.liaison);
    sink.put("total", r.total);
}

void roles(FieldSink& sink, std::string_view key, const BrokerageRoles& r) {
    const Nested object(sink, key, false);
    roles(sink, r);
}

void levels(FieldSink& sink, std::string_view key, const LevelCrossing& x) {
    const Nested object(sink, key, false);
    for (Level from : all_levels) {
        const Nested row(sink, to_string(from), false);
        for (Level to : all_levels)
            sink.put(to_string(to), x.ties[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)]);
    }
}

// `relations` [{name, role, direction, polarity, scale, ties, density}].
void relation_rows(FieldSink& sink, const Network& net, const std::vector<RelationCount>& counts) {
    const Nested list(sink, "relations", true);
    for (const RelationCount& c : counts) {
        const Relation& rel = net.relation(c.kind);
        const Nested row(sink, {}, false);
        sink.put("name", rel.name);
        sink.put("role", to_string(rel.role));
        sink.put("direction", to_string(rel.direction));
        sink.put("polarity", to_string(rel.polarity));
        sink.put("scale", to_string(rel.scale));
        sink.put("ties", c.ties);
        sink.put("density", c.density);
    }
}

} // namespace

void describe(FieldSink& sink, const Network& net, const Summary& s) {
    sink.put("stakeholders", s.stakeholders);
    {
        const Nested ties(sink, "ties", false);
        for (std::size_t k = 0; k < s.ties_by_relation.size(); ++k)
            sink.put(net.relation(static_cast<TieKind>(k)).name, s.ties_by_relation[k]);
    }
    sink.put("community", s.community);
    {
        const Nested circles(sink, "circles", false);
        for (Circle c : all_circles) sink.put(to_string(c), s.circles[static_cast<std::size_t>(c)]);
    }
    {
        const Nested levels(sink, "levels", false);
        for (Level l : all_levels) sink.put(to_string(l), s.levels[static_cast<std::size_t>(l)]);
        sink.put("unknown", s.levels[3]);
    }
    {
        const Nested stances(sink, "stances", false);
        for (Stance x : {Stance::ally, Stance::neutral, Stance::skeptic})
            sink.put(to_string(x), s.stances[static_cast<std::size_t>(x)]);
    }
    {
        const Nested list(sink, "merged_spellings", true);
        for (const MergedSpellings& m : s.merged_spellings) {
            const Nested row(sink, {}, false);
            sink.put("facet", m.facet);
            sink.put_list("spellings", m.spellings);
        }
    }
    std::vector<RelationCount> counts;
    for (std::size_t k = 0; k < s.ties_by_relation.size(); ++k) {
        const TieKind kind = static_cast<TieKind>(k);
        const double n = static_cast<double>(s.stakeholders);
        const double possible = net.relation(kind).mutual() ? n * (n - 1) / 2 : n * (n - 1);
        counts.push_back({kind, s.ties_by_relation[k],
                          possible > 0 ? static_cast<double>(s.ties_by_relation[k]) / possible : 0.0});
    }
    relation_rows(sink, net, counts);
}

void describe(FieldSink& sink, const Network& net, const ReachResult& r) {
    sink.put("count", r.count());
    const Nested list(sink, "reached", true);
    for (const Reached& x : r.reached) {
        const Nested row(sink, {}, false);
        sink.put("id", id(net, x.who));
        sink.put("hops", x.hops);
    }
}

void describe(FieldSink& sink, const Network& /*net*/, const ReachBreakdown& b) {
    category_rows(sink, "by_circle", b.by_circle);
    category_rows(sink, "by_facet", b.by_facet);
}

void describe(FieldSink& sink, const Network& /*net*/, const LevelFlow& f) {
    sink.put("from", to_string(f.from));
    sink.put("to", to_string(f.to));
    sink.put("senders", f.senders);
    sink.put("receivers", f.receivers);
    sink.put_list("reached_by_hop", f.reached_by_hop);
    sink.put("share", f.share);
    sink.put("hops_to_target", f.hops_to_target);
}

void describe(FieldSink& sink, const Network& net, const TwoWayFlow& f) {
    describe_in(sink, "forward", net, f.forward);
    describe_in(sink, "backward", net, f.backward);
    sink.put("target_share", f.target_share);
}

void describe(FieldSink& sink, const Network& net, const SpreadResult& r, DiffusionModel model) {
    sink.put("expected", r.expected);
    sink.put("stddev", r.stddev);
    {
        const Nested ci(sink, "ci95", true);
        sink.put({}, r.ci_low);
        sink.put({}, r.ci_high);
    }
    sink.put("runs", r.runs);
    sink.put("model", to_string(model));
    const Nested list(sink, "adoption", true);
    for (const Adoption& a : likely_adopters(r)) {
        const Nested row(sink, {}, false);
        sink.put("id", id(net, a.who));
        sink.put("probability", a.probability);
    }
}

void describe(FieldSink& sink, const Network& /*net*/, const SpreadBreakdown& b) {
    category_rows(sink, "by_circle", b.by_circle);
    category_rows(sink, "by_facet", b.by_facet);
}

void describe(FieldSink& sink, const Network& net, const Synergy& s) {
    sink.put("together", s.together);
    sink.put("best", id(net, s.best));
    sink.put("best_single", s.best_single);
    sink.put("sum_alone", s.sum_alone);
    sink.put("gain_over_best", s.gain_over_best());
    sink.put("ratio_to_sum", s.ratio_to_sum());
    const Nested list(sink, "alone", true);
    for (const MemberSpread& a : s.alone) {
        const Nested row(sink, {}, false);
        sink.put("id", id(net, a.who));
        sink.put("expected", a.expected);
    }
}

void describe(FieldSink& sink, const Network& net, const LeverageResult& r) {
    {
        const Nested list(sink, "conveners", true);
        for (const Convener& c : r.conveners) sink.put({}, id(net, c.who));
    }
    sink.put("expected", r.expected);
    {
        const Nested list(sink, "gains", true);
        for (const Convener& c : r.conveners) sink.put({}, c.gain);
    }
    sink.put("method", to_string(r.method));
    sink.put("samples", r.samples);
}

void describe(FieldSink& sink, const Network& /*net*/, const Representation& r) {
    {
        const Nested list(sink, "representation", true);
        for (const RepresentationRow& x : r.rows) {
            const Nested row(sink, {}, false);
            sink.put("facet", x.facet);
            sink.put("category", x.category);
            sink.put("landscape", x.landscape.count);
            sink.put("core", x.core.count);
            sink.put("inner", x.inner.count);
            sink.put("outer", x.outer.count);
            sink.put("expected", x.expected);
            sink.put("status", to_string(x.status));
            {
                const Nested share(sink, "share", false);
                sink.put("landscape", x.landscape.share);
                sink.put("core", x.core.share);
                sink.put("inner", x.inner.share);
                sink.put("outer", x.outer.share);
                sink.put("leading", x.leading.share);
            }
            const Nested ratio(sink, "ratio", false);
            sink.put("core", x.core.ratio);
            sink.put("inner", x.inner.ratio);
            sink.put("outer", x.outer.ratio);
            sink.put("leading", x.leading.ratio);
        }
    }
    {
        const Nested list(sink, "missing", true);
        for (const MissingCategory& m : r.missing) {
            const Nested row(sink, {}, false);
            sink.put("facet", m.facet);
            sink.put("category", m.category);
            sink.put("landscape", m.landscape);
            sink.put("outer", m.outer);
        }
    }
    const Nested list(sink, "under_represented", true);
    for (const UnderRepresented& u : r.under_represented) {
        const Nested row(sink, {}, false);
        sink.put("facet", u.facet);
        sink.put("category", u.category);
        sink.put("ratio", u.ratio);
    }
}

void describe(FieldSink& sink, const Network& net, const std::vector<Candidate>& candidates) {
    const Nested list(sink, "candidates", true);
    for (const Candidate& c : candidates) {
        const Nested row(sink, {}, false);
        sink.put("id", id(net, c.who));
        sink.put("score", c.score);
        {
            const Nested reasons(sink, "reasons", true);
            for (const Reason& why : c.reasons) {
                const Nested reason(sink, {}, false);
                sink.put("code", why.code);
                sink.put("text", why.text);
            }
        }
        {
            const Nested parts(sink, "parts", false);
            sink.put("ties", c.parts.ties);
            sink.put("categories", c.parts.categories);
            sink.put("stance", c.parts.stance);
            sink.put("reach", c.parts.reach);
        }
        sink.put("ties_to_members", c.ties_to_members);
        sink.put("reach_added", c.reach_added);
    }
}

void describe(FieldSink& sink, const Network& net, const Community& cop, const Fragility& f) {
    {
        const Nested list(sink, "fragile", true);
        for (const ArticulationPoint& a : f.articulation_points) {
            const Nested row(sink, {}, false);
            sink.put("id", id(net, a.who));
            sink.put("splits_into", a.splits_into);
            sink.put_list("pieces", a.pieces);
            sink.put("circle", to_string(cop.circle(a.who)));
        }
    }
    {
        const Nested list(sink, "bridges", true);
        for (const Bridge& b : f.bridges) {
            const Nested pair(sink, {}, true);
            sink.put({}, id(net, b.a));
            sink.put({}, id(net, b.b));
        }
    }
    {
        const Nested list(sink, "departures", true);
        for (const Departure& d : f.departures) {
            const Nested row(sink, {}, false);
            {
                const Nested ids(sink, "ids", true);
                for (StakeholderId w : d.who) sink.put({}, id(net, w));
            }
            sink.put("reach_before", d.reach_before);
            sink.put("reach_after", d.reach_after);
            sink.put("reach_lost", d.reach_lost);
            sink.put("pieces_before", d.pieces_before);
            sink.put("pieces_after", d.pieces_after);
        }
    }
    const Nested list(sink, "dependence", true);
    for (const Dependence& d : f.dependence) {
        const Nested row(sink, {}, false);
        sink.put("facet", d.facet);
        sink.put("cross_ties", d.cross_ties);
        const Nested top(sink, "top", true);
        for (const DependenceRow& t : d.top) {
            const Nested entry(sink, {}, false);
            sink.put("id", id(net, t.who));
            sink.put("ties", t.ties);
            sink.put("share", t.share);
        }
    }
}

void describe(FieldSink& sink, const Network& net, const Community& cop, const GapsReport& r) {
    describe(sink, net, r.representation);
    describe(sink, net, r.candidates);
    describe(sink, net, cop, r.fragility);
}

void describe(FieldSink& sink, const Network& net, const EIResult& e) {
    sink.put("ei_index", e.ei_index);
    sink.put("ei_expected", e.expected);
    sink.put("ei_p_greater", e.p_greater);
    sink.put("ei_p_less", e.p_less);
    sink.put("permutations", e.permutations);
    sink.put("internal", e.internal);
    sink.put("external", e.external);
    {
        const Nested list(sink, "groups", true);
        for (const GroupEI& g : e.groups) {
            const Nested row(sink, {}, false);
            sink.put("group", g.group);
            sink.put("internal", g.internal);
            sink.put("external", g.external);
            sink.put("ei_index", g.ei_index);
            sink.put("size", g.size);
        }
    }
    const Nested list(sink, "stakeholders", true);
    for (const StakeholderEI& s : e.stakeholders) {
        const Nested row(sink, {}, false);
        sink.put("id", id(net, s.who));
        sink.put("internal", s.internal);
        sink.put("external", s.external);
        sink.put("ei_index", s.ei_index);
    }
}

void describe(FieldSink& sink, const Network& /*net*/, const MixingMatrix& m) {
    const auto& cats = m.categories;
    for (const auto& [key, weights] : {std::pair{"mixing", false}, std::pair{"mixing_weights", true}}) {
        const Nested matrix(sink, key, false);
        for (std::size_t a = 0; a < cats.size(); ++a) {
            const Nested row(sink, cats[a], false);
            for (std::size_t b = 0; b < cats.size(); ++b) {
                if (weights) sink.put(cats[b], m.weights[a][b]);
                else sink.put(cats[b], m.ties[a][b]);
            }
        }
    }
    sink.put("crossing_share", m.crossing_share);
    sink.put("total", m.total);
    sink.put("crossing", m.crossing);
}

void describe(FieldSink& sink, const Network& net, const BrokerageResult& r) {
    const Nested list(sink, "brokerage", true);
    for (const Brokerage& b : r.stakeholders) {
        const Nested row(sink, {}, false);
        sink.put("id", id(net, b.who));
        roles(sink, b.raw);
        roles(sink, "expected", b.expected);
        roles(sink, "z", b.z);
    }
}

void describe(FieldSink& sink, const Network& net, const std::vector<StructuralHoles>& holes) {
    const Nested list(sink, "holes", true);
    for (const StructuralHoles& h : holes) {
        const Nested row(sink, {}, false);
        sink.put("id", id(net, h.who));
        sink.put("effective_size", h.effective_size);
        sink.put("constraint", h.constraint);
        sink.put("efficiency", h.efficiency);
    }
}

void describe(FieldSink& sink, const Network& net, const std::vector<Spanner>& spanners) {
    const Nested list(sink, "spanners", true);
    for (const Spanner& s : spanners) {
        const Nested row(sink, {}, false);
        sink.put("id", id(net, s.who));
        sink.put("betweenness", s.betweenness);
        sink.put("cross_group_share", s.cross_group_share);
        sink.put("cross_group_betweenness", s.cross_group_betweenness);
        sink.put("categories", s.categories);
        roles(sink, "brokerage", s.brokerage);
    }
}

void describe(FieldSink& sink, const Network& net, const std::vector<LevelCrossing>& ls) {
    const LevelCrossing all = total_crossing(ls);
    levels(sink, "levels", all);
    sink.put("levels_unknown", all.unknown);
    const Nested by_kind(sink, "levels_by_kind", false);
    for (const LevelCrossing& x : ls) levels(sink, net.relation(x.kind).name, x);
}

void describe(FieldSink& sink, const Network& net, const BoundaryReport& r) {
    sink.put("facet", r.facet);
    describe(sink, net, r.ei);
    describe(sink, net, r.mixing);
    describe(sink, net, r.brokerage);
    describe(sink, net, r.holes);
    sink.put("assortativity", r.assortativity);
    describe(sink, net, r.spanners);
    sink.put("betweenness_sources", r.betweenness_sources);
    describe(sink, net, r.levels);
}

void describe(FieldSink& sink, const Network& net, const CorePeriphery& cp) {
    sink.put("continuous_fit", finite(cp.continuous_fit));
    sink.put("discrete_fit", finite(cp.discrete_fit));
    {
        const Nested core(sink, "core", true);
        for (const CorePeripheryScore& x : cp.scores)
            if (x.core) sink.put({}, id(net, x.who));
    }
    {
        const Nested scores(sink, "scores", true);
        for (const CorePeripheryScore& x : cp.scores) {
            const Nested row(sink, {}, false);
            sink.put("id", id(net, x.who));
            sink.put("score", x.score);
            sink.put("core", x.core);
        }
    }
    sink.put("passes", cp.passes);
    sink.put("sweeps", cp.sweeps);
}

void describe(FieldSink& sink, const Network& /*net*/, const CircleFit& fit) {
    sink.put("core_inner_vs_outer", finite(fit.core_inner_vs_outer));
    sink.put("core_vs_rest", finite(fit.core_vs_rest));
    sink.put("best", finite(fit.best));
    sink.put("members", fit.members);
}

void describe(FieldSink& sink, const Network& /*net*/, const CircleDensity& d) {
    {
        const Nested list(sink, "density", true);
        for (const CircleBlock& b : d.blocks) {
            const Nested row(sink, {}, false);
            sink.put("from", to_string(b.from));
            sink.put("to", to_string(b.to));
            sink.put("pairs", b.pairs);
            sink.put("tied", b.tied);
            sink.put("density", b.density);
            sink.put("mean_weight", b.mean_weight);
        }
    }
    const Nested object(sink, "reciprocity", false);
    for (const CircleReciprocity& x : d.reciprocity) sink.put(to_string(x.circle), finite(x.reciprocity));
}

void describe(FieldSink& sink, const Network& net, const std::vector<Suggestion>& suggestions) {
    const Nested list(sink, "suggestions", true);
    for (const Suggestion& s : suggestions) {
        const Nested row(sink, {}, false);
        sink.put("id", id(net, s.who));
        sink.put("from", to_string(s.from));
        sink.put("to", to_string(s.to));
        sink.put("why", s.why);
        sink.put("kind", to_string(s.kind));
    }
}

void describe(FieldSink& sink, const Network& net, const Trajectories& t) {
    {
        const Nested list(sink, "members", true);
        for (const Trajectory& m : t.members) {
            const Nested row(sink, {}, false);
            sink.put("id", id(net, m.who));
            sink.put("before", to_string(m.before));
            sink.put("after", to_string(m.after));
            sink.put("movement", to_string(m.movement));
        }
    }
    {
        const Nested transitions(sink, "transitions", false);
        for (const Circle b : all_circles) {
            const Nested row(sink, to_string(b), false);
            for (const Circle a : all_circles)
                sink.put(to_string(a), t.transitions[static_cast<std::size_t>(b)][static_cast<std::size_t>(a)]);
        }
    }
    {
        const Nested counts(sink, "counts", false);
        for (const Movement m : all_movements) sink.put(to_string(m), t.counts[static_cast<std::size_t>(m)]);
    }
    const Nested list(sink, "by_facet", true);
    for (const CategoryMovement& c : t.by_facet) {
        const Nested row(sink, {}, false);
        sink.put("category", c.category);
        for (const Movement m : all_movements) sink.put(to_string(m), c.counts[static_cast<std::size_t>(m)]);
    }
}

void describe(FieldSink& sink, const Network& net, const CirclesReport& r) {
    {
        const Nested list(sink, "coreness", true);
        for (const Coreness& c : r.coreness) {
            const Nested row(sink, {}, false);
            sink.put("id", id(net, c.who));
            sink.put("k", c.k);
            if (r.weighted) sink.put("s", c.s);
        }
    }
    sink.put("fit", finite(r.fit.core_inner_vs_outer));
    describe(sink, net, r.suggestions);
    describe_in(sink, "fits", net, r.fit);
    {
        const Nested object(sink, "core_periphery", false);
        sink.put("among", r.among_members ? "members" : "landscape");
        describe(sink, net, r.core_periphery);
    }
    describe(sink, net, r.density);
    if (r.trajectories) describe_in(sink, "trajectories", net, *r.trajectories);
}

void describe(FieldSink& sink, const Network& net, const RelationsReport& r) {
    const auto name = [&](TieKind k) -> const std::string& { return net.relation(k).name; };
    relation_rows(sink, net, r.relations);
    {
        const Nested list(sink, "overlap", true);
        for (const RelationOverlap& o : r.overlap) {
            const Nested row(sink, {}, false);
            sink.put("a", name(o.a));
            sink.put("b", name(o.b));
            sink.put("both", o.both);
            sink.put("jaccard", o.jaccard);
            sink.put("a_in_b", o.a_in_b);
            sink.put("b_in_a", o.b_in_a);
        }
    }
    {
        const Nested counts(sink, "multiplexity", false);
        for (std::size_t k = 1; k < r.multiplexity.size(); ++k)
            sink.put(std::to_string(k), r.multiplexity[k]);
    }
    const Nested list(sink, "alignment", true);
    for (const Alignment& a : r.alignment) {
        const Nested row(sink, {}, false);
        sink.put("authority", name(a.authority));
        sink.put("influence", name(a.influence));
        sink.put("authority_ties", a.authority_ties);
        sink.put("aligned", a.aligned);
        sink.put("share", a.share);
    }
}

void describe(FieldSink& sink, const Network& /*net*/, const NetworkMeasures& m) {
    sink.put("stakeholders", m.stakeholders);
    sink.put("ties", m.ties);
    sink.put("density", m.density);
    {
        const Nested r(sink, "reciprocity", false);
        sink.put("edgewise", m.reciprocity.edgewise);
        sink.put("dyadic", m.reciprocity.dyadic);
        sink.put("dyadic_nonnull", m.reciprocity.dyadic_nonnull);
    }
    {
        const Nested d(sink, "dyad_census", false);
        sink.put("mutual", m.dyad_census.mutual);
        sink.put("asymmetric", m.dyad_census.asymmetric);
        sink.put("null", m.dyad_census.null);
    }
    {
        const Nested t(sink, "triad_census", false);
        for (std::size_t i = 0; i < triad_names.size(); ++i) sink.put(triad_names[i], m.triad_census[i]);
    }
    sink.put("transitivity", m.transitivity);
    {
        const Nested c(sink, "components", false);
        sink.put("weak", m.weak_components);
        sink.put("strong", m.strong_components);
    }
    sink.put("diameter", m.diameter);
    sink.put("average_distance", m.average_distance);
    sink.put("degree_assortativity", m.degree_assortativity);
    {
        const Nested c(sink, "cutpoints", false);
        sink.put("weak", m.weak_cutpoints);
        sink.put("strong", m.strong_cutpoints);
    }
    sink.put("undirected", m.undirected);
    sink.put("largest_component", m.largest_component);
}

void describe(FieldSink& sink, const Network& net, const CentralityTable& t) {
    sink.put("undirected", t.undirected);
    {
        const Nested list(sink, "measures", true);
        for (Measure m : t.measures) sink.put({}, to_string(m));
    }
    // Counts read as whole numbers: raw degrees (normalised ones are fractions) and core numbers.
    const auto whole = [&t](Measure m, double x) {
        const bool degree =
            m == Measure::degree || m == Measure::in_degree || m == Measure::out_degree;
        return ((degree && !t.normalized) || m == Measure::coreness) &&
               std::isfinite(x) && x == std::floor(x) && std::abs(x) < 9.0e15;
    };
    const Nested list(sink, "stakeholders", true);
    for (std::size_t r = 0; r < t.ids.size(); ++r) {
        const Nested row(sink, {}, false);
        sink.put("id", id(net, t.ids[r]));
        for (std::size_t c = 0; c < t.measures.size(); ++c) {
            const double x = t.values[c][r];
            if (whole(t.measures[c], x))
                sink.put(to_string(t.measures[c]), static_cast<std::int64_t>(x));
            else
                sink.put(to_string(t.measures[c]), x);
        }
    }
}

void put_time(FieldSink& sink, std::string_view key, Time time, TimeKind kind) {
    if (kind == TimeKind::number) sink.put(key, time);
    else sink.put(key, format_time(time, kind));
}

void describe(FieldSink& sink, const Network& net, const HealthResult& r) {
    {
        const Nested list(sink, "windows", true);
        for (const WindowHealth& w : r.windows) {
            const Nested row(sink, {}, false);
            put_time(sink, "start", w.start, r.kind);
            put_time(sink, "end", w.end, r.kind);
            sink.put("events", w.events);
            sink.put("active", w.active);
            sink.put("newcomers", w.newcomers);
            sink.put("retained", w.retained);
            sink.put("departed", w.departed);
            sink.put("pairs", w.pairs);
            sink.put("formed", w.formed);
            sink.put("dissolved", w.dissolved);
            sink.put("persistence", w.persistence);
            sink.put("reciprocity", w.reciprocity);
            sink.put("absence_factor", w.absence_factor);
            sink.put("elephant_factor", w.elephant_factor);
            const Nested circles(sink, "by_circle", true);
            for (const CircleActivity& c : w.by_circle) {
                const Nested circle(sink, {}, false);
                sink.put("circle", to_string(c.circle));
                sink.put("active", c.active);
                sink.put("members", c.members);
                sink.put("share", c.share);
            }
        }
    }
    const Nested list(sink, "members", true);
    for (const MemberActivity& m : r.members) {
        const Nested row(sink, {}, false);
        sink.put("id", id(net, m.who));
        sink.put("events", m.events);
        sink.put("active_windows", m.active_windows);
        put_time(sink, "first", m.first, r.kind);
        put_time(sink, "last", m.last, r.kind);
        sink.put("burstiness", m.burstiness);
    }
}

void describe(FieldSink& sink, const Network& net, const std::vector<LeadershipWindow>& leaders,
              TimeKind kind) {
    const Nested list(sink, "leaders", true);
    for (const LeadershipWindow& w : leaders) {
        const Nested row(sink, {}, false);
        put_time(sink, "start", w.start, kind);
        put_time(sink, "end", w.end, kind);
        {
            const Nested top(sink, "top", true);
            for (const LeaderRank& r : w.top) {
                const Nested one(sink, {}, false);
                sink.put("id", id(net, r.who));
                sink.put("coreness", r.coreness);
                sink.put("in_degree", r.in_degree);
            }
        }
        for (const auto& [key, ids] : {std::pair{"rising", &w.rising}, std::pair{"quiet_core", &w.quiet_core}}) {
            const Nested names(sink, key, true);
            for (const StakeholderId who : *ids) sink.put({}, id(net, who));
        }
    }
}

void describe(FieldSink& sink, const Network& net, const TemporalReachResult& r, TimeKind kind) {
    put_time(sink, "since", r.since, kind);
    sink.put("count", r.count());
    const Nested list(sink, "reached", true);
    for (const Arrival& a : r.reached) {
        const Nested row(sink, {}, false);
        sink.put("id", id(net, a.who));
        put_time(sink, "arrival", a.arrival, kind);
    }
}

void describe(FieldSink& sink, const Network& net, const std::vector<TemporalReachCount>& counts) {
    const Nested list(sink, "counts", true);
    for (const TemporalReachCount& c : counts) {
        const Nested row(sink, {}, false);
        sink.put("id", id(net, c.who));
        sink.put("reached", c.reached);
    }
}

void describe(FieldSink& sink, const Network& /*net*/, const TestResult& r) {
    sink.put("statistic", r.statistic);
    sink.put("null", r.null);
    sink.put("reps", r.reps);
    sink.put("observed", finite(r.observed));
    sink.put("null_mean", finite(r.null_mean));
    sink.put("null_sd", finite(r.null_sd));
    sink.put("p_greater", finite(r.p_greater));
    sink.put("p_less", finite(r.p_less));
    sink.put("defined", r.defined);
    if (!r.sample.empty()) {
        const Nested list(sink, "sample", true);
        for (double x : r.sample) sink.put({}, finite(x));
    }
}

void describe(FieldSink& sink, const Network& /*net*/, const RegressionResult& r) {
    sink.put("model", to_string(r.model));
    sink.put("null", to_string(r.null));
    sink.put("reps", r.reps);
    sink.put("n", r.n);
    sink.put("mutual", r.mutual);
    {
        const Nested list(sink, "coefficients", true);
        for (const Coefficient& c : r.coefficients) {
            const Nested row(sink, {}, false);
            sink.put("term", c.term);
            sink.put("estimate", finite(c.estimate));
            sink.put("t", finite(c.t));
            sink.put("p_greater", finite(c.p_greater));
            sink.put("p_less", finite(c.p_less));
            sink.put("p_two_sided", finite(c.p_two_sided));
        }
    }
    sink.put("df_residual", r.df_residual);
    if (r.model == RegressionModel::lm) {
        sink.put("r_squared", finite(r.r_squared));
        sink.put("adj_r_squared", finite(r.adj_r_squared));
        sink.put("residual_se", finite(r.residual_se));
    } else {
        sink.put("deviance", finite(r.deviance));
        sink.put("null_deviance", finite(r.null_deviance));
        sink.put("aic", finite(r.aic));
        sink.put("bic", finite(r.bic));
        sink.put("iterations", r.iterations);
    }
}

void describe(FieldSink& sink, const Network& /*net*/, const ResamplingError& r) {
    sink.put("observed", finite(r.observed));
    sink.put("jackknife_se", finite(r.jackknife_se));
    sink.put("bootstrap_se", finite(r.bootstrap_se));
    sink.put("bootstrap_reps", r.bootstrap_reps);
}

void describe(FieldSink& sink, const Network& net, const GroupsResult& r) {
    sink.put("method", to_string(r.method));
    sink.put("resolution", r.resolution);
    sink.put("seed", r.seed);
    sink.put("weighted", r.weighted);
    sink.put("modularity", finite(r.modularity));
    sink.put("levels", r.levels);
    sink.put("iterations", r.iterations);
    sink.put("count", r.groups.size());
    {
        const Nested list(sink, "stakeholders", true);
        for (std::size_t i = 0; i < r.ids.size(); ++i) {
            const Nested row(sink, {}, false);
            sink.put("id", id(net, r.ids[i]));
            sink.put("group", r.group[i]);
        }
    }
    const Nested list(sink, "groups", true);
    for (std::size_t g = 0; g < r.groups.size(); ++g) {
        const DetectedGroup& d = r.groups[g];
        const Nested row(sink, {}, false);
        sink.put("group", g);
        sink.put("size", d.members.size());
        sink.put("internal", d.internal);
        sink.put("strength", d.strength);
        const Nested members(sink, "members", true);
        for (StakeholderId who : d.members) sink.put({}, id(net, who));
    }
}

void describe(FieldSink& sink, const Network& /*net*/, const GroupAgreement& a) {
    sink.put("with", a.with);
    sink.put("stakeholders", a.stakeholders);
    sink.put("detected_groups", a.detected_groups);
    sink.put("declared_groups", a.declared_groups);
    sink.put("nmi", finite(a.nmi));
    sink.put("ari", finite(a.ari));
    sink.put("declared_modularity", finite(a.declared_modularity));
    const Nested list(sink, "contingency", true);
    for (const AgreementRow& r : a.rows) {
        const Nested row(sink, {}, false);
        sink.put("category", r.category);
        sink.put("size", r.size);
        sink.put("best_share", finite(r.best_share));
        const Nested groups(sink, "groups", true);
        for (const auto& [group, count] : r.groups) {
            const Nested cell(sink, {}, false);
            sink.put("group", group);
            sink.put("count", count);
        }
    }
}

} // namespace copnet
