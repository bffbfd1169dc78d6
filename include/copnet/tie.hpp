#pragma once
/// \file
/// Typed ties between stakeholders, and `TieFilter`: which ties an analysis follows.

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "copnet/stakeholder.hpp"

namespace copnet {

/// The kind of a tie, with the framework's semantics for a tie source → target:
/// - `authority`: the source can direct the target (a designated leader, vested authority);
/// - `influence`: the target listens to the source (trust, durable networks);
/// - `collaboration`: they work together; mutual, its direction carries no meaning.
enum class TieKind : std::uint8_t { authority, influence, collaboration };

/// Number of tie kinds, for arrays indexed by `TieKind`.
inline constexpr std::size_t tie_kind_count = 3;

/// Which way an analysis follows directed ties: `out` along the tie (source → target, the way
/// direction and messages travel), `in` against it, `both` either way. Collaboration ties are
/// followed both ways whatever the direction.
enum class Direction : std::uint8_t { out, in, both };

/// CSV spelling of a kind: "authority", "influence", "collaboration". Cost: O(1).
[[nodiscard]] std::string_view to_string(TieKind kind) noexcept;
/// Spelling of a direction: "out", "in", "both". Cost: O(1).
[[nodiscard]] std::string_view to_string(Direction direction) noexcept;
/// Parses a kind, case-insensitively. Throws: invalid_value naming the spelling. O(length).
[[nodiscard]] TieKind parse_tie_kind(std::string_view text);
/// Parses a direction, case-insensitively. Throws: invalid_value naming the spelling. O(length).
[[nodiscard]] Direction parse_direction(std::string_view text);

/// A tie as stored: `source` → `target` of `kind`, with `weight` in [0,1] (1 = strongest).
/// For collaboration ties `source` and `target` are in the order first given.
struct Tie {
    StakeholderId source;
    StakeholderId target;
    TieKind kind = TieKind::collaboration;
    double weight = 1.0;

    friend bool operator==(const Tie&, const Tie&) = default;
};

/// Which tie kinds an analysis follows, and in which direction.
///
/// Following a directed tie u → w: from u when the direction is `out` or `both`, from w when it
/// is `in` or `both`. A collaboration tie is followed from either end. The default follows every
/// kind, `out`.
struct TieFilter {
    /// Bit i set ⇔ kind i (`static_cast<int>(TieKind)`) is followed.
    std::uint8_t kinds = 0b111;
    Direction direction = Direction::out;

    /// Every kind, in `dir`.
    [[nodiscard]] static constexpr TieFilter all(Direction dir = Direction::out) noexcept {
        return TieFilter{0b111, dir};
    }
    /// A filter over the given kinds (an empty list follows no tie).
    [[nodiscard]] static constexpr TieFilter of(std::initializer_list<TieKind> ks,
                                                Direction dir = Direction::out) noexcept {
        TieFilter f{0, dir};
        for (TieKind k : ks) f.kinds = static_cast<std::uint8_t>(f.kinds | bit(k));
        return f;
    }
    /// True if ties of `kind` are followed at all.
    [[nodiscard]] constexpr bool follows(TieKind kind) const noexcept {
        return (kinds & bit(kind)) != 0;
    }
    /// True if a tie of `kind` is followed from its source towards its target.
    [[nodiscard]] constexpr bool forward(TieKind kind) const noexcept {
        return follows(kind) &&
               (kind == TieKind::collaboration || direction != Direction::in);
    }
    /// True if a tie of `kind` is followed from its target back towards its source.
    [[nodiscard]] constexpr bool backward(TieKind kind) const noexcept {
        return follows(kind) &&
               (kind == TieKind::collaboration || direction != Direction::out);
    }
    friend constexpr bool operator==(TieFilter, TieFilter) noexcept = default;

private:
    static constexpr std::uint8_t bit(TieKind k) noexcept {
        return static_cast<std::uint8_t>(1U << static_cast<unsigned>(k));
    }
};

/// Parses a comma-separated kind list ("authority,influence"; "all" or empty = every kind) and
/// a direction into a filter. Throws: invalid_value naming an unknown kind or direction.
/// Cost: O(length).
[[nodiscard]] TieFilter parse_tie_filter(std::string_view kinds, std::string_view direction = "out");

} // namespace copnet
