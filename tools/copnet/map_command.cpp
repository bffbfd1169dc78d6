// `copnet map`: the circle map of a community as an SVG file.

#include <memory>
#include <string>

#include "commands.hpp"
#include "copnet/error.hpp"
#include "copnet/io/svg.hpp"
#include "input.hpp"

namespace copnet::cli {
namespace {

struct MapOptions {
    std::string output;
    std::string facet = "sector";
    std::string title;
    std::string caption;
    std::string highlight;
    std::string highlight_label = "highlighted";
    bool no_labels = false;
    double font_size = 9.0;
    std::size_t max_stakeholders = CircleMapOptions{}.max_stakeholders;
};

} // namespace

void add_map_command(CLI::App& app, Runner& run) {
    auto input = std::make_shared<InputOptions>();
    auto options = std::make_shared<MapOptions>();
    CLI::App* cmd = app.add_subcommand(
        "map", "Draw the circle map of a community as SVG: core at the centre, then inner,\n"
               "outer and non-members; wedges and colours by a facet; ties by kind.");
    add_input_options(*cmd, *input, false);
    cmd->add_option("--output,-o", options->output, "the SVG file to write")->required();
    cmd->add_option("--facet", options->facet, "facet for colours and wedges")->capture_default_str();
    cmd->add_option("--title", options->title, "title (default: the community's name and domain)");
    cmd->add_option("--caption", options->caption, "a line under the title (e.g. the data's source)");
    cmd->add_option("--highlight", options->highlight, "stakeholders to ring, comma-separated ids");
    cmd->add_option("--highlight-label", options->highlight_label, "legend text for --highlight")
        ->capture_default_str();
    cmd->add_flag("--no-labels", options->no_labels, "draw dots without names");
    cmd->add_option("--font-size", options->font_size, "label size in pixels")->capture_default_str();
    cmd->add_option("--max-stakeholders", options->max_stakeholders,
                    "draw at most N: the circles' members, then the best connected (0: everyone)")
        ->capture_default_str();
    cmd->callback([input, options, &run] {
        run = [input, options] {
            std::string label;
            const Network net = load_input(*input, label);
            CircleMapOptions map;
            map.community = input->community;
            map.facet = options->facet;
            map.title = options->title;
            map.caption = options->caption;
            if (map.caption.empty() && input->bundled())
                map.caption = "bundled example: illustrative, invented data";
            if (!options->highlight.empty()) map.highlight = parse_ids(net, options->highlight);
            map.highlight_label = options->highlight_label;
            map.labels = !options->no_labels;
            map.font_size = options->font_size;
            map.max_stakeholders = options->max_stakeholders;
            write_circle_map(net, options->output, map);
            if (input->format() != Format::text) return std::string();  // DESIGN §3.2: no keys
            const std::size_t n = net.stakeholder_count();
            const bool thinned = map.max_stakeholders != 0 && n > map.max_stakeholders;
            return "Wrote " + options->output + ": circle map of " + std::to_string(n) +
                   " stakeholders" +
                   (thinned ? " (" + std::to_string(map.max_stakeholders) +
                                  " drawn: the circles' members, then the best connected; "
                                  "--max-stakeholders 0 draws everyone)"
                            : std::string()) +
                   ", from " + label + "\n";
        };
    });
}

} // namespace copnet::cli
