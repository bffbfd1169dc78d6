#include "copnet/tie.hpp"

#include <array>
#include <string>

#include "copnet/error.hpp"
#include "copnet/network.hpp"
#include "copnet/relation.hpp"
#include "detail/text.hpp"

namespace copnet {
namespace {
constexpr std::array<std::string_view, 3> kind_names{"authority", "influence", "collaboration"};
constexpr std::array<std::string_view, 3> direction_names{"out", "in", "both"};
} // namespace

std::string_view to_string(TieKind kind) noexcept {
    const auto k = static_cast<std::size_t>(kind);
    return k < kind_names.size() ? kind_names[k] : std::string_view{};  // a declared relation
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
    TieFilter filter = TieFilter::of({}, parse_direction(direction));
    const std::string_view all = detail::trim(kinds);
    if (all.empty() || detail::iequals(all, "all")) return TieFilter::all(filter.direction);
    for (;;) {
        const auto comma = kinds.find(',');
        const TieKind k = parse_tie_kind(kinds.substr(0, comma));  // "" (a stray comma) throws
        filter.chosen.set(static_cast<std::size_t>(k));
        if (comma == std::string_view::npos) break;
        kinds.remove_prefix(comma + 1);
    }
    return filter;
}


TieFilter parse_tie_filter(const Network& net, std::string_view relations,
                           std::string_view direction) {
    TieFilter filter = TieFilter::of({}, parse_direction(direction));
    if (detail::trim(relations).empty()) return TieFilter::all(filter.direction);
    const auto known = [&] {
        std::string names;
        for (const Relation& r : net.relations()) names += (names.empty() ? "" : ", ") + r.name;
        return names;
    };
    for (;;) {
        const auto comma = relations.find(',');
        const std::string_view item = detail::trim(relations.substr(0, comma));
        if (item.empty()) throw invalid_value("an empty relation in the list");
        if (detail::iequals(item, "all")) {
            filter.every = true;
        } else if (item.size() > 5 && detail::iequals(item.substr(0, 5), "role:")) {
            const Role role = parse_role(item.substr(5));
            for (std::size_t k = 0; k < net.relations().size(); ++k) {
                const Relation& r = net.relations()[k];
                if (r.role == role && r.polarity == Polarity::positive) filter.chosen.set(k);
            }
        } else if (const auto kind = net.find_relation(
                       detail::is_formula(item) ? detail::formula_name(item) : std::string(item))) {
            filter.chosen.set(static_cast<std::size_t>(*kind));
        } else {
            throw invalid_value("unknown relation \"" + std::string(item) + "\" (this network has " +
                                known() + "; or role:ROLE, all" +
                                (detail::is_formula(item)
                                     ? "; derive a formula first: derive_relation"
                                     : "") +
                                ")");
        }
        if (comma == std::string_view::npos) break;
        relations.remove_prefix(comma + 1);
    }
    return filter;
}

} // namespace copnet
