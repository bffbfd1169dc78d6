#pragma once
/// \file
/// The circle map: an SVG picture of a community drawn by copnet itself (no external program).
///
/// Concentric rings — the core group at the centre, then the inner circle, the outer circle,
/// and the landscape's non-members outside — with every stakeholder a dot on its ring. Dots are
/// grouped by a facet (sector by default) so that each category forms a wedge across the
/// rings, coloured by category with a legend; ties are lines, one style per kind (authority
/// solid, influence dashed, collaboration light). Labels are radial and never overlap (one
/// algorithm, `layout_circle_map`, shared by this SVG and the HTML report's interactive map):
/// each ring is given an arc length of a line per label; labels that would crowd are spread
/// along the arc (isotonic regression of their angles, a leader line back to the dot), kept
/// out of the gap where the ring's name stands, abbreviated beyond `max_label_chars`, and when
/// a ring cannot hold them all the least connected lose their label. Rings are spaced by their
/// longest label. Large maps label only the circles' members and the best connected.

#include <array>
#include <filesystem>
#include <span>
#include <string_view>
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
    /// Maps of more stakeholders than this label only the circles' members and the
    /// `best_connected` non-members of highest degree (the legend says so).
    std::size_t label_all_up_to = 150;
    /// Non-members labelled on a large map (see `label_all_up_to`).
    std::size_t best_connected = 20;
    /// Labels longer than this many characters are cut and end with "…".
    std::size_t max_label_chars = 28;
    /// Draw only these stakeholders (empty: everyone, or `max_stakeholders`); the HTML
    /// report's map of a large landscape. Ties are drawn between those shown.
    std::vector<StakeholderId> only;
    /// With `only` empty, a landscape of more stakeholders than this is drawn as its
    /// `map_selection` of this many (the legend says so); 0 draws everyone. (A million
    /// stakeholders and ten million ties would make a 1.7 GB SVG no viewer opens.)
    std::size_t max_stakeholders = 2000;
};

/// One stakeholder's place on the map.
struct PlacedStakeholder {
    StakeholderId who;
    Circle ring = Circle::none;
    std::size_t category = 0;  ///< index into `CircleMapLayout::categories`
    double x = 0, y = 0;       ///< dot centre, pixels
    double angle = 0;          ///< radians, 0 = east, clockwise (SVG's y points down)
    /// The label drawn (possibly abbreviated); empty when this stakeholder has none.
    std::string label;
    /// Direction of the label (radians, as `angle`): the dot's, or moved along the ring when
    /// neighbours crowd (then a leader line joins dot and label).
    double label_angle = 0;
    double label_x = 0, label_y = 0;  ///< where the label's text starts (its anchor), pixels
    /// True on the left half: the text is turned by 180° and anchored at its end, so that it
    /// reads left to right and still runs outwards.
    bool flip = false;
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
    std::vector<PlacedStakeholder> placed;  ///< one per stakeholder shown, in slot order
    double dot_radius = 4.5;  ///< radius of a stakeholder's dot, pixels
    double font_size = 9.0;   ///< label text size, pixels
    /// Longest label room of each ring (pixels from the label's start to the band's edge).
    std::array<double, 4> label_room{};
    std::size_t labelled = 0;  ///< stakeholders with a label
    /// True when only the circles' members and the best connected got labels (a large map),
    /// or when a crowded ring dropped some.
    bool labels_selected = false;
    /// Stakeholders of the network left off the map (`max_stakeholders`); 0 when `only` is set.
    std::size_t left_off = 0;
};

/// Where each of `count` items, wanted at the sorted angles `wanted`, goes so that neighbours
/// are at least `separation` apart within [lo, hi], moving them as little as possible (least
/// squares: pool-adjacent-violators isotonic regression of `wanted[i] − i·separation`, clamped).
/// Returns the angles in the same order. Cost: O(n). Throws: invalid_value when the items do not
/// fit (`(n − 1) · separation > hi − lo`).
[[nodiscard]] std::vector<double> spread_along(std::span<const double> wanted, double separation,
                                               double lo, double hi);

/// The estimated width of `text` set in DejaVu Sans at `size` pixels (per-character classes,
/// erring wide). Cost: O(length).
[[nodiscard]] double label_width(std::string_view text, double size);

/// The `limit` stakeholders a map of a large landscape shows: the community's core, inner and
/// outer circles first (when `community` is given), then the highest degree (ties of any
/// relation, either end), in network order; empty when all fit. Cost: O(V log V + E).
[[nodiscard]] std::vector<StakeholderId> map_selection(const Network& net,
                                                       const Community* community,
                                                       std::size_t limit);

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
