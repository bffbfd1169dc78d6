// Reach, diffusion and leverage (copnet/analysis/reach.hpp).
#include "convert.hpp"

#include <exception>
#include <optional>

namespace copnet::python {

namespace {

ReachOptions reach_options(const Network& net, const py::object& kinds, Direction direction,
                           std::optional<std::size_t> max_hops) {
    ReachOptions o;
    o.filter = filter_from(net, kinds, direction);
    o.max_hops = max_hops;
    return o;
}

DiffusionOptions diffusion_options(const Network& net, const py::object& kinds, Direction direction,
                                   DiffusionModel model, std::size_t runs, std::uint64_t seed,
                                   unsigned threads, std::optional<double> probability,
                                   std::string threshold_attribute) {
    DiffusionOptions o;
    o.filter = filter_from(net, kinds, direction);
    o.model = model;
    o.runs = runs;
    o.seed = seed;
    o.threads = threads;
    o.probability = probability;
    o.threshold_attribute = std::move(threshold_attribute);
    return o;
}

// Keyword arguments shared by spread, coalition_synergy and leverage.
// Their defaults are the library's (DiffusionOptions{}).
#define COPNET_DIFFUSION_ARGS                                                                 \
    py::arg("model") = DiffusionOptions{}.model, py::arg("kinds") = py::none(),              \
        py::arg("direction") = DiffusionOptions{}.filter.direction,                           \
        py::arg("runs") = DiffusionOptions{}.runs, py::arg("seed") = DiffusionOptions{}.seed,  \
        py::arg("threads") = DiffusionOptions{}.threads, py::arg("probability") = py::none(), \
        py::arg("threshold_attribute") = DiffusionOptions{}.threshold_attribute,              \
        py::arg("progress") = py::none()

} // namespace

void bind_reach(py::module_& m) {
    m.def(
        "reach",
        [](const SharedNetwork& net, const std::vector<std::string>& sources,
           const Kinds& kinds, Direction direction, std::optional<std::size_t> max_hops,
           const CommunityArg& community, const std::optional<std::string>& facet) {
            const ReadLock lock(net);
            const auto from = handles(net, sources);
            const auto options = reach_options(net, kinds, direction, max_hops);
            const Community* c = community_from(net, community);
            ReachResult r;
            ReachBreakdown b;
            {
                py::gil_scoped_release release;
                r = reach(net, from, options);
                if (c != nullptr || facet) b = break_down(net, r, c, facet.value_or(""));
            }
            return described<"ReachResult">(net, r, b);
        },
        py::arg("network"), py::arg("sources"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out, py::arg("max_hops") = py::none(),
        py::arg("community") = py::none(), py::arg("facet") = py::none(),
        R"doc(k-step reach: the stakeholders within ``max_hops`` followed ties (None: unlimited)
of any of ``sources``, with their hop distance (breadth-first search; UCINET's and sna's
k-step reach). ``kinds``: None (every kind), "authority,influence" or a list of TieKind;
``direction``: "out" (along the tie), "in" or "both". With ``community`` and/or ``facet`` the
result also groups the reached by circle and by facet. Cost O(V + E).
Raises InvalidValue for no sources, UnknownStakeholder for an unknown id.)doc");

    m.def(
        "reach_counts",
        [](const SharedNetwork& net, const Kinds& kinds, Direction direction,
           std::optional<std::size_t> max_hops, const std::optional<std::vector<std::string>>& who,
           unsigned threads) {
            const ReadLock lock(net);
            const auto options = reach_options(net, kinds, direction, max_hops);
            std::vector<ReachCount> counts;
            if (who) {
                const auto ids = handles(net, *who);
                py::gil_scoped_release release;
                counts = reach_counts(net, ids, options, threads);
            } else {
                py::gil_scoped_release release;
                counts = reach_counts(net, options, threads);
            }
            py::dict out;
            for (const ReachCount& c : counts) out[py::str(id_of(net, c.who))] = c.reached;
            return by_stakeholder(net, std::move(out), "reach");
        },
        py::arg("network"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out, py::arg("max_hops") = py::none(),
        py::arg("who") = py::none(), py::arg("threads") = 0,
        R"doc(Each stakeholder's k-step reach count: how many others it reaches within
``max_hops`` (NetworkX: ``len(single_source_shortest_path_length(G, v, cutoff=k)) - 1``), as
{id: count} for everyone (or the ids in ``who``). Cost O(V (V + E)), split across threads.)doc");

    m.def(
        "level_flow",
        [](const SharedNetwork& net, Level a, Level b, const CommunityArg& community,
           const Kinds& kinds, Direction direction, std::optional<std::size_t> max_hops,
           double target_share) {
            const ReadLock lock(net);
            const Community* c = community_from(net, community);
            const auto options = reach_options(net, kinds, direction, max_hops);
            TwoWayFlow f;
            {
                py::gil_scoped_release release;
                f = level_flow(net, c, a, b, options, target_share);
            }
            return described<"TwoWayFlow">(net, f);
        },
        py::arg("network"), py::arg("a"), py::arg("b"), py::kw_only(),
        py::arg("community") = py::none(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out, py::arg("max_hops") = py::none(),
        py::arg("target_share") = 0.5,
        R"doc(Two-way flow across levels: from the members (of ``community``; None: everyone)
at level ``a``, the share of those at ``b`` reached hop by hop, and back from ``b`` to ``a``;
``hops_to_target`` is the fewest hops reaching ``target_share`` of them. Cost O(V + E).)doc");

    m.def(
        "spread",
        [](const SharedNetwork& net, const std::vector<std::string>& sources, DiffusionModel model,
           const Kinds& kinds, Direction direction, std::size_t runs, std::uint64_t seed,
           unsigned threads, std::optional<double> probability, std::string threshold_attribute,
           const ProgressArg& progress, const CommunityArg& community,
           const std::optional<std::string>& facet) {
            const ReadLock lock(net);
            const auto from = handles(net, sources);
            const Community* c = community_from(net, community);
            auto options = diffusion_options(net, kinds, direction, model, runs, seed, threads,
                                             probability, std::move(threshold_attribute));
            PyProgress report(progress);
            options.progress = report.get();
            SpreadResult r;
            SpreadBreakdown b;
            {
                py::gil_scoped_release release;
                r = spread(net, from, options);
                if (c != nullptr || facet) b = break_down(net, r, c, facet.value_or(""));
            }
            report.rethrow();
            return described<"SpreadResult">(net,
                             std::tuple<const SpreadResult&, DiffusionModel>(r, model), b);
        },
        py::arg("network"), py::arg("sources"), py::kw_only(), COPNET_DIFFUSION_ARGS,
        py::arg("community") = py::none(), py::arg("facet") = py::none(),
        R"doc(Monte Carlo diffusion from ``sources``: independent cascade ("ic", Kempe et al.
2003; a tie succeeds with probability = its weight, or ``probability``) or linear threshold
("lt"; thresholds from the node column ``threshold_attribute``, else uniform random). Returns
the expected spread, its standard deviation and 95 % interval, every stakeholder's adoption
probability, and (with ``community``/``facet``) the breakdowns. The result for a ``seed`` is
identical whatever ``threads``. ``progress(done, total)`` is called about a hundred times;
the GIL is released meanwhile. Cost O(runs (V + E)).)doc");

    m.def(
        "coalition_synergy",
        [](const SharedNetwork& net, const std::vector<std::string>& coalition,
           DiffusionModel model, const Kinds& kinds, Direction direction, std::size_t runs,
           std::uint64_t seed, unsigned threads, std::optional<double> probability,
           std::string threshold_attribute, const ProgressArg& progress) {
            const ReadLock lock(net);
            const auto members = handles(net, coalition);
            auto options = diffusion_options(net, kinds, direction, model, runs, seed, threads,
                                             probability, std::move(threshold_attribute));
            PyProgress report(progress);
            options.progress = report.get();
            Synergy s;
            {
                py::gil_scoped_release release;
                s = coalition_synergy(net, members, options);
            }
            report.rethrow();
            return described<"Synergy">(net, s);
        },
        py::arg("network"), py::arg("coalition"), py::kw_only(), COPNET_DIFFUSION_ARGS,
        R"doc("What can we accomplish together that no one can alone": the expected spread of
``coalition`` together and of each member alone, with common random numbers. Options as
spread. Cost (|coalition| + 1) spreads.)doc");

    m.def(
        "leverage",
        [](const SharedNetwork& net, std::size_t k,
           const std::optional<std::vector<std::string>>& candidates,
           const CommunityArg& community, std::optional<Circle> circle, LeverageMethod method,
           double epsilon, double ell, DiffusionModel model, const Kinds& kinds,
           Direction direction, std::size_t runs, std::uint64_t seed, unsigned threads,
           std::optional<double> probability, std::string threshold_attribute,
           const ProgressArg& progress) {
            const ReadLock lock(net);
            std::vector<StakeholderId> pool;
            if (candidates) pool = handles(net, *candidates);
            if (circle) {  // at or inside the circle (the library's convener_pool)
                const Community* c = community_from(net, community);
                if (c == nullptr) c = &net.community("community");
                if (candidates)
                    std::erase_if(pool, [&](StakeholderId s) { return c->circle(s) > *circle; });
                else
                    pool = convener_pool(net, c, circle);
            }
            LeverageOptions options;
            options.diffusion = diffusion_options(net, kinds, direction, model, runs, seed, threads,
                                                  probability, std::move(threshold_attribute));
            options.k = k;
            options.method = method;
            options.epsilon = epsilon;
            options.ell = ell;
            PyProgress report(progress);
            options.diffusion.progress = report.get();
            LeverageResult r;
            {
                py::gil_scoped_release release;
                r = (candidates || circle) ? leverage(net, pool, options) : leverage(net, options);
            }
            report.rethrow();
            return described<"LeverageResult">(net, r);
        },
        py::arg("network"), py::arg("k") = 5, py::kw_only(), py::arg("candidates") = py::none(),
        py::arg("community") = py::none(), py::arg("circle") = py::none(),
        py::arg("method") = LeverageMethod::automatic, py::arg("epsilon") = 0.1,
        py::arg("ell") = 1.0, COPNET_DIFFUSION_ARGS,
        R"doc(Leverage: chooses ``k`` conveners that maximise the expected spread of a message
they all start, among ``candidates`` (None: everyone), narrowed to those at or inside
``circle`` of ``community`` (default community "community") when ``circle`` is given:
``leverage(net, 3, circle="core")`` asks "who in our core group should carry the message?".
``method``: "celf" (greedy with lazy evaluation, Leskovec et al. 2007), "imm" (Tang, Shi &
Xiao 2015; (1-1/e-epsilon) with probability 1-1/V^ell) or "automatic". Deterministic for a
seed. Raises InvalidValue for k out of range or bad options.)doc");
}

} // namespace copnet::python
