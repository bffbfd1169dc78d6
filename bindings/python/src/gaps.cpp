// Gaps: representation, taxonomies, invitation candidates, fragility
// (copnet/analysis/gaps.hpp).
#include "convert.hpp"

#include <set>

#include <copnet/analysis/components.hpp>
#include <copnet/analysis/gaps.hpp>
#include <copnet/error.hpp>
#include <copnet/io/taxonomy.hpp>

namespace copnet::python {

namespace {

/// `taxonomy`: "framework" (the built-in preset), None (no taxonomy), a path to a taxonomy CSV
/// (str or os.PathLike), or a dict {facet: {category: [aliases]}} or {facet: [categories]}.
Taxonomy taxonomy_from(const Network& net, const py::object& taxonomy) {
    if (taxonomy.is_none()) return Taxonomy{};
    if (py::isinstance<py::str>(taxonomy) && taxonomy.cast<std::string>() == "framework")
        return framework_taxonomy();
    if (py::isinstance<py::dict>(taxonomy)) {
        Taxonomy t;
        for (const auto& [facet, categories] : taxonomy.cast<py::dict>()) {
            TaxonomyFacet f{facet.cast<std::string>(), {}};
            if (py::isinstance<py::dict>(categories)) {
                for (const auto& [name, aliases] : categories.cast<py::dict>())
                    f.categories.push_back({name.cast<std::string>(),
                                            aliases.cast<std::vector<std::string>>()});
            } else {
                for (const auto& name : categories) f.categories.push_back({name.cast<std::string>(), {}});
            }
            t.facets.push_back(std::move(f));
        }
        return t;
    }
    const auto path = py::module_::import("os").attr("fspath")(taxonomy).cast<std::string>();
    return read_taxonomy(path, &net);
}

RepresentationOptions representation_options(const Network& net,
                                             const std::vector<std::string>& facets,
                                             const py::object& taxonomy, double threshold) {
    RepresentationOptions o;
    o.facets = facets;
    o.taxonomy = taxonomy_from(net, taxonomy);
    o.threshold = threshold;
    return o;
}

CandidateOptions candidate_options(const Network& net, const py::kwargs& kw) {
    CandidateOptions o;
    auto get = [&](const char* key, auto& field) {
        if (kw.contains(key)) field = kw[key].cast<std::decay_t<decltype(field)>>();
    };
    get("core_tie", o.core_tie);
    get("inner_tie", o.inner_tie);
    get("outer_tie", o.outer_tie);
    get("weighted", o.weighted);
    get("missing_category", o.missing_category);
    get("under_represented_category", o.under_represented_category);
    get("skeptic", o.skeptic);
    get("neutral", o.neutral);
    get("reach", o.reach);
    get("hops", o.hops);
    get("limit", o.limit);
    get("threads", o.threads);
    const Direction dir = kw.contains("direction") ? kw["direction"].cast<Direction>()
                                                   : Direction::both;
    o.filter = filter_from(net, kw.contains("kinds") ? py::object(kw["kinds"]) : py::object(py::none()), dir);
    std::vector<std::string> facets = o.representation.facets;
    get("facets", facets);
    double threshold = o.representation.threshold;
    get("threshold", threshold);
    const py::object taxonomy = kw.contains("taxonomy") ? py::object(kw["taxonomy"])
                                                        : py::object(py::str("framework"));
    o.representation = representation_options(net, facets, taxonomy, threshold);
    static const std::set<std::string> known{
        "core_tie", "inner_tie", "outer_tie", "weighted", "missing_category",
        "under_represented_category", "skeptic", "neutral", "reach", "hops", "limit",
        "direction", "kinds", "facets", "threshold", "taxonomy", "threads"};
    for (const auto& [k, v] : kw)
        if (!known.contains(k.cast<std::string>()))
            throw invalid_value("candidates: unknown option \"" + k.cast<std::string>() + "\"");
    return o;
}

FragilityOptions fragility_options(const Network& net, const py::object& kinds,
                                   const std::string& scope,
                                   const std::optional<std::vector<std::vector<std::string>>>& departures,
                                   std::size_t hops, const std::vector<std::string>& dependence,
                                   std::size_t top) {
    FragilityOptions o;
    o.filter = filter_from(net, kinds, Direction::both);
    if (scope == "members") o.scope = FragilityScope::members;
    else if (scope == "landscape") o.scope = FragilityScope::landscape;
    else throw invalid_value("scope \"" + scope + "\" is not members or landscape");
    if (departures)
        for (const auto& set : *departures) o.departures.push_back(handles(net, set));
    o.hops = hops;
    o.dependence_facets = dependence;
    o.top = top;
    return o;
}

const Community& required(const Network& net, const py::object& community) {
    const Community* c = community_from(net, community);
    if (c == nullptr) throw invalid_value("a community is required");
    return *c;
}

} // namespace

void bind_gaps(py::module_& m) {
    const std::vector<std::string> default_facets{"sector", "perspective", "level"};
    m.def(
        "representation",
        [](const SharedNetwork& net, const CommunityArg& community,
           const std::vector<std::string>& facets,
           const TaxonomyArg& taxonomy, double threshold) {
            const ReadLock lock(net);
            const Community& c = required(net, community);
            const auto o = representation_options(net, facets, taxonomy, threshold);
            Representation r;
            {
                py::gil_scoped_release release;
                r = representation(net, c, o);
            }
            return described<"Representation">(net, r);
        },
        py::arg("network"), py::arg("community") = "community", py::kw_only(),
        py::arg("facets") = default_facets, py::arg("taxonomy") = "framework",
        py::arg("threshold") = RepresentationOptions{}.threshold,
        R"doc(Representation by facet and circle: each category's count, share and ratio (share
in a circle ÷ share in the landscape) in the landscape and the core, inner and outer circles;
the categories missing from core + inner; those under-represented (ratio below
``threshold``). ``taxonomy``: "framework" (the IDEA Partnership preset), None, a CSV path
(facet,category,aliases) or a dict {facet: {category: [aliases]}}. Cost O(F·V).)doc");

    m.def(
        "candidates",
        [](const SharedNetwork& net, const CommunityArg& community, const py::kwargs& kw) {
            const ReadLock lock(net);
            const Community& c = required(net, community);
            const auto o = candidate_options(net, kw);
            std::vector<Candidate> cs;
            {
                py::gil_scoped_release release;
                cs = candidates(net, c, o);
            }
            return described_field("candidates", net, cs);
        },
        py::arg("network"), py::arg("community") = "community",
        R"doc(Invitation candidates: non-members ranked by score = ties to members (core_tie=3,
inner_tie=2, outer_tie=1 per tie; weighted=False) + categories they would add
(missing_category=2, under_represented_category=1) + stance (skeptic=2, neutral=0) + reach
they would add (reach=0.25 per stakeholder newly within hops=2 steps), best first, at most
limit=10; each with its score parts and reasons (codes and words). Keyword options also:
kinds, direction ("both"), facets, taxonomy, threshold, threads (0: the hardware's; the result
does not depend on it). Raises InvalidValue for a negative
weight or an unknown option.)doc");

    m.def(
        "fragility",
        [](const SharedNetwork& net, const CommunityArg& community, const Kinds& kinds,
           const std::string& scope,
           const std::optional<std::vector<std::vector<std::string>>>& departures,
           std::size_t hops, const std::vector<std::string>& dependence_facets, std::size_t top) {
            const ReadLock lock(net);
            const Community& c = required(net, community);
            const auto o = fragility_options(net, kinds, scope, departures, hops,
                                             dependence_facets, top);
            Fragility f;
            {
                py::gil_scoped_release release;
                f = fragility(net, c, o);
            }
            return described<"Fragility">(net, std::tuple<const Community&, const Fragility&>(c, f));
        },
        py::arg("network"), py::arg("community") = "community", py::kw_only(),
        py::arg("kinds") = py::none(), py::arg("scope") = "members",
        py::arg("departures") = py::none(), py::arg("hops") = FragilityOptions{}.hops,
        py::arg("dependence_facets") = std::vector<std::string>{"sector", "level"},
        py::arg("top") = 5,
        R"doc(Fragility on the undirected graph of the members (scope="members") or the whole
landscape: articulation points with the sizes of the pieces each one's departure leaves,
bridges, leader departure (k-step reach and pieces before and after; ``departures`` lists id
sets, default each core member alone), and dependence (the largest shares of cross-sector and
cross-level ties held by one stakeholder). Cost O(V + E) + O(D (V + E)).)doc");

    m.def(
        "articulation_points",
        [](const SharedNetwork& net, const Kinds& kinds) {
            const ReadLock lock(net);
            std::vector<StakeholderId> points;
            const TieFilter f = filter_from(net, kinds, Direction::both);
            {
                py::gil_scoped_release release;
                points = articulation_points(net, f);
            }
            py::list out;
            for (StakeholderId s : points) out.append(py::str(id_of(net, s)));
            return out;
        },
        py::arg("network"), py::kw_only(), py::arg("kinds") = py::none(),
        "Articulation points of the whole landscape's undirected graph (as "
        "networkx.articulation_points), in the network's order. Cost O(V + E).");

    m.def(
        "bridges",
        [](const SharedNetwork& net, const Kinds& kinds) {
            const ReadLock lock(net);
            std::vector<Bridge> bs;
            const TieFilter f = filter_from(net, kinds, Direction::both);
            {
                py::gil_scoped_release release;
                bs = bridges(net, f);
            }
            py::list out;
            for (const Bridge& b : bs) out.append(py::make_tuple(id_of(net, b.a), id_of(net, b.b)));
            return out;
        },
        py::arg("network"), py::kw_only(), py::arg("kinds") = py::none(),
        "Bridges of the whole landscape's undirected simple graph (as networkx.bridges), as "
        "(id, id) pairs. Cost O(V + E).");

    // Pieces as id lists, in the order of their first stakeholder, ids in the network's order.
    const auto pieces_of = [](const SharedNetwork& net, const Components& c) {
        std::vector<py::list> pieces(c.count());
        for (StakeholderId s : net.stakeholders())
            pieces[static_cast<std::size_t>(c.piece[s.index()])].append(py::str(id_of(net, s)));
        py::list out;
        for (auto& p : pieces) out.append(std::move(p));
        return out;
    };
    m.def(
        "components",
        [pieces_of](const SharedNetwork& net, const Kinds& kinds) {
            const ReadLock lock(net);
            const TieFilter f = filter_from(net, kinds, Direction::both);  // reads Python: GIL held
            Components c;
            {
                py::gil_scoped_release release;
                c = components(net, f);
            }
            return pieces_of(net, c);
        },
        py::arg("network"), py::kw_only(), py::arg("kinds") = py::none(),
        "Connected pieces of the landscape, ties taken either way (weakly connected; as "
        "networkx.connected_components on the undirected graph): a list of id lists, pieces in "
        "the order of their first stakeholder, ids in the network's order. Cost O(V + E).");

    m.def(
        "strong_components",
        [pieces_of](const SharedNetwork& net, const Kinds& kinds, Direction direction) {
            const ReadLock lock(net);
            const TieFilter f = filter_from(net, kinds, direction);
            Components c;
            {
                py::gil_scoped_release release;
                c = strong_components(net, f);
            }
            return pieces_of(net, c);
        },
        py::arg("network"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out,
        "Strongly connected pieces along the ties' direction (each member reaches every other; a "
        "mutual relation's tie both ways), as networkx.strongly_connected_components: a list of "
        "id lists, pieces in the order of their first stakeholder. Cost O(V + E).");
    m.def(
        "condensation",
        [pieces_of](const SharedNetwork& net, const Kinds& kinds, Direction direction) {
            const ReadLock lock(net);
            const TieFilter f = filter_from(net, kinds, direction);
            Condensation c;
            {
                py::gil_scoped_release release;
                c = condensation(net, f);
            }
            py::list arcs;
            for (const auto& [p, q] : c.arcs) arcs.append(py::make_tuple(p, q));
            return py::make_tuple(pieces_of(net, c.pieces), arcs);
        },
        py::arg("network"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out,
        "The condensation, as networkx.condensation: (pieces, arcs) — the strong pieces as "
        "strong_components lists them, and (p, q) index pairs, sorted, where a tie runs from piece "
        "p to piece q (a DAG). Cost O(V + E).");

    m.def(
        "gaps",
        [](const SharedNetwork& net, const CommunityArg& community,
           const std::vector<std::string>& facets,
           const TaxonomyArg& taxonomy, double threshold, unsigned threads,
           const ProgressArg& progress) {
            const ReadLock lock(net);
            const Community& c = required(net, community);
            GapsOptions o;
            o.representation = representation_options(net, facets, taxonomy, threshold);
            o.candidates.threads = threads;
            PyProgress report(progress);
            o.progress = report.get();
            GapsReport r;
            {
                py::gil_scoped_release release;
                r = gaps(net, c, o);
            }
            report.rethrow();
            return described<"GapsReport">(net, std::tuple<const Community&, const GapsReport&>(c, r));
        },
        py::arg("network"), py::arg("community") = "community", py::kw_only(),
        py::arg("facets") = default_facets, py::arg("taxonomy") = "framework",
        py::arg("threshold") = RepresentationOptions{}.threshold,
        py::arg("threads") = CandidateOptions{}.threads, py::arg("progress") = py::none(),
        "Representation, invitation candidates and fragility with their default options "
        "(``copnet gaps``); ``threads`` share the candidates' reach searches (the result does "
        "not depend on them); ``progress(done, total)`` is called about a hundred times "
        "(stakeholders scored, then departures evaluated).");
}

} // namespace copnet::python
