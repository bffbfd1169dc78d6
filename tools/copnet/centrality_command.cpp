// copnet centrality: the standard centralities, one row per stakeholder, as NetworkX 2.8
// defines them (DESIGN §3.6).

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "commands.hpp"
#include "copnet/analysis/centrality.hpp"
#include "input.hpp"
#include "output.hpp"

namespace copnet::cli {
namespace {

struct CentralityCli {
    InputOptions input;
    AnalysisOptions analysis;
    std::string measures = "all";
    std::string cores = "undirected";
    bool normalized = false;
    bool endpoints = false;
    std::optional<std::size_t> samples;
    std::uint64_t seed = 1;
    unsigned threads = 0;
    std::size_t top = 0;
};

// A number for a spreadsheet: the shortest text that reads back, empty when undefined (NaN),
// which pandas.read_csv and spreadsheets read as a missing value.
std::string cell(double x) {
    return std::isfinite(x) ? shortest(x) : std::string();
}

std::string as_csv(const Network& net, const CentralityTable& t) {
    std::ostringstream out;
    out << "id";
    for (Measure m : t.measures) out << ',' << to_string(m);
    out << '\n';
    for (std::size_t r = 0; r < t.ids.size(); ++r) {
        out << csv_field(net.stakeholder(t.ids[r]).id);
        for (std::size_t c = 0; c < t.measures.size(); ++c) out << ',' << cell(t.values[c][r]);
        out << '\n';
    }
    return out.str();
}

std::string as_text(const Network& net, const CentralityTable& t, const CentralityCli& o,
                    const std::string& label) {
    std::ostringstream out;
    out << "Landscape: " << label << "\nCentrality on the "
        << (t.undirected ? "undirected" : "directed") << " graph of "
        << (o.analysis.kinds == "all" ? std::string("all relations") : o.analysis.kinds) << " ("
        << o.analysis.direction << ")" << (o.analysis.weighted ? ", weighted" : "")
        << (o.normalized ? ", normalised" : "") << "\n\n";
    std::size_t width = 2;
    for (StakeholderId who : t.ids) width = std::max(width, net.stakeholder(who).id.size());
    out << std::left << std::setw(static_cast<int>(width) + 2) << "id" << std::right;
    for (Measure m : t.measures)
        out << std::setw(static_cast<int>(std::max<std::size_t>(to_string(m).size(), 10)) + 2)
            << to_string(m);
    out << '\n';
    const std::size_t rows = o.top == 0 ? t.ids.size() : std::min(o.top, t.ids.size());
    for (std::size_t r = 0; r < rows; ++r) {
        out << std::left << std::setw(static_cast<int>(width) + 2) << net.stakeholder(t.ids[r]).id
            << std::right;
        for (std::size_t c = 0; c < t.measures.size(); ++c) {
            const auto w =
                static_cast<int>(std::max<std::size_t>(to_string(t.measures[c]).size(), 10)) + 2;
            const double x = t.values[c][r];
            const Measure m = t.measures[c];
            const bool count = !o.normalized && (m == Measure::degree || m == Measure::in_degree ||
                                                 m == Measure::out_degree);
            if (!std::isfinite(x))
                out << std::setw(w) << "-";
            else if (count || m == Measure::coreness)
                out << std::setw(w) << std::fixed << std::setprecision(0) << x;
            else
                out << std::setw(w) << std::fixed << std::setprecision(4) << x;
        }
        out << '\n';
    }
    if (rows < t.ids.size()) out << "… " << t.ids.size() - rows << " more (--top 0 lists all)\n";
    return out.str();
}

std::string run_centrality(const CentralityCli& o) {
    std::string label;
    Network net = load_input(o.input, label);
    CentralityOptions options;
    options.filter = o.analysis.filter(net);
    options.measures = parse_measures(o.measures);
    options.normalized = o.normalized;
    options.weighted = o.analysis.weighted;
    options.endpoints = o.endpoints;
    options.cores = parse_core_mode(o.cores);
    options.samples = o.samples;
    options.seed = o.seed;
    options.threads = o.threads;
    ProgressBar bar("centrality");
    options.progress = bar.callback();
    const CentralityTable t = centrality(net, options);
    bar.end_line();
    switch (o.input.format()) {
    case Format::json:
        return as_json(net, t);
    case Format::csv:
        return as_csv(net, t);
    case Format::text:
        break;
    }
    return as_text(net, t, o, label);
}

} // namespace

void add_centrality_command(CLI::App& app, Runner& run) {
    auto o = std::make_shared<CentralityCli>();
    CLI::App* cmd =
        app.add_subcommand("centrality",
                           "The standard centralities, one row per stakeholder, as NetworkX 2.8\n"
                           "defines them: degree, betweenness, closeness, pagerank, coreness …");
    add_input_options(*cmd, o->input);
    add_analysis_options(*cmd, o->analysis, /*facet=*/false);
    add_weighted_option(*cmd, o->analysis);
    cmd->add_option("--measures", o->measures,
                    "comma-separated: degree, in_degree, out_degree, strength, betweenness, "
                    "closeness, harmonic, pagerank, eigenvector, coreness, constraint, "
                    "effective_size, reciprocity, or all")
        ->capture_default_str();
    cmd->add_flag("--normalized", o->normalized,
                  "NetworkX's normalisations: degrees / (n - 1), betweenness by the pairs");
    cmd->add_flag("--endpoints", o->endpoints, "betweenness counts the ends of each path");
    cmd->add_option("--cores", o->cores,
                    "coreness by in+out degree (all), in-degree (in), out-degree (out) or on the "
                    "undirected graph (undirected)")
        ->capture_default_str();
    cmd->add_option("--samples", o->samples,
                    "betweenness from K random sources (default: exact, every source)")
        ->check(non_negative());
    cmd->add_option("--seed", o->seed, "seed of the sampled sources")
        ->check(non_negative())
        ->capture_default_str();
    cmd->add_option("--threads", o->threads, "worker threads (0: the hardware's)")
        ->check(non_negative())
        ->capture_default_str();
    cmd->add_option("--top", o->top, "rows in text output (0: all)")
        ->check(non_negative())
        ->capture_default_str();
    cmd->callback([o, &run] { run = [o] { return run_centrality(*o); }; });
}

} // namespace copnet::cli
