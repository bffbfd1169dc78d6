// copnet leverage: whom to convene so that a message they all start spreads furthest (CELF
// greedy or IMM), among a circle of the community or the whole landscape.

#include <iomanip>
#include <optional>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "copnet/analysis/reach.hpp"
#include "copnet/error.hpp"
#include "input.hpp"
#include "output.hpp"

namespace copnet::cli {
namespace {

struct LeverageCli {
    InputOptions input;
    AnalysisOptions analysis;
    DiffusionCliOptions diffusion;
    std::size_t k = 5;
    std::string among = "all";  // validated by CLI11: core, inner, outer, members or all
    std::string method = "auto";
    double epsilon = 0.1;
    double ell = 1.0;
};

/// The circle named by --among (members: the outer circle and everything inside it; all: none).
std::optional<Circle> among_circle(const LeverageCli& o) {
    if (o.among == "all") return std::nullopt;
    return o.among == "members" ? Circle::outer : parse_circle(o.among);
}

/// The candidates named by --among (`convener_pool`: at or inside the circle). Throws
/// invalid_value naming the option without a community or for an empty selection.
std::vector<StakeholderId> candidates(const Network& net, const Community* cop,
                                      const LeverageCli& o) {
    if (cop == nullptr && o.among != "all")
        throw invalid_value("--among " + o.among + ": there is no community \"" +
                            o.input.community + "\" (the nodes have no circle column)");
    try {
        return convener_pool(net, cop, among_circle(o));
    } catch (const invalid_value& e) {
        throw invalid_value("--among " + o.among + ": " + e.what());
    }
}

/// The selection in words, for text output.
std::string among_text(const LeverageCli& o, std::size_t count) {
    const std::string n = std::to_string(count);
    if (o.among == "all") return "all " + n + " stakeholders";
    if (o.among == "members") return "the " + n + " members of the community";
    if (o.among == "core") return "the " + n + " members of the core group";
    return "the " + n + " members at or inside the " + o.among + " circle";
}

/// `rank,id,gain` rows, in the order chosen (rank 1 first).
std::string as_csv(const Network& net, const LeverageResult& r) {
    std::ostringstream out;
    out << "rank,id,gain\n";
    for (std::size_t i = 0; i < r.conveners.size(); ++i)
        out << i + 1 << ',' << csv_field(net.stakeholder(r.conveners[i].who).id) << ','
            << shortest(r.conveners[i].gain) << '\n';
    return out.str();
}

/// How the conveners were chosen, in words.
std::string method_text(const LeverageResult& r, std::size_t runs) {
    std::ostringstream out;
    if (r.method == LeverageMethod::celf) {
        out << "CELF greedy (Leskovec et al. 2007): " << r.samples << " spread estimates of "
            << runs << " runs each";
    } else {
        out << "IMM (Tang, Shi & Xiao 2015): " << r.samples << " reverse-reachable sets; "
            << (runs > 0 ? "expected spread from " + std::to_string(runs) + " runs"
                         : std::string("expected spread from the sets"));
    }
    return out.str();
}

/// The report for people: a numbered list of conveners, the spread they reach, the method.
std::string as_text(const Network& net, const Community* cop, const LeverageCli& o,
                    const std::string& label, std::size_t count, const LeverageResult& r,
                    DiffusionModel model) {
    const Facet facet(o.analysis.facet);
    std::ostringstream out;
    out << "Landscape: " << label << '\n'
        << "Whom to convene: " << r.conveners.size() << " among " << among_text(o, count)
        << "\n  following "
        << (o.analysis.kinds == "all" ? std::string("all kinds of ties") : o.analysis.kinds)
        << " (" << o.analysis.direction << "), " << o.diffusion.describe(model) << '\n';
    for (std::size_t i = 0; i < r.conveners.size(); ++i) {
        const StakeholderId who = r.conveners[i].who;
        const Stakeholder& s = net.stakeholder(who);
        const std::string circle = cop == nullptr ? "" : std::string(to_string(cop->circle(who)));
        out << std::right << std::setw(4) << i + 1 << ". " << std::left << std::setw(10) << s.id
            << ' ' << std::setw(28) << s.name << ' ' << std::setw(6) << circle << ' '
            << std::setw(36) << facet(s) << " +" << std::fixed << std::setprecision(1)
            << r.conveners[i].gain << '\n';
    }
    out << std::fixed << std::setprecision(1) << "Together they reach " << r.expected << " of "
        << net.stakeholder_count() << " stakeholders on average (sources included)\n"
        << "Method: " << method_text(r, o.diffusion.library.runs) << '\n';
    return out.str();
}

/// Loads the input, chooses the conveners, and returns the whole output in the format asked for.
std::string run_leverage(const LeverageCli& o) {
    std::string label;
    Network net = load_input(o.input, label);  // formulas in --relations are derived into it
    const Community* cop = net.find_community(o.input.community);
    const std::vector<StakeholderId> among = candidates(net, cop, o);
    (void)Facet(o.analysis.facet);  // a bad facet fails now, not after the search
    LeverageOptions options{.diffusion = o.diffusion.options(o.analysis, net),
                            .k = o.k,
                            .method = parse_leverage_method(o.method),
                            .epsilon = o.epsilon,
                            .ell = o.ell};
    LeverageResult r;
    {
        ProgressBar bar("leverage");
        options.diffusion.progress = bar.callback();
        r = leverage(net, among, options);
        options.diffusion.progress = {};  // refers to `bar`
    }
    switch (o.input.format()) {
    case Format::json: return as_json(net, r);
    case Format::csv: return as_csv(net, r);
    case Format::text: break;
    }
    return as_text(net, cop, o, label, among.size(), r, options.diffusion.model);
}

} // namespace

void add_leverage_command(CLI::App& app, Runner& run) {
    auto o = std::make_shared<LeverageCli>();
    CLI::App* cmd = app.add_subcommand(
        "leverage", "Whom to convene: the K stakeholders whose message, started together, spreads\n"
                    "furthest (influence maximisation: CELF greedy or IMM).");
    add_input_options(*cmd, o->input);
    add_analysis_options(*cmd, o->analysis);
    add_diffusion_options(*cmd, o->diffusion);
    cmd->add_option("--k", o->k, "conveners to choose")
        ->check(non_negative())
        ->capture_default_str();
    cmd->add_option("--among", o->among,
                    "candidates: those at or inside the core, inner or outer circle (inner = core + "
                    "inner), members (= outer) or all")
        ->transform(CLI::IsMember({"core", "inner", "outer", "members", "all"}, CLI::ignore_case))
        ->capture_default_str();
    cmd->add_option("--method", o->method,
                    "auto (CELF while cheap, else IMM), celf or imm")
        ->capture_default_str();
    cmd->add_option("--epsilon", o->epsilon, "IMM: approximation slack in (0,1)")
        ->capture_default_str();
    cmd->add_option("--ell", o->ell, "IMM: failure probability at most 1/V^ell")
        ->capture_default_str();
    cmd->callback([o, &run] { run = [o] { return run_leverage(*o); }; });
}

} // namespace copnet::cli
