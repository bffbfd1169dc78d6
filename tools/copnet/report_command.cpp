// `copnet report`: one self-contained, interactive HTML page answering the framework's questions.

#include <memory>
#include <optional>
#include <string>

#include "commands.hpp"
#include "copnet/error.hpp"
#include "copnet/events.hpp"
#include "copnet/io/report.hpp"
#include "input.hpp"
#include "output.hpp"

namespace copnet::cli {
namespace {

struct ReportCli {
    InputOptions input;
    AnalysisOptions analysis;
    std::string output;
    std::string title;
    std::string caption;
    std::string every;
    ReportOptions library;  // bound for the sizes and seed (their defaults are the library's)
};

std::string run_report(const ReportCli& o) {
    std::string label;
    Network net = load_input(o.input, label);
    ReportOptions options = o.library;
    options.community = o.input.community;
    options.facet = o.analysis.facet;
    options.filter = o.analysis.filter(net);
    options.title = o.title;  // empty: the library's default
    options.caption = o.caption;
    if (options.caption.empty() && o.input.bundled()) options.caption = "bundled example: illustrative, invented data";
    std::optional<EventLog> log;
    if (has_event_log(o.input)) log = load_events(o.input, net);
    else if (!o.every.empty()) throw invalid_value("--every needs --events");
    if (log) options.events = &*log;
    if (!o.every.empty()) options.every = parse_span(o.every);
    ProgressBar bar("report");  // nine parts; gaps, leverage, boundaries, circles from within
    options.progress = bar.callback();
    write_report(net, o.output, options);
    bar.end_line();
    if (o.input.format() != Format::text) return std::string();
    return "Wrote " + o.output + ": the report on " + std::to_string(net.stakeholder_count()) +
           " stakeholders, from " + label + "\n";
}

} // namespace

void add_report_command(CLI::App& app, Runner& run) {
    auto o = std::make_shared<ReportCli>();
    CLI::App* cmd = app.add_subcommand(
        "report", "Write one self-contained HTML page (no network needed) that answers the\n"
                  "framework's questions around an interactive circle map: who is here, who isn't,\n"
                  "how far our message reaches, where we cross boundaries, whether the circles fit\n"
                  "the ties, and with --events how we are doing over time.");
    add_input_options(*cmd, o->input, false);  // its --output is the HTML file
    add_analysis_options(*cmd, o->analysis);
    cmd->add_option("--output,-o", o->output, "the HTML file to write")->required();
    cmd->add_option("--title", o->title, "title (default: the community's name)");
    cmd->add_option("--caption", o->caption, "a line under the title (e.g. the data's source)");
    cmd->add_option("--every", o->every, "health window length with --events: 7d, 30d, 1m or a number");
    cmd->add_option("--map-stakeholders", o->library.map_stakeholders,
                    "the map shows at most N stakeholders (the members and the best connected first)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--map-ties", o->library.map_ties, "the map draws at most N ties (the strongest first)")
        ->check(non_negative())
        ->capture_default_str();
    cmd->add_option("--conveners", o->library.conveners, "conveners proposed")
        ->check(non_negative())
        ->capture_default_str();
    cmd->add_option("--seed", o->library.seed, "seed of the randomised parts")
        ->check(non_negative())
        ->capture_default_str();
    cmd->callback([o, &run] { run = [o] { return run_report(*o); }; });
}

} // namespace copnet::cli
