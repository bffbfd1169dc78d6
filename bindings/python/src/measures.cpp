// The measures researchers compare with their tools: the standard centralities and the
// whole-network measures (copnet/analysis/centrality.hpp, network_measures.hpp), as the CLI's
// `copnet centrality` and `copnet network`.
#include "convert.hpp"

#include <copnet/analysis/centrality.hpp>
#include <copnet/analysis/network_measures.hpp>
#include <copnet/error.hpp>

namespace copnet::python {

namespace {

/// The CLI's --measures: "degree,pagerank" (or "all"), or an iterable of names.
std::vector<Measure> measures_from(const py::object& measures) {
    if (py::isinstance<py::str>(measures)) return parse_measures(measures.cast<std::string>());
    std::string list;
    for (const auto& m : measures) {
        if (!py::isinstance<py::str>(m)) throw invalid_value("a measure is named by a str");
        list += (list.empty() ? "" : ",") + m.cast<std::string>();
    }
    return parse_measures(list);
}

} // namespace

void bind_measures(py::module_& m) {
    const CentralityOptions c;
    m.def(
        "centrality",
        [](const SharedNetwork& net, const MeasuresArg& measures, const Kinds& kinds,
           Direction direction, bool weighted, bool normalized, bool endpoints,
           const std::string& cores, std::optional<std::size_t> samples, std::uint64_t seed,
           double alpha, std::size_t max_iterations, double tolerance, unsigned threads,
           const ProgressArg& progress) {
            const ReadLock lock(net);
            CentralityOptions o{.filter = filter_from(net, kinds, direction),
                                .measures = measures_from(measures),
                                .normalized = normalized,
                                .weighted = weighted,
                                .endpoints = endpoints,
                                .cores = parse_core_mode(cores),
                                .samples = samples,
                                .seed = seed,
                                .alpha = alpha,
                                .max_iterations = max_iterations,
                                .tolerance = tolerance,
                                .threads = threads};
            PyProgress report(progress);
            o.progress = report.get();
            CentralityTable t;
            {
                py::gil_scoped_release release;
                t = centrality(net, o);
            }
            report.rethrow();
            return described<"CentralityTable">(net, t);
        },
        py::arg("network"), py::arg("measures") = "all", py::kw_only(),
        py::arg("kinds") = py::none(), py::arg("direction") = c.filter.direction,
        py::arg("weighted") = c.weighted, py::arg("normalized") = c.normalized,
        py::arg("endpoints") = c.endpoints, py::arg("cores") = std::string(to_string(c.cores)),
        py::arg("samples") = py::none(), py::arg("seed") = c.seed, py::arg("alpha") = c.alpha,
        py::arg("max_iterations") = c.max_iterations, py::arg("tolerance") = c.tolerance,
        py::arg("threads") = c.threads, py::arg("progress") = py::none(),
        R"doc(The standard centralities, one row per stakeholder (``copnet centrality``; C++
``centrality``), each defined and normalised as NetworkX 2.8: ``measures`` ("all", or names
comma-separated or in a list) among degree, in_degree, out_degree, strength, betweenness,
closeness, harmonic, pagerank, eigenvector, coreness, constraint, effective_size, reciprocity.
Undirected (nx.Graph) when every followed relation is mutual, else directed along
``direction``. ``normalized``: degrees / (n - 1), betweenness by the pairs; ``weighted``:
values as distances for betweenness, closeness and harmonic, as strengths for pagerank,
eigenvector, constraint and effective size; ``cores`` "all" (in + out), "in", "out" or
"undirected"; ``samples``: betweenness from that many seeded sources; ``alpha``,
``max_iterations`` and ``tolerance`` of pagerank and eigenvector. A ``CentralityTable``
{undirected, measures, stakeholders [{id, a key per measure}]} (undefined values NaN),
``to_pandas()`` a DataFrame. ``progress(done, total)`` reports closeness and harmonic. Raises
InvalidValue naming an unknown measure or mode, ``samples`` 0 or above the stakeholder count,
negative distances; Error when pagerank or eigenvector does not converge. Cost: betweenness
O(k (V + E)), closeness and harmonic O(V (V + E)), the rest near-linear.)doc");

    const NetworkMeasuresOptions n;
    m.def(
        "network",
        [](const SharedNetwork& net, const Kinds& kinds, Direction direction, bool distances,
           unsigned threads, const ProgressArg& progress) {
            const ReadLock lock(net);
            NetworkMeasuresOptions o{.filter = filter_from(net, kinds, direction),
                                     .distances = distances,
                                     .threads = threads};
            PyProgress report(progress);
            o.progress = report.get();
            NetworkMeasures r;
            {
                py::gil_scoped_release release;
                r = network_measures(net, o);
            }
            report.rethrow();
            return described<"NetworkMeasures">(net, r);
        },
        py::arg("network"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = n.filter.direction, py::arg("distances") = n.distances,
        py::arg("threads") = n.threads, py::arg("progress") = py::none(),
        R"doc(Whole-network measures (``copnet network``; C++ ``network_measures``) under the
same undirected/directed rule as ``centrality``: stakeholders, ties, density, reciprocity
{edgewise, dyadic, dyadic_nonnull} (sna grecip), dyad_census {mutual, asymmetric, null},
triad_census {"003" … "300"} (networkx.triadic_census), transitivity, components {weak,
strong}, diameter and average_distance of the largest weak component, degree_assortativity,
cutpoints {weak, strong} (sna cutpoints). ``distances=False`` (the CLI's --no-distances) skips
the diameter and average distance, a search from every stakeholder; ``progress(done, total)``
reports how far the measures have come, those searches included. A ``NetworkMeasures``. Cost O(V (V + E)) with distances, else
O(E Δ + E^1.5).)doc");
}

} // namespace copnet::python
