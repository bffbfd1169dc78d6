// Detected groups beside declared ones (copnet/analysis/groups.hpp), as the CLI's
// `copnet groups`, and the modularity of any partition.
#include "convert.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <copnet/analysis/groups.hpp>
#include <copnet/error.hpp>

namespace copnet::python {

namespace {

constexpr std::uint32_t none = 0xFFFFFFFFU;

using PartitionArg = Typed<"Union[str, copnet.GroupsResult, Mapping[str, Any], "
                           "Iterable[Iterable[str]]]">;

/// The comparison of `copnet groups --compare`, nested as "compare".
struct Compared {
    const GroupAgreement& agreement;
};
void describe(FieldSink& sink, const Network& net, const Compared& c) {
    describe_in(sink, "compare", net, c.agreement);
}

std::string id_text(const py::handle& x) {
    return py::isinstance<py::str>(x) ? x.cast<std::string>() : py::str(x).cast<std::string>();
}

/// A partition from Python: a declared grouping's spelling ("facet:sector", "circles:COP",
/// "communities"), a GroupsResult, a mapping {id: group label}, or groups of ids (as NetworkX's
/// `modularity(G, communities)` takes).
Partition partition_from(const Network& net, const py::object& p) {
    if (py::isinstance<py::str>(p)) return declared_partition(net, p.cast<std::string>());
    if (py::isinstance(p, types().attr("GroupsResult"))) {
        py::dict labels;
        for (const auto& row : p["stakeholders"]) labels[row["id"]] = row["group"];
        return partition_from(net, labels);
    }
    if (py::isinstance(p, py::module_::import("collections.abc").attr("Mapping"))) {
        std::vector<std::uint32_t> by_slot(net.slot_count(), none);
        py::dict index;  // label → group
        Partition out;
        for (const auto& [key, label] : p.cast<py::dict>()) {
            const StakeholderId who = net.at(id_text(key));
            if (!index.contains(label)) {
                index[label] = out.names.size();
                out.names.push_back(id_text(label));
            }
            by_slot[who.index()] = index[label].cast<std::uint32_t>();
        }
        for (StakeholderId who : net.stakeholders()) {
            if (by_slot[who.index()] == none)
                throw invalid_value("stakeholder \"" + net.stakeholder(who).id +
                                    "\" is in no group: not a partition");
            out.of.push_back(by_slot[who.index()]);
        }
        return out;
    }
    std::vector<std::vector<StakeholderId>> groups;
    for (const auto& g : p) {
        if (py::isinstance<py::str>(g))
            throw invalid_value("a partition is a declared grouping (\"facet:sector\"), a "
                                "GroupsResult, a mapping {id: group} or groups of ids");
        auto& ids = groups.emplace_back();
        for (const auto& x : g) ids.push_back(net.at(id_text(x)));
    }
    return make_partition(net, groups);
}

} // namespace

void bind_groups(py::module_& m) {
    const GroupOptions g;
    m.def(
        "groups",
        [](const SharedNetwork& net, const std::string& method, double resolution,
           std::uint64_t seed, const Kinds& kinds, bool weighted, std::size_t max_iterations,
           std::optional<std::string> compare, const ProgressArg& progress) {
            const ReadLock lock(net);
            GroupOptions o{.filter = filter_from(net, kinds, Direction::out),
                           .method = parse_group_method(method),
                           .resolution = resolution,
                           .seed = seed,
                           .weighted = weighted,
                           .max_iterations = max_iterations};
            std::optional<Partition> declared;
            if (compare) declared = declared_partition(net, *compare);
            PyProgress report(progress);
            o.progress = report.get();
            GroupsResult r;
            std::optional<GroupAgreement> agreement;
            {
                py::gil_scoped_release release;
                r = detect_groups(net, o);
                o.progress = {};
                if (compare) agreement = group_agreement(net, r, *compare, o);
            }
            report.rethrow();
            if (agreement) return described<"GroupsResult">(net, r, Compared{*agreement});
            return described<"GroupsResult">(net, r);
        },
        py::arg("network"), py::kw_only(), py::arg("method") = std::string(to_string(g.method)),
        py::arg("resolution") = g.resolution, py::arg("seed") = g.seed,
        py::arg("kinds") = py::none(), py::arg("weighted") = g.weighted,
        py::arg("max_iterations") = g.max_iterations, py::arg("compare") = py::none(),
        py::arg("progress") = py::none(),
        R"doc(Detected groups (``copnet groups``; C++ ``detect_groups``): the groups of the
undirected graph of the followed ties that maximise modularity with ``resolution`` γ, by
``method`` "louvain" (Blondel et al. 2008, igraph community_multilevel) or "leiden" (Traag,
Waltman & van Eck 2019, igraph community_leiden with objective_function="modularity"; every
group connected). ``weighted``: tie values as edge weights (a pair's largest), else every tied
pair 1; ``seed``: the same seed gives the same groups. ``compare``: "facet:NAME",
"circles:COMMUNITY" or "communities" adds ``compare`` {with, nmi, ari, declared_modularity,
contingency, …}: the agreement of the detected groups with the declared ones (normalised
mutual information, adjusted Rand index). ``progress(done, total)`` reports how far the
detection has come. A ``GroupsResult`` {method, resolution, seed,
weighted, modularity, levels, iterations, count, stakeholders [{id, group}], groups [{group,
size, internal, strength, members}]}. Raises InvalidValue for an unknown method, a resolution
not > 0, an unknown facet or community, negative tie values (weighted). Cost near-linear,
O(levels · sweeps · (V + E)).)doc");

    m.def(
        "modularity",
        [](const SharedNetwork& net, const PartitionArg& partition, const Kinds& kinds,
           double resolution, bool weighted) {
            const ReadLock lock(net);
            const GroupOptions o{.filter = filter_from(net, kinds, Direction::out),
                                 .resolution = resolution,
                                 .weighted = weighted};
            const Partition p = partition_from(net, partition);
            py::gil_scoped_release release;
            return modularity(net, p, o);
        },
        py::arg("network"), py::arg("partition"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("resolution") = g.resolution, py::arg("weighted") = g.weighted,
        R"doc(Newman–Girvan modularity with resolution γ of ``partition`` on the undirected graph
of the followed ties (C++ ``modularity``): Q = Σ_c [L_c / m − γ (D_c / 2m)²], NetworkX's
``community.modularity(G, communities, weight, resolution)``. ``partition``: a declared
grouping ("facet:sector", "circles:COMMUNITY", "communities"), a GroupsResult, a mapping {id:
group} or groups of ids (every stakeholder in exactly one). NaN without ties. Raises
InvalidValue for a partition that is none, a resolution not > 0, negative tie values
(weighted); UnknownStakeholder for an id not held. Cost O(V + E).)doc");
}

} // namespace copnet::python
