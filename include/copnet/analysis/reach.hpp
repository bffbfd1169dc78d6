#pragma once
/// \file
/// How far does our message reach? k-step reach from stakeholders, reach counts for everyone,
/// reach by circle and facet, two-way flow across levels; diffusion (independent cascade,
/// linear threshold) by Monte Carlo; leverage (whom to convene: CELF greedy, IMM) and coalition
/// synergy.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "copnet/community.hpp"
#include "copnet/network.hpp"
#include "copnet/progress.hpp"
#include "copnet/stakeholder.hpp"
#include "copnet/tie.hpp"

namespace copnet {

/// Options of the reach analyses.
struct ReachOptions {
    /// Which ties a message follows, and which way (default: every kind, along the tie).
    TieFilter filter{};
    /// At most this many ties from a source; empty = unlimited.
    std::optional<std::size_t> max_hops{};
};

/// A stakeholder reached, with its distance in ties from the nearest source (sources: 0).
struct Reached {
    StakeholderId who;
    std::size_t hops = 0;
    friend bool operator==(const Reached&, const Reached&) = default;
};

/// The stakeholders reached, in breadth-first order: the sources (hops 0) in the order given,
/// then by increasing hops.
struct ReachResult {
    std::vector<Reached> reached;
    /// Number reached, sources included.
    [[nodiscard]] std::size_t count() const noexcept { return reached.size(); }
};

/// Stakeholders within `options.max_hops` followed ties of any of `sources`, with their hop
/// distances: k-step reach as UCINET and R's `sna::reachability` count it (breadth-first
/// search; a stakeholder's distance is the fewest ties from the nearest source).
/// Cost: O(V + E) of the followed ties, plus O(V + E) to snapshot them.
/// Throws: invalid_value if `sources` is empty; unknown_stakeholder for a source not in `net`.
[[nodiscard]] ReachResult reach(const Network& net, std::span<const StakeholderId> sources,
                                const ReachOptions& options = {});

/// Each stakeholder's k-step reach count: how many *other* stakeholders it reaches within
/// `options.max_hops` (UCINET's k-step reach centrality; NetworkX:
/// `len(single_source_shortest_path_length(G, v, cutoff=k)) - 1`).
struct ReachCount {
    StakeholderId who;
    std::size_t reached = 0;
};

/// k-step reach counts for every stakeholder, in slot order. A breadth-first search from each,
/// split across `threads` (0 = the hardware's); the result is identical at any thread count.
/// Cost: O(V (V + E)) time, O(V + E) memory per thread.
[[nodiscard]] std::vector<ReachCount> reach_counts(const Network& net,
                                                   const ReachOptions& options = {},
                                                   unsigned threads = 0);

/// k-step reach counts for the stakeholders in `who` only (in that order): one snapshot, then a
/// breadth-first search from each, split across `threads`. Cost: O(|who| (V + E)).
/// Throws: unknown_stakeholder for an id not in `net`.
[[nodiscard]] std::vector<ReachCount> reach_counts(const Network& net,
                                                   std::span<const StakeholderId> who,
                                                   const ReachOptions& options = {},
                                                   unsigned threads = 0);

/// Of the stakeholders of one category, how many were reached.
struct CategoryReach {
    std::string category;     ///< the category ("" = no value, e.g. unknown level)
    std::size_t total = 0;    ///< stakeholders in the category
    std::size_t reached = 0;  ///< of those, reached
    double share = 0.0;       ///< reached / total
};

/// Reach broken down by circle and by a facet.
struct ReachBreakdown {
    /// core, inner, outer, none (all four, in that order); empty without a community.
    std::vector<CategoryReach> by_circle;
    /// The facet's categories, in order of first appearance in slot order.
    std::vector<CategoryReach> by_facet;
};

/// Groups `result` by the circles of `community` (nullptr: no circle rows) and by `facet`
/// (empty: no facet rows): of the stakeholders of each category, how many and what share were
/// reached. Cost: O(V). Throws: invalid_value for a bad facet name (see `Facet`).
[[nodiscard]] ReachBreakdown break_down(const Network& net, const ReachResult& result,
                                        const Community* community, std::string_view facet = {});

/// How a message from the members at one level spreads to the members at another.
struct LevelFlow {
    Level from = Level::local;
    Level to = Level::state;
    std::size_t senders = 0;     ///< members at `from`
    std::size_t receivers = 0;   ///< members at `to`
    /// reached_by_hop[h]: receivers reached within h hops (h = 0 … the last hop that reached
    /// anyone new, capped by max_hops).
    std::vector<std::size_t> reached_by_hop;
    /// Share of receivers reached within max_hops (unlimited: ever).
    double share = 0.0;
    /// The fewest hops within which at least `target_share` of receivers are reached; empty if
    /// that never happens.
    std::optional<std::size_t> hops_to_target;
};

/// Two-way flow across levels ("local to state, state to local"): from the members at `a`, the
/// reach into the members at `b`, and from `b` back into `a`. Members are the stakeholders of
/// `community` in the core, inner or outer circle (nullptr: the whole landscape).
struct TwoWayFlow {
    LevelFlow forward;   ///< a → b
    LevelFlow backward;  ///< b → a
    double target_share = 0.5;
};

/// Computes both directions of `TwoWayFlow` with one multi-source breadth-first search each.
/// Cost: O(V + E). Throws: invalid_value if `a == b` or `target_share` is outside (0,1].
[[nodiscard]] TwoWayFlow level_flow(const Network& net, const Community* community, Level a,
                                    Level b, const ReachOptions& options = {},
                                    double target_share = 0.5);

// ---------------------------------------------------------------------------------------------
// Diffusion

/// How a message spreads from stakeholder to stakeholder in a simulation.
enum class DiffusionModel : std::uint8_t {
    /// Independent cascade (Kempe, Kleinberg & Tardos 2003): a stakeholder who has just adopted
    /// gets one chance to win over each neighbour along the filter, succeeding with probability
    /// = the tie's weight (or `DiffusionOptions::probability`).
    independent_cascade,
    /// Linear threshold (Kempe et al. 2003; Granovetter's tipping point): a stakeholder adopts
    /// once the summed weight of its adopting in-neighbours reaches its threshold. Weights into
    /// a stakeholder are divided by their sum where that sum exceeds 1.
    linear_threshold,
};

/// "ic" or "lt". Cost: O(1).
[[nodiscard]] std::string_view to_string(DiffusionModel model) noexcept;
/// Parses "ic" / "independent_cascade" or "lt" / "linear_threshold" (case-insensitive).
/// Throws: invalid_value naming the text. Cost: O(length).
[[nodiscard]] DiffusionModel parse_diffusion_model(std::string_view text);

/// Options of the diffusion analyses (`spread`, `coalition_synergy`, `leverage`).
struct DiffusionOptions {
    /// Which ties carry the message, and which way (default: every kind, along the tie).
    TieFilter filter{};
    DiffusionModel model = DiffusionModel::independent_cascade;
    /// Monte Carlo runs (≥ 1). The standard error of `expected` shrinks as 1/√runs.
    std::size_t runs = 10'000;
    /// Seed of the pseudo-random numbers: run r draws from its own generator seeded by
    /// (seed, r), so a result depends on the seed and the runs only, never on `threads`.
    std::uint64_t seed = 1;
    /// Worker threads; 0 = the hardware's. Results (spread, synergy, CELF and IMM conveners)
    /// are identical for a seed at any thread count: adopters are counted as integers and
    /// IMM's reverse-reachable set j draws from its own generator.
    unsigned threads = 0;
    /// Independent cascade: if set, every followed tie succeeds with this probability instead
    /// of its weight (the "uniform IC" of the literature). Must be in [0,1]; an error with
    /// linear threshold, whose weights are the model.
    std::optional<double> probability{};
    /// Linear threshold: the stakeholder attribute (node column) holding thresholds in [0,1].
    /// A stakeholder without a value draws a fresh threshold uniformly from [0,1) in each run.
    std::string threshold_attribute = "threshold";
    /// Optional progress report: `spread` reports runs done of runs, `coalition_synergy`
    /// spreads estimated of |coalition| + 1 (see also LeverageOptions).
    Progress progress{};
};

/// A stakeholder's probability of adopting (sources: 1).
struct Adoption {
    StakeholderId who;
    double probability = 0.0;
};

/// The outcome of a diffusion simulation.
struct SpreadResult {
    std::size_t runs = 0;
    /// Mean number of adopters per run, sources included: the expected spread σ(S).
    double expected = 0.0;
    /// Sample standard deviation of the adopters per run (0 for one run).
    double stddev = 0.0;
    /// 95 % confidence interval of `expected`: expected ± 1.96 · stddev / √runs.
    double ci_low = 0.0;
    double ci_high = 0.0;
    /// Every stakeholder's adoption probability (share of runs in which it adopted), slot order.
    std::vector<Adoption> adoption;
};

/// The stakeholders of `result` with a chance of adopting (probability > 0), most likely first;
/// equal chances in slot order. Cost: O(V log V).
[[nodiscard]] std::vector<Adoption> likely_adopters(const SpreadResult& result);

/// Simulates `options.runs` diffusions from `sources` (all adopt at the start) and averages
/// them. Runs are split across threads; each run has its own generator, so the result for a
/// seed is identical whatever the thread count.
/// Cost: O(runs · (V_reached + E_reached)) time, O(V + E) memory plus O(V) per thread.
/// Throws: invalid_value if `sources` is empty, `runs` is 0, `probability` is outside [0,1] or
/// set for linear threshold, the filter names a negative relation, or follows a relation of
/// scale count or real without a uniform `probability` (chances must lie in [0,1]), or
/// a threshold value is not a number in [0,1] (naming the stakeholder); unknown_stakeholder for
/// a source not in `net`.
[[nodiscard]] SpreadResult spread(const Network& net, std::span<const StakeholderId> sources,
                                  const DiffusionOptions& options = {});

/// Of the stakeholders of one category, how many adopt on average.
struct CategorySpread {
    std::string category;   ///< the category ("" = no value)
    std::size_t total = 0;  ///< stakeholders in the category
    double expected = 0.0;  ///< expected adopters among them (sum of adoption probabilities)
    double share = 0.0;     ///< expected / total
};

/// Spread broken down by circle and by a facet.
struct SpreadBreakdown {
    /// core, inner, outer, none (in that order); empty without a community.
    std::vector<CategorySpread> by_circle;
    /// The facet's categories, in order of first appearance in slot order.
    std::vector<CategorySpread> by_facet;
};

/// Groups `result` by the circles of `community` (nullptr: no circle rows) and by `facet`
/// (empty: no facet rows). Cost: O(V). Throws: invalid_value for a bad facet name.
[[nodiscard]] SpreadBreakdown break_down(const Network& net, const SpreadResult& result,
                                         const Community* community,
                                         std::string_view facet = {});

/// One coalition member's expected spread alone.
struct MemberSpread {
    StakeholderId who;
    double expected = 0.0;  ///< σ({who})
};

/// "What can we accomplish together that no one can alone": a coalition's expected spread
/// together against each member's alone.
struct Synergy {
    double together = 0.0;          ///< σ(coalition)
    std::vector<MemberSpread> alone;  ///< each member alone, in the order given
    StakeholderId best{};     ///< the member with the largest spread alone
    double best_single = 0.0; ///< its spread alone
    double sum_alone = 0.0;   ///< Σ σ({member})
    /// together − best_single: what the coalition adds to its strongest member.
    [[nodiscard]] double gain_over_best() const noexcept { return together - best_single; }
    /// together / sum_alone: below 1 the members reach the same people (overlap); above 1
    /// they tip stakeholders that no one tips alone (possible under linear threshold).
    [[nodiscard]] double ratio_to_sum() const noexcept {
        return sum_alone > 0.0 ? together / sum_alone : 0.0;
    }
};

/// Expected spread of `coalition` together and of each member alone, all with the same
/// seed (common random numbers, so the comparisons are not blurred by sampling noise).
/// A stakeholder named twice counts once (as in `spread`). Cost: (|coalition| + 1) × `spread`.
/// Throws: invalid_value if `coalition` is empty; otherwise as `spread`.
[[nodiscard]] Synergy coalition_synergy(const Network& net,
                                        std::span<const StakeholderId> coalition,
                                        const DiffusionOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Leverage

/// How `leverage` chooses conveners.
enum class LeverageMethod : std::uint8_t {
    /// CELF while its first pass is cheap (candidates × runs × (V + E) at most
    /// `LeverageOptions::celf_budget`) and for linear threshold with given thresholds (which
    /// IMM cannot take); IMM otherwise.
    automatic,
    /// Greedy hill climbing with lazy evaluation (Leskovec et al., KDD 2007), each spread
    /// estimated by Monte Carlo with `DiffusionOptions::runs` runs. (1−1/e) of the optimum up
    /// to sampling error. Cost: O(evaluations · runs · (V + E)); evaluations ≥ candidates.
    celf,
    /// IMM (Tang, Shi & Xiao, SIGMOD 2015): reverse-reachable sets, a (1−1/e−ε)-approximation
    /// with probability at least 1 − 1/V^ℓ. Cost: O((k + ℓ)(V + E) log V / ε²) expected time.
    imm,
};

/// "automatic", "celf" or "imm". Cost: O(1).
[[nodiscard]] std::string_view to_string(LeverageMethod method) noexcept;
/// Parses "automatic"/"auto", "celf", "imm" (case-insensitive). Throws: invalid_value.
[[nodiscard]] LeverageMethod parse_leverage_method(std::string_view text);

/// Options of `leverage`.
struct LeverageOptions {
    /// Model, filter, runs, seed, threads, progress. For IMM, `runs` is used only to estimate
    /// the spread of the chosen set by Monte Carlo (set 0 to skip and report IMM's own
    /// estimate). `progress` reports CELF's spread estimates of its first pass plus conveners
    /// chosen (of candidates + k), and IMM's reverse-reachable sets of each phase's target.
    DiffusionOptions diffusion{};
    /// Conveners to choose (≥ 1, at most the number of candidates).
    std::size_t k = 5;
    LeverageMethod method = LeverageMethod::automatic;
    /// IMM's ε in (0,1): the approximation slack.
    double epsilon = 0.1;
    /// IMM's ℓ > 0: failure probability at most 1/V^ℓ.
    double ell = 1.0;
    /// `automatic` uses CELF while candidates × runs × (V + E) is at most this (about a few
    /// seconds of simulation on one core).
    double celf_budget = 2e9;
};

/// A convener chosen, with what it added to the expected spread when it was chosen.
struct Convener {
    StakeholderId who;
    double gain = 0.0;
};

/// The conveners, in the order chosen.
struct LeverageResult {
    std::vector<Convener> conveners;
    /// Expected spread of all conveners together: a Monte Carlo estimate with `runs` runs, or
    /// for IMM with runs = 0 the reverse-reachable-set estimate V · covered / sets.
    double expected = 0.0;
    /// The method actually used (never `automatic`).
    LeverageMethod method = LeverageMethod::celf;
    /// CELF: spread evaluations made; IMM: reverse-reachable sets sampled.
    std::size_t samples = 0;
};

/// Chooses `options.k` conveners among `candidates` (duplicates ignored) that maximise the
/// expected spread of a message they all start. Deterministic for a seed whatever the thread
/// count. Cost: see `LeverageMethod`. Throws: invalid_value if `candidates` is empty, k is 0 or
/// above the number of candidates, ε ∉ (0,1), ℓ ≤ 0, runs = 0 with CELF, IMM asked for linear
/// threshold with given thresholds (IMM needs thresholds drawn at random), or as `spread`;
/// unknown_stakeholder for a candidate not in `net`.
[[nodiscard]] LeverageResult leverage(const Network& net,
                                      std::span<const StakeholderId> candidates,
                                      const LeverageOptions& options = {});

/// `leverage` among every stakeholder of `net`.
[[nodiscard]] LeverageResult leverage(const Network& net, const LeverageOptions& options = {});

/// The conveners' pool "among" a circle, as `copnet leverage --among` and Python's
/// `leverage(circle=…)` take it: the stakeholders at or inside `circle` of `community` — the
/// circles nest, so `Circle::inner` is the core group and the inner circle, `Circle::outer`
/// every member; `Circle::none` or no circle: everyone. Slot order. Cost: O(slots).
/// Throws: invalid_value when a circle is given without a community, or the pool is empty.
[[nodiscard]] std::vector<StakeholderId> convener_pool(const Network& net,
                                                       const Community* community,
                                                       std::optional<Circle> circle);

} // namespace copnet
