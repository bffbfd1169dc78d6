// copnet groups: detected groups (Louvain, Leiden) beside the declared ones — "do our sectors,
// or our circles, match how people actually work together?"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "commands.hpp"
#include "copnet/analysis/groups.hpp"
#include "input.hpp"
#include "output.hpp"

namespace copnet::cli {
namespace {

struct GroupsCli {
    InputOptions input;
    AnalysisOptions analysis;
    std::string method = std::string(to_string(GroupOptions{}.method));
    double resolution = GroupOptions{}.resolution;
    std::uint64_t seed = GroupOptions{}.seed;
    bool unweighted = false;
    std::string compare;
    std::size_t top = 10;
};

std::string fixed(double x, int digits = 4) {
    if (!std::isfinite(x)) return "-";
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << x;
    return out.str();
}

std::string as_csv(const Network& net, const GroupsResult& r, const Partition* declared) {
    std::ostringstream out;
    out << "id,group" << (declared != nullptr ? ",declared" : "") << '\n';
    for (std::size_t i = 0; i < r.ids.size(); ++i) {
        out << csv_field(net.stakeholder(r.ids[i]).id) << ',' << r.group[i];
        if (declared != nullptr) out << ',' << csv_field(declared->names[declared->of[i]]);
        out << '\n';
    }
    return out.str();
}

std::string as_text(const Network& net, const GroupsResult& r,
                    const std::optional<GroupAgreement>& agreement, const GroupsCli& o,
                    const std::string& label) {
    std::ostringstream out;
    out << "Landscape: " << label << "\nGroups by " << to_string(r.method) << " (resolution "
        << shortest(r.resolution) << ", seed " << r.seed << ") on the undirected graph of "
        << (o.analysis.kinds == "all" ? std::string("all relations") : o.analysis.kinds)
        << (r.weighted ? ", weighted by the tie values" : "") << "\n"
        << "modularity " << fixed(r.modularity) << " · " << r.groups.size() << " groups · "
        << r.levels << " levels" << (r.method == GroupMethod::leiden
                                         ? " · " + std::to_string(r.iterations) + " iterations"
                                         : std::string())
        << "\n\n";
    const std::size_t rows = o.top == 0 ? r.groups.size() : std::min(o.top, r.groups.size());
    out << std::left << std::setw(7) << "group" << std::right << std::setw(6) << "size" << "  "
        << "members\n";
    for (std::size_t g = 0; g < rows; ++g) {
        const DetectedGroup& d = r.groups[g];
        out << std::left << std::setw(7) << g << std::right << std::setw(6) << d.members.size()
            << "  ";
        const std::size_t shown = std::min<std::size_t>(d.members.size(), 8);
        for (std::size_t i = 0; i < shown; ++i)
            out << (i > 0 ? ", " : "") << net.stakeholder(d.members[i]).id;
        if (shown < d.members.size()) out << ", … " << d.members.size() - shown << " more";
        out << '\n';
    }
    if (rows < r.groups.size())
        out << "… " << r.groups.size() - rows << " more groups (--top 0 lists all)\n";
    if (agreement) {
        const GroupAgreement& a = *agreement;
        out << "\nCompared with " << a.with << " (" << a.declared_groups
            << " declared groups): NMI " << fixed(a.nmi, 3) << ", ARI " << fixed(a.ari, 3)
            << "; modularity of the declared groups " << fixed(a.declared_modularity) << "\n"
            << "(NMI and ARI are 1 when the detected groups are the declared ones, near 0 when "
               "unrelated)\n\n";
        std::size_t width = 8;
        for (const AgreementRow& row : a.rows) width = std::max(width, row.category.size());
        out << std::left << std::setw(static_cast<int>(width) + 2) << "declared" << std::right
            << std::setw(6) << "size" << std::setw(12) << "main group" << std::setw(8) << "share"
            << '\n';
        for (const AgreementRow& row : a.rows) {
            out << std::left << std::setw(static_cast<int>(width) + 2)
                << (row.category.empty() ? std::string("(none)") : row.category) << std::right
                << std::setw(6) << row.size << std::setw(12)
                << (row.groups.empty() ? std::string("-") : std::to_string(row.groups.front().first))
                << std::setw(8) << fixed(row.best_share, 2) << '\n';
        }
    }
    return out.str();
}

std::string run_groups(const GroupsCli& o) {
    std::string label;
    Network net = load_input(o.input, label);
    GroupOptions options;
    options.filter = o.analysis.filter(net);
    options.method = parse_group_method(o.method);
    options.resolution = o.resolution;
    options.seed = o.seed;
    options.weighted = !o.unweighted;
    std::optional<Partition> declared;
    if (!o.compare.empty()) declared = declared_partition(net, o.compare);  // fail before the work
    ProgressBar bar("groups");
    options.progress = bar.callback();
    const GroupsResult r = detect_groups(net, options);
    bar.end_line();
    options.progress = {};
    std::optional<GroupAgreement> agreement;
    if (declared) agreement = group_agreement(net, r, o.compare, options);
    switch (o.input.format()) {
    case Format::json: {
        JsonSink sink;
        describe(sink, net, r);
        if (agreement) describe_in(sink, "compare", net, *agreement);
        return sink.text();
    }
    case Format::csv:
        return as_csv(net, r, declared ? &*declared : nullptr);
    case Format::text:
        break;
    }
    return as_text(net, r, agreement, o, label);
}

} // namespace

void add_groups_command(CLI::App& app, Runner& run) {
    auto o = std::make_shared<GroupsCli>();
    CLI::App* cmd = app.add_subcommand(
        "groups",
        "Detected groups (Louvain, Leiden: modularity) beside the declared ones: do our\n"
        "sectors, or our circles, match how people actually work together?");
    add_input_options(*cmd, o->input);
    add_analysis_options(*cmd, o->analysis, /*facet=*/false);
    cmd->add_option("--method", o->method, "louvain (Blondel et al. 2008) or leiden (Traag et al. 2019)")
        ->capture_default_str();
    cmd->add_option("--resolution", o->resolution,
                    "modularity's resolution: above 1 more, smaller groups; below 1 fewer, larger")
        ->capture_default_str();
    cmd->add_option("--seed", o->seed, "seed of the random orders (same seed, same groups)")
        ->check(non_negative())
        ->capture_default_str();
    cmd->add_flag("--unweighted", o->unweighted,
                  "every tied pair counts 1 (default: the tie values are edge weights)");
    cmd->add_option("--compare", o->compare,
                    "compare with declared groups: facet:NAME (facet:sector), circles:COMMUNITY, "
                    "or communities (NMI, ARI, contingency)");
    cmd->add_option("--top", o->top, "groups listed in text output (0: all)")
        ->check(non_negative())
        ->capture_default_str();
    cmd->callback([o, &run] { run = [o] { return run_groups(*o); }; });
}

} // namespace copnet::cli
