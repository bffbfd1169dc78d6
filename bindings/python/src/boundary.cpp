// Boundary-crossing: mixing, E-I index, brokerage, structural holes, betweenness, spanners,
// level crossing, assortativity (copnet/analysis/boundary.hpp).
#include "convert.hpp"

#include <copnet/analysis/boundary.hpp>

namespace copnet::python {

namespace {

py::object roles_to_py(const BrokerageRoles& r) {
    return make("BrokerageRoles", r.coordinator, r.itinerant, r.representative, r.gatekeeper,
                r.liaison, r.total);
}

py::object mixing_to_py(const MixingMatrix& m) {
    return make("MixingMatrix", m.facet, m.categories, m.ties, m.weights, m.total, m.crossing,
                m.crossing_share);
}

py::object ei_to_py(const Network& net, const EIResult& e) {
    py::list groups;
    for (const auto& g : e.groups)
        groups.append(make("GroupEI", g.group, g.size, g.internal, g.external, g.ei_index));
    py::dict who;
    for (const auto& s : e.stakeholders)
        who[py::str(id_of(net, s.who))] = make("StakeholderEI", s.internal, s.external, s.ei_index);
    return make("EIResult", e.internal, e.external, e.ei_index, e.expected, e.p_greater,
                e.p_less, e.permutations, groups, who);
}

py::object brokerage_to_py(const Network& net, const BrokerageResult& b) {
    py::dict who;
    for (const auto& s : b.stakeholders)
        who[py::str(id_of(net, s.who))] =
            make("Brokerage", roles_to_py(s.raw), roles_to_py(s.expected), roles_to_py(s.z));
    return make("BrokerageResult", b.categories, who, b.density);
}

py::dict holes_to_py(const Network& net, const std::vector<StructuralHoles>& hs) {
    py::dict out;
    for (const auto& h : hs)
        out[py::str(id_of(net, h.who))] =
            make("StructuralHoles", h.effective_size, h.efficiency, h.constraint);
    return out;
}

py::list spanners_to_py(const Network& net, const std::vector<Spanner>& ss) {
    py::list out;
    for (const auto& s : ss)
        out.append(make("Spanner", id_of(net, s.who), s.categories, s.betweenness,
                        s.cross_group_betweenness, s.cross_group_share, roles_to_py(s.brokerage)));
    return out;
}

py::list levels_to_py(const std::vector<LevelCrossing>& ls) {
    py::list out;
    for (const auto& l : ls) {
        py::dict ties;
        for (std::size_t a = 0; a < 3; ++a) {
            py::dict row;
            for (std::size_t b = 0; b < 3; ++b)
                row[py::str(std::string(to_string(static_cast<Level>(b))))] = l.ties[a][b];
            ties[py::str(std::string(to_string(static_cast<Level>(a))))] = row;
        }
        out.append(make("LevelCrossing", to_py(l.kind), ties, l.unknown));
    }
    return out;
}

BetweennessOptions betweenness_options(const py::object& kinds, Direction direction,
                                       bool undirected, bool normalized,
                                       std::optional<std::size_t> samples, std::uint64_t seed,
                                       unsigned threads) {
    BetweennessOptions o;
    o.filter = filter_from(kinds, direction);
    o.undirected = undirected;
    o.normalized = normalized;
    o.samples = samples;
    o.seed = seed;
    o.threads = threads;
    return o;
}

} // namespace

void bind_boundary(py::module_& m) {
    m.def(
        "mixing_matrix",
        [](const SharedNetwork& net, const std::string& facet, const py::object& kinds,
           Direction direction) {
            const ReadLock lock(net);
            const TieFilter f = filter_from(kinds, direction);
            py::gil_scoped_release release;
            MixingMatrix r = mixing_matrix(net, facet, f);
            py::gil_scoped_acquire gil;
            return mixing_to_py(r);
        },
        py::arg("network"), py::arg("facet"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out,
        "Ties and summed weights from each category of ``facet`` to each (directed; a "
        "collaboration tie counts both ways, as networkx.attribute_mixing_matrix), and the "
        "share crossing a boundary. Cost O(V + E).");

    m.def(
        "ei_index",
        [](const SharedNetwork& net, const std::string& facet, const py::object& kinds,
           std::size_t permutations, std::uint64_t seed, unsigned threads) {
            const ReadLock lock(net);
            EIOptions o;
            o.filter = filter_from(kinds, Direction::out);
            o.permutations = permutations;
            o.seed = seed;
            o.threads = threads;
            EIResult r;
            {
                py::gil_scoped_release release;
                r = ei_index(net, facet, o);
            }
            return ei_to_py(net, r);
        },
        py::arg("network"), py::arg("facet"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("permutations") = 1000, py::arg("seed") = 1, py::arg("threads") = 0,
        "The E-I index (Krackhardt & Stern 1988), (E − I)/(E + I), of the network, each group "
        "and each stakeholder; UCINET's expected value from the group sizes; a seeded "
        "permutation test (p_greater, p_less). Cost O(V + E) per permutation.");

    m.def(
        "brokerage",
        [](const SharedNetwork& net, const std::string& facet, const py::object& kinds,
           Direction direction, unsigned threads) {
            const ReadLock lock(net);
            BrokerageOptions o;
            o.filter = filter_from(kinds, direction);
            o.threads = threads;
            BrokerageResult r;
            {
                py::gil_scoped_release release;
                r = brokerage(net, facet, o);
            }
            return brokerage_to_py(net, r);
        },
        py::arg("network"), py::arg("facet"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out, py::arg("threads") = 0,
        "Gould & Fernandez (1989) brokerage roles per stakeholder, raw counts, expected values "
        "and z-scores exactly as R's sna::brokerage computes them.");

    m.def(
        "structural_holes",
        [](const SharedNetwork& net, const py::object& kinds, Direction direction, bool weighted,
           bool undirected) {
            const ReadLock lock(net);
            HolesOptions o;
            o.filter = filter_from(kinds, direction);
            o.weighted = weighted;
            o.undirected = undirected;
            std::vector<StructuralHoles> r;
            {
                py::gil_scoped_release release;
                r = structural_holes(net, o);
            }
            return holes_to_py(net, r);
        },
        py::arg("network"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out, py::arg("weighted") = false,
        py::arg("undirected") = false,
        "Burt's (1992) effective size, efficiency and constraint per stakeholder, as "
        "networkx.effective_size and networkx.constraint (weight=None unless ``weighted``; "
        "``undirected`` as on nx.Graph(D)). Cost O(Σ d²).");

    m.def(
        "betweenness",
        [](const SharedNetwork& net, const py::object& kinds, Direction direction, bool undirected,
           bool normalized, std::optional<std::size_t> samples, std::uint64_t seed,
           unsigned threads) {
            const ReadLock lock(net);
            const auto o = betweenness_options(kinds, direction, undirected, normalized, samples,
                                               seed, threads);
            std::vector<Betweenness> r;
            {
                py::gil_scoped_release release;
                r = betweenness(net, o);
            }
            py::dict out;
            for (const auto& b : r) out[py::str(id_of(net, b.who))] = b.value;
            return out;
        },
        py::arg("network"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out, py::arg("undirected") = false,
        py::arg("normalized") = false, py::arg("samples") = py::none(), py::arg("seed") = 1,
        py::arg("threads") = 0,
        "Shortest-path betweenness (Brandes 2001), {id: value}, as "
        "networkx.betweenness_centrality (``samples``: from that many seeded sources, scaled). "
        "Cost O(k (V + E)).");

    m.def(
        "boundary_spanners",
        [](const SharedNetwork& net, const std::string& facet, const py::object& kinds,
           Direction direction, std::optional<std::size_t> samples, std::uint64_t seed,
           unsigned threads) {
            const ReadLock lock(net);
            const auto o = betweenness_options(kinds, direction, false, false, samples, seed,
                                               threads);
            std::vector<Spanner> r;
            {
                py::gil_scoped_release release;
                r = boundary_spanners(net, facet, o);
            }
            return spanners_to_py(net, r);
        },
        py::arg("network"), py::arg("facet"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out, py::arg("samples") = py::none(),
        py::arg("seed") = 1, py::arg("threads") = 0,
        "Stakeholders tied into two or more categories of ``facet``, ranked by the share of "
        "shortest paths between categories through them, with betweenness and brokerage.");

    m.def(
        "level_crossing",
        [](const SharedNetwork& net, const py::object& kinds) {
            const ReadLock lock(net);
            return levels_to_py(level_crossing(net, filter_from(kinds, Direction::out)));
        },
        py::arg("network"), py::kw_only(), py::arg("kinds") = py::none(),
        "Ties local ↔ state ↔ national counted in each direction, per tie kind. Cost O(V + E).");

    m.def(
        "attribute_assortativity",
        [](const SharedNetwork& net, const std::string& facet, const py::object& kinds,
           Direction direction) {
            const ReadLock lock(net);
            const TieFilter f = filter_from(kinds, direction);
            py::gil_scoped_release release;
            return attribute_assortativity(net, facet, f);
        },
        py::arg("network"), py::arg("facet"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out,
        "Newman's (2003) assortativity coefficient of a categorical facet, as "
        "networkx.attribute_assortativity_coefficient. Cost O(V + E).");

    m.def(
        "boundaries",
        [](const SharedNetwork& net, const std::string& facet, const py::object& kinds,
           Direction direction, bool weighted, std::size_t permutations,
           std::optional<std::size_t> samples, std::uint64_t seed, unsigned threads) {
            const ReadLock lock(net);
            BoundaryOptions o;
            o.facet = facet;
            o.filter = filter_from(kinds, direction);
            o.weighted = weighted;
            o.permutations = permutations;
            o.samples = samples;
            o.seed = seed;
            o.threads = threads;
            BoundaryReport r;
            {
                py::gil_scoped_release release;
                r = boundaries(net, o);
            }
            return described(make("BoundaryReport", r.facet, mixing_to_py(r.mixing),
                                  ei_to_py(net, r.ei), brokerage_to_py(net, r.brokerage),
                                  holes_to_py(net, r.holes), spanners_to_py(net, r.spanners),
                                  levels_to_py(r.levels), r.assortativity),
                             net, r);
        },
        py::arg("network"), py::arg("facet") = "sector", py::kw_only(),
        py::arg("kinds") = py::none(), py::arg("direction") = Direction::out,
        py::arg("weighted") = BoundaryOptions{}.weighted,
        py::arg("permutations") = BoundaryOptions{}.permutations, py::arg("samples") = py::none(),
        py::arg("seed") = BoundaryOptions{}.seed, py::arg("threads") = BoundaryOptions{}.threads,
        "The whole boundary report for one facet (``copnet boundaries``).");
}

} // namespace copnet::python
