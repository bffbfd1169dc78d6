#pragma once
/// \file
/// One description per result: each result writes its fields, in order and by name, to a
/// `FieldSink`. The CLI's `--format json` and Python's `to_dict()` are sinks of it, so the two
/// cannot drift apart, and the names are the JSON keys of `../shared/DESIGN.md` §3.2.
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
#include "copnet/analysis/circles.hpp"
#include "copnet/analysis/gaps.hpp"
#include "copnet/analysis/reach.hpp"
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

/// `copnet summary`: `stakeholders`, `ties` {by kind}, `circles` {core, inner, outer, none}.
/// Cost: O(1).
void describe(FieldSink& sink, const Network& net, const Summary& summary);

/// `count` and `reached` [{`id`, `hops`}] of `copnet reach`. Cost: O(reached).
void describe(FieldSink& sink, const Network& net, const ReachResult& result);
/// `by_circle` and `by_facet` [{`category`, `total`, `reached`, `share`}]. Cost: O(rows).
void describe(FieldSink& sink, const Network& net, const ReachBreakdown& breakdown);
/// `flow`: [forward, backward], each {`from`, `to`, `senders`, `receivers`, `reached_by_hop`,
/// `share`, `hops_to_target`}. Cost: O(hops).
void describe(FieldSink& sink, const Network& net, const TwoWayFlow& flow);

/// `expected`, `stddev`, `ci95` [low, high], `runs`, then (after the caller's `model`)
/// `adoption` [{`id`, `probability`}] (the likely adopters, `likely_adopters`). O(V log V).
void describe(FieldSink& sink, const Network& net, const SpreadResult& result,
              DiffusionModel model);
/// `by_circle` and `by_facet` [{`category`, `total`, `expected`, `share`}]. Cost: O(rows).
void describe(FieldSink& sink, const Network& net, const SpreadBreakdown& breakdown);
/// `synergy`: {`together`, `best`, `best_single`, `sum_alone`, `gain_over_best`,
/// `ratio_to_sum`, `alone` [{`id`, `expected`}]}. Cost: O(coalition).
void describe(FieldSink& sink, const Network& net, const Synergy& synergy);
/// `conveners` [ids in the order chosen], `expected`, `gains`, `method`, `samples`.
/// Cost: O(k).
void describe(FieldSink& sink, const Network& net, const LeverageResult& result);

/// `copnet gaps`: `representation`, `missing`, `candidates`, `fragile` (with each point's circle
/// in `community`), `under_represented`, `bridges`, `departures`, `dependence`.
/// Cost: O(size of the report).
void describe(FieldSink& sink, const Network& net, const Community& community,
              const GapsReport& report);

/// `copnet boundaries`: `facet`, the E-I test, `groups`, `mixing`, `mixing_weights`,
/// `crossing_share`, `brokerage`, `holes`, `assortativity`, `spanners`, `levels` (all kinds
/// together), `levels_unknown`, `levels_by_kind`. Cost: O(size of the report).
void describe(FieldSink& sink, const Network& net, const BoundaryReport& report);

/// `copnet circles`: `coreness` [{`id`, `k`, (`s` when weighted)}], `fit`, `suggestions`,
/// `fits`, `core_periphery`, `density`, `reciprocity`, and `trajectories` when present.
/// Cost: O(size of the report).
void describe(FieldSink& sink, const Network& net, const CirclesReport& report);

} // namespace copnet
