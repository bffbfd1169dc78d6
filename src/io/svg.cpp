#include "copnet/io/svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
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

/// Cuts `s` to at most `max_chars` code points, ending with "…" when cut.
std::string abbreviate(std::string_view s, std::size_t max_chars) {
    std::size_t n = 0, at = 0;
    for (; at < s.size(); ++at) {
        if ((static_cast<unsigned char>(s[at]) & 0xC0U) != 0x80U) {
            if (n == max_chars) break;
            ++n;
        }
    }
    if (at >= s.size()) return std::string(s);
    // Room for the ellipsis: one code point fewer.
    std::size_t back = at;
    do { --back; } while (back > 0 && (static_cast<unsigned char>(s[back]) & 0xC0U) == 0x80U);
    std::string out(s.substr(0, back));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\u2026";
}

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

/// Radii, label choice and label angles (see the header's comment). Dots stay at their wedge
/// angles; labels are spread along each ring by `spread_along`.
void place_labels(const Network& net, const CircleMapOptions& options, CircleMapLayout& L) {
    const double fs = options.font_size;
    const auto V = L.placed.size();
    L.font_size = fs;
    L.dot_radius = V > 150 ? 3.6 : 4.5;
    const double dot = L.dot_radius;
    const double line = 1.3 * fs;     // distance between neighbouring labels at their start
    const double offset = dot + 7;    // from the dot's centre to the label: clear of the ring
    const double r_cap = 3000;        // rings grow no further for dots (they may then touch)

    // Priority of a label: the circles inwards first, then degree (ties of any relation).
    std::vector<std::size_t> degree(net.slot_count(), 0);
    for (const Tie& t : net.all_ties()) {
        ++degree[t.source.index()];
        ++degree[t.target.index()];
    }
    std::vector<bool> wants(V, options.labels);
    if (options.labels && V > options.label_all_up_to) {
        L.labels_selected = true;
        std::vector<std::size_t> outside;
        for (std::size_t i = 0; i < V; ++i)
            if (L.placed[i].ring == Circle::none) {
                wants[i] = false;
                outside.push_back(i);
            }
        const std::size_t keep = std::min(options.best_connected, outside.size());
        std::partial_sort(outside.begin(), outside.begin() + static_cast<std::ptrdiff_t>(keep), outside.end(),
                          [&](std::size_t a, std::size_t b) {
                              const auto da = degree[L.placed[a].who.index()], db = degree[L.placed[b].who.index()];
                              return da != db ? da > db : a < b;
                          });
        for (std::size_t i = 0; i < keep; ++i) wants[outside[i]] = true;
    }
    for (std::size_t i = 0; i < V; ++i) {
        auto& p = L.placed[i];
        if (!wants[i] || p.label.empty()) p.label.clear();
        else p.label = abbreviate(p.label, std::max<std::size_t>(options.max_label_chars, 2));
    }

    double edge = 0;
    for (std::size_t k = 0; k < rings.size(); ++k) {
        std::vector<std::size_t> on;  // labelled, by dot angle
        std::size_t dots = 0;
        double longest = 0;
        for (std::size_t i = 0; i < V; ++i) {
            if (static_cast<std::size_t>(L.placed[i].ring) != k) continue;
            ++dots;
            if (L.placed[i].label.empty()) continue;
            on.push_back(i);
            longest = std::max(longest, label_width(L.placed[i].label, fs));
        }
        std::sort(on.begin(), on.end(), [&](std::size_t a, std::size_t b) {
            return L.placed[a].angle < L.placed[b].angle;
        });
        const double name_half = label_width(ring_name[k], fs + 1) / 2 + 4 + fs / 2;
        const double floor = k == 0 ? 55.0 : edge + 2 * fs + 8;  // room for the ring's name
        const double dots_need = std::min(r_cap, static_cast<double>(dots) * (2 * dot + 0.6) / (2 * pi));
        // The arc a label needs at radius r, and the arc free of the ring's name.
        const auto sep_at = [&](double r) { return 2 * std::asin(std::min(1.0, line / (2 * (r + offset)))); };
        const auto clear_at = [&](double r) { return std::asin(std::min(1.0, name_half / (r + offset))); };
        const auto fits = [&](double r, std::size_t n) {
            return n == 0 || static_cast<double>(n - 1) * sep_at(r) <= 2 * pi - 2 * clear_at(r) - sep_at(r);
        };
        // Prefer a radius at which no label must move (the smallest gap between dots), within
        // reason; else one at which they fit when spread.
        double min_gap = pi;
        for (std::size_t j = 1; j < on.size(); ++j)
            min_gap = std::min(min_gap, L.placed[on[j]].angle - L.placed[on[j - 1]].angle);
        double r = std::max(floor, dots_need);
        const double unmoved = on.size() > 1 ? line / (2 * std::sin(std::min(min_gap, pi) / 2)) - offset : 0;
        double spread_need = r;
        while (!fits(spread_need, on.size()) && spread_need < r_cap) spread_need *= 1.1;
        r = std::max(r, std::min(spread_need, r_cap));
        r = std::max(r, std::min(unmoved, 1.5 * r));
        // A ring that still cannot hold them: the lowest priority lose their label.
        if (!fits(r, on.size())) {
            std::vector<std::size_t> by_priority = on;
            std::stable_sort(by_priority.begin(), by_priority.end(), [&](std::size_t a, std::size_t b) {
                return degree[L.placed[a].who.index()] > degree[L.placed[b].who.index()];
            });
            std::size_t n = on.size();
            while (n > 0 && !fits(r, n)) --n;
            for (std::size_t j = n; j < by_priority.size(); ++j) L.placed[by_priority[j]].label.clear();
            std::erase_if(on, [&](std::size_t i) { return L.placed[i].label.empty(); });
            L.labels_selected = true;
        }
        L.ring_radius[k] = r;
        // Spread the labels along [top + clear, top + 2π − clear].
        const double sep = sep_at(r), clear = clear_at(r);
        std::vector<double> wanted;
        for (std::size_t i : on) wanted.push_back(L.placed[i].angle);
        const std::vector<double> at = on.empty() ? std::vector<double>{}
                                                  : spread_along(wanted, sep, -pi / 2 + clear, 3 * pi / 2 - clear);
        for (std::size_t j = 0; j < on.size(); ++j) L.placed[on[j]].label_angle = at[j];
        L.label_room[k] = longest;
        edge = r + (longest > 0 ? offset + longest : dot) + 10;
        L.band_edge[k] = edge;
    }
    const double R = L.band_edge[3];
    const double title_h = 70;
    const double legend_w = 300;
    const std::size_t C = L.categories.size();
    L.cx = R + 20;
    L.cy = R + 20 + title_h;
    L.width = 2 * R + 40 + legend_w;
    const double legend_h = title_h + 40 + 18.0 * static_cast<double>(C + 16);
    L.height = std::max(2 * R + 40 + title_h, legend_h);
    for (auto& p : L.placed) {
        const double r = L.ring_radius[static_cast<std::size_t>(p.ring)];
        p.x = L.cx + r * std::cos(p.angle);
        p.y = L.cy + r * std::sin(p.angle);
        if (p.label.empty()) {
            p.label_angle = p.angle;
            p.label_box.fill({p.x, p.y});
            p.label_x = p.x;
            p.label_y = p.y;
            continue;
        }
        ++L.labelled;
        const double ux = std::cos(p.label_angle), uy = std::sin(p.label_angle);
        const double r0 = r + offset, r1 = r0 + label_width(p.label, fs);
        const double h = fs / 2, vx = -uy, vy = ux;
        p.flip = ux < 0;
        p.label_x = L.cx + r0 * ux;
        p.label_y = L.cy + r0 * uy;
        p.label_box = {{{L.cx + r0 * ux + h * vx, L.cy + r0 * uy + h * vy},
                        {L.cx + r1 * ux + h * vx, L.cy + r1 * uy + h * vy},
                        {L.cx + r1 * ux - h * vx, L.cy + r1 * uy - h * vy},
                        {L.cx + r0 * ux - h * vx, L.cy + r0 * uy - h * vy}}};
    }
}

} // namespace

double label_width(std::string_view text, double size) {
    double em = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0U) == 0x80U) continue;  // a continuation byte
        if (c >= 0x80U) em += 0.85;  // accented letters, dashes, CJK: err wide
        else if (c == ' ') em += 0.32;
        else if (std::strchr("iljtf.,:;'!|()[]", c) != nullptr) em += 0.36;
        else if (c == 'm' || c == 'w') em += 0.92;
        else if (c == 'M' || c == 'W') em += 1.0;
        else if (c >= 'A' && c <= 'Z') em += 0.74;
        else if (c >= '0' && c <= '9') em += 0.64;
        else em += 0.62;
    }
    return em * size;
}

std::vector<double> spread_along(std::span<const double> wanted, double separation, double lo, double hi) {
    const std::size_t n = wanted.size();
    if (n == 0) return {};
    const double top = hi - static_cast<double>(n - 1) * separation;
    if (!(top >= lo - 1e-12))
        throw invalid_value("spread_along: " + std::to_string(n) + " items do not fit");
    // Pool adjacent violators on b[i] = wanted[i] − i·separation (nondecreasing fit).
    struct Block { double sum; std::size_t count; };
    std::vector<Block> blocks;
    blocks.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        blocks.push_back({wanted[i] - static_cast<double>(i) * separation, 1});
        while (blocks.size() > 1) {
            const Block& b = blocks.back();
            const Block& a = blocks[blocks.size() - 2];
            if (a.sum / static_cast<double>(a.count) <= b.sum / static_cast<double>(b.count)) break;
            const Block merged{a.sum + b.sum, a.count + b.count};
            blocks.pop_back();
            blocks.back() = merged;
        }
    }
    std::vector<double> out;
    out.reserve(n);
    for (const Block& b : blocks) {
        const double y = std::clamp(b.sum / static_cast<double>(b.count), lo, std::max(lo, top));
        for (std::size_t j = 0; j < b.count; ++j)
            out.push_back(y + static_cast<double>(out.size()) * separation);
    }
    return out;
}

std::vector<StakeholderId> map_selection(const Network& net, const Community* community,
                                         std::size_t limit) {
    std::vector<StakeholderId> all(net.stakeholders().begin(), net.stakeholders().end());
    if (all.size() <= limit) return {};
    std::vector<std::size_t> degree(net.slot_count(), 0);
    for (const Tie& t : net.all_ties()) {
        ++degree[t.source.index()];
        ++degree[t.target.index()];
    }
    const auto rank = [&](StakeholderId who) {
        return community != nullptr ? static_cast<int>(community->circle(who)) : 3;
    };
    std::stable_sort(all.begin(), all.end(), [&](StakeholderId a, StakeholderId b) {
        const int ra = rank(a);
        const int rb = rank(b);
        if (ra != rb) return ra < rb;
        return degree[a.index()] > degree[b.index()];
    });
    all.resize(limit);
    std::sort(all.begin(), all.end(),
              [](StakeholderId a, StakeholderId b) { return a.index() < b.index(); });
    return all;
}

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
    std::vector<bool> shown;
    std::vector<StakeholderId> selected;
    if (options.only.empty() && options.max_stakeholders != 0 &&
        net.stakeholder_count() > options.max_stakeholders) {
        selected = map_selection(net, cop, options.max_stakeholders);
        L.left_off = net.stakeholder_count() - selected.size();
    }
    const std::vector<StakeholderId>& only = options.only.empty() ? selected : options.only;
    if (!only.empty()) {
        shown.assign(net.slot_count(), false);
        for (StakeholderId who : only) {
            (void)net.stakeholder(who);  // throws if unknown
            shown[who.index()] = true;
        }
    }
    for (StakeholderId who : net.stakeholders()) {
        if (!shown.empty() && !shown[who.index()]) continue;
        const Stakeholder& s = net.stakeholder(who);
        PlacedStakeholder p;
        p.who = who;
        p.ring = cop ? cop->circle(who) : Circle::none;
        p.category = grouped.of[who.index()];
        if (options.labels) p.label = s.name.empty() ? s.id : s.name;
        L.placed.push_back(std::move(p));
    }
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

    place_labels(net, options, L);
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
      << "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n" << detail::pattern_defs(L.categories);
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
            if (a == nullptr || b == nullptr) continue;  // an end not shown
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
    // Dots, then leader lines and labels on top (a white halo keeps tie lines off the text).
    std::vector<bool> highlighted(net.slot_count(), false);
    for (StakeholderId h : options.highlight) highlighted[h.index()] = true;
    const double dot = L.dot_radius;
    s << "<g class=\"stakeholders\">\n";
    for (const auto& p : L.placed) {
        const Stakeholder& st = net.stakeholder(p.who);
        if (highlighted[p.who.index()])
            s << "<circle class=\"highlight\" cx=\"" << num(p.x) << "\" cy=\"" << num(p.y) << "\" r=\"" << num(dot + 3)
              << "\" fill=\"none\" stroke=\"#D81B60\" stroke-width=\"2.2\"/>\n";
        s << "<circle class=\"stakeholder\" cx=\"" << num(p.x) << "\" cy=\"" << num(p.y) << "\" r=\"" << num(dot)
          << "\" fill=\"" << detail::fill_of(L.categories, p.category)
          << "\" stroke=\"#333333\" stroke-width=\"0.6\"><title>" << esc(st.id)
          << (st.name.empty() ? "" : " — " + esc(st.name)) << " (" << esc(options.facet) << ": "
          << esc(L.categories[p.category].empty() ? "(none)" : L.categories[p.category]) << "; "
          << to_string(p.ring) << ")</title></circle>\n";
    }
    s << "</g>\n<g class=\"labels\" font-size=\"" << num(fs) << "\" fill=\"#222222\" stroke=\"#FFFFFF\" "
      << "stroke-width=\"2.6\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n";
    for (const auto& p : L.placed) {
        if (p.label.empty()) continue;
        if (std::abs(p.label_angle - p.angle) > 1e-6) {
            const double r = L.ring_radius[static_cast<std::size_t>(p.ring)];
            s << "<line class=\"leader\" x1=\"" << num(L.cx + (r + dot + 1) * std::cos(p.angle)) << "\" y1=\""
              << num(L.cy + (r + dot + 1) * std::sin(p.angle)) << "\" x2=\"" << num(p.label_x - 2 * std::cos(p.label_angle))
              << "\" y2=\"" << num(p.label_y - 2 * std::sin(p.label_angle))
              << "\" stroke=\"#777777\" stroke-width=\"0.5\"/>\n";
        }
        const double deg = p.label_angle * 180 / pi + (p.flip ? 180 : 0);
        s << "<text class=\"label\" x=\"" << num(p.label_x) << "\" y=\"" << num(p.label_y)
          << "\" dy=\"0.35em\" text-anchor=\"" << (p.flip ? "end" : "start") << "\" transform=\"rotate("
          << num(deg) << ' ' << num(p.label_x) << ' ' << num(p.label_y) << ")\">" << esc(p.label) << "</text>\n";
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
          << detail::fill_of(L.categories, c) << "\" stroke=\"#333333\" stroke-width=\"0.6\"/>"
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
    // Every relation with ties, in the style it is drawn in (by its role); without any tie the
    // three built-in ones. A relation of the data set's own also names its role.
    const auto legend_style = [&](TieKind kind) -> std::string_view {
        switch (drawn_as(kind)) {
        case TieKind::authority: return "stroke=\"#333333\" stroke-width=\"1.4\"";
        case TieKind::influence: return "stroke=\"#1F5FAD\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"";
        default:
            return net.relation(kind).role == Role::collaboration
                       ? "stroke=\"#9A9A9A\" stroke-width=\"1\""
                       : "stroke=\"#9A9A9A\" stroke-width=\"1\" stroke-dasharray=\"1 2\"";
        }
    };
    for (std::size_t k = 0; k < net.relations().size(); ++k) {
        const auto kind = static_cast<TieKind>(k);
        const std::size_t ties = net.tie_count(kind);
        if (ties == 0 && (net.tie_count() > 0 || k >= tie_kind_count)) continue;
        const Relation& r = net.relation(kind);
        ly += 18;
        s << "<line x1=\"" << num(lx) << "\" y1=\"" << num(ly - 4) << "\" x2=\"" << num(lx + 28) << "\" y2=\""
          << num(ly - 4) << "\" " << legend_style(kind) << "/><text x=\"" << num(lx + 36) << "\" y=\"" << num(ly)
          << "\">" << esc(r.name);
        if (k >= tie_kind_count) s << ": " << to_string(r.role);
        s << " (" << ties << ")</text>\n";
    }
    if (L.labels_selected) {
        ly += 30;
        s << "<text class=\"label-note\" x=\"" << num(lx) << "\" y=\"" << num(ly) << "\">labels: "
          << L.labelled << " of " << L.placed.size() << ", for</text>\n<text class=\"label-note\" x=\"" << num(lx)
          << "\" y=\"" << num(ly + 16) << "\">the circles' members and the best connected</text>\n";
        ly += 16;
    }
    if (L.left_off > 0) {
        ly += 30;
        s << "<text class=\"left-off-note\" x=\"" << num(lx) << "\" y=\"" << num(ly) << "\">shown: "
          << L.placed.size() << " of " << L.placed.size() + L.left_off
          << " stakeholders,</text>\n<text class=\"left-off-note\" x=\"" << num(lx) << "\" y=\""
          << num(ly + 16) << "\">the circles' members, then the best connected</text>\n";
        ly += 16;
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
