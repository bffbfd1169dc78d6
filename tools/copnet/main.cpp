// copnet: the command-line program. Parses arguments, calls the library, prints; the output is
// assembled completely before anything reaches stdout, so a failure leaves stdout empty.

#include <cstdio>
#include <exception>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "input.hpp"
#include "output.hpp"
#include "copnet/error.hpp"
#include "copnet/version.hpp"

int main(int argc, char** argv) {
    CLI::App app{"copnet: a Community of Practice as a stakeholder network.\n"
                 "How far does our message reach, who is missing, where do we cross boundaries?",
                 "copnet"};
    app.set_version_flag("--version", "copnet " + std::string(copnet::version()));
    app.require_subcommand(1);
    app.fallthrough(false);
    copnet::cli::Runner run;
    copnet::cli::add_summary_command(app, run);
    copnet::cli::add_relations_command(app, run);
    copnet::cli::add_reach_command(app, run);
    copnet::cli::add_spread_command(app, run);
    copnet::cli::add_leverage_command(app, run);
    copnet::cli::add_generate_command(app, run);
    copnet::cli::add_gaps_command(app, run);
    copnet::cli::add_boundaries_command(app, run);
    copnet::cli::add_circles_command(app, run);
    copnet::cli::add_convert_command(app, run);
    copnet::cli::add_map_command(app, run);
    copnet::cli::add_centrality_command(app, run);
    copnet::cli::add_network_command(app, run);
    copnet::cli::add_test_command(app, run);
    copnet::cli::add_regress_command(app, run);
    copnet::cli::add_health_command(app, run);
    copnet::cli::add_report_command(app, run);
    copnet::cli::add_groups_command(app, run);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    try {
        const copnet::cli::WorkbookRequest& workbook = copnet::cli::workbook_request();
        if (workbook.xlsx && workbook.path.empty())
            throw copnet::invalid_value("--format xlsx writes a workbook: give --output FILE.xlsx");
        if (!workbook.xlsx && !workbook.path.empty())
            throw copnet::invalid_value("--output " + workbook.path + " is for --format xlsx (a workbook of the result)");
        std::string out = run ? run() : std::string();
        if (workbook.xlsx) {
            copnet::cli::write_json_as_workbook(out, workbook.path);
            out.clear();
        }
        std::fwrite(out.data(), 1, out.size(), stdout);
        return std::fflush(stdout) == 0 ? 0 : 1;
    } catch (const copnet::error& e) {
        std::cerr << "copnet: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "copnet: internal error: " << e.what() << '\n';
        return 3;
    }
}
