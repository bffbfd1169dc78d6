#include "copnet/io/svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <sstream>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "io/palette.hpp"
#include "detail/text.hpp"
#include "detail/categories.hpp"

namespace copnet {
namespace {

constexpr std::array<Circle, 4> rings{Circle::core, Circle::inner, Circle::outer, Circle::none};
constexpr std::array<std::string_view, 4> band_fill{"#D9D9D9", "#E8E8E8", "#F3F3F3", "#FCFCFC"};
constexpr std::array<std::string_view, 4> ring_name{"core", "inner circle", "outer circle", "not members"};
constexpr double pi = std::numbers::pi;

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++n;
    return n;
}

/// Estimated width of `s` in a sans-serif face at `size` px (DejaVu Sans averages about 0.6em).
double text_width(std::string_view s, double size) { return 0.62 * size * static_cast<double>(code_points(s)); }

std::string esc(std::string_view s) {
    std::string out;
    detail::append_xml_escaped(out, s, detail::XmlControl::as_space);
    return out;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

} // namespace

CircleMapLayout layout_circle_map(const Network& net, const CircleMapOptions& options) {
    if (!(options.font_size > 0 && options.font_size <= 100))
        throw invalid_value("circle map: font size " + std::to_string(options.font_size) +
                            " is outside (0, 100]");
    const Facet facet = detail::checked_facet(net, options.facet);
    for (StakeholderId h : options.highlight) (void)net.stakeholder(h);  // throws if unknown
    const Community* cop = net.find_community(options.community);
    CircleMapLayout L;
    detail::PaletteCategories grouped = detail::categories(net, facet);
    L.categories = std::move(grouped.names);
    const std::size_t C = L.categories.size();
    for (StakeholderId who : net.stakeholders()) {
        const Stakeholder& s = net.stakeholder(who);
        PlacedStakeholder p;
        p.who = who;
        p.ring = cop ? cop->circle(who) : Circle::none;
        p.category = grouped.of[who.index()];
        if (options.labels) p.label = s.name.empty() ? s.id : s.name;
        L.placed.push_back(std::move(p));
    }
    const double fs = options.font_size;
    const auto V = static_cast<double>(L.placed.size());

    // Angles: each category a wedge proportional to its size, a gap between wedges and a wider
    // one at the top (where the ring names go); within a wedge, each ring's members spread
    // evenly, in slot order.
    std::vector<double> count(C, 0.0);
    std::vector<std::array<double, 4>> in_ring(C, std::array<double, 4>{});
    for (const auto& p : L.placed) {
        count[p.category] += 1;
        in_ring[p.category][static_cast<std::size_t>(p.ring)] += 1;
    }
    const double gap = std::max(1.0, 0.015 * V);
    const double top_gap = std::max(4.0, 0.05 * V);
    const double unit = 2 * pi / std::max(1.0, V + static_cast<double>(C) * gap + top_gap);
    std::vector<double> wedge_start(C);
    double at = -pi / 2 + (top_gap / 2) * unit;
    for (std::size_t c = 0; c < C; ++c) {
        wedge_start[c] = at + gap / 2 * unit;
        at += (count[c] + gap) * unit;
    }
    std::vector<std::array<double, 4>> seen(C, std::array<double, 4>{});
    for (auto& p : L.placed) {
        const auto k = static_cast<std::size_t>(p.ring);
        const double m = in_ring[p.category][k];
        const double j = seen[p.category][k]++;
        p.angle = wedge_start[p.category] + (j + 0.5) * count[p.category] / m * unit;
    }

    // Radii: labels on one ring at least a line apart; rings spaced by their longest label.
    const double line = 1.6 * fs;
    double edge = 0;
    for (std::size_t k = 0; k < rings.size(); ++k) {
        std::vector<double> angles;
        double longest = 0;
        for (const auto& p : L.placed)
            if (static_cast<std::size_t>(p.ring) == k) {
                angles.push_back(p.angle);
                longest = std::max(longest, text_width(p.label, fs));
            }
        std::sort(angles.begin(), angles.end());
        double min_gap = pi / 2;
        for (std::size_t i = 1; i < angles.size(); ++i) min_gap = std::min(min_gap, angles[i] - angles[i - 1]);
        if (angles.size() > 1) min_gap = std::min(min_gap, angles.front() + 2 * pi - angles.back());
        const double needed = line / std::sin(std::min(min_gap, pi / 2));
        const double floor = k == 0 ? 40.0 : edge + 2 * fs + 8;  // room for the ring's name
        L.ring_radius[k] = std::max(needed, floor);
        edge = L.ring_radius[k] + (options.labels && longest > 0 ? 8 + longest : 0) + 10;
        L.band_edge[k] = edge;
    }
    const double R = L.band_edge[3];
    const double title_h = 70;
    const double legend_w = 300;
    L.cx = R + 20;
    L.cy = R + 20 + title_h;
    L.width = 2 * R + 40 + legend_w;
    const double legend_h = title_h + 40 + 18.0 * static_cast<double>(C + 14);
    L.height = std::max(2 * R + 40 + title_h, legend_h);
    for (auto& p : L.placed) {
        const double r = L.ring_radius[static_cast<std::size_t>(p.ring)];
        const double ux = std::cos(p.angle), uy = std::sin(p.angle);
        p.x = L.cx + r * ux;
        p.y = L.cy + r * uy;
        const double r0 = r + 7, r1 = r + 7 + text_width(p.label, fs);
        const double h = fs / 2, vx = -uy, vy = ux;
        if (p.label.empty()) {
            p.label_box.fill({p.x, p.y});
        } else {
            p.label_box = {{{L.cx + r0 * ux + h * vx, L.cy + r0 * uy + h * vy},
                            {L.cx + r1 * ux + h * vx, L.cy + r1 * uy + h * vy},
                            {L.cx + r1 * ux - h * vx, L.cy + r1 * uy - h * vy},
                            {L.cx + r0 * ux - h * vx, L.cy + r0 * uy - h * vy}}};
        }
    }
    return L;
}

std::string circle_map_svg(const Network& net, const CircleMapOptions& options) {
    const CircleMapLayout L = layout_circle_map(net, options);
    const Community* cop = net.find_community(options.community);
    const double fs = options.font_size;
    std::ostringstream s;
    s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" << num(L.width) << "\" height=\""
      << num(L.height) << "\" viewBox=\"0 0 " << num(L.width) << ' ' << num(L.height)
      << "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n";
    // Title and caption.
    std::string title = options.title;
    std::string subtitle;
    if (title.empty()) {
        title = cop ? "Circle map of " + cop->name() : "Circle map of the landscape";
        if (cop && !cop->domain().empty()) subtitle = cop->domain();
    }
    s << "<text class=\"title\" x=\"20\" y=\"32\" font-size=\"22\" font-weight=\"bold\" fill=\"#222222\">"
      << esc(title) << "</text>\n";
    std::string under = subtitle;
    if (!options.caption.empty()) under += (under.empty() ? "" : " — ") + options.caption;
    if (!under.empty())
        s << "<text class=\"caption\" x=\"20\" y=\"54\" font-size=\"13\" fill=\"#555555\">" << esc(under) << "</text>\n";
    // Rings, outside in.
    for (std::size_t k = rings.size(); k-- > 0;)
        s << "<circle class=\"ring\" data-ring=\"" << to_string(rings[k]) << "\" cx=\"" << num(L.cx) << "\" cy=\""
          << num(L.cy) << "\" r=\"" << num(L.band_edge[k]) << "\" fill=\"" << band_fill[k]
          << "\" stroke=\"#B0B0B0\" stroke-width=\"1\"/>\n";
    for (std::size_t k = 0; k < rings.size(); ++k)
        s << "<text class=\"ring-name\" x=\"" << num(L.cx) << "\" y=\""
          << num(L.cy - L.band_edge[k] + fs + 6) << "\" font-size=\""
          << num(fs + 1) << "\" text-anchor=\"middle\" fill=\"#777777\" font-style=\"italic\">"
          << ring_name[k] << "</text>\n";
    // Ties under the dots.
    std::vector<const PlacedStakeholder*> at_slot(net.slot_count(), nullptr);
    for (const auto& p : L.placed) at_slot[p.who.index()] = &p;
    s << "<g class=\"ties\" fill=\"none\">\n";
    // By role, drawn collaboration first, then influence, then authority on top; a relation of
    // another role as a dotted line (its class the role, its name in data-relation).
    const auto drawn_as = [&](TieKind kind) {
        const Relation& r = net.relation(kind);
        if (r.role == Role::authority) return TieKind::authority;
        if (r.role == Role::influence) return TieKind::influence;
        return TieKind::collaboration;
    };
    for (TieKind style : {TieKind::collaboration, TieKind::influence, TieKind::authority}) {
        for (const Tie& t : net.all_ties()) {
            if (drawn_as(t.kind) != style) continue;
            const Relation& r = net.relation(t.kind);
            const double w = std::clamp(t.weight, 0.0, 1.0);  // a count or real value: within full
            const auto* a = at_slot[t.source.index()];
            const auto* b = at_slot[t.target.index()];
            s << "<line class=\"tie " << to_string(r.role) << "\"";
            if (static_cast<std::size_t>(t.kind) >= tie_kind_count) s << " data-relation=\"" << esc(r.name) << "\"";
            s << " x1=\"" << num(a->x) << "\" y1=\"" << num(a->y)
              << "\" x2=\"" << num(b->x) << "\" y2=\"" << num(b->y) << "\" ";
            switch (style) {
            case TieKind::authority: s << "stroke=\"#333333\" stroke-width=\"" << num(0.6 + 0.8 * w) << "\" stroke-opacity=\"0.75\""; break;
            case TieKind::influence: s << "stroke=\"#1F5FAD\" stroke-width=\"" << num(0.5 + 0.7 * w) << "\" stroke-dasharray=\"4 3\" stroke-opacity=\"0.6\""; break;
            default:
                s << "stroke=\"#9A9A9A\" stroke-width=\"0.6\" stroke-opacity=\"0.35\"";
                if (r.role != Role::collaboration) s << " stroke-dasharray=\"1 2\"";
                break;
            }
            s << "/>\n";
        }
    }
    s << "</g>\n";
    // Dots and labels.
    std::vector<bool> highlighted(net.slot_count(), false);
    for (StakeholderId h : options.highlight) highlighted[h.index()] = true;
    const double dot = L.placed.size() > 150 ? 3.6 : 4.5;
    s << "<g class=\"stakeholders\">\n";
    for (const auto& p : L.placed) {
        const Stakeholder& st = net.stakeholder(p.who);
        if (highlighted[p.who.index()])
            s << "<circle class=\"highlight\" cx=\"" << num(p.x) << "\" cy=\"" << num(p.y) << "\" r=\"" << num(dot + 3)
              << "\" fill=\"none\" stroke=\"#D81B60\" stroke-width=\"2.2\"/>\n";
        s << "<circle class=\"stakeholder\" cx=\"" << num(p.x) << "\" cy=\"" << num(p.y) << "\" r=\"" << num(dot)
          << "\" fill=\"" << detail::colour_of(L.categories, p.category)
          << "\" stroke=\"#333333\" stroke-width=\"0.6\"><title>" << esc(st.id)
          << (st.name.empty() ? "" : " — " + esc(st.name)) << " (" << esc(options.facet) << ": "
          << esc(L.categories[p.category].empty() ? "(none)" : L.categories[p.category]) << "; "
          << to_string(p.ring) << ")</title></circle>\n";
        if (p.label.empty()) continue;
        double deg = p.angle * 180 / pi;
        const bool flip = std::cos(p.angle) < 0;
        const double r = std::hypot(p.x - L.cx, p.y - L.cy);
        const double tx = L.cx + (r + 7) * std::cos(p.angle), ty = L.cy + (r + 7) * std::sin(p.angle);
        if (flip) deg += 180;
        s << "<text class=\"label\" x=\"" << num(tx) << "\" y=\"" << num(ty) << "\" dy=\"0.35em\" font-size=\""
          << num(fs) << "\" fill=\"#222222\" text-anchor=\"" << (flip ? "end" : "start") << "\" transform=\"rotate("
          << num(deg) << ' ' << num(tx) << ' ' << num(ty) << ")\">" << esc(p.label) << "</text>\n";
    }
    s << "</g>\n";
    // Legend.
    const double lx = 2 * (L.band_edge[3]) + 50;
    double ly = 100;
    std::vector<std::size_t> per_cat(L.categories.size(), 0);
    std::array<std::size_t, 4> per_ring{};
    for (const auto& p : L.placed) {
        ++per_cat[p.category];
        ++per_ring[static_cast<std::size_t>(p.ring)];
    }
    s << "<g class=\"legend\" font-size=\"12\" fill=\"#222222\">\n";
    s << "<text x=\"" << num(lx) << "\" y=\"" << num(ly) << "\" font-weight=\"bold\">" << esc(options.facet) << "</text>\n";
    for (std::size_t c = 0; c < L.categories.size(); ++c) {
        ly += 18;
        s << "<circle class=\"legend-swatch\" cx=\"" << num(lx + 6) << "\" cy=\"" << num(ly - 4) << "\" r=\"5.5\" fill=\""
          << detail::colour_of(L.categories, c) << "\" stroke=\"#333333\" stroke-width=\"0.6\"/>"
          << "<text x=\"" << num(lx + 18) << "\" y=\"" << num(ly) << "\">"
          << esc(L.categories[c].empty() ? "(none)" : L.categories[c]) << " (" << per_cat[c] << ")</text>\n";
    }
    ly += 30;
    s << "<text x=\"" << num(lx) << "\" y=\"" << num(ly) << "\" font-weight=\"bold\">"
      << (cop ? "circles of " + esc(cop->name()) : std::string("circles")) << "</text>\n";
    for (std::size_t k = 0; k < rings.size(); ++k) {
        ly += 18;
        s << "<rect x=\"" << num(lx) << "\" y=\"" << num(ly - 11) << "\" width=\"12\" height=\"12\" fill=\""
          << band_fill[k] << "\" stroke=\"#B0B0B0\"/><text x=\"" << num(lx + 18) << "\" y=\"" << num(ly) << "\">"
          << ring_name[k] << " (" << per_ring[k] << ")</text>\n";
    }
    ly += 30;
    s << "<text x=\"" << num(lx) << "\" y=\"" << num(ly) << "\" font-weight=\"bold\">ties</text>\n";
    const std::array<std::pair<std::string_view, std::string_view>, 3> tie_legend{
        {{"authority", "stroke=\"#333333\" stroke-width=\"1.4\""},
         {"influence", "stroke=\"#1F5FAD\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\""},
         {"collaboration", "stroke=\"#9A9A9A\" stroke-width=\"1\""}}};
    for (const auto& [name, style] : tie_legend) {
        ly += 18;
        s << "<line x1=\"" << num(lx) << "\" y1=\"" << num(ly - 4) << "\" x2=\"" << num(lx + 28) << "\" y2=\""
          << num(ly - 4) << "\" " << style << "/><text x=\"" << num(lx + 36) << "\" y=\"" << num(ly) << "\">" << name
          << " (" << net.tie_count(name == "authority"   ? TieKind::authority
                                   : name == "influence" ? TieKind::influence
                                                         : TieKind::collaboration)
          << ")</text>\n";
    }
    if (!options.highlight.empty()) {
        ly += 30;
        s << "<circle cx=\"" << num(lx + 6) << "\" cy=\"" << num(ly - 4) << "\" r=\"7\" fill=\"none\" stroke=\"#D81B60\" "
          << "stroke-width=\"2.2\"/><text x=\"" << num(lx + 18) << "\" y=\"" << num(ly) << "\">"
          << esc(options.highlight_label) << " (" << options.highlight.size() << ")</text>\n";
    }
    s << "</g>\n</svg>\n";
    return s.str();
}

void write_circle_map(const Network& net, const std::filesystem::path& path, const CircleMapOptions& options) {
    write_file_atomically(path, circle_map_svg(net, options));
}

} // namespace copnet
