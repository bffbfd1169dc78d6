#pragma once
/// \file
/// The landscape at a glance: stakeholders, ties by kind, members by circle.

#include <array>
#include <cstddef>
#include <string>

#include "copnet/community.hpp"
#include "copnet/network.hpp"

namespace copnet {

/// Counts that describe a network and one of its communities (`copnet summary`).
struct Summary {
    std::size_t stakeholders = 0;
    std::size_t ties = 0;
    /// Ties by kind, indexed by `TieKind` (authority, influence, collaboration).
    std::array<std::size_t, tie_kind_count> ties_by_kind{};
    /// The community counted, or empty when none was given.
    std::string community;
    /// Stakeholders by circle, indexed by `Circle` (core, inner, outer, none); without a
    /// community everyone is `none`.
    std::array<std::size_t, 4> circles{};
    /// Stakeholders by level, indexed by `Level` (local, state, national), then unknown.
    std::array<std::size_t, 4> levels{};
    /// Stakeholders by stance, indexed by `Stance` (ally, neutral, skeptic).
    std::array<std::size_t, 3> stances{};
};

/// Counts stakeholders, ties by kind, circles of `community` (nullptr: none), levels and
/// stances. Cost: O(V). Throws nothing beyond allocation.
[[nodiscard]] Summary summarize(const Network& net, const Community* community = nullptr);

} // namespace copnet
