#pragma once
// Colours for facet categories, shared by the DOT and SVG writers: a qualitative palette
// (Paul Tol's "muted" and "light" schemes, colour-blind safe) and the category order.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "copnet/network.hpp"
#include "copnet/stakeholder.hpp"

namespace copnet::detail {

inline constexpr std::array<std::string_view, 14> palette{
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
    "#882255", "#AA4499", "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF"};
inline constexpr std::string_view no_category_colour = "#BBBBBB";

/// The categories of `facet` in the order first met (slot order); "" (unknown) last if met.
inline std::vector<std::string> categories(const Network& net, const Facet& facet) {
    std::vector<std::string> out;
    bool empty = false;
    for (StakeholderId who : net.stakeholders()) {
        const std::string_view c = facet(net.stakeholder(who));
        if (c.empty()) empty = true;
        else if (std::find(out.begin(), out.end(), c) == out.end()) out.emplace_back(c);
    }
    if (empty) out.emplace_back();
    return out;
}

/// The colour of category number `i` of `cats`.
inline std::string_view colour_of(const std::vector<std::string>& cats, std::size_t i) {
    return cats[i].empty() ? no_category_colour : palette[i % palette.size()];
}

} // namespace copnet::detail
