// copnet network: whole-network measures — density, sna's reciprocity, the dyad and triad
// censuses, transitivity, components, distances, assortativity, cutpoints (DESIGN §3.6).

#include <cmath>
#include <iomanip>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "commands.hpp"
#include "copnet/analysis/network_measures.hpp"
#include "input.hpp"
#include "output.hpp"

namespace copnet::cli {
namespace {

struct NetworkCli {
    InputOptions input;
    AnalysisOptions analysis;
    bool no_distances = false;
    unsigned threads = 0;
};

std::string count(const std::optional<std::size_t>& x) {
    return x ? std::to_string(*x) : std::string();
}

std::string cell(double x) {
    return std::isfinite(x) ? shortest(x) : std::string();
}

// One row per measure, nested keys joined by a dot (reciprocity.dyadic, triad_census.003).
std::string as_csv(const NetworkMeasures& m) {
    std::ostringstream out;
    out << "measure,value\n";
    out << "stakeholders," << m.stakeholders << "\nties," << m.ties << "\ndensity,"
        << cell(m.density) << "\nreciprocity.edgewise," << cell(m.reciprocity.edgewise)
        << "\nreciprocity.dyadic," << cell(m.reciprocity.dyadic) << "\nreciprocity.dyadic_nonnull,"
        << cell(m.reciprocity.dyadic_nonnull) << "\ndyad_census.mutual," << m.dyad_census.mutual
        << "\ndyad_census.asymmetric," << m.dyad_census.asymmetric << "\ndyad_census.null,"
        << m.dyad_census.null << '\n';
    for (std::size_t i = 0; i < triad_names.size(); ++i)
        out << "triad_census." << triad_names[i] << ',' << m.triad_census[i] << '\n';
    out << "transitivity," << cell(m.transitivity) << "\ncomponents.weak," << m.weak_components
        << "\ncomponents.strong," << m.strong_components << "\ndiameter," << count(m.diameter)
        << "\naverage_distance," << cell(m.average_distance) << "\ndegree_assortativity,"
        << cell(m.degree_assortativity) << "\ncutpoints.weak," << m.weak_cutpoints
        << "\ncutpoints.strong," << m.strong_cutpoints << "\nundirected,"
        << (m.undirected ? "true" : "false") << "\nlargest_component," << m.largest_component
        << '\n';
    return out.str();
}

std::string number(double x) {
    if (!std::isfinite(x)) return "undefined";
    std::ostringstream s;
    s << std::fixed << std::setprecision(3) << x;
    return s.str();
}

std::string as_text(const NetworkMeasures& m, const NetworkCli& o, const std::string& label) {
    std::ostringstream out;
    out << "Landscape: " << label << "\nThe " << (m.undirected ? "undirected" : "directed")
        << " graph of "
        << (o.analysis.kinds == "all" ? std::string("all relations") : o.analysis.kinds) << " ("
        << o.analysis.direction << ")\n\n"
        << "Stakeholders " << m.stakeholders << ", ties " << m.ties << ", density "
        << number(m.density) << '\n'
        << "Reciprocity: " << number(m.reciprocity.edgewise) << " of ties returned (edgewise), "
        << number(m.reciprocity.dyadic) << " of pairs symmetric (dyadic), "
        << number(m.reciprocity.dyadic_nonnull) << " of tied pairs mutual\n"
        << "Dyads: " << m.dyad_census.mutual << " mutual, " << m.dyad_census.asymmetric
        << " asymmetric, " << m.dyad_census.null << " null\nTriads:";
    for (std::size_t i = 0; i < triad_names.size(); ++i)
        out << ' ' << triad_names[i] << '=' << m.triad_census[i];
    out << "\nTransitivity " << number(m.transitivity) << "; degree assortativity "
        << number(m.degree_assortativity) << '\n'
        << "Components: " << m.weak_components << " weak, " << m.strong_components << " strong\n"
        << "Largest component: " << m.largest_component << " stakeholders";
    if (m.diameter)
        out << ", diameter " << *m.diameter << ", average distance " << number(m.average_distance);
    out << '\n'
        << "Cutpoints (whose departure splits the landscape): " << m.weak_cutpoints << " weak, "
        << m.strong_cutpoints << " strong\n";
    return out.str();
}

std::string run_network(const NetworkCli& o) {
    std::string label;
    Network net = load_input(o.input, label);
    NetworkMeasuresOptions options;
    options.filter = o.analysis.filter(net);
    options.distances = !o.no_distances;
    options.threads = o.threads;
    ProgressBar bar("network");
    options.progress = bar.callback();
    const NetworkMeasures m = network_measures(net, options);
    bar.end_line();
    switch (o.input.format()) {
    case Format::json:
        return as_json(net, m);
    case Format::csv:
        return as_csv(m);
    case Format::text:
        break;
    }
    return as_text(m, o, label);
}

} // namespace

void add_network_command(CLI::App& app, Runner& run) {
    auto o = std::make_shared<NetworkCli>();
    CLI::App* cmd = app.add_subcommand(
        "network",
        "Whole-network measures: density, reciprocity, dyad and triad censuses,\n"
        "transitivity, components, diameter, assortativity and cutpoints.");
    add_input_options(*cmd, o->input);
    add_analysis_options(*cmd, o->analysis, /*facet=*/false);
    cmd->add_flag("--no-distances", o->no_distances,
                  "skip the diameter and average distance (a search from every stakeholder: "
                  "hours at a million)");
    cmd->add_option("--threads", o->threads, "worker threads (0: the hardware's)")
        ->check(non_negative())
        ->capture_default_str();
    cmd->callback([o, &run] { run = [o] { return run_network(*o); }; });
}

} // namespace copnet::cli
