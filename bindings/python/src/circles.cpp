// Circles: coreness, core/periphery, circle fit, density, suggested moves, trajectories,
// membership snapshots (copnet/analysis/circles.hpp, copnet/io/membership.hpp).
#include "convert.hpp"

#include <copnet/analysis/circles.hpp>
#include <copnet/error.hpp>
#include <copnet/io/membership.hpp>

namespace copnet::python {

namespace {

CorePeripheryOptions cp_options(const Network& net, const py::object& kinds, bool weighted,
                                const std::string& between, std::size_t max_passes,
                                std::size_t restarts, std::uint64_t seed) {
    CorePeripheryOptions o;
    o.filter = filter_from(net, kinds, Direction::out);
    o.weighted = weighted;
    o.between = parse_between_block(between);
    o.max_passes = max_passes;
    o.restarts = restarts;
    o.seed = seed;
    return o;
}

} // namespace

void bind_circles(py::module_& m) {
    m.def(
        "circles",
        [](const SharedNetwork& net, const CommunityArg& community, const CommunityArg& before,
           const Kinds& kinds, Direction direction, bool weighted, const std::string& between,
           std::size_t restarts, std::uint64_t seed, std::size_t at_risk_below,
           std::size_t invite_min_ties, double invite_min_share, const std::string& facet) {
            const ReadLock lock(net);
            const Community* c = community_from(net, community);
            if (c == nullptr) throw invalid_value("a community is required");
            const Community* b = community_from(net, before);
            CirclesReportOptions o{.filter = filter_from(net, kinds, direction),
                                   .weighted = weighted,
                                   .between = parse_between_block(between),
                                   .restarts = restarts,
                                   .seed = seed,
                                   .at_risk_below = at_risk_below,
                                   .invite_min_ties = invite_min_ties,
                                   .invite_min_share = invite_min_share,
                                   .facet = facet};
            CirclesReport r;
            {
                py::gil_scoped_release release;
                r = circles_report(net, *c, b, o);
            }
            return described<"CirclesReport">(net, r);
        },
        py::arg("network"), py::arg("community") = "community", py::kw_only(),
        py::arg("before") = py::none(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out, py::arg("weighted") = CirclesReportOptions{}.weighted,
        py::arg("between") = std::string(to_string(CirclesReportOptions{}.between)),
        py::arg("restarts") = CirclesReportOptions{}.restarts,
        py::arg("seed") = CirclesReportOptions{}.seed,
        py::arg("at_risk_below") = CirclesReportOptions{}.at_risk_below,
        py::arg("invite_min_ties") = CirclesReportOptions{}.invite_min_ties,
        py::arg("invite_min_share") = CirclesReportOptions{}.invite_min_share,
        py::arg("facet") = CirclesReportOptions{}.facet,
        R"doc(Everything ``copnet circles`` reports (C++ ``circles_report``): coreness, the best
core/periphery partition, the fit of the declared circles, density by circle, suggested moves
and, with ``before`` (a community), the trajectories since. A ``CirclesReport`` whose fields
are the keys of ``copnet circles --format json``, and its ``to_dict()`` that JSON. Raises
InvalidValue without a community. Cost: as its parts.)doc");


    m.def(
        "coreness",
        [](const SharedNetwork& net, const Kinds& kinds, bool weighted) {
            const ReadLock lock(net);
            CorenessOptions o;
            o.filter = filter_from(net, kinds, Direction::out);
            o.weighted = weighted;
            std::vector<Coreness> r;
            {
                py::gil_scoped_release release;
                r = coreness(net, o);
            }
            py::dict out;
            for (const auto& c : r) {
                if (weighted) out[py::str(id_of(net, c.who))] = c.s;
                else out[py::str(id_of(net, c.who))] = c.k;
            }
            return by_stakeholder(net, std::move(out), weighted ? "s_core" : "coreness");
        },
        py::arg("network"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("weighted") = false,
        "Core numbers {id: k} of the undirected graph of the followed ties (Batagelj & "
        "Zaversnik 2003; as networkx.core_number); with ``weighted``, s-cores {id: s}. "
        "Cost O(V + E).");

    m.def(
        "core_periphery",
        [](const SharedNetwork& net, const CommunityArg& community, const Kinds& kinds,
           bool weighted, const std::string& between, std::size_t max_passes,
           std::size_t restarts, std::uint64_t seed) {
            const ReadLock lock(net);
            const Community* c = community_from(net, community);
            const auto o = cp_options(net, kinds, weighted, between, max_passes, restarts, seed);
            CorePeriphery r;
            {
                py::gil_scoped_release release;
                r = c != nullptr ? core_periphery(net, *c, o) : core_periphery(net, o);
            }
            return described<"CorePeriphery">(net, r);
        },
        py::arg("network"), py::arg("community") = py::none(), py::kw_only(),
        py::arg("kinds") = py::none(), py::arg("weighted") = false,
        py::arg("between") = "ignored", py::arg("max_passes") = 100, py::arg("restarts") = 20,
        py::arg("seed") = 1,
        "Borgatti & Everett (2000) core/periphery: continuous scores (largest 1) with their fit, "
        "and the discrete core found by local search with its fit (correlation with the ideal "
        "pattern); among a community's members when ``community`` is given.");

    m.def(
        "circle_fit",
        [](const SharedNetwork& net, const CommunityArg& community, const Kinds& kinds,
           bool weighted, const std::string& between, std::size_t restarts, std::uint64_t seed) {
            const ReadLock lock(net);
            const Community* c = community_from(net, community);
            if (c == nullptr) throw invalid_value("a community is required");
            const auto o = cp_options(net, kinds, weighted, between, 100, restarts, seed);
            CircleFit f;
            {
                py::gil_scoped_release release;
                f = circle_fit(net, *c, o);
            }
            return described<"CircleFit">(net, f);
        },
        py::arg("network"), py::arg("community") = "community", py::kw_only(),
        py::arg("kinds") = py::none(), py::arg("weighted") = false,
        py::arg("between") = "ignored", py::arg("restarts") = 20, py::arg("seed") = 1,
        "How well the declared circles (core + inner vs outer; core vs rest) fit Borgatti & "
        "Everett's ideal pattern, beside the best partition found among the same members.");

    m.def(
        "circle_density",
        [](const SharedNetwork& net, const CommunityArg& community, const Kinds& kinds) {
            const ReadLock lock(net);
            const Community* c = community_from(net, community);
            if (c == nullptr) throw invalid_value("a community is required");
            CircleDensityOptions o;
            o.filter = filter_from(net, kinds, Direction::out);
            return described<"CircleDensity">(net, circle_density(net, *c, o));
        },
        py::arg("network"), py::arg("community") = "community", py::kw_only(),
        py::arg("kinds") = py::none(),
        "Density and mean tie weight within and between circles, and reciprocity of the "
        "directed ties within each circle. Cost O(V + E log d).");

    m.def(
        "suggest_moves",
        [](const SharedNetwork& net, const CommunityArg& community, const Kinds& kinds,
           bool weighted, std::size_t at_risk_below, std::size_t invite_min_ties,
           double invite_min_share) {
            const ReadLock lock(net);
            const Community* c = community_from(net, community);
            if (c == nullptr) throw invalid_value("a community is required");
            SuggestOptions o;
            o.filter = filter_from(net, kinds, Direction::out);
            o.weighted = weighted;
            o.at_risk_below = at_risk_below;
            o.invite_min_ties = invite_min_ties;
            o.invite_min_share = invite_min_share;
            std::vector<Suggestion> r;
            {
                py::gil_scoped_release release;
                r = suggest_moves(net, *c, o);
            }
            return described_field("suggestions", net, r);
        },
        py::arg("network"), py::arg("community") = "community", py::kw_only(),
        py::arg("kinds") = py::none(), py::arg("weighted") = false,
        py::arg("at_risk_below") = 2, py::arg("invite_min_ties") = 2,
        py::arg("invite_min_share") = 0.5,
        "Suggested moves with reasons: outer members whose ties look like the inner circle's "
        "(move_inward), core or inner members with few ties to the rest (at_risk), non-members "
        "embedded in the community (invite).");

    m.def(
        "trajectories",
        [](const SharedNetwork& net, const CommunityArg& before, const CommunityArg& after,
           const std::string& facet) {
            const ReadLock lock(net);
            const Community* b = community_from(net, before);
            const Community* a = community_from(net, after);
            if (b == nullptr || a == nullptr) throw invalid_value("two communities are required");
            return described<"Trajectories">(net, trajectories(net, *b, *a, facet));
        },
        py::arg("network"), py::arg("before"), py::arg("after"), py::kw_only(),
        py::arg("facet") = "",
        "Each stakeholder's movement between two snapshots of a community (joined, "
        "moved_inward, moved_outward, left, stayed), the transition matrix by circle, and the "
        "movement counts by category of ``facet``.");

    m.def(
        "read_membership",
        [](const NetworkArg& self, const PathArg& path, std::string name,
           std::string column) -> Typed<"copnet.Community"> {
            MembershipOptions o;
            o.column = std::move(column);
            const auto file = py::module_::import("os").attr("fspath")(path).cast<std::string>();
            {
                auto& net = self.cast<SharedNetwork&>();
                const WriteLock lock(net);
                read_membership(net, file, std::move(name), o);
            }
            return py::object(self.attr("communities")()[py::int_(-1)]);
        },
        py::arg("network"), py::arg("path"), py::arg("name"), py::kw_only(),
        py::arg("column") = "circle",
        "Reads a membership snapshot (CSV with ``id`` and a circle column) into a new "
        "community ``name`` and returns it. Raises ParseError (file, line, field) for an "
        "unknown id or circle; the network is then unchanged.");
}

} // namespace copnet::python
