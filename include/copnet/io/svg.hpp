#pragma once
/// \file
/// The circle map: an SVG picture of a community drawn by copnet itself (no external program).
///
/// Concentric rings — the core group at the centre, then the inner circle, the outer circle,
/// and the landscape's non-members outside — with every stakeholder a dot on its ring. Dots are
/// grouped by a facet (sector by default) so that each category forms a wedge across the
/// rings, coloured by category with a legend; ties are lines, one style per kind (authority
/// solid, influence dashed, collaboration light). Labels are radial and never overlap: each
/// ring's radius is chosen so that neighbouring labels on it are at least a line apart, and
/// rings are spaced by their longest label.

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "copnet/community.hpp"
#include "copnet/network.hpp"

namespace copnet {

/// What to draw.
struct CircleMapOptions {
    /// The community whose circles make the rings (without it, everyone is a non-member).
    std::string community = "community";
    /// The facet that colours the dots and groups them into wedges (see `Facet`).
    std::string facet = "sector";
    /// Title; empty: "Circle map of NAME" and the community's domain.
    std::string title;
    /// A line under the title, e.g. where the data come from ("invented data").
    std::string caption;
    /// Stakeholders to highlight (an analysis result: a reached set, candidates, brokers).
    std::vector<StakeholderId> highlight;
    /// The legend's word for the highlighted stakeholders.
    std::string highlight_label = "highlighted";
    /// Label each dot with the stakeholder's name (its id when the name is empty).
    bool labels = true;
    /// Label text size in pixels (> 0).
    double font_size = 9.0;
};

/// One stakeholder's place on the map.
struct PlacedStakeholder {
    StakeholderId who;
    Circle ring = Circle::none;
    std::size_t category = 0;  ///< index into `CircleMapLayout::categories`
    double x = 0, y = 0;       ///< dot centre, pixels
    double angle = 0;          ///< radians, 0 = east, clockwise (SVG's y points down)
    std::string label;
    /// Corners of the label's box (pixels), for overlap checks; all four equal when no label.
    std::array<std::array<double, 2>, 4> label_box{};
};

/// The computed geometry of a circle map.
struct CircleMapLayout {
    double width = 0, height = 0;  ///< picture size, pixels
    double cx = 0, cy = 0;         ///< centre of the rings
    /// Radius of each ring's dots, core, inner, outer, non-members.
    std::array<double, 4> ring_radius{};
    /// Outer edge of each band (the drawn ring boundaries), core, inner, outer, non-members.
    std::array<double, 4> band_edge{};
    std::vector<std::string> categories;  ///< facet categories in legend order ("" = none)
    std::vector<PlacedStakeholder> placed;  ///< one per stakeholder, in slot order
};

/// Places every stakeholder of `net` on the map (see the file comment for the rules).
/// Cost: O(V log V). Throws: invalid_value for a bad facet name or font size;
/// unknown_stakeholder for a highlighted handle the network does not hold.
[[nodiscard]] CircleMapLayout layout_circle_map(const Network& net, const CircleMapOptions& options = {});

/// The circle map as an SVG 1.1 document (self-contained: no scripts, no external fonts or
/// images). Stakeholders are `<circle class="stakeholder">` elements with a `<title>` tooltip;
/// rings are `class="ring"`, the legend is `<g class="legend">`. Cost: O(V log V + E).
/// Throws: as `layout_circle_map`.
[[nodiscard]] std::string circle_map_svg(const Network& net, const CircleMapOptions& options = {});

/// Saves the circle map at `path` atomically. Throws: as `layout_circle_map`; io_error.
void write_circle_map(const Network& net, const std::filesystem::path& path,
                      const CircleMapOptions& options = {});

} // namespace copnet
