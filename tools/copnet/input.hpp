#pragma once
// Input options shared by every command, and loading the network they name.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "copnet/analysis/reach.hpp"
#include "copnet/community.hpp"
#include "copnet/events.hpp"
#include "copnet/network.hpp"
#include "copnet/tie.hpp"

namespace copnet::cli {

/// Output formats a command can print.
enum class Format { text, json, csv };

/// The options every command takes to name its input and its output format.
struct InputOptions {
    std::string nodes;
    std::string ties;
    std::string graphml;   // --graphml FILE
    std::string json;      // --json FILE (node-link)
    std::string archive;   // --archive FILE (.txt, .bin or .xml)
    std::vector<std::string> inputs;  // --input FILE (repeatable; format from the extension)
    std::string layout = "automatic";  // --layout: of a .csv given to --input
    std::string relations_file;  // --relations-file FILE (with --nodes/--ties)
    std::string community = "community";
    bool create_missing = false;
    std::string merge = "scale";  // --merge: scale, max, sum, first or error
    std::vector<std::string> columns;  // --columns FILE_NAME=NAME,…
    std::string delimiter;             // --delimiter: "," ";" "tab" (empty: detected)
    bool decimal_comma = false;        // --decimal-comma
    std::string encoding = "automatic";
    std::string default_relation;  // an edge list's relation (empty: "edge")
    std::string scale = "unit";    // --scale: of the relations a file brings undeclared
    std::string events;    // --events FILE (events.csv)
    std::string attendance;  // --attendance FILE (attendance.csv), instead of --events
    std::string window;    // --window START..END (needs --events)
    std::string format_name = "text";  // validated by CLI11: text, json, csv or xlsx
    std::string output;    // --output FILE.xlsx (with --format xlsx)

    /// The output format chosen (`--format xlsx` computes the JSON description, which main
    /// writes as a workbook: `workbook_request`).
    [[nodiscard]] Format format() const;
    /// Whether no input file is named, so that the bundled example is read.
    [[nodiscard]] bool bundled() const noexcept;
};

/// The options every analysis takes (DESIGN.md §3.2).
struct AnalysisOptions {
    std::string kinds = "all";
    std::string direction = "out";
    std::string facet = "sector";
    /// --weighted: use tie weights where a measure has a weighted form (default unweighted,
    /// like NetworkX's `weight=None`). Only commands that call add_weighted_option() take it.
    bool weighted = false;

    /// The filter named by --relations (--kinds) and --direction over `net`'s relations.
    /// Throws copnet::invalid_value.
    /// Formulas among the relations (`advice&!reports_to`) are derived into `net` first.
    [[nodiscard]] TieFilter filter(Network& net) const;
};

/// Adds --kinds, --direction and --facet to `cmd`.
/// `facet`: whether the command groups by a facet (takes --facet); measures that do not, such
/// as `centrality` and `network`, leave it out so that a --facet is an error, not ignored.
void add_analysis_options(CLI::App& cmd, AnalysisOptions& options, bool facet = true);

/// Adds --weighted to `cmd`, for commands with measures that have a weighted form.
void add_weighted_option(CLI::App& cmd, AnalysisOptions& options);

/// The options of the diffusion commands (`spread`, `leverage`): model, Monte Carlo runs,
/// seed, threads and the uniform IC probability.
struct DiffusionCliOptions {
    /// The library's options, bound by CLI11 (runs, seed, threads, probability: their defaults
    /// are the library's); `options()` fills in the filter and the model.
    DiffusionOptions library;
    std::string model = std::string(to_string(DiffusionOptions{}.model));

    /// The library's options, following `analysis`'s filter (no progress report).
    /// Throws copnet::invalid_value for a bad model, kinds or direction, or --probability with
    /// the linear threshold model (which has no use for it).
    [[nodiscard]] DiffusionOptions options(const AnalysisOptions& analysis, Network& net) const;
    /// The model in words, for text output: "independent cascade (tie weights as chances)".
    [[nodiscard]] std::string describe(DiffusionModel parsed) const;
};

/// Rejects a negative whole number with a readable message (CLI11 would wrap "-1" into a huge
/// 64-bit unsigned value), and one beyond 2^64 − 1 (CLI11 would saturate it silently).
[[nodiscard]] CLI::Validator non_negative();
/// Refuses an empty (or blank) value: `--from ""` must not silently mean the default.
[[nodiscard]] CLI::Validator not_empty();

/// Adds --model, --runs, --seed, --threads and --probability to `cmd`.
void add_diffusion_options(CLI::App& cmd, DiffusionCliOptions& options);

/// Adds the replicate options of the inference commands (`test`, `regress`) to `cmd`: --reps
/// (positive; `reps_help` says what a replicate is), --seed and --threads.
void add_replicate_options(CLI::App& cmd, std::size_t& reps, std::uint64_t& seed,
                           unsigned& threads, const std::string& reps_help);

/// The stakeholders named in a comma-separated id list. Throws copnet::unknown_stakeholder.
[[nodiscard]] std::vector<StakeholderId> parse_ids(const Network& net, std::string_view list);

/// The sources of a message: the ids in `from` or, if it is empty, the core group of
/// `community`. Throws copnet::unknown_stakeholder for an unknown id, copnet::invalid_value
/// when there are no sources.
[[nodiscard]] std::vector<StakeholderId> sources_or_core(const Network& net,
                                                         const Community* community,
                                                         std::string_view from);

/// Adds --nodes, --ties, --graphml, --json, --archive, --input (a workbook), --community,
/// --create-missing and --format to `cmd`; with `workbook_output`, also --format xlsx and
/// --output (commands that print a description; not `map`, `convert` and `report`, which write
/// files of their own).
void add_input_options(CLI::App& cmd, InputOptions& options, bool workbook_output = true);

/// What `--format xlsx --output FILE` asked for, set while the arguments are parsed: main writes
/// the command's JSON description as a workbook of tables instead of printing it.
struct WorkbookRequest {
    bool xlsx = false;
    std::string path;
};
[[nodiscard]] WorkbookRequest& workbook_request() noexcept;

/// The network named by `options`, or the bundled example when no file is given; `label` is set
/// to a description of the input for text output. With --window, the network of the events of
/// that window (docs/cli.md: the stakeholders, one tie per pair and relation with the summed
/// event values, and the ties of the input besides). Throws copnet::error on bad input.
Network load_input(const InputOptions& options, std::string& label);

/// The event log of --events (or the co-attendance events of --attendance), read against `net`
/// (creating stakeholders with --create-missing); with no input at all, the bundled example's
/// (invented) event log.
/// Throws copnet::invalid_value without --events for a given input, copnet::error on bad input.
[[nodiscard]] EventLog load_events(const InputOptions& options, Network& net);

/// Whether `load_events` has a log to give without failing: --events or --attendance, the
/// bundled example, or an `events` sheet of the workbook load_input read.
[[nodiscard]] bool has_event_log(const InputOptions& options);

/// Where `load_events`' log comes from, for text output: "FILE", "FILE (co-attendance)", "the
/// events sheet of FILE" or "the bundled example's events (invented)".
[[nodiscard]] std::string event_log_label(const InputOptions& options);

/// `text` (--since) as a time of `log`'s kind. Throws copnet::invalid_value for a bad time or
/// an ISO time for a plain-number log (or the reverse).
[[nodiscard]] Time parse_log_time(const EventLog& log, std::string_view text, std::string_view option);

/// The bundled example community (examples/data/state-employment), compiled in.
std::string_view bundled_nodes() noexcept;
/// \copydoc bundled_nodes
std::string_view bundled_ties() noexcept;
/// The bundled example's event log (examples/data/state-employment/events.csv, invented).
std::string_view bundled_events() noexcept;

} // namespace copnet::cli
