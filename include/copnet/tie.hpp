#pragma once
/// \file
/// Typed ties between stakeholders, and `TieFilter`: which ties an analysis follows.

#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "copnet/stakeholder.hpp"

namespace copnet {

/// The relation of a tie: its index among its network's relations (`Network::relations`,
/// copnet/relation.hpp). The three named values are the built-in relations, with the
/// framework's semantics for a tie source → target:
/// - `authority`: the source can direct the target (a designated leader, vested authority);
/// - `influence`: the target listens to the source (trust, durable networks);
/// - `collaboration`: they work together; mutual, its direction carries no meaning.
/// Other values name the relations a network declares (`Network::add_relation`).
enum class TieKind : std::uint8_t { authority, influence, collaboration };

/// Number of built-in relations, for arrays indexed by the built-in `TieKind`s.
inline constexpr std::size_t tie_kind_count = 3;

/// Which way an analysis follows directed ties: `out` along the tie (source → target, the way
/// direction and messages travel), `in` against it, `both` either way. Collaboration ties are
/// followed both ways whatever the direction.
enum class Direction : std::uint8_t { out, in, both };

/// CSV spelling of a built-in kind: "authority", "influence", "collaboration" (other relations
/// are named by their network: `Network::relation(kind).name`). Cost: O(1).
[[nodiscard]] std::string_view to_string(TieKind kind) noexcept;
/// Spelling of a direction: "out", "in", "both". Cost: O(1).
[[nodiscard]] std::string_view to_string(Direction direction) noexcept;
/// Parses a kind, case-insensitively. Throws: invalid_value naming the spelling. O(length).
[[nodiscard]] TieKind parse_tie_kind(std::string_view text);
/// Parses a direction, case-insensitively. Throws: invalid_value naming the spelling. O(length).
[[nodiscard]] Direction parse_direction(std::string_view text);

/// A tie as stored: `source` → `target` of the relation `kind`, with `weight` its value on the
/// relation's scale (unit: in [0,1], 1 = strongest). For a mutual relation (collaboration)
/// `source` and `target` are in the order first given.
struct Tie {
    StakeholderId source;
    StakeholderId target;
    TieKind kind = TieKind::collaboration;
    double weight = 1.0;

    friend bool operator==(const Tie&, const Tie&) = default;
};

/// Which relations an analysis follows, and in which direction.
///
/// Following a directed tie u → w: from u when the direction is `out` or `both`, from w when it
/// is `in` or `both`. A tie of a mutual relation (collaboration) is followed from either end.
/// The default follows every positive relation, `out`; negative relations (dislike) are
/// followed only when named (`of`). Analyses resolve a filter against their network's
/// relations; `follows`, `forward` and `backward` below answer for the built-in relations.
struct TieFilter {
    /// Every positive relation, `out`.
    TieFilter() = default;
    /// The built-in relations of the bit mask `kinds` (bit i: `TieKind` i), in `dir` — the
    /// spelling of copnet before relations; prefer `all` and `of`. The mask 0b111 (all three)
    /// means every positive relation, as `all(dir)` does.
    constexpr TieFilter(std::uint8_t kinds, Direction dir) noexcept
        : every((kinds & 0b111U) == 0b111U), chosen(kinds & 0b111U), direction(dir) {}

    /// Every positive relation of the network (and those of `chosen` besides).
    bool every = true;
    /// Bit i set ⇔ the relation with `TieKind` i is followed (negative ones too).
    std::bitset<256> chosen{};
    Direction direction = Direction::out;

    /// Every positive relation, in `dir`.
    [[nodiscard]] static TieFilter all(Direction dir = Direction::out) noexcept {
        TieFilter f;
        f.direction = dir;
        return f;
    }
    /// A filter over the given relations (an empty list follows no tie).
    [[nodiscard]] static TieFilter of(std::initializer_list<TieKind> ks,
                                      Direction dir = Direction::out) noexcept {
        TieFilter f;
        f.every = false;
        f.direction = dir;
        for (TieKind k : ks) f.chosen.set(static_cast<std::size_t>(k));
        return f;
    }
    /// True if ties of the built-in or named relation `kind` are followed at all (with
    /// `every`: true; the network decides about negative relations).
    [[nodiscard]] bool follows(TieKind kind) const noexcept {
        return every || chosen.test(static_cast<std::size_t>(kind));
    }
    /// True if a tie of the built-in relation `kind` is followed from its source towards its
    /// target (collaboration mutual).
    [[nodiscard]] bool forward(TieKind kind) const noexcept {
        return follows(kind) && (kind == TieKind::collaboration || direction != Direction::in);
    }
    /// True if a tie of the built-in relation `kind` is followed from its target back towards
    /// its source.
    [[nodiscard]] bool backward(TieKind kind) const noexcept {
        return follows(kind) && (kind == TieKind::collaboration || direction != Direction::out);
    }
    friend bool operator==(const TieFilter& a, const TieFilter& b) noexcept {
        return a.every == b.every && a.direction == b.direction && a.chosen == b.chosen;
    }
};

/// Parses a relation list against `net`'s relations: comma-separated items, each a relation
/// name (compared as `category_key`; a negative relation is followed when named), a formula
/// already derived (`derive_relation`, `derive_formulas`), `role:ROLE` (the positive relations
/// of that role), or `all` (every positive relation); empty = `all`.
/// Throws: invalid_value naming an unknown relation, role or direction (and the relations the
/// network has). Cost: O(length · relations).
[[nodiscard]] TieFilter parse_tie_filter(const class Network& net, std::string_view relations,
                                         std::string_view direction = "out");

/// Parses a comma-separated kind list ("authority,influence"; "all" or empty = every kind) and
/// a direction into a filter. Throws: invalid_value naming an unknown kind or direction.
/// Cost: O(length).
[[nodiscard]] TieFilter parse_tie_filter(std::string_view kinds, std::string_view direction = "out");

} // namespace copnet
