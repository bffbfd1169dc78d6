#pragma once
/// \file
/// Inference: is a number more than chance? One Monte Carlo test over any statistic of a network
/// (QAP, label permutation, CUG, degree-preserving rewiring; event-time permutation for event
/// logs), MRQAP regression of one relation on others (sna's `netlm` / `netlogit`), and
/// vertex jackknife and bootstrap standard errors. docs/concepts.md says what each null keeps.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "copnet/events.hpp"
#include "copnet/network.hpp"
#include "copnet/progress.hpp"
#include "copnet/tie.hpp"

namespace copnet {

/// A number of a network (E-I index, density, a health number …); called once on the observed
/// network and once on each null replicate, from several threads at once (it must not mutate
/// shared state). NaN is allowed: such replicates are left out of the null's mean, sd and p.
using NetworkStatistic = std::function<double(const Network&)>;
/// A number of an event log of a network (the network as given, the log permuted).
using EventStatistic = std::function<double(const Network&, const EventLog&)>;

/// The null hypotheses of `test`. The "tested ties" are those of the relations `TestOptions::ties`
/// follows; everything else (other relations, facets, circles) stays as observed.
enum class NullModel : std::uint8_t {
    /// QAP (Krackhardt 1988; sna `qaptest`): the tested ties are relabelled by one uniform random
    /// permutation of the stakeholders — their structure kept, their placement among the
    /// attributes and the other relations random.
    qap,
    /// Attribute permutation: the categories of `TestOptions::facet` (or the circles of
    /// `TestOptions::community`) are shuffled among the stakeholders; ties kept (the E-I test).
    labels,
    /// CUG on size (sna `cug.test(cmode="size")`): each tested relation redrawn as a uniform
    /// random graph on the stakeholders (every pair tied with probability 1/2; value 1).
    cug_size,
    /// CUG on edges (`cmode="edges"`): as many ties, placed uniformly at random (values kept).
    cug_edges,
    /// CUG on the dyad census (`cmode="dyad.census"`, `rguman(method="exact")`): as many mutual,
    /// asymmetric and null dyads, placed uniformly (a mutual relation: as `cug_edges`).
    cug_dyads,
    /// Degree-preserving rewiring: `TestOptions::swaps_per_tie` × ties successful double edge
    /// swaps (a→b, c→d ⇒ a→d, c→b) per replicate, rejecting self-ties and repeats, each
    /// relation on its own — out- and in-degrees (degrees, for a mutual relation) kept.
    rewire,
};

/// Spelling of a null: "qap", "labels", "cug-size", "cug-edges", "cug-dyads", "rewire". O(1).
[[nodiscard]] std::string_view to_string(NullModel null) noexcept;
/// Parses a null's spelling. Throws: invalid_value naming the spelling and the accepted ones.
[[nodiscard]] NullModel parse_null_model(std::string_view text);

/// Options of `test`.
struct TestOptions {
    NullModel null = NullModel::qap;
    /// The statistic's name, carried to `TestResult::statistic` (for descriptions).
    std::string statistic{};
    /// The relations whose ties the null redraws (qap, CUG, rewire); the direction is ignored.
    TieFilter ties{};
    /// `labels`: the facet whose categories are shuffled (see `Facet`) …
    std::string facet{};
    /// … or, when set, the community whose circles are shuffled among all stakeholders.
    std::string community{};
    std::size_t reps = 1000;
    /// Replicate r draws from its own generator (seed, r); `rewire`'s swaps of tested relation t
    /// (of T) from (seed, r · T + t + 2^62).
    std::uint64_t seed = 1;
    /// Worker threads; 0 = the hardware's. The result is identical for a seed at any thread
    /// count (each replicate's value in its own slot, summarised in replicate order).
    unsigned threads = 0;
    /// `rewire`: successful swaps per replicate, as a multiple of the relation's ties (10, as
    /// NetworkX's `random_reference` mixing advice); at most 100 × ties attempts.
    double swaps_per_tie = 10.0;
    bool keep_sample = false;  ///< return the null values (`TestResult::sample`)
    Progress progress{};
};

/// What `test` found.
struct TestResult {
    std::string statistic;  ///< as `TestOptions::statistic`
    /// The null: `NullModel` spelling, or "event-times" for `test_event_statistic`.
    std::string null;
    std::size_t reps = 0;
    double observed = 0.0;
    /// Replicates whose statistic was defined (not NaN); mean, sd and p are over them.
    std::size_t defined = 0;
    double null_mean = 0.0;
    double null_sd = 0.0;   ///< sample standard deviation (n − 1), as R's `sd`
    double p_greater = 0.0; ///< share of replicates ≥ observed (sna `pgreq`); NaN if none defined
    double p_less = 0.0;    ///< share ≤ observed (`pleeq`)
    std::vector<double> sample;  ///< the replicates' values, in replicate order, when asked
};

/// Monte Carlo test of `statistic` on `net` under `options.null`: `reps` null networks, each a
/// copy of `net` with its tested ties (or labels) redrawn, evaluated in parallel.
/// Cost: O(reps · (V + E + cost of the statistic)); rewiring O(swaps) per replicate more.
/// Throws: invalid_value for reps = 0, a labels null without a facet or community, an unknown
/// facet or community, a null that would have no tested ties to redraw; what `statistic` throws.
[[nodiscard]] TestResult test_statistic(const Network& net, const NetworkStatistic& statistic,
                              const TestOptions& options = {});

/// A copnet measure by name, as a statistic for `test_statistic`: `density`, `reciprocity`
/// (edgewise), `transitivity`, `degree_assortativity` (as `network_measures` reads the ties
/// `filter` follows), `ei` (the E-I index of `facet`), `assortativity` (`attribute_assortativity`
/// of `facet`), `numeric_assortativity` (`numeric_assortativity` of the attribute `facet`),
/// `correlation:A,B` (sna's `gcor` of the 0/1 matrices of relations A and B over
/// the ordered pairs). Cost: that of the measure per call. Throws: invalid_value for an
/// unknown name, a missing facet, or an unknown relation.
[[nodiscard]] NetworkStatistic named_statistic(const Network& net, std::string_view name,
                                               const TieFilter& filter = {},
                                               std::string_view facet = {});
/// The names `named_statistic` accepts (`correlation:A,B` as "correlation"). Cost: O(1).
[[nodiscard]] std::span<const std::string_view> statistic_names() noexcept;

/// Options of `test_event_statistic` (the null: each member's event times shuffled among that member's
/// own events, as source — activity rhythm per member kept, timing with respect to others not).
struct EventTestOptions {
    std::string statistic{};  ///< carried to `TestResult::statistic`
    std::size_t reps = 1000;
    std::uint64_t seed = 1;  ///< replicate r draws from (seed, r)
    /// Worker threads; 0 = the hardware's. Identical for a seed at any thread count.
    unsigned threads = 0;
    bool keep_sample = false;
    Progress progress{};
};

/// Permutation test of a statistic of an event log: each replicate permutes the times of every
/// source's events among those events. Cost: O(reps · (n log n + statistic)) for n events.
/// Throws: invalid_value for reps = 0; what `statistic` throws.
[[nodiscard]] TestResult test_event_statistic(const Network& net, const EventLog& log,
                                     const EventStatistic& statistic,
                                     const EventTestOptions& options = {});

/// Degree-preserving rewiring of a tie list in place: `swaps` successful double edge swaps
/// (attempts at most `max_attempts`), drawn from `rng_seed`/`stream`. Directed: a→b, c→d become
/// a→d, c→b; undirected (`directed` false) as NetworkX `double_edge_swap` (both orientations).
/// Pairs are (source, target) slots or compact indices below 2^32 − 1, without repeats.
/// The sequence, fixed for a seed (a test pins it): the generator (`seed`, `stream`) gives two
/// outputs x, y per attempt; the ties i = ⌊x·E/2^64⌋, j = ⌊y·E/2^64⌋ (Lemire's multiply-shift);
/// undirected, tie i is read reversed when bit 63 of x·E mod 2^64 is set, j likewise by y; the
/// attempt fails when i = j, on a self-tie or a repeat. Returns the successful swaps.
/// Cost: O(max_attempts) expected (about 10M attempts/s at 1M ties), 16 bytes per tie (an open
/// hash table of the pairs, at most half full).
std::size_t rewire_pairs(std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
                         bool directed, std::size_t swaps, std::size_t max_attempts,
                         std::uint64_t seed, std::uint64_t stream);

// ---------------------------------------------------------------------------------------------
// MRQAP regression (sna netlm / netlogit)

/// `lm` (OLS, sna `netlm`) or `logit` (logistic by IRLS, sna `netlogit`).
enum class RegressionModel : std::uint8_t { lm, logit };
/// sna's null hypotheses: `qapspp` (Dekker, Krackhardt & Snijders 2007: each predictor's
/// residual on the others permuted; sna's `qap`), `qapy` (the response permuted), `qapx` (each
/// predictor permuted on its own), `qapallx` (all predictors, each by its own permutation),
/// `classical` (Student t with n − p degrees of freedom; no permutation).
enum class RegressionNull : std::uint8_t { qapspp, qapy, qapx, qapallx, classical };

[[nodiscard]] std::string_view to_string(RegressionModel model) noexcept;
[[nodiscard]] std::string_view to_string(RegressionNull null) noexcept;
/// "lm" or "logit". Throws: invalid_value naming the spelling.
[[nodiscard]] RegressionModel parse_regression_model(std::string_view text);
/// "qapspp" (also "qap"), "qapy", "qapx", "qapallx", "classical". Throws: invalid_value.
[[nodiscard]] RegressionNull parse_regression_null(std::string_view text);

/// Options of `regress`.
struct RegressionOptions {
    RegressionModel model = RegressionModel::lm;
    RegressionNull null = RegressionNull::qapspp;
    /// Read relations as their values (response and relation predictors) instead of 0/1.
    bool weighted = false;
    bool intercept = true;
    std::size_t reps = 1000;
    std::uint64_t seed = 1;  ///< replicate r of predictor k draws from (seed, k · reps + r)
    /// Worker threads; 0 = the hardware's. Identical for a seed at any thread count.
    unsigned threads = 0;
    Progress progress{};
};

/// One term of a regression.
struct Coefficient {
    std::string term;        ///< "intercept", a relation's name, "same:FACET", "diff:ATTR"
    double estimate = 0.0;
    double t = 0.0;          ///< t (lm) or z (logit) value
    double p_greater = 0.0;  ///< sna `pgreq`: P(null t ≥ t)
    double p_less = 0.0;     ///< `pleeq`: P(null t ≤ t)
    double p_two_sided = 0.0;  ///< `pgreqabs`: P(|null t| ≥ |t|) (classical: 2 P(T ≥ |t|))
};

/// What `regress` found.
struct RegressionResult {
    RegressionModel model = RegressionModel::lm;
    RegressionNull null = RegressionNull::qapspp;
    std::size_t reps = 0;
    std::size_t n = 0;       ///< dyads
    bool mutual = false;     ///< unordered dyads (the response is a mutual relation)
    std::vector<Coefficient> coefficients;
    std::size_t df_residual = 0;
    double r_squared = 0.0;         ///< lm; NaN for logit
    double adj_r_squared = 0.0;     ///< lm
    double residual_se = 0.0;       ///< lm: sqrt(RSS / df)
    double deviance = 0.0;          ///< logit
    double null_deviance = 0.0;     ///< logit
    double aic = 0.0;               ///< logit: deviance + 2p
    double bic = 0.0;               ///< logit: deviance + p log n (as sna)
    std::size_t iterations = 0;     ///< logit: IRLS iterations (as glm.fit)
    std::vector<double> residuals;  ///< by dyad (for summaries)
};

/// MRQAP regression of the relation `y` on the terms `x` over the dyads: ordered pairs of
/// distinct stakeholders (sna `mode="digraph"`, `diag=FALSE`), unordered when `y` is a mutual
/// relation (`mode="graph"`; a directed predictor then counts a pair tied either way). Terms: a
/// relation's name (tie presence, or value if weighted), `same:FACET` (1 when both share a
/// known category), `diff:ATTR` (|a_i − a_j| of a numeric attribute). OLS as `netlm`; logistic
/// as `netlogit` (R's `glm.fit` iteration from μ = (y + ½)/2, |Δdev|/(|dev| + 0.1) < 1e-8).
/// Cost: O(V² p²) for the fit; O(reps · p · V² p) for a permutation null (p terms), split
/// across threads. Throws: invalid_value for an unknown relation, facet or term, a stakeholder
/// without a numeric value of a `diff:` attribute, a binary response for logit that is not 0/1,
/// fewer dyads than terms, or a singular design.
[[nodiscard]] RegressionResult regress(const Network& net, std::string_view y,
                                       std::span<const std::string> x,
                                       const RegressionOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Resampling errors

/// Vertex jackknife and bootstrap standard errors of a statistic.
struct ResamplingError {
    double observed = 0.0;
    /// Vertex jackknife: θ₋ᵢ the statistic with stakeholder i (and its ties) deleted, over the
    /// n stakeholders; se = sqrt((n − 1)/n · Σ (θ₋ᵢ − θ̄)²) (Efron & Stein's jackknife; NaN values
    /// left out).
    double jackknife_se = 0.0;
    /// Vertex bootstrap (Snijders & Borgatti 1999): the sd (n − 1) of the statistic over
    /// `bootstrap_reps` resamples of n stakeholders with replacement, each copy a stakeholder
    /// of its own, copies of tied stakeholders tied (copies of one stakeholder are not). NaN
    /// without resamples.
    double bootstrap_se = 0.0;
    std::size_t bootstrap_reps = 0;
};

/// Options of `resampling_error`.
struct ResamplingOptions {
    bool jackknife = true;
    std::size_t bootstrap_reps = 0;  ///< 0 = no bootstrap
    std::uint64_t seed = 1;          ///< resample r draws from (seed, r)
    /// Worker threads; 0 = the hardware's. Identical for a seed at any thread count.
    unsigned threads = 0;
    Progress progress{};
};

/// Jackknife and bootstrap standard errors of `statistic` (assortativity, E-I, density,
/// reciprocity, transitivity …) by stakeholder deletion and resampling; the same for a seed on
/// any number of threads. Cost: O((V + reps) · (V + E + statistic)).
/// Throws: invalid_value below two stakeholders; what `statistic` throws.
[[nodiscard]] ResamplingError resampling_error(const Network& net,
                                               const NetworkStatistic& statistic,
                                               const ResamplingOptions& options = {});

} // namespace copnet
