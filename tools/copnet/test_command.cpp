// copnet test: is a number more than chance? A copnet measure against a null model (QAP, label
// permutation, CUG, degree-preserving rewiring), Monte Carlo, seeded.

#include <cmath>
#include <iomanip>
#include <memory>
#include <sstream>
#include <string>

#include "commands.hpp"
#include "copnet/analysis/inference.hpp"
#include "input.hpp"
#include "output.hpp"

namespace copnet::cli {
namespace {

struct TestCli {
    InputOptions input;
    AnalysisOptions analysis;
    std::string statistic;
    std::string null;    // empty: the statistic's natural null
    std::string redraw;  // empty: the statistic's relations
    bool circles = false;  // labels: shuffle the circles of --community
    bool errors = false;   // standard errors (resampling_error) instead of a null test
    TestOptions library;
};

std::string number(double x) {
    if (!std::isfinite(x)) return "undefined";
    std::ostringstream s;
    s << std::fixed << std::setprecision(4) << x;
    return s.str();
}

std::string cell(double x) { return std::isfinite(x) ? shortest(x) : std::string(); }

// The statistic's name, first in the JSON of --errors (the rest is ResamplingError's description).
struct StatisticName {
    std::string name;
};
void describe(FieldSink& sink, const Network& /*net*/, const StatisticName& s) {
    sink.put("statistic", s.name);
}

// copnet test --errors: vertex jackknife and bootstrap standard errors of the statistic.
std::string run_errors(const TestCli& o, const Network& net, const std::string& label,
                       const NetworkStatistic& statistic) {
    ProgressBar bar("errors");
    const ResamplingError r =
        resampling_error(net, statistic,
                         {.jackknife = true, .bootstrap_reps = o.library.reps,
                          .seed = o.library.seed, .threads = o.library.threads,
                          .progress = bar.callback()});
    bar.end_line();
    switch (o.input.format()) {
    case Format::json:
        return as_json(net, StatisticName{o.statistic}, r);
    case Format::csv: {
        std::ostringstream out;
        out << "statistic,observed,jackknife_se,bootstrap_se,bootstrap_reps\n"
            << csv_field(o.statistic) << ',' << cell(r.observed) << ',' << cell(r.jackknife_se)
            << ',' << cell(r.bootstrap_se) << ',' << r.bootstrap_reps << '\n';
        return out.str();
    }
    case Format::text:
        break;
    }
    std::ostringstream out;
    out << "Landscape: " << label << "\nStatistic: " << o.statistic;
    if (o.statistic == "ei" || o.statistic == "assortativity") out << " of " << o.analysis.facet;
    out << " over " << (o.analysis.kinds == "all" ? std::string("all relations") : o.analysis.kinds)
        << "\n\nObserved      " << number(r.observed)
        << "\nJackknife se  " << number(r.jackknife_se) << " (each of " << net.stakeholder_count()
        << " stakeholders left out)\nBootstrap se  " << number(r.bootstrap_se) << " ("
        << r.bootstrap_reps << " resamples of the stakeholders, seed " << o.library.seed << ")\n";
    return out.str();
}

// The null a statistic is usually tested against: labels for a facet's statistic, QAP for a
// correlation of two relations, CUG on edges for a structural one.
NullModel default_null(const std::string& statistic) {
    if (statistic == "ei" || statistic == "assortativity" || statistic == "numeric_assortativity")
        return NullModel::labels;
    if (statistic.rfind("correlation:", 0) == 0) return NullModel::qap;
    return NullModel::cug_edges;
}

std::string run_test(const TestCli& o) {
    std::string label;
    Network net = load_input(o.input, label);
    const TieFilter filter = o.analysis.filter(net);
    if (o.errors)
        return run_errors(o, net, label, named_statistic(net, o.statistic, filter, o.analysis.facet));
    TestOptions options = o.library;
    options.statistic = o.statistic;
    options.null = o.null.empty() ? default_null(o.statistic) : parse_null_model(o.null);
    options.facet = o.analysis.facet;
    if (o.circles) options.community = o.input.community;
    if (!o.redraw.empty()) {
        AnalysisOptions r = o.analysis;
        r.kinds = o.redraw;
        options.ties = r.filter(net);
    } else if (o.statistic.rfind("correlation:", 0) == 0) {
        AnalysisOptions r = o.analysis;
        const std::string pair = o.statistic.substr(12);
        r.kinds = pair.substr(0, pair.find(','));
        options.ties = r.filter(net);
    } else {
        options.ties = filter;
    }
    const NetworkStatistic statistic = named_statistic(net, o.statistic, filter, o.analysis.facet);
    ProgressBar bar("test");
    options.progress = bar.callback();
    const TestResult r = test_statistic(net, statistic, options);
    bar.end_line();
    switch (o.input.format()) {
    case Format::json:
        return as_json(net, r);
    case Format::csv: {
        std::ostringstream out;
        out << "statistic,null,reps,observed,null_mean,null_sd,p_greater,p_less,defined\n"
            << csv_field(r.statistic) << ',' << r.null << ',' << r.reps << ',' << cell(r.observed)
            << ',' << cell(r.null_mean) << ',' << cell(r.null_sd) << ',' << cell(r.p_greater)
            << ',' << cell(r.p_less) << ',' << r.defined << '\n';
        return out.str();
    }
    case Format::text:
        break;
    }
    std::ostringstream out;
    out << "Landscape: " << label << "\nStatistic: " << r.statistic;
    if (o.statistic == "ei" || o.statistic == "assortativity" || o.statistic == "numeric_assortativity")
        out << " of " << o.analysis.facet;
    out << " over " << (o.analysis.kinds == "all" ? std::string("all relations") : o.analysis.kinds)
        << "\nNull: " << r.null;
    if (options.null == NullModel::labels)
        out << " (" << (o.circles ? "circles of " + o.input.community : o.analysis.facet)
            << " shuffled)";
    out << ", " << r.reps << " replicates, seed " << options.seed << "\n\n"
        << "Observed   " << number(r.observed) << "\nNull mean  " << number(r.null_mean)
        << " (sd " << number(r.null_sd) << ")\n"
        << "P(null >= observed) = " << number(r.p_greater)
        << "\nP(null <= observed) = " << number(r.p_less) << '\n';
    if (r.defined < r.reps)
        out << "(" << r.reps - r.defined << " replicates had no value and were left out)\n";
    return out.str();
}

} // namespace

void add_test_command(CLI::App& app, Runner& run) {
    auto o = std::make_shared<TestCli>();
    CLI::App* cmd = app.add_subcommand(
        "test", "Is it more than chance? A measure against a null model (QAP, label\n"
                "permutation, CUG, degree-preserving rewiring), Monte Carlo and seeded.");
    add_input_options(*cmd, o->input);
    add_analysis_options(*cmd, o->analysis);
    cmd->add_option("--statistic", o->statistic,
                    "density, reciprocity, transitivity, degree_assortativity, ei, assortativity "
                    "(of --facet) or correlation:A,B (two relations)")
        ->required();
    cmd->add_option("--null", o->null,
                    "qap, labels, cug-size, cug-edges, cug-dyads or rewire (default: labels for "
                    "ei and assortativity, qap for correlation, cug-edges otherwise)");
    cmd->add_option("--redraw", o->redraw,
                    "relations whose ties the null redraws (default: the first of a "
                    "correlation, else --relations)");
    cmd->add_flag("--circles", o->circles,
                  "with --null labels: shuffle the circles of --community instead of --facet");
    add_replicate_options(*cmd, o->library.reps, o->library.seed, o->library.threads,
                          "null replicates (with --errors: bootstrap resamples)");
    cmd->add_option("--swaps", o->library.swaps_per_tie,
                    "rewire: successful swaps per replicate, per tie")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_flag("--sample", o->library.keep_sample, "JSON: list the replicates' values");
    cmd->add_flag("--errors", o->errors,
                  "instead of a null: vertex jackknife and bootstrap standard errors of the "
                  "statistic (--reps resamples)")
        ->excludes("--null")
        ->excludes("--redraw")
        ->excludes("--circles")
        ->excludes("--swaps")
        ->excludes("--sample");
    cmd->callback([o, &run] { run = [o] { return run_test(*o); }; });
}

} // namespace copnet::cli
