#include <array>
#include <cmath>
#include <iomanip>
#include <memory>
#include <sstream>
#include <string>

#include "commands.hpp"
#include "copnet/analysis/circles.hpp"
#include "copnet/error.hpp"
#include "copnet/io/membership.hpp"
#include "input.hpp"
#include "output.hpp"

namespace copnet::cli {
namespace {

struct CirclesCli {
    InputOptions input;
    AnalysisOptions analysis;
    std::string before;
    std::string before_column = "circle";
    std::string before_community;
    /// The library's options, bound by CLI11 (their defaults are the library's).
    CirclesReportOptions report;
    std::string between = std::string(to_string(CirclesReportOptions{}.between));
};

constexpr std::array<Circle, 4> all_circles{Circle::core, Circle::inner, Circle::outer, Circle::none};
constexpr std::array<Movement, 5> all_movements{Movement::joined, Movement::moved_inward,
                                                Movement::moved_outward, Movement::left,
                                                Movement::stayed};

std::string fixed(double x, int digits = 3) {
    if (!std::isfinite(x)) return "n/a";
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << x;
    return out.str();
}

std::string run_circles(const CirclesCli& o) {
    std::string label;
    Network net = load_input(o.input, label);
    if (net.find_community(o.input.community) == nullptr) net.add_community(o.input.community);
    const TieFilter filter = o.analysis.filter(net);
    const Community* before = nullptr;
    if (!o.before.empty() && !o.before_community.empty())
        throw invalid_value("give --before or --before-community, not both");
    if (!o.before.empty())
        before = &read_membership(net, o.before, o.input.community + " (before)",
                                  {.column = o.before_column});
    else if (!o.before_community.empty())
        before = &net.community(o.before_community);
    const Community& cop = net.community(o.input.community);

    ProgressBar bar("restarts");
    CirclesReportOptions options = o.report;
    options.filter = filter;
    options.weighted = o.analysis.weighted;
    options.between = parse_between_block(o.between);
    options.progress = bar.callback();
    options.facet = o.analysis.facet;
    const CirclesReport report = circles_report(net, cop, before, options);
    bar.end_line();
    if (o.input.format() == Format::json) return as_json(net, report);
    const auto& cores = report.coreness;
    const CorePeriphery& cp = report.core_periphery;
    const CircleFit& fit = report.fit;
    const CircleDensity& density = report.density;
    const auto& suggestions = report.suggestions;
    const auto& moves = report.trajectories;
    const auto id = [&](StakeholderId who) -> const std::string& { return net.stakeholder(who).id; };
    std::ostringstream out;
    if (o.input.format() == Format::csv) {
        std::vector<const CorePeripheryScore*> score_of(net.slot_count(), nullptr);
        for (const CorePeripheryScore& s : cp.scores) score_of[s.who.index()] = &s;
        out << "id,circle,k" << (o.analysis.weighted ? ",s" : "") << ",score,core\n";
        for (const Coreness& c : cores) {
            const CorePeripheryScore* s = score_of[c.who.index()];
            out << csv_field(id(c.who)) << ',' << to_string(cop.circle(c.who)) << ',' << c.k;
            if (o.analysis.weighted) out << ',' << shortest(c.s);
            out << ',' << (s ? shortest(s->score) : "") << ',' << (s ? (s->core ? "1" : "0") : "")
                << '\n';
        }
        return out.str();
    }

    out << "Landscape: " << label << '\n'
        << "Community \"" << cop.name() << "\": " << cop.count(Circle::core) << " core, "
        << cop.count(Circle::inner) << " inner, " << cop.count(Circle::outer) << " outer\n"
        << "Following " << (o.analysis.kinds == "all" ? std::string("all kinds of ties") : o.analysis.kinds)
        << " (as undirected ties for coreness and core/periphery)\n\n";
    out << "Fit of the declared circles to a core/periphery structure (Borgatti & Everett; "
           "1 = perfect):\n"
        << "  core + inner vs outer  " << fixed(fit.core_inner_vs_outer) << '\n'
        << "  core vs the rest       " << fixed(fit.core_vs_rest) << '\n'
        << "  best partition found   " << fixed(fit.best) << "  (" << fit.members
        << " members)\n\n";
    std::array<std::vector<std::uint32_t>, 4> k_by_circle;
    for (const Coreness& c : cores)
        k_by_circle[static_cast<std::size_t>(cop.circle(c.who))].push_back(c.k);
    out << "Coreness by circle (k-core number: min / median / max):\n";
    for (const Circle c : all_circles) {
        auto ks = k_by_circle[static_cast<std::size_t>(c)];
        if (ks.empty()) continue;
        std::sort(ks.begin(), ks.end());
        out << "  " << std::left << std::setw(6) << to_string(c) << std::right << std::setw(5)
            << ks.front() << std::setw(5) << ks[ks.size() / 2] << std::setw(5) << ks.back() << '\n';
    }
    out << "\nDensity within circles (mean tie weight, reciprocity of directed ties):\n";
    for (const Circle c : all_circles) {
        const CircleBlock& b = density.blocks[5 * static_cast<std::size_t>(c)];
        if (b.pairs == 0) continue;
        out << "  " << std::left << std::setw(6) << to_string(c) << std::right << "  density "
            << fixed(b.density) << "  weight " << fixed(b.mean_weight, 2) << "  reciprocity "
            << fixed(density.reciprocity[static_cast<std::size_t>(c)].reciprocity, 2) << '\n';
    }
    out << "\nSuggestions:\n";
    if (suggestions.empty()) out << "  none\n";
    for (const Suggestion& s : suggestions)
        out << "  " << std::left << std::setw(12) << to_string(s.kind) << std::setw(16) << id(s.who)
            << std::right << to_string(s.from) << " -> " << to_string(s.to) << ": " << s.why << '\n';
    if (moves) {
        out << "\nSince the earlier snapshot:";
        for (const Movement m : all_movements)
            out << ' ' << to_string(m) << ' ' << moves->counts[static_cast<std::size_t>(m)]
                << (m == Movement::stayed ? "" : ",");
        out << "\n  from \\ to";
        for (const Circle a : all_circles) out << std::setw(7) << to_string(a);
        out << '\n';
        for (const Circle b : all_circles) {
            out << "  " << std::left << std::setw(8) << to_string(b) << std::right;
            for (const Circle a : all_circles)
                out << std::setw(7)
                    << moves->transitions[static_cast<std::size_t>(b)][static_cast<std::size_t>(a)];
            out << '\n';
        }
        if (!moves->by_facet.empty()) {
            out << "By " << o.analysis.facet << " (joined / inward / outward / left / stayed):\n";
            for (const CategoryMovement& c : moves->by_facet) {
                out << "  " << std::left << std::setw(36) << (c.category.empty() ? "(none)" : c.category)
                    << std::right;
                for (const std::size_t n : c.counts) out << std::setw(5) << n;
                out << '\n';
            }
        }
    }
    return out.str();
}

} // namespace

void add_circles_command(CLI::App& app, Runner& run) {
    auto o = std::make_shared<CirclesCli>();
    CLI::App* cmd = app.add_subcommand(
        "circles", "Do the ties match the declared circles? Coreness, core/periphery fit,\n"
                   "density by circle, suggested moves; trajectories since --before.");
    add_input_options(*cmd, o->input);
    add_analysis_options(*cmd, o->analysis);
    add_weighted_option(*cmd, o->analysis);
    cmd->add_option("--before", o->before,
                    "an earlier membership snapshot: CSV with id and circle columns");
    cmd->add_option("--before-column", o->before_column,
                    "the circle column of --before (default: circle)");
    cmd->add_option("--before-community", o->before_community,
                    "the earlier snapshot as a community of nodes.csv (a circle:NAME column)");
    CirclesReportOptions& r = o->report;
    cmd->add_option("--between", o->between, "core-periphery ties in the ideal pattern: ignored or tied")
        ->check(CLI::IsMember({"ignored", "tied"}))
        ->capture_default_str();
    cmd->add_option("--at-risk-below", r.at_risk_below,
                    "core/inner members with fewer member neighbours are at risk")
        ->check(non_negative())
        ->capture_default_str();
    cmd->add_option("--invite-min-ties", r.invite_min_ties,
                    "non-members with at least this many member neighbours…")
        ->check(non_negative())
        ->capture_default_str();
    cmd->add_option("--invite-min-share", r.invite_min_share,
                    "…making at least this share of their neighbours are invited")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    cmd->add_option("--restarts", r.restarts, "core/periphery search: iterated local search restarts")
        ->check(non_negative())
        ->capture_default_str();
    cmd->add_option("--seed", r.seed, "seed of the core/periphery search")
        ->check(non_negative())
        ->capture_default_str();
    cmd->callback([o, &run] { run = [o] { return run_circles(*o); }; });
}

} // namespace copnet::cli
