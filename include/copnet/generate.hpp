#pragma once
/// \file
/// A synthetic Community of Practice landscape, seeded and reproducible, with the shape real
/// landscapes have: for benchmarks, tests and demonstrations. Its data are invented.
#include <cstddef>
#include <cstdint>
#include <string>

#include "copnet/network.hpp"

namespace copnet {

/// The shape of a generated landscape (`generate`).
struct LandscapeOptions {
    /// Stakeholders (≥ 2, < 2^31).
    std::size_t stakeholders = 10'000;
    /// Ties aimed at. A tie that repeats one already drawn is drawn again (up to 16 times,
    /// then merged as `Network::add_ties` does), so the result holds this many unless the
    /// landscape is nearly saturated. At most stakeholders × (stakeholders − 1).
    std::size_t ties = 100'000;
    /// Seed of the pseudo-random numbers: the same options give the same network (also across
    /// platforms: copnet draws with its own splitmix64/xoshiro256** generator and its own
    /// distributions, not the standard library's implementation-defined ones).
    std::uint64_t seed = 1;
    /// Share of the influence and collaboration ties whose two ends differ in sector or level
    /// (boundary-crossing ties); the rest join stakeholders of the same sector and level
    /// (homophily). In [0,1].
    double boundary_share = 0.25;
    /// At most this share of `ties` are authority ties (hierarchies, below); organizations get
    /// their hierarchy in random order while the share allows. In [0,1].
    double authority_share = 0.1;
    /// Share of the non-authority ties that are influence ties (directed); the rest are
    /// collaboration ties (mutual). In [0,1].
    double influence_share = 0.5;
    /// Exponent γ of the power law of the expected degrees (Chung & Lu 2002: stakeholder i of
    /// n has weight (i + 1)^(−1/(γ − 1))): heavy-tailed degrees, a few hubs. In (2, 10].
    double degree_exponent = 2.5;
    /// Mean number of stakeholders per organization (organizations never span a sector or a
    /// level). ≥ 1.
    double organization_size = 20.0;
    /// Tie strengths follow a weighted cascade: a tie into stakeholder v weighs about
    /// `tie_strength / degree(v)` (perturbed, in [0.001, 1]), so the expected weight of the ties
    /// into anyone is about `tie_strength`. Around 1 a message from one stakeholder reaches a few
    /// per cent of a large landscape (near the epidemic threshold, as cascades in the field do);
    /// larger values make every diffusion reach nearly everyone. > 0.
    double tie_strength = 1.0;
    /// The community whose circles the generator fills.
    std::string community = "community";
    /// Members of each circle, as shares of the landscape (at least 3 core, 8 inner and 20
    /// outer members when the landscape is big enough); everyone else is not a member.
    /// The shares must sum to at most 1.
    double core_share = 0.001;
    double inner_share = 0.005;
    double outer_share = 0.05;
};

/// Generates a landscape of `options.stakeholders` stakeholders and about `options.ties` ties.
///
/// - Facets with skewed category sizes: the framework's seven sectors (local schools and agency
///   services the largest, youth the smallest), levels (local 60 %, state 30 %, national 10 %),
///   perspectives (practitioners 50 %), stances (skeptics 10 %), and organizations within each
///   sector × level (`org000017`…).
/// - Authority ties form hierarchies: within each organization a random recursive tree from its
///   head, and each organization head reports to a head of the same sector one level up
///   (local → state → national), as long as `authority_share` allows.
/// - Influence and collaboration ties fill the rest of `options.ties`: endpoints drawn by
///   Chung–Lu weights (heavy-tailed degrees), within the same sector × level except for a
///   `boundary_share` of them, which join different sectors or levels.
/// - Tie weights (every kind) follow a weighted cascade, `tie_strength / degree(target)`.
/// - The community's circles are nested around the hubs: the core group, then the inner and
///   outer circles, are drawn from the stakeholders with the largest (randomly perturbed)
///   degree weights, so the core is better connected than the inner circle, and so on out.
/// Ids are invented (`g0000001`…), names left empty; the data describe no real people.
///
/// Cost: O(V + E) expected time and memory (a 1M-stakeholder, 10M-tie landscape in seconds).
/// Throws: invalid_value for an option out of its range (named in the message).
[[nodiscard]] Network generate(const LandscapeOptions& options = {});

} // namespace copnet
