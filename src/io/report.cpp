#include "copnet/io/report.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <numeric>

#include "copnet/analysis/boundary.hpp"
#include "copnet/analysis/circles.hpp"
#include "copnet/analysis/gaps.hpp"
#include "copnet/analysis/health.hpp"
#include "copnet/analysis/reach.hpp"
#include "copnet/describe.hpp"
#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "copnet/io/svg.hpp"
#include "copnet/summary.hpp"
#include "copnet/version.hpp"
#include "detail/categories.hpp"
#include "detail/text.hpp"
#include "io/palette.hpp"
#include "io/report_assets.hpp"

namespace copnet {
namespace {

// ---- a streaming JSON sink, safe inside an HTML <script> element ---------------------------

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        // Never "</script>" or "<!--" inside the page's data element.
        case '<': out += "\\u003c"; break;
        case '>': out += "\\u003e"; break;
        case '&': out += "\\u0026"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                out += buf;
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

class JsonWriter final : public FieldSink {
public:
    JsonWriter() { out_ += '{'; first_.push_back(true); }
    void value(std::string_view key, const FieldValue& v) override {
        start(key);
        std::visit([&](const auto& x) { scalar(x); }, v);
    }
    void begin_object(std::string_view key) override { open(key, '{'); }
    void begin_list(std::string_view key) override { open(key, '['); }
    void end() override {
        out_ += closers_.back();
        closers_.pop_back();
        first_.pop_back();
    }
    /// A value already written as JSON text.
    void raw(std::string_view key, std::string_view json) {
        start(key);
        out_ += json;
    }
    std::string finish() {
        while (!closers_.empty()) end();
        out_ += '}';
        return std::move(out_);
    }

private:
    void start(std::string_view key) {
        if (!first_.back()) out_ += ',';
        first_.back() = false;
        if (closers_.empty() || closers_.back() == '}') {
            append_json_string(out_, key);
            out_ += ':';
        }
    }
    void open(std::string_view key, char c) {
        start(key);
        out_ += c;
        closers_.push_back(c == '{' ? '}' : ']');
        first_.push_back(true);
    }
    void scalar(std::nullptr_t) { out_ += "null"; }
    void scalar(bool b) { out_ += b ? "true" : "false"; }
    void scalar(std::int64_t x) { out_ += std::to_string(x); }
    void scalar(std::uint64_t x) { out_ += std::to_string(x); }
    void scalar(double x) { out_ += std::isfinite(x) ? detail::shortest(x) : std::string("null"); }
    void scalar(std::string_view s) { append_json_string(out_, s); }

    std::string out_;
    std::vector<char> closers_;  // of the values opened inside the top-level object
    std::vector<bool> first_;
};

// ---- helpers --------------------------------------------------------------------------------

constexpr std::array<Circle, 4> all_circles{Circle::core, Circle::inner, Circle::outer, Circle::none};

double tenth(double x) { return std::round(x * 10) / 10; }

template <class F>
void section(JsonWriter& sink, std::string_view key, F&& body) {
    // Each section on its own: an analysis that cannot run says why, the others still do.
    JsonWriter part;
    try {
        body(part);
    } catch (const invalid_value& e) {
        JsonWriter why;
        why.put("unavailable", std::string_view(e.what()));
        sink.raw(key, why.finish());
        return;
    }
    sink.raw(key, part.finish());
}

void unavailable(FieldSink& sink, std::string_view why) { sink.put("unavailable", why); }

/// The community the report reads: `name`, unless it is missing or has no members.
const Community* reported_community(const Network& net, std::string_view name) {
    const Community* cop = net.find_community(name);
    if (cop != nullptr && cop->count(Circle::core) + cop->count(Circle::inner) + cop->count(Circle::outer) == 0)
        return nullptr;  // a community with no members is no community to report on
    return cop;
}

/// "Our community of practice" (or the community's own name), or "The landscape" without one.
std::string default_title(const Community* cop) {
    if (cop == nullptr) return "The landscape: a report";
    if (cop->name() == "community") return "Our community of practice: a report";
    return cop->name() + ": a report on our community of practice";
}

/// The stakeholders the map shows: all when few; else the members (core first) and the best
/// connected others, up to `limit`.
void describe_map(JsonWriter& sink, const Network& net, const ReportOptions& options,
                  const Community* cop, const std::vector<std::uint32_t>* coreness) {
    std::vector<std::size_t> degree(net.slot_count(), 0);
    const std::vector<Tie> ties = net.all_ties();
    for (const Tie& t : ties) {
        ++degree[t.source.index()];
        ++degree[t.target.index()];
    }
    CircleMapOptions map;
    map.community = options.community;
    map.facet = options.facet;
    map.best_connected = 40;
    map.only = map_selection(net, cop, options.map_stakeholders);
    map.max_stakeholders = 0;  // `only` says who
    const CircleMapLayout L = layout_circle_map(net, map);

    std::vector<std::int64_t> index_of(net.slot_count(), -1);
    for (std::size_t i = 0; i < L.placed.size(); ++i) index_of[L.placed[i].who.index()] = static_cast<std::int64_t>(i);
    std::vector<const Tie*> drawn;
    for (const Tie& t : ties)
        if (index_of[t.source.index()] >= 0 && index_of[t.target.index()] >= 0) drawn.push_back(&t);
    const std::size_t among_shown = drawn.size();
    if (drawn.size() > options.map_ties) {
        std::stable_sort(drawn.begin(), drawn.end(), [](const Tie* a, const Tie* b) { return a->weight > b->weight; });
        drawn.resize(options.map_ties);
    }

    sink.put("width", tenth(L.width));
    sink.put("height", tenth(L.height));
    sink.put("cx", tenth(L.cx));
    sink.put("cy", tenth(L.cy));
    sink.begin_list("ring_radius");
    for (double r : L.ring_radius) sink.put({}, tenth(r));
    sink.end();
    sink.begin_list("band_edge");
    for (double r : L.band_edge) sink.put({}, tenth(r));
    sink.end();
    sink.begin_list("label_room");
    for (double r : L.label_room) sink.put({}, tenth(r));
    sink.end();
    sink.put("dot", L.dot_radius);
    sink.put("font_size", L.font_size);
    sink.put("facet", options.facet);
    sink.put("total", net.stakeholder_count());
    sink.put("shown", L.placed.size());
    std::size_t members_total = 0, members_shown = 0;
    if (cop)
        for (StakeholderId who : net.stakeholders()) members_total += cop->circle(who) != Circle::none;
    for (const auto& p : L.placed) members_shown += p.ring != Circle::none;
    sink.put("members_total", members_total);
    sink.put("members_shown", members_shown);
    sink.put("ties_total", ties.size());
    sink.put("ties_among_shown", among_shown);
    sink.put("ties_shown", drawn.size());
    sink.put("labelled", L.labelled);
    sink.put("labels_selected", L.labels_selected);
    sink.begin_list("categories");
    for (std::size_t c = 0; c < L.categories.size(); ++c) {
        sink.begin_object({});
        sink.put("name", L.categories[c]);
        sink.put("colour", detail::colour_of(L.categories, c));
        sink.put("pattern", detail::pattern_of(L.categories, c));
        sink.end();
    }
    sink.end();
    sink.begin_list("relations");
    for (const Relation& r : net.relations()) {
        sink.begin_object({});
        sink.put("name", r.name);
        sink.put("role", to_string(r.role));
        sink.put("mutual", r.mutual());
        sink.end();
    }
    sink.end();

    // The stakeholders shown, one column per field.
    sink.begin_object("nodes");
    const auto column = [&](std::string_view key, auto&& get) {
        sink.begin_list(key);
        for (const auto& p : L.placed) sink.put({}, get(p));
        sink.end();
    };
    column("id", [&](const PlacedStakeholder& p) -> std::string_view { return net.stakeholder(p.who).id; });
    column("name", [&](const PlacedStakeholder& p) -> std::string_view { return net.stakeholder(p.who).name; });
    column("ring", [](const PlacedStakeholder& p) { return static_cast<int>(p.ring); });
    column("cat", [](const PlacedStakeholder& p) { return p.category; });
    column("x", [](const PlacedStakeholder& p) { return tenth(p.x); });
    column("y", [](const PlacedStakeholder& p) { return tenth(p.y); });
    column("a", [](const PlacedStakeholder& p) { return std::round(p.angle * 1e4) / 1e4; });
    column("label", [](const PlacedStakeholder& p) -> std::string_view { return p.label; });
    column("la", [](const PlacedStakeholder& p) { return std::round(p.label_angle * 1e4) / 1e4; });
    column("lx", [](const PlacedStakeholder& p) { return tenth(p.label_x); });
    column("ly", [](const PlacedStakeholder& p) { return tenth(p.label_y); });
    column("flip", [](const PlacedStakeholder& p) { return p.flip ? 1 : 0; });
    column("degree", [&](const PlacedStakeholder& p) { return degree[p.who.index()]; });
    if (coreness) column("k", [&](const PlacedStakeholder& p) { return (*coreness)[p.who.index()]; });
    sink.begin_object("facets");
    std::vector<std::string> facets{"sector", "organization", "level", "perspective", "stance"};
    for (const std::string& a : net.attribute_names())
        if (std::find(facets.begin(), facets.end(), a) == facets.end() && facets.size() < 16) facets.push_back(a);
    for (const std::string& f : facets) {
        const Facet facet(f);
        bool any = false;
        for (const auto& p : L.placed) any = any || !facet(net.stakeholder(p.who)).empty();
        if (!any) continue;
        column(f, [&](const PlacedStakeholder& p) { return facet(net.stakeholder(p.who)); });
    }
    sink.end();
    sink.end();

    sink.begin_object("ties");
    sink.begin_list("s");
    for (const Tie* t : drawn) sink.put({}, index_of[t->source.index()]);
    sink.end();
    sink.begin_list("t");
    for (const Tie* t : drawn) sink.put({}, index_of[t->target.index()]);
    sink.end();
    sink.begin_list("r");
    for (const Tie* t : drawn) sink.put({}, static_cast<std::size_t>(t->kind));
    sink.end();
    sink.begin_list("w");
    for (const Tie* t : drawn) sink.put({}, std::round(t->weight * 1000) / 1000);
    sink.end();
    sink.end();
}

/// "Who is here": stakeholders by category of each facet and circle (counts only).
void describe_composition(FieldSink& sink, const Network& net, const Community* cop,
                          const std::string& chosen) {
    std::vector<std::string> facets{"sector", "level", "perspective", "stance"};
    if (std::find(facets.begin(), facets.end(), chosen) == facets.end()) facets.insert(facets.begin(), chosen);
    sink.begin_list("facets");
    for (const std::string& f : facets) {
        const detail::PaletteCategories cats = detail::categories(net, detail::checked_facet(net, f));
        if (cats.names.size() == 1 && cats.names[0].empty()) continue;  // nobody has one
        std::vector<std::array<std::size_t, 4>> counts(cats.names.size(), std::array<std::size_t, 4>{});
        for (StakeholderId who : net.stakeholders())
            ++counts[cats.of[who.index()]][static_cast<std::size_t>(cop ? cop->circle(who) : Circle::none)];
        sink.begin_object({});
        sink.put("facet", f);
        sink.begin_list("rows");
        for (std::size_t c = 0; c < cats.names.size(); ++c) {
            sink.begin_object({});
            sink.put("category", cats.names[c]);
            std::size_t total = 0;
            for (std::size_t k = 0; k < 4; ++k) {
                sink.put(to_string(all_circles[k]), counts[c][k]);
                total += counts[c][k];
            }
            sink.put("total", total);
            sink.end();
        }
        sink.end();
        sink.end();
    }
    sink.end();
}

} // namespace

std::string report_data(const Network& net, const ReportOptions& options) {
    (void)detail::checked_facet(net, options.facet);  // a typo fails now, naming the facet
    if (options.map_stakeholders == 0) throw invalid_value("report: the map must show at least one stakeholder");
    const Community* cop = reported_community(net, options.community);
    const std::size_t V = net.stakeholder_count();
    TieFilter undirected = options.filter;
    undirected.direction = Direction::both;
    JsonWriter sink;
    // The report's progress: nine parts of 1000 units each; an analysis with progress of its
    // own reports within its part.
    detail::Stages parts(options.progress, std::vector<std::size_t>(9, 1000));

    sink.begin_object("meta");
    sink.put("title", options.title.empty() ? default_title(cop) : options.title);
    sink.put("caption", options.caption);
    sink.put("copnet", version());
    if (cop) sink.put("community", cop->name());
    else sink.value("community", nullptr);
    if (cop) sink.put("domain", cop->domain());
    sink.put("facet", options.facet);
    sink.put("stakeholders", V);
    sink.put("ties", net.tie_count());
    sink.put("events", options.events != nullptr);
    sink.end();

    section(sink, "summary", [&](JsonWriter& s) {
        describe(s, net, summarize(net, cop));
        describe_composition(s, net, cop, options.facet);
    });
    parts.next();

    section(sink, "gaps", [&](JsonWriter& s) {
        if (!cop) return unavailable(s, "no circles are declared (the nodes have no circle column)");
        GapsOptions g;
        g.candidates.filter = undirected;
        g.candidates.reach_filter = options.filter;
        g.fragility.filter = undirected;
        g.fragility.reach_filter = options.filter;
        g.progress = parts.inner();
        describe(s, net, *cop, gaps(net, *cop, g));
    });
    parts.next();

    section(sink, "reach", [&](JsonWriter& s) {
        if (!cop || cop->count(Circle::core) == 0)
            return unavailable(s, "no core group is declared: there is nobody to send the message");
        std::vector<StakeholderId> core;
        for (StakeholderId who : net.stakeholders())
            if (cop->circle(who) == Circle::core) core.push_back(who);
        s.put("sources", core.size());
        s.begin_list("steps");
        for (std::optional<std::size_t> hops : {std::optional<std::size_t>(1), std::optional<std::size_t>(2),
                                                std::optional<std::size_t>()}) {
            const ReachResult r = reach(net, core, {.filter = options.filter, .max_hops = hops});
            s.begin_object({});
            s.put("hops", hops);
            s.put("count", r.count());
            describe(s, net, break_down(net, r, cop, options.facet));
            s.end();
        }
        s.end();
    });
    parts.next();

    section(sink, "flow", [&](JsonWriter& s) {
        if (!cop) return unavailable(s, "no circles are declared: flow between levels is among members");
        s.begin_list("pairs");
        for (const auto& [a, b] : {std::pair{Level::local, Level::state}, std::pair{Level::state, Level::national},
                                   std::pair{Level::local, Level::national}}) {
            s.begin_object({});
            describe(s, net, level_flow(net, cop, a, b, {.filter = options.filter}));
            s.end();
        }
        s.end();
    });
    parts.next();

    section(sink, "leverage", [&](JsonWriter& s) {
        if (V > options.leverage_up_to)
            return unavailable(s, "not searched on a landscape of more than " + std::to_string(options.leverage_up_to) +
                                      " stakeholders (a Monte Carlo search of some minutes): run `copnet leverage "
                                      "--among members`");
        const std::vector<StakeholderId> pool = convener_pool(net, cop, cop ? std::optional(Circle::outer) : std::nullopt);
        // A diffusion reads tie weights as chances: relations of another scale (an event log's
        // counts) are left out of it, and the page says which were followed.
        TieFilter chances = options.filter;
        chances.every = false;
        s.begin_list("relations");
        for (std::size_t k = 0; k < net.relations().size(); ++k) {
            const Relation& rel = net.relations()[k];
            const bool followed = options.filter.chosen.test(k) || (options.filter.every && rel.polarity == Polarity::positive);
            chances.chosen.set(k, followed && (rel.scale == Scale::unit || rel.scale == Scale::binary));
            if (chances.chosen.test(k)) s.put({}, rel.name);
        }
        s.end();
        LeverageOptions o;
        o.diffusion.filter = chances;
        o.diffusion.runs = 1000;
        o.diffusion.seed = options.seed;
        o.diffusion.progress = parts.inner();
        o.k = std::min(options.conveners, pool.size());
        s.put("among", cop ? "members" : "all");
        s.put("runs", o.diffusion.runs);
        describe(s, net, leverage(net, pool, o));
    });
    parts.next();

    std::vector<std::uint32_t> coreness_of;
    section(sink, "boundaries", [&](JsonWriter& s) {
        BoundaryOptions o;
        o.facet = options.facet;
        o.filter = options.filter;
        o.seed = options.seed;
        o.permutations = V <= 2000 ? 1000 : 0;
        if (V > options.exact_betweenness_up_to) o.samples = 200;
        o.progress = parts.inner();
        BoundaryReport r = boundaries(net, o);
        s.put("sampled_sources", o.samples ? std::optional<std::size_t>(*o.samples) : std::nullopt);
        // The tables show the leading rows; the page says how many there were.
        constexpr std::size_t rows = 25;
        s.put("stakeholders_total", r.brokerage.stakeholders.size());
        r.ei.stakeholders.clear();
        auto& b = r.brokerage.stakeholders;
        std::stable_sort(b.begin(), b.end(), [](const Brokerage& x, const Brokerage& y) { return x.raw.total > y.raw.total; });
        if (b.size() > rows) b.resize(rows);
        std::erase_if(r.holes, [](const StructuralHoles& h) { return !std::isfinite(h.constraint); });
        std::stable_sort(r.holes.begin(), r.holes.end(),
                         [](const StructuralHoles& x, const StructuralHoles& y) { return x.constraint < y.constraint; });
        if (r.holes.size() > rows) r.holes.resize(rows);
        if (r.spanners.size() > rows) r.spanners.resize(rows);
        describe(s, net, r);
    });
    parts.next();

    section(sink, "circles", [&](JsonWriter& s) {
        if (!cop) return unavailable(s, "no circles are declared (the nodes have no circle column)");
        CirclesReportOptions o;
        o.filter = options.filter;
        o.seed = options.seed;
        o.facet = options.facet;
        o.restarts = V <= 2000 ? 20 : 2;
        o.progress = parts.inner();
        CirclesReport r = circles_report(net, *cop, nullptr, o);
        coreness_of.assign(net.slot_count(), 0);
        for (const Coreness& c : r.coreness) coreness_of[c.who.index()] = c.k;
        r.coreness.clear();
        r.core_periphery.scores.clear();
        s.put("suggestions_total", r.suggestions.size());
        if (r.suggestions.size() > 50) r.suggestions.resize(50);
        describe(s, net, r);
    });
    parts.next();

    section(sink, "health", [&](JsonWriter& s) {
        if (options.events == nullptr) return unavailable(s, "no event log was given (--events)");
        HealthOptions o;
        o.every = options.every;
        o.community = cop;
        HealthResult r = health(net, *options.events, o);
        s.put("members_total", r.members.size());
        std::stable_sort(r.members.begin(), r.members.end(),
                         [](const MemberActivity& a, const MemberActivity& b) { return a.events > b.events; });
        if (r.members.size() > 25) r.members.resize(25);
        describe(s, net, r);
    });
    parts.next();

    sink.begin_object("map");
    describe_map(sink, net, options, cop, coreness_of.empty() ? nullptr : &coreness_of);
    sink.end();
    parts.next();
    return sink.finish();
}

std::string report_html(const Network& net, const ReportOptions& options) {
    const std::string data = report_data(net, options);
    const std::string title = options.title.empty() ? default_title(reported_community(net, options.community)) : options.title;
    std::string out;
    out.reserve(data.size() + detail::report_template.size() + detail::report_script.size() +
                detail::report_style.size() + 256);
    // The template's markers, in order: title, style, data, script.
    const std::string_view tpl = detail::report_template;
    std::size_t at = 0;
    const auto copy_until = [&](std::string_view marker) {
        const std::size_t found = tpl.find(marker, at);
        if (found == std::string_view::npos) throw invalid_value("report template: marker " + std::string(marker) + " missing");
        out.append(tpl.substr(at, found - at));
        at = found + marker.size();
    };
    copy_until("@TITLE@");
    detail::append_xml_escaped(out, title, detail::XmlControl::as_space);
    copy_until("/*@STYLE@*/");
    out.append(detail::report_style);
    copy_until("@DATA@");
    out.append(data);
    copy_until("/*@SCRIPT@*/");
    out.append(detail::report_script);
    out.append(tpl.substr(at));
    return out;
}

void write_report(const Network& net, const std::filesystem::path& path, const ReportOptions& options) {
    write_file_atomically(path, report_html(net, options));
}

} // namespace copnet
