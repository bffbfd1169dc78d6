#pragma once
/// \file
/// One description per result: each result writes its fields, in order and by name, to a
/// `FieldSink`. The CLI's `--format json` and Python's `to_dict()` are sinks of it, so the two
/// cannot drift apart, and the names are the JSON keys docs/cli.md lists.
///
/// A description writes into the *current* object, so a command can put several results into
/// one JSON object (`copnet reach` is a `ReachResult` and its `ReachBreakdown`); stakeholders
/// appear by their user ids, enums by their CSV spelling, NaN as null.
///
/// ```cpp
/// struct Printer final : copnet::FieldSink { … };  // or the CLI's JSON sink
/// copnet::describe(sink, net, copnet::summarize(net, &cop));
/// ```

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "copnet/analysis/boundary.hpp"
#include "copnet/analysis/centrality.hpp"
#include "copnet/analysis/circles.hpp"
#include "copnet/analysis/gaps.hpp"
#include "copnet/analysis/groups.hpp"
#include "copnet/analysis/network_measures.hpp"
#include "copnet/analysis/health.hpp"
#include "copnet/analysis/inference.hpp"
#include "copnet/analysis/reach.hpp"
#include "copnet/analysis/relations.hpp"
#include "copnet/analysis/temporal_reach.hpp"
#include "copnet/network.hpp"
#include "copnet/summary.hpp"

namespace copnet {

/// A scalar of a description: null, a truth value, a whole number, a number or a text.
using FieldValue =
    std::variant<std::nullptr_t, bool, std::int64_t, std::uint64_t, double, std::string_view>;

/// Receives a description. Inside an object every call has a key; inside a list the key is
/// empty. `begin_object` / `begin_list` open a nested value that the matching `end` closes. The
/// sink starts inside one (top-level) object.
class FieldSink {
public:
    virtual ~FieldSink() = default;
    /// A scalar `key`: `value` (in a list: the next element, key empty).
    virtual void value(std::string_view key, const FieldValue& value) = 0;
    /// Opens the object `key` (in a list: the next element, key empty).
    virtual void begin_object(std::string_view key) = 0;
    /// Opens the list `key` (in a list: the next element, key empty).
    virtual void begin_list(std::string_view key) = 0;
    /// Closes the object or list opened last.
    virtual void end() = 0;

    /// `value` for any scalar: a truth value, a whole number, a number, a text, or an optional
    /// one (null when empty).
    template <class T>
    void put(std::string_view key, const T& x) {
        if constexpr (std::is_same_v<T, bool>) value(key, FieldValue(x));
        else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>)
            value(key, FieldValue(static_cast<std::int64_t>(x)));
        else if constexpr (std::is_integral_v<T>) value(key, FieldValue(static_cast<std::uint64_t>(x)));
        else if constexpr (std::is_floating_point_v<T>) value(key, FieldValue(static_cast<double>(x)));
        else if constexpr (std::is_convertible_v<const T&, std::string_view>)
            value(key, FieldValue(std::string_view(x)));
        else if constexpr (requires { x.has_value(); *x; }) {
            if (x) put(key, *x);
            else value(key, FieldValue(nullptr));
        } else static_assert(sizeof(T) == 0, "not a scalar of a description");
    }
    /// A list of scalars.
    template <class T>
    void put_list(std::string_view key, const std::vector<T>& xs) {
        begin_list(key);
        for (const T& x : xs) put({}, x);
        end();
    }
};

/// Describes `parts` (each a result `describe` takes after `net`) as one nested object `key`
/// of the current object: `describe_in(sink, "synergy", net, s)`. Cost: as the parts.
template <class... Parts>
void describe_in(FieldSink& sink, std::string_view key, const Network& net, const Parts&... parts);

/// `copnet summary`: `stakeholders`, `ties` {by kind}, `community` (its name, or ""),
/// `circles` {core, inner, outer, none}, `levels` {local, state, national, unknown}, `stances`
/// {ally, neutral, skeptic}, `merged_spellings` [{`facet`, `spellings`}], `relations` (the
/// rows of `RelationsReport::relations`). Cost: O(relations).
void describe(FieldSink& sink, const Network& net, const Summary& summary);

/// `count` and `reached` [{`id`, `hops`}] of `copnet reach`. Cost: O(reached).
void describe(FieldSink& sink, const Network& net, const ReachResult& result);
/// `by_circle` and `by_facet` [{`category`, `total`, `reached`, `share`}]. Cost: O(rows).
void describe(FieldSink& sink, const Network& net, const ReachBreakdown& breakdown);
/// One direction of a flow between levels: `from`, `to`, `senders`, `receivers`,
/// `reached_by_hop`, `share`, `hops_to_target`. Cost: O(hops).
void describe(FieldSink& sink, const Network& net, const LevelFlow& flow);
/// `forward` and `backward` (each a `LevelFlow`) and `target_share`. Cost: O(hops).
void describe(FieldSink& sink, const Network& net, const TwoWayFlow& flow);

/// `expected`, `stddev`, `ci95` [low, high], `runs`, then (after the caller's `model`)
/// `adoption` [{`id`, `probability`}] (the likely adopters, `likely_adopters`). O(V log V).
void describe(FieldSink& sink, const Network& net, const SpreadResult& result,
              DiffusionModel model);
/// `by_circle` and `by_facet` [{`category`, `total`, `expected`, `share`}]. Cost: O(rows).
void describe(FieldSink& sink, const Network& net, const SpreadBreakdown& breakdown);
/// `together`, `best`, `best_single`, `sum_alone`, `gain_over_best`, `ratio_to_sum`, `alone`
/// [{`id`, `expected`}] (the CLI nests them as `synergy`). Cost: O(coalition).
void describe(FieldSink& sink, const Network& net, const Synergy& synergy);
/// `conveners` [ids in the order chosen], `expected`, `gains`, `method`, `samples`.
/// Cost: O(k).
void describe(FieldSink& sink, const Network& net, const LeverageResult& result);

/// `representation` [{`facet`, `category`, `landscape`, `core`, `inner`, `outer`, `expected`,
/// `status`, `share` {…}, `ratio` {…}}], `missing` [{`facet`, `category`, `landscape`,
/// `outer`}], `under_represented` [{`facet`, `category`, `ratio`}]. Cost: O(rows).
void describe(FieldSink& sink, const Network& net, const Representation& representation);
/// `candidates` [{`id`, `score`, `reasons` [{`code`, `text`}], `parts` {…}, `ties_to_members`,
/// `reach_added`}]. Cost: O(candidates).
void describe(FieldSink& sink, const Network& net, const std::vector<Candidate>& candidates);
/// `fragile` [{`id`, `splits_into`, `pieces`, `circle` (in `community`)}], `bridges` [[id, id]],
/// `departures` [{`ids`, `reach_before`, …}], `dependence` [{`facet`, `cross_ties`, `top`
/// [{`id`, `ties`, `share`}]}]. Cost: O(size of the report).
void describe(FieldSink& sink, const Network& net, const Community& community,
              const Fragility& fragility);
/// `copnet gaps`: the representation, the candidates and the fragility (with each point's
/// circle in `community`), as above. Cost: O(size of the report).
void describe(FieldSink& sink, const Network& net, const Community& community,
              const GapsReport& report);

/// `ei_index`, `ei_expected`, `ei_p_greater`, `ei_p_less`, `permutations`, `internal`,
/// `external`, `groups` [{`group`, `internal`, `external`, `ei_index`, `size`}],
/// `stakeholders` [{`id`, `internal`, `external`, `ei_index`}]. Cost: O(V).
void describe(FieldSink& sink, const Network& net, const EIResult& ei);
/// `mixing` {row: {col: ties}}, `mixing_weights` {row: {col: weight}}, `crossing_share`,
/// `total`, `crossing`. Cost: O(categories²).
void describe(FieldSink& sink, const Network& net, const MixingMatrix& mixing);
/// `brokerage` [{`id`, the five roles and `total`, `expected` {…}, `z` {…}}]. Cost: O(V).
void describe(FieldSink& sink, const Network& net, const BrokerageResult& brokerage);
/// `holes` [{`id`, `effective_size`, `constraint`, `efficiency`}]. Cost: O(rows).
void describe(FieldSink& sink, const Network& net, const std::vector<StructuralHoles>& holes);
/// `spanners` [{`id`, `betweenness`, `cross_group_share`, `cross_group_betweenness`,
/// `categories`, `brokerage` {…}}]. Cost: O(rows).
void describe(FieldSink& sink, const Network& net, const std::vector<Spanner>& spanners);
/// `levels` {from: {to: ties}} (all kinds together), `levels_unknown`, `levels_by_kind`
/// {kind: {from: {to: ties}}}. Cost: O(kinds).
void describe(FieldSink& sink, const Network& net, const std::vector<LevelCrossing>& levels);
/// `copnet boundaries`: `facet`, the E-I test, the mixing, `brokerage`, `holes`,
/// `assortativity`, `spanners` and the level crossing, as above. Cost: O(size of the report).
void describe(FieldSink& sink, const Network& net, const BoundaryReport& report);

/// `continuous_fit`, `discrete_fit`, `core` [ids], `scores` [{`id`, `score`, `core`}],
/// `passes`, `sweeps`. Cost: O(V).
void describe(FieldSink& sink, const Network& net, const CorePeriphery& result);
/// `core_inner_vs_outer`, `core_vs_rest`, `best`, `members` (NaN as null). Cost: O(1).
void describe(FieldSink& sink, const Network& net, const CircleFit& fit);
/// `density` [{`from`, `to`, `pairs`, `tied`, `density`, `mean_weight`}], `reciprocity`
/// {circle: share}. Cost: O(1).
void describe(FieldSink& sink, const Network& net, const CircleDensity& density);
/// `suggestions` [{`id`, `from`, `to`, `why`, `kind`}]. Cost: O(rows).
void describe(FieldSink& sink, const Network& net, const std::vector<Suggestion>& suggestions);
/// `members` [{`id`, `before`, `after`, `movement`}], `transitions` {before: {after: n}},
/// `counts` {movement: n}, `by_facet` [{`category`, movement counts}]. Cost: O(members).
void describe(FieldSink& sink, const Network& net, const Trajectories& trajectories);
/// `copnet circles`: `coreness` [{`id`, `k`, (`s` when weighted)}], `fit`, `suggestions`,
/// `fits` {CircleFit}, `core_periphery` {`among`, CorePeriphery}, `density`, `reciprocity`,
/// and `trajectories` when present. Cost: O(size of the report).
void describe(FieldSink& sink, const Network& net, const CirclesReport& report);

/// `copnet relations`: `relations` [{`name`, `role`, `direction`, `polarity`, `scale`, `ties`,
/// `density`}], `overlap` [{`a`, `b`, `both`, `jaccard`, `a_in_b`, `b_in_a`}], `multiplexity`
/// {k: pairs tied by exactly k relations}, `alignment` [{`authority`, `influence`,
/// `authority_ties`, `aligned`, `share`}]. Cost: O(size of the report).
void describe(FieldSink& sink, const Network& net, const RelationsReport& report);

/// `copnet network` (DESIGN §3.6): `stakeholders`, `ties`, `density`, `reciprocity`
/// {`edgewise`, `dyadic`, `dyadic_nonnull`}, `dyad_census` {`mutual`, `asymmetric`, `null`},
/// `triad_census` {`003` … `300`}, `transitivity`, `components` {`weak`, `strong`},
/// `diameter`, `average_distance`, `degree_assortativity`, `cutpoints` {`weak`, `strong`},
/// `undirected`, `largest_component` (NaN as null). Cost: O(1).
void describe(FieldSink& sink, const Network& net, const NetworkMeasures& measures);
/// `copnet centrality` (DESIGN §3.6): `undirected`, `measures` [names], `stakeholders` [{`id`,
/// and a key per measure, named as `to_string(Measure)`}]; degrees and core numbers as whole
/// numbers (unless normalised), NaN as null. Cost: O(V · measures).
void describe(FieldSink& sink, const Network& net, const CentralityTable& table);
/// A time of an event log as given in its input: a text (`2024-03-05`, `2024-03-05T14:30:00Z`)
/// for ISO times, a whole number for plain-number times. Cost: O(1).
void put_time(FieldSink& sink, std::string_view key, Time time, TimeKind kind);
/// `copnet health` (docs/cli.md): `windows` [{`start`, `end`, `events`, `active`, `newcomers`,
/// `retained`, `departed`, `pairs`, `formed`, `dissolved`, `persistence`, `reciprocity`,
/// `absence_factor`, `elephant_factor`, `by_circle` [{`circle`, `active`, `members`, `share`}]}]
/// and `members` [{`id`, `events`, `active_windows`, `first`, `last`, `burstiness`}]; empty
/// optionals as null, times as `put_time`. Cost: O(size of the report).
void describe(FieldSink& sink, const Network& net, const HealthResult& result);
/// `copnet health --leaders`: `leaders` [{`start`, `end`, `top` [{`id`, `coreness`,
/// `in_degree`}], `rising` [ids], `quiet_core` [ids]}], times as `put_time` in `kind`.
/// Cost: O(size of the report).
void describe(FieldSink& sink, const Network& net, const std::vector<LeadershipWindow>& leaders,
              TimeKind kind);
/// `copnet reach --temporal`: `since`, `count`, `reached` [{`id`, `arrival`}], times as
/// `put_time` in `kind` (the log's). Cost: O(reached).
void describe(FieldSink& sink, const Network& net, const TemporalReachResult& result,
              TimeKind kind);
/// `copnet reach --temporal --counts`: `counts` [{`id`, `reached`}] in the order given (slot
/// order from `temporal_reach_counts`). Cost: O(counts).
void describe(FieldSink& sink, const Network& net, const std::vector<TemporalReachCount>& counts);

/// `copnet test`: `statistic`, `null`, `reps`, `observed`, `null_mean`, `null_sd`,
/// `p_greater`, `p_less`, `defined`, and `sample` [values] when it was kept. Cost: O(sample).
void describe(FieldSink& sink, const Network& net, const TestResult& result);
/// `copnet regress`: `model`, `null`, `reps`, `n` (dyads), `mutual`, `coefficients` [{`term`,
/// `estimate`, `t`, `p_greater`, `p_less`, `p_two_sided`}], `df_residual`, then for lm
/// `r_squared`, `adj_r_squared`, `residual_se`, for logit `deviance`, `null_deviance`, `aic`,
/// `bic`, `iterations`. Cost: O(terms).
void describe(FieldSink& sink, const Network& net, const RegressionResult& result);
/// `observed`, `jackknife_se`, `bootstrap_se`, `bootstrap_reps` (NaN as null). Cost: O(1).
void describe(FieldSink& sink, const Network& net, const ResamplingError& result);

/// `copnet groups`: `method`, `resolution`, `seed`, `weighted`, `modularity` (NaN as null),
/// `levels`, `iterations`, `count` (groups), `stakeholders` [{`id`, `group`}], `groups`
/// [{`group`, `size`, `internal`, `strength`, `members` [ids]}]. Cost: O(V).
void describe(FieldSink& sink, const Network& net, const GroupsResult& result);
/// `copnet groups --compare` (nested as `compare`): `with`, `stakeholders`, `detected_groups`,
/// `declared_groups`, `nmi`, `ari`, `declared_modularity` (NaN as null), `contingency`
/// [{`category`, `size`, `best_share`, `groups` [{`group`, `count`}]}]. Cost: O(cells).
void describe(FieldSink& sink, const Network& net, const GroupAgreement& agreement);

template <class... Parts>
void describe_in(FieldSink& sink, std::string_view key, const Network& net, const Parts&... parts) {
    sink.begin_object(key);
    describe(sink, net, parts...);
    sink.end();
}

} // namespace copnet
