// copnet gaps: who isn't here? Representation by facet and circle, missing categories,
// invitation candidates and fragile points of a community, on one page.

#include <iomanip>
#include <memory>
#include <sstream>


#include "commands.hpp"
#include "copnet/analysis/gaps.hpp"
#include "copnet/io/taxonomy.hpp"
#include "copnet/error.hpp"
#include "input.hpp"
#include "output.hpp"

namespace copnet::cli {
namespace {


struct GapsCli {
    InputOptions input;
    AnalysisOptions analysis;
    std::vector<std::string> facets;
    std::string taxonomy;
    bool no_taxonomy = false;
    // Defaults from the library's option structs.
    double threshold = RepresentationOptions{}.threshold;
    std::size_t hops = CandidateOptions{}.hops;  // candidates and departures alike
    std::size_t limit = CandidateOptions{}.limit;
    std::string scope = "members";  // validated by CLI11
    std::vector<std::string> depart;
    std::string weights;
    unsigned threads = CandidateOptions{}.threads;
};

/// Applies --weights "core=3,inner=2,outer=1,missing=2,under=1,skeptic=2,neutral=0,reach=0.25".
void apply_weights(CandidateOptions& c, std::string_view list) {
    while (!list.empty()) {
        const auto comma = list.find(',');
        const std::string_view item = list.substr(0, comma);
        const auto eq = item.find('=');
        const std::string key(item.substr(0, eq));
        if (eq == std::string_view::npos)
            throw invalid_value("--weights: expected name=value, got \"" + std::string(item) + "\"");
        const std::string text(item.substr(eq + 1));
        double value = 0.0;
        std::size_t used = 0;
        try {
            value = std::stod(text, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != text.size())
            throw invalid_value("--weights: " + key + " needs a number, got \"" + text + "\"");
        double* target = key == "core"      ? &c.core_tie
                         : key == "inner"   ? &c.inner_tie
                         : key == "outer"   ? &c.outer_tie
                         : key == "missing" ? &c.missing_category
                         : key == "under"   ? &c.under_represented_category
                         : key == "skeptic" ? &c.skeptic
                         : key == "neutral" ? &c.neutral
                         : key == "reach"   ? &c.reach
                                            : nullptr;
        if (target == nullptr)
            throw invalid_value("--weights: unknown part \"" + key +
                                "\" (expected core, inner, outer, missing, under, skeptic, "
                                "neutral, reach)");
        *target = value;
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
}

GapsOptions options_of(const GapsCli& o, Network& net) {
    GapsOptions g;
    RepresentationOptions& rep = g.representation;
    if (!o.facets.empty()) rep.facets = o.facets;
    if (o.no_taxonomy)
        rep.taxonomy = Taxonomy{};
    else if (!o.taxonomy.empty())
        rep.taxonomy = read_taxonomy(o.taxonomy, &net);
    rep.threshold = o.threshold;
    const TieFilter filter = o.analysis.filter(net);
    TieFilter undirected = filter;
    undirected.direction = Direction::both;
    CandidateOptions& c = g.candidates;
    c.filter = undirected;
    c.weighted = o.analysis.weighted;
    c.hops = o.hops;
    c.reach_filter = filter;
    c.limit = o.limit;
    c.threads = o.threads;
    apply_weights(c, o.weights);
    FragilityOptions& f = g.fragility;
    f.filter = undirected;
    f.scope = o.scope == "landscape" ? FragilityScope::landscape : FragilityScope::members;
    f.hops = o.hops;
    f.reach_filter = filter;
    for (const std::string& set : o.depart) f.departures.push_back(parse_ids(net, set));
    return g;
}

/// The representation table as CSV, one row per facet and category.
std::string as_csv(const GapsReport& r) {
    std::ostringstream out;
    out << "facet,category,expected,landscape,core,inner,outer,leading_ratio,status\n";
    for (const RepresentationRow& x : r.representation.rows) {
        out << csv_field(x.facet) << ',' << csv_field(x.category) << ','
            << (x.expected ? "true" : "false") << ',' << x.landscape.count << ',' << x.core.count
            << ',' << x.inner.count << ',' << x.outer.count << ',' << shortest(x.leading.ratio)
            << ',' << to_string(x.status) << '\n';
    }
    return out.str();
}

std::string plural(std::size_t n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string as_text(const Network& net, const Community& cop, const std::string& label,
                    const GapsReport& r) {
    const auto id = [&](StakeholderId who) { return net.stakeholder(who).id; };
    std::ostringstream out;
    out << "Landscape: " << label << '\n'
        << "Community \"" << cop.name() << "\": " << cop.count(Circle::core) << " core, "
        << cop.count(Circle::inner) << " inner, " << cop.count(Circle::outer) << " outer of "
        << net.stakeholder_count() << " stakeholders\n\n";
    out << "Who isn't here? (core + inner circles against the landscape)\n";
    std::string facet;
    for (const RepresentationRow& x : r.representation.rows) {
        if (x.facet != facet) {
            facet = x.facet;
            out << "  " << facet << ":" << std::string(std::max<std::size_t>(1, 36 - facet.size()), ' ')
                << "landscape  core inner outer  ratio\n";
        }
        out << "    " << std::left << std::setw(36)
            << (x.category.empty() ? std::string("(none)") : x.category) << std::right
            << std::setw(6) << x.landscape.count << std::setw(6) << x.core.count << std::setw(6)
            << x.inner.count << std::setw(6) << x.outer.count << "  ";
        if (x.leading.count == 0 && !x.category.empty())
            out << (x.landscape.count == 0 ? "not in landscape" : "missing");
        else
            out << std::fixed << std::setprecision(2) << x.leading.ratio;
        out << '\n';
    }
    out << "Missing from the core and inner circles:";
    if (r.representation.missing.empty()) out << " none";
    out << '\n';
    for (const MissingCategory& m : r.representation.missing)
        out << "  " << m.facet << " \"" << m.category << "\": "
            << (m.landscape == 0 ? std::string("not even in the landscape")
                                 : plural(m.landscape, "stakeholder") + " in the landscape, " +
                                       std::to_string(m.outer) + " in the outer circle")
            << '\n';
    if (!r.representation.under_represented.empty()) {
        out << "Under-represented in the core and inner circles:\n";
        for (const UnderRepresented& u : r.representation.under_represented)
            out << "  " << u.facet << " \"" << u.category << "\": " << std::fixed
                << std::setprecision(2) << u.ratio << " of its landscape share\n";
    }
    out << "\nWhom to invite:";
    if (r.candidates.empty()) out << " nobody stands out";
    out << '\n';
    for (std::size_t i = 0; i < r.candidates.size(); ++i) {
        const Candidate& c = r.candidates[i];
        out << "  " << i + 1 << ". " << id(c.who);
        const std::string& name = net.stakeholder(c.who).name;
        if (!name.empty()) out << " (" << name << ")";
        out << "  score " << std::fixed << std::setprecision(2) << c.score << '\n';
        for (const Reason& why : c.reasons) out << "       - " << why.text << '\n';
    }
    out << "\nWhat would break? (fragile points)\n";
    if (r.fragility.articulation_points.empty()) out << "  no single departure splits it\n";
    for (const ArticulationPoint& a : r.fragility.articulation_points) {
        out << "  " << id(a.who) << " (" << to_string(cop.circle(a.who)) << "): leaving splits "
            << "it into " << a.splits_into << " pieces of ";
        for (std::size_t i = 0; i < a.pieces.size(); ++i) out << (i ? ", " : "") << a.pieces[i];
        out << '\n';
    }
    out << "  " << plural(r.fragility.bridges.size(), "bridge")
        << " (ties whose loss splits it)\n";
    if (!r.fragility.departures.empty()) out << "Leader departure:\n";
    for (const Departure& d : r.fragility.departures) {
        out << "  without ";
        for (std::size_t i = 0; i < d.who.size(); ++i) out << (i ? "+" : "") << id(d.who[i]);
        out << ": reach " << d.reach_before << " -> " << d.reach_after << " (" << d.reach_lost
            << " lost), pieces " << d.pieces_before << " -> " << d.pieces_after << '\n';
    }
    for (const Dependence& d : r.fragility.dependence) {
        out << "Cross-" << d.facet << " ties among members: " << d.cross_ties;
        if (!d.top.empty())
            out << "; " << id(d.top.front().who) << " holds " << std::fixed
                << std::setprecision(0) << 100.0 * d.top.front().share << " %";
        out << '\n';
    }
    return out.str();
}

std::string run_gaps(const GapsCli& o) {
    std::string label;
    Network net = load_input(o.input, label);  // formulas in --relations are derived into it
    const Community* cop = net.find_community(o.input.community);
    if (cop == nullptr)
        throw invalid_value("there is no community \"" + o.input.community +
                            "\" (the nodes have no circle column)");
    ProgressBar bar("gaps");  // the candidates' reach searches, then the departures
    GapsOptions options = options_of(o, net);
    options.progress = bar.callback();
    const GapsReport r = gaps(net, *cop, options);
    bar.end_line();
    switch (o.input.format()) {
    case Format::json: {
        JsonSink sink;
        describe(sink, net, *cop, r);
        return sink.text();
    }
    case Format::csv: return as_csv(r);
    case Format::text: break;
    }
    return as_text(net, *cop, label, r);
}

} // namespace

void add_gaps_command(CLI::App& app, Runner& run) {
    auto o = std::make_shared<GapsCli>();
    CLI::App* cmd = app.add_subcommand(
        "gaps", "Who isn't here? Representation by facet and circle, missing categories,\n"
                "whom to invite, and the fragile points of the community.");
    add_input_options(*cmd, o->input);
    cmd->add_option("--relations,--kinds", o->analysis.kinds,
                    "relations to follow: names, role:ROLE, or all (every positive relation)")
        ->capture_default_str();
    cmd->add_option("--direction", o->analysis.direction,
                    "direction of the k-step reach: out, in or both (ties and fragility are "
                    "undirected)")
        ->transform(CLI::IsMember({"out", "in", "both"}, CLI::ignore_case))
        ->capture_default_str();
    cmd->add_option("--facet", o->facets,
                    "a facet to check, repeatable (default: sector, perspective, level)");
    add_weighted_option(*cmd, o->analysis);
    cmd->add_option("--taxonomy", o->taxonomy,
                    "expected categories, a CSV file facet,category,aliases (default: the "
                    "framework's preset)");
    cmd->add_flag("--no-taxonomy", o->no_taxonomy, "expect no categories beyond the landscape's");
    cmd->add_option("--threshold", o->threshold,
                    "under-represented below this ratio of the landscape share")
        ->capture_default_str();
    cmd->add_option("--hops", o->hops, "k of the k-step reach (candidates, departures)")
        ->check(non_negative())
        ->capture_default_str();
    cmd->add_option("--limit", o->limit, "at most N candidates (0: all)")
        ->check(non_negative())
        ->capture_default_str();
    cmd->add_option("--scope", o->scope, "articulation points among: members or landscape")
        ->check(CLI::IsMember({"members", "landscape"}))
        ->capture_default_str();
    cmd->add_option("--depart", o->depart,
                    "a set of ids leaving together, comma-separated; repeatable (default: each "
                    "core member in turn)");
    cmd->add_option("--weights", o->weights,
                    "score weights, e.g. core=3,inner=2,outer=1,missing=2,under=1,skeptic=2,"
                    "neutral=0,reach=0.25");
    cmd->add_option("--threads", o->threads,
                    "worker threads for the candidates' reach (0: the hardware's)")
        ->capture_default_str();
    cmd->callback([o, &run] { run = [o] { return run_gaps(*o); }; });
}

} // namespace copnet::cli
