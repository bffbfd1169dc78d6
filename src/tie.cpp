#include "copnet/tie.hpp"

#include <array>
#include <string>

#include "copnet/error.hpp"
#include "detail/text.hpp"

namespace copnet {
namespace {
constexpr std::array<std::string_view, 3> kind_names{"authority", "influence", "collaboration"};
constexpr std::array<std::string_view, 3> direction_names{"out", "in", "both"};
} // namespace

std::string_view to_string(TieKind kind) noexcept {
    return kind_names.at(static_cast<std::size_t>(kind));
}
std::string_view to_string(Direction direction) noexcept {
    return direction_names.at(static_cast<std::size_t>(direction));
}
TieKind parse_tie_kind(std::string_view text) {
    return detail::parse_enum<TieKind>(text, kind_names, "tie kind");
}
Direction parse_direction(std::string_view text) {
    return detail::parse_enum<Direction>(text, direction_names, "direction");
}

TieFilter parse_tie_filter(std::string_view kinds, std::string_view direction) {
    TieFilter filter{0, parse_direction(direction)};
    const std::string_view all = detail::trim(kinds);
    if (all.empty() || detail::iequals(all, "all")) {
        filter.kinds = TieFilter::all().kinds;
        return filter;
    }
    for (;;) {
        const auto comma = kinds.find(',');
        const TieKind k = parse_tie_kind(kinds.substr(0, comma));  // "" (a stray comma) throws
        filter.kinds = static_cast<std::uint8_t>(filter.kinds | TieFilter::of({k}).kinds);
        if (comma == std::string_view::npos) break;
        kinds.remove_prefix(comma + 1);
    }
    return filter;
}

} // namespace copnet
