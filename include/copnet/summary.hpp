#pragma once
/// \file
/// The landscape at a glance: stakeholders, ties by kind, members by circle.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "copnet/community.hpp"
#include "copnet/network.hpp"

namespace copnet {

/// Several spellings of one facet's category that copnet reads as one (`category_key`).
struct MergedSpellings {
    std::string facet;
    /// The spellings in the order first met; the first is the one shown.
    std::vector<std::string> spellings;
};

/// The categories of `facet` written in more than one way ("Employers", "employers ") — which
/// every analysis counts as one category — in the order first met. Cost: O(V) expected.
/// Throws: invalid_value for a bad facet name (see `Facet`).
[[nodiscard]] std::vector<MergedSpellings> merged_spellings(const Network& net,
                                                            std::string_view facet);

/// Counts that describe a network and one of its communities (`copnet summary`).
struct Summary {
    std::size_t stakeholders = 0;
    std::size_t ties = 0;
    /// Ties by built-in relation, indexed by `TieKind` (authority, influence, collaboration).
    std::array<std::size_t, tie_kind_count> ties_by_kind{};
    /// Ties by relation, indexed by `TieKind` over every relation of the network.
    std::vector<std::size_t> ties_by_relation;
    /// The community counted, or empty when none was given.
    std::string community;
    /// Stakeholders by circle, indexed by `Circle` (core, inner, outer, none); without a
    /// community everyone is `none`.
    std::array<std::size_t, 4> circles{};
    /// Stakeholders by level, indexed by `Level` (local, state, national), then unknown.
    std::array<std::size_t, 4> levels{};
    /// Stakeholders by stance, indexed by `Stance` (ally, neutral, skeptic).
    std::array<std::size_t, 3> stances{};
    /// Categories written in several ways, over sector, organization and every attribute.
    std::vector<MergedSpellings> merged_spellings;
};

/// Counts stakeholders, ties by kind, circles of `community` (nullptr: none), levels and
/// stances, and lists the merged spellings. Cost: O(V · (attributes + 2)) expected. Throws
/// nothing beyond allocation.
[[nodiscard]] Summary summarize(const Network& net, const Community* community = nullptr);

} // namespace copnet
