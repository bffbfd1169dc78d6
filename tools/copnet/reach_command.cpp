#include <iomanip>
#include <memory>
#include <optional>
#include <sstream>

#include "commands.hpp"
#include "copnet/analysis/reach.hpp"
#include "copnet/analysis/temporal_reach.hpp"
#include "copnet/error.hpp"
#include "copnet/events.hpp"
#include "input.hpp"
#include "output.hpp"

namespace copnet::cli {
namespace {

struct ReachCli {
    InputOptions input;
    AnalysisOptions analysis;
    std::string from;
    std::optional<std::size_t> hops;
    std::string levels;
    bool temporal = false;  // --temporal: in time order over --events
    bool counts = false;    // --counts (with --temporal): everyone's temporal reach count
    std::string since;
};

void rows_text(std::ostream& out, const char* title, const std::vector<CategoryReach>& rows) {
    if (rows.empty()) return;
    out << title << '\n';
    for (const auto& r : rows)
        out << "  " << std::left << std::setw(36) << (r.category.empty() ? "(none)" : r.category)
            << std::right << std::setw(5) << r.reached << " of " << std::setw(5) << r.total
            << "  " << std::setw(5) << std::fixed << std::setprecision(1) << 100.0 * r.share
            << " %\n";
}

std::string flow_text(const LevelFlow& f, double target) {
    std::ostringstream out;
    out << to_string(f.to) << " hears " << to_string(f.from) << ": ";
    if (f.senders == 0 || f.receivers == 0) {
        out << "no " << (f.senders == 0 ? to_string(f.from) : to_string(f.to)) << " members";
    } else if (f.hops_to_target) {
        out << std::fixed << std::setprecision(0) << 100.0 * target << " % within "
            << *f.hops_to_target << " step" << (*f.hops_to_target == 1 ? "" : "s");
    } else {
        out << "never " << std::fixed << std::setprecision(0) << 100.0 * target << " %";
    }
    out << " (" << std::fixed << std::setprecision(1) << 100.0 * f.share << " % reached)";
    return out.str();
}

// `copnet reach --temporal --counts`: who could reach most people in time order.
std::string temporal_counts(const Network& net, const EventLog& log,
                            const TemporalReachOptions& options, const std::string& label,
                            Format format) {
    const std::vector<TemporalReachCount> counts = temporal_reach_counts(net, log, options);
    std::ostringstream out;
    if (format == Format::json) {
        JsonSink sink;
        describe(sink, net, counts);
        return sink.text();
    }
    if (format == Format::csv) {
        CsvSink sink("counts", {"id", "reached"});
        describe(sink, net, counts);
        return sink.text();
    }
    std::vector<TemporalReachCount> best = counts;
    std::stable_sort(best.begin(), best.end(), [](const auto& a, const auto& b) { return a.reached > b.reached; });
    out << "Landscape: " << label << '\n'
        << "Who could reach most people in time order (from " << format_time(options.since.value_or(log.empty() ? 0 : log.first_time()), log.kind())
        << "):\n";
    for (std::size_t i = 0; i < best.size() && i < 10; ++i)
        out << "  " << std::left << std::setw(20) << net.stakeholder(best[i].who).id << std::right
            << std::setw(6) << best[i].reached << " of " << net.stakeholder_count() - 1 << '\n';
    return out.str();
}

// `copnet reach --temporal`: earliest arrival in time order over the events (docs/cli.md).
std::string run_temporal_reach(const ReachCli& o) {
    if (o.hops) throw invalid_value("--hops does not apply to --temporal (time orders the steps)");
    if (!o.levels.empty()) throw invalid_value("--levels does not apply to --temporal");
    std::string label;
    Network net = load_input(o.input, label);
    const EventLog log = load_events(o.input, net);
    const Community* cop = net.find_community(o.input.community);
    const std::vector<StakeholderId> sources = sources_or_core(net, cop, o.from);
    TemporalReachOptions options{.filter = o.analysis.filter(net)};
    if (!o.since.empty()) options.since = parse_log_time(log, o.since, "--since");
    if (o.counts) return temporal_counts(net, log, options, label, o.input.format());
    const TemporalReachResult r = temporal_reach(net, log, sources, options);
    ReachResult as_reach;  // for the breakdown by circle and facet
    for (const Arrival& a : r.reached) as_reach.reached.push_back({a.who, 0});
    const ReachBreakdown b = break_down(net, as_reach, cop, o.analysis.facet);
    if (o.input.format() == Format::json) {
        JsonSink sink;
        describe(sink, net, r, log.kind());
        describe(sink, net, b);
        return sink.text();
    }
    std::ostringstream out;
    if (o.input.format() == Format::csv) {
        out << "id,arrival\n";
        for (const Arrival& a : r.reached)
            out << csv_field(net.stakeholder(a.who).id) << ',' << format_time(a.arrival, log.kind()) << '\n';
        return out.str();
    }
    out << "Landscape: " << label << '\n'
        << "From " << sources.size() << " stakeholder" << (sources.size() == 1 ? "" : "s")
        << (o.from.empty() ? " (the core group)" : "") << ", in time order over "
        << event_log_label(o.input) << " from "
        << format_time(r.since, log.kind()) << ", following "
        << (o.analysis.kinds == "all" ? std::string("all kinds of ties") : o.analysis.kinds)
        << " (" << o.analysis.direction << "):\n  reached " << r.count() << " of "
        << net.stakeholder_count() << " stakeholders";
    if (r.count() > sources.size())
        out << ", the last at " << format_time(r.reached.back().arrival, log.kind());
    out << '\n';
    rows_text(out, "By circle:", b.by_circle);
    rows_text(out, ("By " + o.analysis.facet + ":").c_str(), b.by_facet);
    return out.str();
}

std::string run_reach(const ReachCli& o) {
    if (o.temporal) return run_temporal_reach(o);
    if (!o.since.empty()) throw invalid_value("--since needs --temporal");
    if (o.counts) throw invalid_value("--counts needs --temporal (reach_counts is k-step reach)");
    std::string label;
    Network net = load_input(o.input, label);  // formulas in --relations are derived into it
    const Community* cop = net.find_community(o.input.community);
    const std::vector<StakeholderId> sources = sources_or_core(net, cop, o.from);
    const ReachOptions options{.filter = o.analysis.filter(net), .max_hops = o.hops};
    const ReachResult r = reach(net, sources, options);
    const ReachBreakdown b = break_down(net, r, cop, o.analysis.facet);
    std::optional<TwoWayFlow> flow;
    if (!o.levels.empty()) {
        const auto comma = o.levels.find(',');
        if (comma == std::string::npos)
            throw invalid_value("--levels needs two levels, e.g. local,state");
        flow = level_flow(net, cop, parse_level(o.levels.substr(0, comma)),
                          parse_level(o.levels.substr(comma + 1)), options);
    }

    if (o.input.format() == Format::json) {
        JsonSink sink;
        describe(sink, net, r);
        describe(sink, net, b);
        if (flow) describe_in(sink, "flow", net, *flow);
        return sink.text();
    }
    std::ostringstream out;
    if (o.input.format() == Format::csv) {
        out << "id,hops\n";
        for (const Reached& x : r.reached) out << net.stakeholder(x.who).id << ',' << x.hops << '\n';
        return out.str();
    }
    out << "Landscape: " << label << '\n'
        << "From " << sources.size() << " stakeholder" << (sources.size() == 1 ? "" : "s")
        << (o.from.empty() ? " (the core group)" : "") << ", following "
        << (o.analysis.kinds == "all" ? std::string("all kinds of ties") : o.analysis.kinds)
        << " (" << o.analysis.direction << "), "
        << (o.hops ? "within " + std::to_string(*o.hops) + " steps" : std::string("any distance"))
        << ":\n  reached " << r.count() << " of " << net.stakeholder_count()
        << " stakeholders\n";
    rows_text(out, "By circle:", b.by_circle);
    rows_text(out, ("By " + o.analysis.facet + ":").c_str(), b.by_facet);
    if (flow)
        out << "Two-way flow:\n  " << flow_text(flow->forward, flow->target_share) << "\n  "
            << flow_text(flow->backward, flow->target_share) << '\n';
    return out.str();
}

} // namespace

void add_reach_command(CLI::App& app, Runner& run) {
    auto o = std::make_shared<ReachCli>();
    CLI::App* cmd = app.add_subcommand(
        "reach", "Who a message reaches within k steps (k-step reach), by circle and facet.\n"
                 "Default sources: the community's core group.");
    add_input_options(*cmd, o->input);
    add_analysis_options(*cmd, o->analysis);
    cmd->add_option("--from", o->from, "source ids, comma-separated (default: the core group)")
        ->check(not_empty());
    cmd->add_option("--hops", o->hops, "at most K ties from a source (default: unlimited)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--levels", o->levels,
                    "two-way flow between two levels, e.g. local,state (members only)");
    cmd->add_flag("--temporal", o->temporal,
                  "reach in time order over --events: a message passes along an event only if "
                  "its sender already holds it");
    cmd->add_flag("--counts", o->counts,
                  "with --temporal: everyone's temporal reach count (how many others each could "
                  "reach in time order; JSON key counts)");
    cmd->add_option("--since", o->since,
                    "with --temporal: when the sources get the message (default: the first event)")
        ->check(not_empty());
    cmd->callback([o, &run] { run = [o] { return run_reach(*o); }; });
}

} // namespace copnet::cli
