#include "input.hpp"


#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"

namespace copnet::cli {

void add_input_options(CLI::App& cmd, InputOptions& options) {
    auto* nodes = cmd.add_option("--nodes", options.nodes, "nodes.csv: stakeholders and facets");
    auto* ties = cmd.add_option("--ties", options.ties, "ties.csv: source,target,kind,weight");
    nodes->needs(ties);
    ties->needs(nodes);
    cmd.add_option("--community", options.community,
                   "community that the nodes' circle column describes")
        ->capture_default_str();
    cmd.add_flag("--create-missing", options.create_missing,
                 "create stakeholders for tie endpoints missing from nodes.csv");
    cmd.add_option("--format", options.format_name,
                   "output: text (for people), json or csv (for programs)")
        ->transform(CLI::IsMember({"text", "json", "csv"}, CLI::ignore_case))
        ->capture_default_str();
}

TieFilter AnalysisOptions::filter() const { return parse_tie_filter(kinds, direction); }

void add_analysis_options(CLI::App& cmd, AnalysisOptions& options) {
    cmd.add_option("--kinds", options.kinds,
                   "tie kinds to follow: authority,influence,collaboration or all")
        ->capture_default_str();
    cmd.add_option("--direction", options.direction,
                   "out (along the tie), in (against it) or both")
        ->transform(CLI::IsMember({"out", "in", "both"}, CLI::ignore_case))
        ->capture_default_str();
    cmd.add_option("--facet", options.facet,
                   "group results by this facet: sector, level, perspective, organization, "
                   "stance or an attribute column")
        ->capture_default_str();
}

std::vector<StakeholderId> parse_ids(const Network& net, std::string_view list) {
    std::vector<StakeholderId> ids;
    for (;;) {
        const auto comma = list.find(',');
        ids.push_back(net.at(list.substr(0, comma)));
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return ids;
}

Format InputOptions::format() const {
    if (format_name == "json") return Format::json;
    if (format_name == "csv") return Format::csv;
    return Format::text;
}

Network load_input(const InputOptions& options, std::string& label) {
    CsvOptions csv;
    csv.community = options.community;
    csv.create_missing_stakeholders = options.create_missing;
    Network net;
    if (options.nodes.empty()) {
        parse_csv(net, bundled_nodes(), bundled_ties(), csv,
                  "bundled:state-employment/nodes.csv", "bundled:state-employment/ties.csv");
        label = "bundled example: a state employment CoP (illustrative, invented data)";
    } else {
        read_csv(net, options.nodes, options.ties, csv);
        label = options.nodes + " + " + options.ties;
    }
    return net;
}

} // namespace copnet::cli
