// Inference (copnet/analysis/inference.hpp): copnet.test of a measure against a null model and
// copnet.regress, MRQAP regression as sna's netlm / netlogit — as the CLI's `copnet test` and
// `copnet regress`.
#include "convert.hpp"

#include <copnet/analysis/inference.hpp>
#include <copnet/error.hpp>

namespace copnet::python {

namespace {

NullModel default_null(const std::string& statistic) {
    if (statistic == "ei" || statistic == "assortativity" || statistic == "numeric_assortativity")
        return NullModel::labels;
    if (statistic.rfind("correlation:", 0) == 0) return NullModel::qap;
    return NullModel::cug_edges;
}

} // namespace

/// A statistic: a name, or a callable of a Network returning a float.
using StatisticArg = Typed<"Union[str, Callable[[copnet.Network], float]]">;

void bind_inference(py::module_& m) {
    const TestOptions t;
    m.def(
        "test",
        [](const SharedNetwork& net, const StatisticArg& statistic,
           const Typed<"Optional[str]">& null, const Kinds& kinds, Direction direction,
           const std::string& facet, const Kinds& redraw, const CommunityArg& community,
           std::size_t reps, std::uint64_t seed, unsigned threads, double swaps, bool sample,
           const ProgressArg& progress) {
            const ReadLock lock(net);
            const TieFilter filter = filter_from(net, kinds, direction);
            TestOptions o{.statistic = {}, .reps = reps, .seed = seed, .threads = threads,
                          .swaps_per_tie = swaps, .keep_sample = sample};
            o.facet = facet;
            if (!community.is_none()) {
                const Community* c = community_from(net, community);
                o.community = c->name();
            }
            NetworkStatistic stat;
            bool python_statistic = false;
            if (py::isinstance<py::str>(statistic)) {
                o.statistic = statistic.cast<std::string>();
                stat = named_statistic(net, o.statistic, filter, facet);
            } else {
                if (!PyCallable_Check(statistic.ptr()))
                    throw invalid_value("statistic: a name or a callable of a Network");
                o.statistic = py::str(py::getattr(statistic, "__name__", py::str("statistic")));
                python_statistic = true;
                stat = [statistic](const Network& g) {
                    py::gil_scoped_acquire gil;
                    return statistic(SharedNetwork(g)).cast<double>();
                };
            }
            o.null = null.is_none() ? (python_statistic ? NullModel::qap : default_null(o.statistic))
                                    : parse_null_model(py::str(static_cast<const py::object&>(null)).cast<std::string>());
            if (!redraw.is_none()) {
                o.ties = filter_from(net, redraw, direction);
            } else if (o.statistic.rfind("correlation:", 0) == 0) {
                const std::string pair = o.statistic.substr(12);
                o.ties = filter_from(net, py::str(pair.substr(0, pair.find(','))), direction);
            } else {
                o.ties = filter;
            }
            PyProgress report(progress);
            o.progress = report.get();
            TestResult r;
            {
                py::gil_scoped_release release;
                r = test_statistic(net, stat, o);
            }
            report.rethrow();
            return described<"TestResult">(net, r);
        },
        py::arg("network"), py::arg("statistic"), py::kw_only(), py::arg("null") = py::none(),
        py::arg("kinds") = py::none(), py::arg("direction") = Direction::out,
        py::arg("facet") = "sector", py::arg("redraw") = py::none(),
        py::arg("community") = py::none(), py::arg("reps") = t.reps, py::arg("seed") = t.seed,
        py::arg("threads") = t.threads, py::arg("swaps") = t.swaps_per_tie,
        py::arg("sample") = false, py::arg("progress") = py::none(),
        R"doc(Is it more than chance? A Monte Carlo test of ``statistic`` against a null model
(``copnet test``; C++ ``test_statistic``). ``statistic``: a name ("density", "reciprocity",
"transitivity", "degree_assortativity" over the ties ``kinds`` follows; "ei", "assortativity"
of ``facet``; "numeric_assortativity" of the numeric attribute ``facet``; "correlation:A,B", sna's gcor of two relations) or a callable taking a Network
and returning a float (called under the GIL, one replicate at a time). ``null``: "qap"
(the ties of ``redraw`` relabelled; Krackhardt 1988), "labels" (``facet``'s categories, or
the circles of ``community``, shuffled), "cug-size", "cug-edges", "cug-dyads" (sna's cug.test
cmodes), "rewire" (degree-preserving swaps, ``swaps`` per tie); default labels for ei and
assortativity, qap for a correlation or a callable, cug-edges otherwise. ``redraw``: the
relations the null redraws (default: the first of a correlation, else ``kinds``). Replicate r
draws from (seed, r): the same answer on any number of ``threads``. A ``TestResult``
{statistic, null, reps, observed, null_mean, null_sd, p_greater, p_less, defined, sample (with
``sample=True``)}. Raises InvalidValue for an unknown statistic, null, facet or relation, or
reps 0. Cost: O(reps (V + E + statistic)).)doc");

    const RegressionOptions r;
    m.def(
        "regress",
        [](const SharedNetwork& net, const std::string& y, const Typed<"Union[str, Iterable[str]]">& x,
           const std::string& model, const std::string& null, bool weighted, bool intercept,
           std::size_t reps, std::uint64_t seed, unsigned threads,
           const ProgressArg& progress) -> Result<"RegressionResult"> {
            const ReadLock lock(net);
            std::vector<std::string> terms;
            if (py::isinstance<py::str>(x)) {
                std::string s = x.cast<std::string>();
                for (std::size_t start = 0; start <= s.size();) {
                    const std::size_t comma = std::min(s.find(',', start), s.size());
                    if (comma > start) terms.push_back(s.substr(start, comma - start));
                    start = comma + 1;
                }
            } else {
                for (const auto& term : x) terms.push_back(py::str(term).cast<std::string>());
            }
            RegressionOptions o{.model = parse_regression_model(model),
                                .null = parse_regression_null(null),
                                .weighted = weighted,
                                .intercept = intercept,
                                .reps = reps,
                                .seed = seed,
                                .threads = threads};
            PyProgress report(progress);
            o.progress = report.get();
            RegressionResult result;
            {
                py::gil_scoped_release release;
                result = regress(net, y, terms, o);
            }
            report.rethrow();
            py::object out = described<"RegressionResult">(net, result);
            out.attr("_set_residuals")(result.residuals);
            return out;
        },
        py::arg("network"), py::arg("y"), py::arg("x"), py::kw_only(),
        py::arg("model") = "lm", py::arg("null") = "qapspp", py::arg("weighted") = r.weighted,
        py::arg("intercept") = r.intercept, py::arg("reps") = r.reps, py::arg("seed") = r.seed,
        py::arg("threads") = r.threads, py::arg("progress") = py::none(),
        R"doc(MRQAP regression of the relation ``y`` on the terms ``x`` (``copnet regress``; sna's
``netlm`` for ``model="lm"``, ``netlogit`` for "logit"): ``x`` a list (or a comma-separated
str) of relation names, "same:FACET" (both in one known category) and "diff:ATTR" (|a_i - a_j|
of a numeric attribute). Dyads are the ordered pairs of distinct stakeholders, unordered when
``y`` is a mutual relation. ``null``: "qapspp" (= "qap", Dekker, Krackhardt & Snijders 2007),
"qapy", "qapx", "qapallx" or "classical". A ``RegressionResult`` {model, null, reps, n,
mutual, coefficients [{term, estimate, t, p_greater, p_less, p_two_sided}], df_residual,
r_squared … (lm) or deviance … (logit)}; ``summary()`` reads like R's summary(netlm(...)).
Raises InvalidValue for an unknown relation, facet or attribute, a non-numeric attribute, a
singular design. Cost: O(V² p²) for the fit, O(reps p V² p) for a permutation null.)doc");

    m.def(
        "resampling_error",
        [](const SharedNetwork& net, const StatisticArg& statistic, const Kinds& kinds,
           Direction direction, const std::string& facet, bool jackknife, std::size_t bootstrap,
           std::uint64_t seed, unsigned threads) {
            const ReadLock lock(net);
            NetworkStatistic stat;
            if (py::isinstance<py::str>(statistic)) {
                stat = named_statistic(net, statistic.cast<std::string>(),
                                       filter_from(net, kinds, direction), facet);
            } else {
                if (!PyCallable_Check(statistic.ptr()))
                    throw invalid_value("statistic: a name or a callable of a Network");
                stat = [statistic](const Network& g) {
                    py::gil_scoped_acquire gil;
                    return statistic(SharedNetwork(g)).cast<double>();
                };
            }
            ResamplingError err;
            {
                py::gil_scoped_release release;
                err = resampling_error(net, stat, {.jackknife = jackknife, .bootstrap_reps = bootstrap,
                                                 .seed = seed, .threads = threads});
            }
            return described<"Record">(net, err);
        },
        py::arg("network"), py::arg("statistic"), py::kw_only(), py::arg("kinds") = py::none(),
        py::arg("direction") = Direction::out, py::arg("facet") = "sector",
        py::arg("jackknife") = true, py::arg("bootstrap") = 0, py::arg("seed") = 1,
        py::arg("threads") = 0,
        R"doc(Vertex jackknife and bootstrap standard errors of a statistic (C++
``resampling_error``): ``statistic`` a name as for ``copnet.test`` or a callable of a Network.
Jackknife: each stakeholder deleted in turn, se = sqrt((n-1)/n sum (theta_i - mean)^2);
bootstrap: ``bootstrap`` resamples of the stakeholders with replacement (copies of tied
stakeholders tied). A Record {observed, jackknife_se, bootstrap_se, bootstrap_reps}. Cost:
O((V + bootstrap) (V + E + statistic)).)doc");
}

} // namespace copnet::python
