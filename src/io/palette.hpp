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

/// Past the palette's 14 colours a category keeps a colour but gains a pattern, so that no two
/// categories look alike: 0 plain, 1 stripes, 2 dots, 3 cross-hatch, 4 rings, then again.
inline std::size_t pattern_of(const std::vector<std::string>& cats, std::size_t i) {
    return cats[i].empty() ? 0 : (i / palette.size()) % 5;
}

/// The SVG `fill` of category `i`: its colour, or `url(#cat-I)` for a patterned one.
inline std::string fill_of(const std::vector<std::string>& cats, std::size_t i) {
    if (pattern_of(cats, i) == 0) return std::string(colour_of(cats, i));
    return "url(#cat-" + std::to_string(i) + ")";
}

/// The `<defs>` of the patterned categories (empty when there are none).
inline std::string pattern_defs(const std::vector<std::string>& cats) {
    std::string out;
    for (std::size_t i = 0; i < cats.size(); ++i) {
        const std::size_t kind = pattern_of(cats, i);
        if (kind == 0) continue;
        const std::string colour(colour_of(cats, i));
        out += "<pattern id=\"cat-" + std::to_string(i) +
               "\" patternUnits=\"userSpaceOnUse\" width=\"4\" height=\"4\"><rect width=\"4\" height=\"4\" fill=\"" +
               colour + "\"/>";
        switch (kind) {
        case 1: out += "<path d=\"M0 4L4 0\" stroke=\"#FFFFFF\" stroke-width=\"1.2\"/>"; break;
        case 2: out += "<circle cx=\"2\" cy=\"2\" r=\"1\" fill=\"#FFFFFF\"/>"; break;
        case 3: out += "<path d=\"M0 2H4M2 0V4\" stroke=\"#FFFFFF\" stroke-width=\"0.9\"/>"; break;
        default: out += "<circle cx=\"2\" cy=\"2\" r=\"1.3\" fill=\"none\" stroke=\"#222222\" stroke-width=\"0.6\"/>"; break;
        }
        out += "</pattern>";
    }
    return out.empty() ? out : "<defs>" + out + "</defs>\n";
}

} // namespace copnet::detail
