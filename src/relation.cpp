#include "copnet/relation.hpp"

#include <array>
#include <cmath>
#include <string>

#include "copnet/error.hpp"
#include "detail/text.hpp"

namespace copnet {
namespace {

constexpr std::array<std::string_view, 7> role_names{
    "authority", "influence", "collaboration", "communication", "affect", "affiliation", "other"};
constexpr std::array<std::string_view, 2> direction_names{"directed", "mutual"};
constexpr std::array<std::string_view, 2> polarity_names{"positive", "negative"};
constexpr std::array<std::string_view, 4> scale_names{"unit", "binary", "count", "real"};
constexpr std::array<std::string_view, 5> merge_names{"scale", "max", "sum", "first", "error"};

} // namespace

Relation builtin_relation(TieKind kind) {
    Relation r;
    r.name = std::string(to_string(kind));
    r.role = static_cast<Role>(kind);  // authority, influence, collaboration: the same order
    r.direction = kind == TieKind::collaboration ? RelationDirection::mutual
                                                 : RelationDirection::directed;
    return r;
}

std::string_view to_string(Role role) noexcept { return role_names.at(static_cast<std::size_t>(role)); }
std::string_view to_string(RelationDirection d) noexcept {
    return direction_names.at(static_cast<std::size_t>(d));
}
std::string_view to_string(Polarity p) noexcept { return polarity_names.at(static_cast<std::size_t>(p)); }
std::string_view to_string(Scale s) noexcept { return scale_names.at(static_cast<std::size_t>(s)); }

Role parse_role(std::string_view text) { return detail::parse_enum<Role>(text, role_names, "role"); }
RelationDirection parse_relation_direction(std::string_view text) {
    return detail::parse_enum<RelationDirection>(text, direction_names, "relation direction");
}
Polarity parse_polarity(std::string_view text) {
    return detail::parse_enum<Polarity>(text, polarity_names, "polarity");
}
Scale parse_scale(std::string_view text) { return detail::parse_enum<Scale>(text, scale_names, "scale"); }

bool on_scale(Scale scale, double value) noexcept {
    switch (scale) {
    case Scale::unit: return value >= 0.0 && value <= 1.0;
    case Scale::binary: return value == 1.0;
    case Scale::count: return std::isfinite(value) && value >= 0.0;
    case Scale::real: return std::isfinite(value);
    }
    return false;
}

double merge_values(Scale scale, double a, double b) noexcept {
    return scale == Scale::count || scale == Scale::real ? a + b : (a < b ? b : a);
}

std::string_view to_string(Merge m) noexcept { return merge_names.at(static_cast<std::size_t>(m)); }
Merge parse_merge(std::string_view text) {
    return detail::parse_enum<Merge>(text, merge_names, "merge policy");
}

double merge_values(Merge merge, Scale scale, double held, double repeat) noexcept {
    switch (merge) {
    case Merge::by_scale: return merge_values(scale, held, repeat);
    case Merge::max: return held < repeat ? repeat : held;
    case Merge::sum: return held + repeat;
    case Merge::first:
    case Merge::error: return held;
    }
    return held;
}

} // namespace copnet
