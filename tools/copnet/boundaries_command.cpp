#include <algorithm>
#include <array>
#include <iomanip>
#include <memory>
#include <optional>
#include <sstream>


#include "commands.hpp"
#include "copnet/analysis/boundary.hpp"
#include "input.hpp"
#include "output.hpp"

namespace copnet::cli {
namespace {

struct BoundariesCli {
    InputOptions input;
    AnalysisOptions analysis;
    /// The library's options, bound by CLI11 (their defaults are the library's).
    BoundaryOptions report;
    std::size_t top = 10;
};

constexpr std::array<Level, 3> all_levels{Level::local, Level::state, Level::national};

std::string as_csv(const Network& net, const BoundaryReport& r) {
    // One row per stakeholder: its category, E-I, brokerage and structural holes.
    std::ostringstream out;
    out << "id,category,ei_index,coordinator,itinerant,gatekeeper,representative,liaison,total,"
           "effective_size,efficiency,constraint\n";
    const Facet facet(r.facet);
    for (std::size_t i = 0; i < r.ei.stakeholders.size(); ++i) {
        const StakeholderId who = r.ei.stakeholders[i].who;
        const auto& b = r.brokerage.stakeholders[i].raw;
        const auto& h = r.holes[i];
        out << csv_field(net.stakeholder(who).id) << ','
            << csv_field(facet(net.stakeholder(who))) << ','
            << shortest(r.ei.stakeholders[i].ei_index) << ',' << b.coordinator << ','
            << b.itinerant << ',' << b.gatekeeper << ',' << b.representative << ','
            << b.liaison << ',' << b.total << ',' << shortest(h.effective_size) << ','
            << shortest(h.efficiency) << ',' << shortest(h.constraint) << '\n';
    }
    return out.str();
}

long long count(double raw) { return static_cast<long long>(raw); }

std::string name_of(const std::string& category) {
    return category.empty() ? "(none)" : category;
}

std::string as_text(const Network& net, const BoundaryReport& r, const BoundariesCli& o,
                    const std::string& label) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(2);
    const auto id = [&](StakeholderId who) { return net.stakeholder(who).id; };
    out << "Landscape: " << label << "\nBoundaries by " << r.facet << ", following "
        << (o.analysis.kinds == "all" ? std::string("all kinds of ties") : o.analysis.kinds)
        << " (" << o.analysis.direction << ")\n\n";
    out << "E-I index " << r.ei.ei_index << " (" << r.ei.external << " ties across, "
        << r.ei.internal << " within; expected from group sizes " << r.ei.expected << ")";
    if (r.ei.permutations > 0)
        out << "\n  permutation test (" << r.ei.permutations << "): p(>=) " << r.ei.p_greater
            << ", p(<=) " << r.ei.p_less;
    out << "\nAssortativity " << r.assortativity << "; "
        << 100.0 * r.mixing.crossing_share << " % of tied pairs cross a boundary\n\n";
    out << "Groups:\n";
    for (const GroupEI& g : r.ei.groups)
        out << "  " << std::left << std::setw(36) << name_of(g.group) << std::right
            << std::setw(5) << g.size << " stakeholders " << std::setw(6) << g.internal
            << " within " << std::setw(6) << g.external << " across  E-I " << std::setw(5)
            << g.ei_index << '\n';
    out << "\nMixing (tied pairs from row to column):\n";
    const auto& cats = r.mixing.categories;
    std::size_t width = 0;
    for (const auto& c : cats) width = std::max(width, name_of(c).size());
    out << "  " << std::setw(static_cast<int>(width + 5)) << "";
    for (std::size_t b = 0; b < cats.size(); ++b) out << std::setw(7) << "(" + std::to_string(b + 1) + ")";
    out << '\n';
    for (std::size_t a = 0; a < cats.size(); ++a) {
        out << "  " << std::left << std::setw(5) << "(" + std::to_string(a + 1) + ")"
            << std::setw(static_cast<int>(width)) << name_of(cats[a]) << std::right;
        for (std::size_t b = 0; b < cats.size(); ++b) out << std::setw(7) << r.mixing.ties[a][b];
        out << '\n';
    }
    out << "\nBoundary spanners (share of shortest paths between groups through them):\n";
    if (r.betweenness_sources < net.stakeholder_count())
        out << "  (betweenness estimated from " << r.betweenness_sources << " random sources of "
            << net.stakeholder_count() << ", scaled; --samples K for more, --exact for all)\n";
    const std::size_t shown = std::min(o.top, r.spanners.size());
    for (std::size_t i = 0; i < shown; ++i) {
        const Spanner& s = r.spanners[i];
        out << "  " << std::left << std::setw(24) << id(s.who) << std::right << std::setw(7)
            << 100.0 * s.cross_group_share << " %  betweenness " << std::setw(9)
            << s.betweenness << "  brokers as coordinator " << count(s.brokerage.coordinator)
            << ", itinerant " << count(s.brokerage.itinerant) << ", gatekeeper "
            << count(s.brokerage.gatekeeper) << ", representative "
            << count(s.brokerage.representative) << ", liaison " << count(s.brokerage.liaison)
            << '\n';
    }
    if (r.spanners.size() > shown)
        out << "  … " << r.spanners.size() - shown << " more (--top, or --format json)\n";
    if (r.spanners.empty()) out << "  none\n";

    out << "\nLeast constrained (structural holes):\n";
    std::vector<const StructuralHoles*> holes;
    for (const auto& h : r.holes)
        if (h.constraint == h.constraint) holes.push_back(&h);  // skip NaN
    std::stable_sort(holes.begin(), holes.end(),
                     [](auto* a, auto* b) { return a->constraint < b->constraint; });
    for (std::size_t i = 0; i < std::min(o.top, holes.size()); ++i)
        out << "  " << std::left << std::setw(24) << id(holes[i]->who) << std::right
            << " constraint " << std::setw(5) << holes[i]->constraint << "  effective size "
            << std::setw(7) << holes[i]->effective_size << '\n';

    const LevelCrossing lv = total_crossing(r.levels);
    out << "\nTies between levels (from row to column):\n  " << std::setw(24) << "";
    for (Level to : all_levels) out << std::setw(10) << to_string(to);
    out << '\n';
    for (Level from : all_levels) {
        out << "  " << std::left << std::setw(24) << to_string(from) << std::right;
        for (Level to : all_levels)
            out << std::setw(10)
                << lv.ties[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)];
        out << '\n';
    }
    if (lv.unknown > 0) out << "  (" << lv.unknown << " ties with an end of unknown level)\n";
    return out.str();
}

std::string run_boundaries(const BoundariesCli& o) {
    std::string label;
    Network net = load_input(o.input, label);  // formulas in --relations are derived into it
    ProgressBar bar("boundaries");  // the E-I permutations, then the spanners' sources
    BoundaryOptions options = o.report;
    options.facet = o.analysis.facet;
    options.filter = o.analysis.filter(net);
    options.weighted = o.analysis.weighted;
    options.progress = bar.callback();
    const BoundaryReport r = boundaries(net, options);
    bar.end_line();
    switch (o.input.format()) {
    case Format::json: return as_json(net, r);
    case Format::csv: return as_csv(net, r);
    case Format::text: break;
    }
    return as_text(net, r, o, label);
}

} // namespace

void add_boundaries_command(CLI::App& app, Runner& run) {
    auto o = std::make_shared<BoundariesCli>();
    CLI::App* cmd = app.add_subcommand(
        "boundaries", "Where do we cross boundaries? Mixing, E-I index, brokerage roles,\n"
                      "structural holes, boundary spanners, levels and assortativity by a facet.");
    add_input_options(*cmd, o->input);
    add_analysis_options(*cmd, o->analysis);
    add_weighted_option(*cmd, o->analysis);
    cmd->add_option("--permutations", o->report.permutations,
                    "random relabellings for the E-I permutation test (0: none)")
        ->check(non_negative())
        ->capture_default_str();
    auto* samples = cmd->add_option(
        "--samples", o->report.samples,
        "the spanners' betweenness from K random sources (default: exact up to "
        "stakeholders x ties = 2e9, else max(100, 2e9 / ties) sources)")
        ->check(non_negative());
    cmd->add_flag("--exact", o->report.exact,
                  "the spanners' betweenness from every source, whatever the size (hours at "
                  "100k stakeholders)")
        ->excludes(samples);
    cmd->add_option("--seed", o->report.seed, "seed of the permutations and samples")
        ->check(non_negative())
        ->capture_default_str();
    cmd->add_option("--threads", o->report.threads, "worker threads (0: the hardware's)")
        ->check(non_negative())
        ->capture_default_str();
    cmd->add_option("--top", o->top, "rows of spanners and holes in text output")
        ->check(non_negative())
        ->capture_default_str();
    cmd->callback([o, &run] { run = [o] { return run_boundaries(*o); }; });
}

} // namespace copnet::cli
