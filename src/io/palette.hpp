#pragma once
// Colours for facet categories, shared by the DOT and SVG writers: a qualitative palette
// (Paul Tol's "muted" and "light" schemes, colour-blind safe) and the category order.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copnet/network.hpp"
#include "copnet/stakeholder.hpp"
#include "detail/categories.hpp"

namespace copnet::detail {

inline constexpr std::array<std::string_view, 14> palette{
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
    "#882255", "#AA4499", "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF"};
inline constexpr std::string_view no_category_colour = "#BBBBBB";

/// The categories of `facet` (spellings of one category merged, `category_key`) and each live
/// stakeholder's, by slot: names in the order first met (slot order), "" (unknown) last if met.
struct PaletteCategories {
    std::vector<std::string> names;
    std::vector<std::uint32_t> of;  ///< by slot (unused slots 0)
};
inline PaletteCategories categories(const Network& net, const Facet& facet) {
    CategoryTable table(facet);
    std::vector<std::uint32_t> first(net.slot_count(), 0);
    for (StakeholderId who : net.stakeholders()) first[who.index()] = table.add(facet(net.stakeholder(who)));
    // Renumber: the known categories in order met, the unknown one ("") last.
    const std::optional<std::uint32_t> unknown = table.find("");
    std::vector<std::uint32_t> order(table.size());
    PaletteCategories out;
    for (std::uint32_t i = 0; i < table.size(); ++i) {
        if (unknown && i == *unknown) continue;
        order[i] = static_cast<std::uint32_t>(out.names.size());
        out.names.push_back(table.names()[i]);
    }
    if (unknown) {
        order[*unknown] = static_cast<std::uint32_t>(out.names.size());
        out.names.emplace_back();
    }
    out.of.resize(first.size(), 0);
    for (StakeholderId who : net.stakeholders()) out.of[who.index()] = order[first[who.index()]];
    return out;
}

/// The colour of category number `i` of `cats`.
inline std::string_view colour_of(const std::vector<std::string>& cats, std::size_t i) {
    return cats[i].empty() ? no_category_colour : palette[i % palette.size()];
}

} // namespace copnet::detail
