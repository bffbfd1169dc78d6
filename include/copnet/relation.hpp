#pragma once
/// \file
/// Relations: the named kinds of tie a network holds (reports-to, advice, friendship, message
/// counts…), each with a **role** the framework understands, a direction, a polarity and the
/// scale of its values (docs/concepts.md, docs/formats.md). A tie names its relation by a `TieKind`,
/// the relation's index in its network; the framework's three kinds — authority, influence,
/// collaboration — are the built-in relations 0, 1 and 2 of every network.
///
/// ```cpp
/// copnet::Network net;
/// const copnet::TieKind advice = net.add_relation(
///     {.name = "advice", .role = copnet::Role::influence});        // directed, positive, unit
/// const copnet::TieKind messages = net.add_relation(
///     {.name = "messages", .role = copnet::Role::communication, .scale = copnet::Scale::count});
/// net.add_tie(a, b, messages, 12);                                 // a count, not a chance
/// ```

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "copnet/tie.hpp"

namespace copnet {

/// What a relation means to the framework: `authority` (the source can direct the target),
/// `influence` (the target listens to the source), `collaboration` (they work together),
/// `communication` (messages, contact), `affect` (friendship, dislike), `affiliation` (shared
/// membership, kinship, marriage), `other`.
enum class Role : std::uint8_t {
    authority, influence, collaboration, communication, affect, affiliation, other
};

/// `directed`: a tie source → target; `mutual`: one tie per unordered pair, followed both ways
/// whatever the direction asked (as collaboration).
enum class RelationDirection : std::uint8_t { directed, mutual };

/// `negative` relations (dislike, conflict) are followed only when an analysis names them.
enum class Polarity : std::uint8_t { positive, negative };

/// The values a relation's ties carry: `unit` (in [0,1], a strength or chance), `binary` (1),
/// `count` (a whole or fractional count ≥ 0), `real` (any finite number).
enum class Scale : std::uint8_t { unit, binary, count, real };

/// At most this many relations per network (a `TieKind` is one byte; 255 is kept free).
inline constexpr std::size_t max_relations = 255;

/// A relation's declaration. The defaults are those of an undeclared name met in a file:
/// role `other`, directed, positive, unit.
struct Relation {
    std::string name;
    Role role = Role::other;
    RelationDirection direction = RelationDirection::directed;
    Polarity polarity = Polarity::positive;
    Scale scale = Scale::unit;

    [[nodiscard]] bool mutual() const noexcept { return direction == RelationDirection::mutual; }
    friend bool operator==(const Relation&, const Relation&) = default;
};

/// The three built-in relations (`TieKind::authority`, `influence`, `collaboration`): roles of
/// the same names; directed, directed, mutual; positive; unit. Cost: O(1).
[[nodiscard]] Relation builtin_relation(TieKind kind);

/// Spellings ("authority" …, "directed"/"mutual", "positive"/"negative", "unit" …). Cost: O(1).
[[nodiscard]] std::string_view to_string(Role role) noexcept;
[[nodiscard]] std::string_view to_string(RelationDirection direction) noexcept;
[[nodiscard]] std::string_view to_string(Polarity polarity) noexcept;
[[nodiscard]] std::string_view to_string(Scale scale) noexcept;
/// Parse a spelling, case-insensitively. Throws: invalid_value naming the spelling and the
/// expected ones. Cost: O(length).
[[nodiscard]] Role parse_role(std::string_view text);
[[nodiscard]] RelationDirection parse_relation_direction(std::string_view text);
[[nodiscard]] Polarity parse_polarity(std::string_view text);
[[nodiscard]] Scale parse_scale(std::string_view text);

/// True if `value` is on `scale`: unit in [0,1], binary exactly 1, count finite and ≥ 0, real
/// finite. NaN is on no scale. Cost: O(1).
[[nodiscard]] bool on_scale(Scale scale, double value) noexcept;

/// Two values of one relation between one pair, merged: the larger for `unit` and `binary`,
/// the sum for `count` and `real` (message counts add up). Cost: O(1).
[[nodiscard]] double merge_values(Scale scale, double a, double b) noexcept;

/// What a repeated tie (a second tie of one relation between one pair) does: `by_scale` merges
/// as `merge_values` (the default), `max` keeps the larger value, `sum` adds the
/// values, `first` keeps the value already there, `error` refuses the repeat (CLI `--merge`).
enum class Merge : std::uint8_t { by_scale, max, sum, first, error };

/// Spellings `scale`, `max`, `sum`, `first`, `error`. Cost: O(1).
[[nodiscard]] std::string_view to_string(Merge merge) noexcept;
/// Parses a spelling of `Merge`, case-insensitively. Throws: invalid_value naming the spelling
/// and the expected ones. Cost: O(length).
[[nodiscard]] Merge parse_merge(std::string_view text);
/// The value a tie keeps when a tie of value `repeat` repeats one of value `held`, by `merge`
/// (`scale` decides for `by_scale`). `Merge::error` has no merged value: the caller refuses the
/// repeat before asking (it answers `held`). Cost: O(1).
[[nodiscard]] double merge_values(Merge merge, Scale scale, double held, double repeat) noexcept;

} // namespace copnet
