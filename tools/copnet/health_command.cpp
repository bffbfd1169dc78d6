// copnet health: the framework's assessment questions as numbers per window of an event log —
// who is active, who is new and comes back, which ties persist, whether talk is returned, how
// concentrated the activity is, and each member's rhythm (docs/cli.md, docs/concepts.md).

#include <algorithm>
#include <array>
#include <cmath>
#include <iomanip>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "commands.hpp"
#include "copnet/analysis/health.hpp"
#include "copnet/io/health_chart.hpp"
#include "copnet/error.hpp"
#include "copnet/events.hpp"
#include "input.hpp"
#include "output.hpp"

namespace copnet::cli {
namespace {

struct HealthCli {
    InputOptions input;
    std::string every;
    std::string since;
    std::size_t top = 5;
    bool leaders = false;
    double leaders_top = 0.1;
    std::string chart;  ///< an SVG chart of the windows goes here
};

constexpr std::array<const char*, 12> month_names{"January", "February", "March", "April",
                                                  "May", "June", "July", "August",
                                                  "September", "October", "November", "December"};

// "March 2024" for a calendar month, "2024-03-05 to 2024-03-12" for other ISO windows,
// "[0, 10)" for plain numbers.
std::string window_name(const WindowHealth& w, TimeKind kind) {
    if (kind == TimeKind::number)
        return "[" + std::to_string(w.start) + ", " + std::to_string(w.end) + ")";
    if (floor_to_month(w.start) == w.start && advance(w.start, {Span::Unit::months, 1}) == w.end) {
        const std::string date = format_time(w.start, TimeKind::date);  // YYYY-MM-DD
        const auto month = static_cast<std::size_t>(std::stoi(date.substr(date.size() - 5, 2)));
        return std::string(month_names[month - 1]) + " " + date.substr(0, date.size() - 6);
    }
    return format_time(w.start, kind) + " to " + format_time(w.end, kind);
}

// The previous window's name in a sentence: a month without its year ("March").
std::string short_name(const WindowHealth& w, TimeKind kind) {
    const std::string name = window_name(w, kind);
    const auto space = name.find(' ');
    const bool month = kind != TimeKind::number && space != std::string::npos &&
                       std::find(month_names.begin(), month_names.end(), name.substr(0, space)) !=
                           month_names.end();
    return month ? name.substr(0, space) : name;
}

std::string percent(double share) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(0) << 100.0 * share << " %";
    return out.str();
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string as_text(const Network& net, const HealthResult& r, const std::string& label,
                    const std::string& events_file, std::size_t events, std::size_t top) {
    std::ostringstream out;
    out << "Landscape: " << label << '\n'
        << "Events: " << events_file << ": " << plural(events, "event", "events") << ", "
        << plural(r.windows.size(), "window", "windows") << '\n';
    for (std::size_t i = 0; i < r.windows.size(); ++i) {
        const WindowHealth& w = r.windows[i];
        const std::string name = window_name(w, r.kind);
        out << name << ": ";
        if (w.events == 0) {
            out << "no events";
            if (w.departed && *w.departed > 0) out << " (" << *w.departed << " active before went quiet)";
            out << '\n';
            continue;
        }
        out << w.active << " active (" << w.newcomers << " new";
        if (i > 0) {
            const WindowHealth& p = r.windows[i - 1];
            const std::string before = short_name(p, r.kind);
            if (p.newcomers > 0)
                out << ", " << *w.retained << " of " << before << "'s " << p.newcomers
                    << (p.newcomers == 1 ? " newcomer" : " newcomers") << " came back";
            if (p.active > 0) out << ", " << *w.departed << " of " << before << "'s " << p.active << " gone quiet";
        }
        out << ")\n  " << plural(w.events, "event", "events")
            << " between " << plural(w.pairs, "pair", "pairs");
        if (w.persistence)
            out << "; persistence " << percent(*w.persistence) << " (pairs shared with the window before, Jaccard)";
        if (w.reciprocity) out << "; " << percent(*w.reciprocity) << " of contacts returned";
        out << "\n  " << percent(0.5) << " of the events came from " << plural(w.absence_factor, "person", "people");
        if (w.elephant_factor)
            out << " (" << plural(*w.elephant_factor, "organization", "organizations") << ")";
        out << '\n';
        if (!w.by_circle.empty()) {
            out << "  by circle:";
            for (const CircleActivity& c : w.by_circle) {
                if (c.circle == Circle::none) continue;
                out << ' ' << to_string(c.circle) << ' ' << c.active << '/' << c.members;
            }
            out << ", non-members " << w.by_circle.back().active << '\n';
        }
    }
    std::vector<const MemberActivity*> busiest;
    for (const MemberActivity& m : r.members) busiest.push_back(&m);
    std::stable_sort(busiest.begin(), busiest.end(),
                     [](const MemberActivity* a, const MemberActivity* b) { return a->events > b->events; });
    if (!busiest.empty()) {
        out << "Most active (of " << r.members.size() << "):\n";
        for (std::size_t i = 0; i < std::min(top, busiest.size()); ++i) {
            const MemberActivity& m = *busiest[i];
            out << "  " << std::left << std::setw(20) << net.stakeholder(m.who).id << std::right
                << std::setw(6) << m.events << " events in " << m.active_windows << " of "
                << r.windows.size() << " windows, " << format_time(m.first, r.kind) << " to "
                << format_time(m.last, r.kind);
            if (m.burstiness)
                out << ", burstiness " << std::fixed << std::setprecision(2) << *m.burstiness;
            out << '\n';
        }
    }
    return out.str();
}

std::string ids_text(const Network& net, const std::vector<StakeholderId>& ids) {
    std::string out;
    for (const StakeholderId who : ids) out += (out.empty() ? "" : ", ") + net.stakeholder(who).id;
    return out;
}

// "Are members taking on new leadership roles?": who rose into the top, which core went quiet.
std::string leaders_text(const Network& net, const HealthResult& r,
                         const std::vector<LeadershipWindow>& leaders) {
    if (leaders.empty()) return {};
    std::ostringstream out;
    out << "Leadership (top by coreness, then contacts received):\n";
    for (std::size_t i = 0; i < leaders.size() && i < r.windows.size(); ++i) {
        const LeadershipWindow& w = leaders[i];
        out << "  " << window_name(r.windows[i], r.kind) << ": ";
        std::vector<StakeholderId> top;
        for (const LeaderRank& x : w.top) top.push_back(x.who);
        out << (top.empty() ? std::string("nobody active") : ids_text(net, top));
        if (!w.rising.empty()) out << "; rising: " << ids_text(net, w.rising);
        if (!w.quiet_core.empty()) out << "; core gone quiet: " << ids_text(net, w.quiet_core);
        out << '\n';
    }
    return out.str();
}

std::string as_csv(const Network& net, const HealthResult& r) {
    CsvSink sink("windows", {"start", "end", "events", "active", "newcomers", "retained", "departed",
                             "pairs", "formed", "dissolved", "persistence", "reciprocity",
                             "absence_factor", "elephant_factor"});
    describe(sink, net, r);
    return sink.text();
}

std::string run_health(const HealthCli& o) {
    if (!o.input.window.empty())
        throw invalid_value("health cuts the log into windows itself: use --every and --since, "
                            "not --window");
    std::string label;
    Network net = load_input(o.input, label);
    const EventLog log = load_events(o.input, net);
    HealthOptions options;
    if (!o.every.empty()) options.every = parse_span(o.every);
    if (!o.since.empty()) options.since = parse_log_time(log, o.since, "--since");
    options.community = net.find_community(o.input.community);
    ProgressBar bar("health");
    options.progress = bar.callback();
    const HealthResult r = health(net, log, options);
    bar.end_line();
    if (!o.chart.empty())
        write_health_chart(r, o.chart, {.title = "Community health over time: " + label});
    std::vector<LeadershipWindow> leaders;
    if (o.leaders)
        leaders = emerging_leaders(net, log, {.every = options.every, .since = options.since,
                                              .community = options.community, .top = o.leaders_top});
    switch (o.input.format()) {
    case Format::json: {
        JsonSink sink;
        describe(sink, net, r);
        if (o.leaders) describe(sink, net, leaders, r.kind);
        return sink.text();
    }
    case Format::csv: return as_csv(net, r);
    case Format::text: break;
    }
    return as_text(net, r, label, event_log_label(o.input), log.size(), o.top) +
           leaders_text(net, r, leaders);
}

} // namespace

void add_health_command(CLI::App& app, Runner& run) {
    auto o = std::make_shared<HealthCli>();
    CLI::App* cmd = app.add_subcommand(
        "health", "How the community is doing over time, per window of an event log: who is\n"
                  "active, new and back, which ties persist, whether contacts are returned, and\n"
                  "how concentrated the activity is (CHAOSS absence and elephant factors).");
    add_input_options(*cmd, o->input);
    cmd->add_option("--every", o->every,
                    "window length: 7d, 30d (days), 1m (calendar months) or a number (plain-number "
                    "times); default 1m, or one window for plain-number times")
        ->check(not_empty());
    cmd->add_option("--since", o->since, "where the first window starts (default: the first event)")
        ->check(not_empty());
    cmd->add_option("--top", o->top, "most active members listed in the text output")
        ->check(non_negative())
        ->capture_default_str();
    cmd->add_flag("--leaders", o->leaders,
                  "also per window: the top by coreness and contacts received, who rose into "
                  "it, which core members went quiet (JSON key leaders)");
    cmd->add_option("--leaders-top", o->leaders_top,
                    "the share of a window's active stakeholders in its top (0, 1]")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    cmd->add_option("--chart", o->chart,
                    "also write an SVG chart of the windows (active members and newcomers, "
                    "persistence, reciprocity) to this file")
        ->check(not_empty());
    cmd->callback([o, &run] { run = [o] { return run_health(*o); }; });
}

} // namespace copnet::cli
