// Boundary-crossing: mixing, E-I index, brokerage, structural holes, betweenness, spanners,
// level crossing, assortativity (copnet/analysis/boundary.hpp).
#include "convert.hpp"

#include <copnet/analysis/boundary.hpp>
#include <copnet/analysis/relations.hpp>

namespace copnet::python {

namespace {

BetweennessOptions betweenness_options(const Network& net, const py::object& kinds, Direction direction,
                                       bool undirected, bool normalized,
                                       std::optional<std::size_t> samples, std::uint64_t seed,
                                       unsigned threads) {
    BetweennessOptions o;
    o.filter = filter_from(net, kinds, direction);
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
        [](const SharedNetwork& net, const std::string& facet, const Kinds& kinds,
           Direction direction) {
            const ReadLock lock(net);
            const TieFilter f = filter_from(net, kinds, direction);
            MixingMatrix r;
            {
                py::gil_scoped_release release;
                r = mixing_matrix(net, facet, f);
            }
            return described<"MixingMatrix">(net, r);
        },
        py::arg("network"), py::arg("facet"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out,
        "Tied pairs and summed tie weights from each category of ``facet`` to each (directed; "
        "a collaboration tie counts both ways, as networkx.attribute_mixing_matrix, and a pair "
        "tied by several relations once, as attribute_assortativity reads them), and the share "
        "crossing a boundary. Cost O(V + E).");

    m.def(
        "ei_index",
        [](const SharedNetwork& net, const std::string& facet, const Kinds& kinds,
           std::size_t permutations, std::uint64_t seed, unsigned threads) {
            const ReadLock lock(net);
            EIOptions o;
            o.filter = filter_from(net, kinds, Direction::out);
            o.permutations = permutations;
            o.seed = seed;
            o.threads = threads;
            EIResult r;
            {
                py::gil_scoped_release release;
                r = ei_index(net, facet, o);
            }
            return described<"EIResult">(net, r);
        },
        py::arg("network"), py::arg("facet"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("permutations") = 1000, py::arg("seed") = 1, py::arg("threads") = 0,
        "The E-I index (Krackhardt & Stern 1988), (E − I)/(E + I), of the network, each group "
        "and each stakeholder; UCINET's expected value from the group sizes; a seeded "
        "permutation test (p_greater, p_less). Cost O(V + E) per permutation.");

    m.def(
        "brokerage",
        [](const SharedNetwork& net, const std::string& facet, const Kinds& kinds,
           Direction direction, unsigned threads) {
            const ReadLock lock(net);
            BrokerageOptions o;
            o.filter = filter_from(net, kinds, direction);
            o.threads = threads;
            BrokerageResult r;
            {
                py::gil_scoped_release release;
                r = brokerage(net, facet, o);
            }
            return described<"BrokerageResult">(net, r);
        },
        py::arg("network"), py::arg("facet"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out, py::arg("threads") = 0,
        "Gould & Fernandez (1989) brokerage roles per stakeholder, raw counts, expected values "
        "and z-scores exactly as R's sna::brokerage computes them.");

    m.def(
        "structural_holes",
        [](const SharedNetwork& net, const Kinds& kinds, Direction direction, bool weighted,
           bool undirected) {
            const ReadLock lock(net);
            HolesOptions o;
            o.filter = filter_from(net, kinds, direction);
            o.weighted = weighted;
            o.undirected = undirected;
            std::vector<StructuralHoles> r;
            {
                py::gil_scoped_release release;
                r = structural_holes(net, o);
            }
            return described_field("holes", net, r);
        },
        py::arg("network"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out, py::arg("weighted") = false,
        py::arg("undirected") = false,
        "Burt's (1992) effective size, efficiency and constraint per stakeholder, as "
        "networkx.effective_size and networkx.constraint (weight=None unless ``weighted``; "
        "``undirected`` as on nx.Graph(D)). Cost O(Σ d²).");

    m.def(
        "betweenness",
        [](const SharedNetwork& net, const Kinds& kinds, Direction direction, bool undirected,
           bool normalized, std::optional<std::size_t> samples, std::uint64_t seed,
           unsigned threads) {
            const ReadLock lock(net);
            const auto o = betweenness_options(net, kinds, direction, undirected, normalized, samples,
                                               seed, threads);
            std::vector<Betweenness> r;
            {
                py::gil_scoped_release release;
                r = betweenness(net, o);
            }
            py::dict out;
            for (const auto& b : r) out[py::str(id_of(net, b.who))] = b.value;
            return by_stakeholder(net, std::move(out), "betweenness");
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
        [](const SharedNetwork& net, const std::string& facet, const Kinds& kinds,
           Direction direction, std::optional<std::size_t> samples, std::uint64_t seed,
           unsigned threads) {
            const ReadLock lock(net);
            const auto o = betweenness_options(net, kinds, direction, false, false, samples, seed,
                                               threads);
            std::vector<Spanner> r;
            {
                py::gil_scoped_release release;
                r = boundary_spanners(net, facet, o);
            }
            return described_field("spanners", net, r);
        },
        py::arg("network"), py::arg("facet"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out, py::arg("samples") = py::none(),
        py::arg("seed") = 1, py::arg("threads") = 0,
        "Stakeholders tied into two or more categories of ``facet``, ranked by the share of "
        "shortest paths between categories through them, with betweenness and brokerage.");

    m.def(
        "level_crossing",
        [](const SharedNetwork& net, const Kinds& kinds) {
            const ReadLock lock(net);
            return described<"LevelCrossing">(net, level_crossing(net, filter_from(net, kinds, Direction::out)));
        },
        py::arg("network"), py::kw_only(), py::arg("kinds") = py::none(),
        "Ties local ↔ state ↔ national counted in each direction, per tie kind. Cost O(V + E).");

    m.def(
        "attribute_assortativity",
        [](const SharedNetwork& net, const std::string& facet, const Kinds& kinds,
           Direction direction) {
            const ReadLock lock(net);
            const TieFilter f = filter_from(net, kinds, direction);
            py::gil_scoped_release release;
            return attribute_assortativity(net, facet, f);
        },
        py::arg("network"), py::arg("facet"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out,
        "Newman's (2003) assortativity coefficient of a categorical facet, as "
        "networkx.attribute_assortativity_coefficient. Cost O(V + E).");

    m.def(
        "numeric_assortativity",
        [](const SharedNetwork& net, const std::string& attribute, const Kinds& kinds,
           Direction direction) {
            const ReadLock lock(net);
            const TieFilter f = filter_from(net, kinds, direction);
            py::gil_scoped_release release;
            return numeric_assortativity(net, attribute, f);
        },
        py::arg("network"), py::arg("attribute"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out,
        "Newman's (2003) assortativity coefficient of a numeric attribute (the Pearson "
        "correlation of its values at both ends of each arc), as "
        "networkx.numeric_assortativity_coefficient; arcs with an end lacking a value are left "
        "out. Raises InvalidValue for a categorical facet, an unknown attribute or a value that "
        "is not a number. Cost O(V + E).");

    m.def(
        "relations",
        [](const SharedNetwork& net, const ProgressArg& progress) {
            const ReadLock lock(net);
            PyProgress report(progress);
            RelationsReport r;
            {
                py::gil_scoped_release release;
                r = relations_report(net, report.get());
            }
            report.rethrow();
            return described<"RelationsReport">(net, r);
        },
        py::arg("network"), py::kw_only(), py::arg("progress") = py::none(),
        R"doc(The multiplex view (``copnet relations``; C++ ``relations_report``): each relation
with its ties and density, the overlap of every two (Jaccard, a_in_b, b_in_a over unordered
pairs), multiplexity (pairs tied by exactly k relations) and the alignment of authority and
influence (the share of authority ties whose pair is also an influence tie).
``progress(done, total)`` reports how far it has come. Cost O(E log E + R²).)doc");

    m.def(
        "boundaries",
        [](const SharedNetwork& net, const std::string& facet, const Kinds& kinds,
           Direction direction, bool weighted, std::size_t permutations,
           std::optional<std::size_t> samples, bool exact, std::uint64_t seed, unsigned threads) {
            const ReadLock lock(net);
            BoundaryOptions o;
            o.facet = facet;
            o.filter = filter_from(net, kinds, direction);
            o.weighted = weighted;
            o.permutations = permutations;
            o.samples = samples;
            o.exact = exact;
            o.seed = seed;
            o.threads = threads;
            BoundaryReport r;
            {
                py::gil_scoped_release release;
                r = boundaries(net, o);
            }
            return described<"BoundaryReport">(net, r);
        },
        py::arg("network"), py::arg("facet") = "sector", py::kw_only(),
        py::arg("kinds") = py::none(), py::arg("direction") = Direction::out,
        py::arg("weighted") = BoundaryOptions{}.weighted,
        py::arg("permutations") = BoundaryOptions{}.permutations, py::arg("samples") = py::none(),
        py::arg("exact") = BoundaryOptions{}.exact, py::arg("seed") = BoundaryOptions{}.seed,
        py::arg("threads") = BoundaryOptions{}.threads,
        "The whole boundary report for one facet (``copnet boundaries``). The spanners' "
        "betweenness is exact up to V·E = 2e9 and estimated from max(100, 2e9 / E) random "
        "sources above (``betweenness_sources`` says how many); ``samples=K`` sets K, "
        "``exact=True`` forces every source.");
}

} // namespace copnet::python
