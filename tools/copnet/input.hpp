#pragma once
// Input options shared by every command, and loading the network they name.

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include <vector>

#include "copnet/network.hpp"
#include "copnet/tie.hpp"

namespace copnet::cli {

/// Output formats a command can print.
enum class Format { text, json, csv };

/// The options every command takes to name its input and its output format.
struct InputOptions {
    std::string nodes;
    std::string ties;
    std::string community = "community";
    bool create_missing = false;
    std::string format_name = "text";  // validated by CLI11: text, json or csv

    /// The output format chosen.
    [[nodiscard]] Format format() const;
};

/// The options every analysis takes (DESIGN.md §3.2).
struct AnalysisOptions {
    std::string kinds = "all";
    std::string direction = "out";
    std::string facet = "sector";

    /// The filter named by --kinds and --direction. Throws copnet::invalid_value.
    [[nodiscard]] TieFilter filter() const;
};

/// Adds --kinds, --direction and --facet to `cmd`.
void add_analysis_options(CLI::App& cmd, AnalysisOptions& options);

/// The stakeholders named in a comma-separated id list. Throws copnet::unknown_stakeholder.
[[nodiscard]] std::vector<StakeholderId> parse_ids(const Network& net, std::string_view list);

/// Adds --nodes, --ties, --community, --create-missing and --format to `cmd`.
void add_input_options(CLI::App& cmd, InputOptions& options);

/// The network named by `options`, or the bundled example when no file is given; `label` is set
/// to a description of the input for text output. Throws copnet::error on bad input.
Network load_input(const InputOptions& options, std::string& label);

/// The bundled example community (examples/data/state-employment), compiled in.
std::string_view bundled_nodes() noexcept;
/// \copydoc bundled_nodes
std::string_view bundled_ties() noexcept;

} // namespace copnet::cli
