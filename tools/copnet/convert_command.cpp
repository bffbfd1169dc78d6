// `copnet convert`: any of CSV, GraphML, node-link JSON and archives to any other.

#include <filesystem>
#include <memory>
#include <sstream>

#include <string>

#include "commands.hpp"
#include "copnet/error.hpp"
#include "copnet/io/archive.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/relations.hpp"
#include "copnet/io/file.hpp"
#include "copnet/io/graphml.hpp"
#include "copnet/io/json.hpp"
#include "copnet/io/dot.hpp"
#include "copnet/io/formats.hpp"
#include "input.hpp"

namespace copnet::cli {
namespace {

struct ConvertOptions {
    std::string to;
    std::string to_nodes;
    std::string to_ties;
    std::string to_relations;
};

} // namespace

void add_convert_command(CLI::App& app, Runner& run) {
    auto input = std::make_shared<InputOptions>();
    auto options = std::make_shared<ConvertOptions>();
    CLI::App* cmd = app.add_subcommand(
        "convert", "Convert a network between the formats copnet reads and writes.\n"
                   "The output format follows --to's extension (" + known_extensions(true) + ");\n"
                   "or --to-nodes/--to-ties for the CSV pair.");
    add_input_options(*cmd, *input, false);
    auto* to = cmd->add_option("--to", options->to, "output file (format from the extension)");
    auto* to_nodes = cmd->add_option("--to-nodes", options->to_nodes, "output nodes.csv");
    auto* to_ties = cmd->add_option("--to-ties", options->to_ties, "output ties.csv");
    auto* to_relations = cmd->add_option("--to-relations", options->to_relations,
                                         "output relations.csv (needed when the network "
                                         "declares relations beyond authority, influence, "
                                         "collaboration)");
    to_nodes->needs(to_ties);
    to_ties->needs(to_nodes);
    to_relations->needs(to_nodes);
    to->excludes(to_nodes);
    cmd->callback([input, options, &run] {
        run = [input, options] {
            if (options->to.empty() && options->to_nodes.empty())
                throw invalid_value("convert needs --to FILE or --to-nodes FILE --to-ties FILE");
            std::string label;
            const Network net = load_input(*input, label);
            std::string format;
            std::string target;
            if (!options->to.empty()) {
                FormatOptions formats;
                formats.community = input->community;
                formats.layout = parse_csv_layout(input->layout);
                formats.csv.default_relation = input->default_relation;
                format = std::string(write_network(net, options->to, formats));
                if (format == "copnet archive")
                    format = std::string(to_string(archive_kind_for(options->to))) + " archive";
                target = options->to;
            } else {
                if (has_declared_relations(net) && options->to_relations.empty())
                    throw invalid_value("the network declares relations beyond the built-in "
                                        "three: give --to-relations FILE too, or their roles, "
                                        "directions and scales are lost");
                CsvWriteOptions csv;
                csv.community = input->community;
                if (!options->to_relations.empty()) write_relations(net, options->to_relations);
                write_csv(net, options->to_nodes, options->to_ties, csv);  // the pair together
                format = "CSV";
                target = options->to_nodes + " + " + options->to_ties;
            }
            if (input->format() != Format::text) return std::string();  // DESIGN §3.2: no keys
            return "Wrote " + target + " (" + format + "): " + std::to_string(net.stakeholder_count()) +
                   " stakeholders, " + std::to_string(net.tie_count()) + " ties, " +
                   std::to_string(net.communities().size()) + " communities, from " + label + "\n";
        };
    });
}

} // namespace copnet::cli
