// copnet spread: how a message spreads from stakeholders under independent cascade or linear
// threshold (Monte Carlo), who is likely to adopt it, by circle and facet, and what a coalition
// of sources reaches together against each member alone.

#include <algorithm>
#include <iomanip>
#include <memory>
#include <optional>
#include <sstream>

#include "commands.hpp"
#include "copnet/analysis/reach.hpp"
#include "copnet/error.hpp"
#include "input.hpp"
#include "output.hpp"

namespace copnet::cli {
namespace {

struct SpreadCli {
    InputOptions input;
    AnalysisOptions analysis;
    DiffusionCliOptions diffusion;
    std::string from;
    bool synergy = false;
};

/// Top adopters listed in text output.
constexpr std::size_t text_adopters = 10;

/// `who`'s circle in `cop`, or "" without a community.
std::string circle_of(const Community* cop, StakeholderId who) {
    return cop == nullptr ? std::string() : std::string(to_string(cop->circle(who)));
}

/// The whole JSON object of `copnet spread`.
std::string as_json(const Network& net, const SpreadResult& r, const SpreadBreakdown& b,
                    DiffusionModel model, const std::optional<Synergy>& synergy) {
    JsonSink sink;
    describe(sink, net, r, model);
    describe(sink, net, b);
    if (synergy) describe_in(sink, "synergy", net, *synergy);
    return sink.text();
}

/// `id,probability` rows, as the JSON `adoption` list.
std::string as_csv(const Network& net, const SpreadResult& r) {
    std::ostringstream out;
    out << "id,probability\n";
    for (const Adoption& a : likely_adopters(r))
        out << csv_field(net.stakeholder(a.who).id) << ',' << shortest(a.probability) << '\n';
    return out.str();
}

/// Breakdown rows for people: category, expected adopters of total, share.
void rows_text(std::ostream& out, const std::string& title,
               const std::vector<CategorySpread>& rows) {
    if (rows.empty()) return;
    out << title << '\n';
    for (const auto& r : rows)
        out << "  " << std::left << std::setw(36) << (r.category.empty() ? "(none)" : r.category)
            << std::right << std::fixed << std::setprecision(1) << std::setw(7) << r.expected
            << " of " << std::setw(5) << r.total << "  " << std::setw(5) << 100.0 * r.share
            << " %\n";
}

/// "id (name)", or the id alone for a stakeholder without a name.
std::string who_text(const Network& net, StakeholderId who) {
    const Stakeholder& s = net.stakeholder(who);
    return s.name.empty() ? s.id : s.id + " (" + s.name + ")";
}

/// What together / sum alone says: overlap below 1, tipping above 1 (rounding aside).
const char* ratio_meaning(double ratio) {
    if (ratio < 0.995) return "their audiences overlap";
    if (ratio > 1.005) return "together they tip stakeholders no one tips alone";
    return "they reach different people";
}

/// The synergy paragraph: together against the strongest member and the sum alone.
void synergy_text(std::ostream& out, const Network& net, const Synergy& s) {
    out << std::fixed << std::setprecision(1) << "Together and alone:\n"
        << "  together           " << std::setw(7) << s.together << '\n'
        << "  strongest alone    " << std::setw(7) << s.best_single << "  "
        << who_text(net, s.best) << "; together adds " << s.gain_over_best() << '\n'
        << "  sum of each alone  " << std::setw(7) << s.sum_alone << "  together / sum = "
        << std::setprecision(2) << s.ratio_to_sum() << ": " << ratio_meaning(s.ratio_to_sum())
        << "\n  alone:" << std::setprecision(1);
    for (std::size_t i = 0; i < s.alone.size(); ++i)
        out << (i == 0 ? " " : ", ") << net.stakeholder(s.alone[i].who).id << ' '
            << s.alone[i].expected;
    out << '\n';
}

/// The report for people.
std::string as_text(const Network& net, const Community* cop, const SpreadCli& o,
                    const std::string& label, std::size_t sources, const SpreadResult& r,
                    const SpreadBreakdown& b, DiffusionModel model,
                    const std::optional<Synergy>& synergy) {
    std::ostringstream out;
    out << "Landscape: " << label << '\n'
        << "From " << sources << " stakeholder" << (sources == 1 ? "" : "s")
        << (o.from.empty() ? " (the core group)" : "") << ", following "
        << (o.analysis.kinds == "all" ? std::string("all kinds of ties") : o.analysis.kinds)
        << " (" << o.analysis.direction << "):\n  " << o.diffusion.describe(model) << ", "
        << r.runs << " run" << (r.runs == 1 ? "" : "s") << ", seed " << o.diffusion.library.seed << '\n'
        << std::fixed << std::setprecision(1) << "  expected adopters " << r.expected << " of "
        << net.stakeholder_count() << " stakeholders (95 % CI " << r.ci_low << " to "
        << r.ci_high << ", sd " << r.stddev << ")\n";
    const std::vector<Adoption> likely = likely_adopters(r);
    out << "Most likely to adopt";
    if (likely.size() > text_adopters)
        out << " (" << text_adopters << " of " << likely.size() << " with a chance)";
    out << ":\n";
    for (std::size_t i = 0; i < likely.size() && i < text_adopters; ++i) {
        const Stakeholder& s = net.stakeholder(likely[i].who);
        out << "  " << std::right << std::setw(5) << 100.0 * likely[i].probability << " %  "
            << std::left << std::setw(10) << s.id << ' ' << std::setw(28) << s.name << ' '
            << circle_of(cop, likely[i].who) << '\n';
    }
    rows_text(out, "By circle:", b.by_circle);
    rows_text(out, "By " + o.analysis.facet + ":", b.by_facet);
    if (synergy) synergy_text(out, net, *synergy);
    return out.str();
}

/// Loads the input, simulates, and returns the whole output in the format asked for.
std::string run_spread(const SpreadCli& o) {
    std::string label;
    Network net = load_input(o.input, label);  // formulas in --relations are derived into it
    const Community* cop = net.find_community(o.input.community);
    if (o.synergy && o.input.format() == Format::csv)
        throw invalid_value("--synergy has no CSV form: use --format json or text");
    const std::vector<StakeholderId> sources = sources_or_core(net, cop, o.from);
    DiffusionOptions options = o.diffusion.options(o.analysis, net);
    (void)Facet(o.analysis.facet);  // a bad facet fails now, not after the simulation
    SpreadResult r;
    {
        ProgressBar bar("spread");
        options.progress = bar.callback();
        r = spread(net, sources, options);
        options.progress = {};  // refers to `bar`
    }
    const SpreadBreakdown b = break_down(net, r, cop, o.analysis.facet);
    std::optional<Synergy> synergy;
    if (o.synergy) {
        ProgressBar bar("synergy");
        options.progress = bar.callback();
        synergy = coalition_synergy(net, sources, options);
        options.progress = {};
    }
    switch (o.input.format()) {
    case Format::json: return as_json(net, r, b, options.model, synergy);
    case Format::csv: return as_csv(net, r);
    case Format::text: break;
    }
    return as_text(net, cop, o, label, sources.size(), r, b, options.model, synergy);
}

} // namespace

void add_spread_command(CLI::App& app, Runner& run) {
    auto o = std::make_shared<SpreadCli>();
    CLI::App* cmd = app.add_subcommand(
        "spread", "How a message spreads (independent cascade or linear threshold, Monte Carlo):\n"
                  "expected adopters, who adopts, by circle and facet. Default sources: the "
                  "community's core group.");
    add_input_options(*cmd, o->input);
    add_analysis_options(*cmd, o->analysis);
    add_diffusion_options(*cmd, o->diffusion);
    cmd->add_option("--from", o->from, "source ids, comma-separated (default: the core group)")
        ->check(not_empty());
    cmd->add_flag("--synergy", o->synergy,
                  "also each source's spread alone against the sources together");
    cmd->callback([o, &run] { run = [o] { return run_spread(*o); }; });
}

} // namespace copnet::cli
