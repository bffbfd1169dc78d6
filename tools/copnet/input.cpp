#include "input.hpp"

#include <cctype>
#include <cerrno>
#include <filesystem>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "copnet/error.hpp"
#include "copnet/events.hpp"
#include "copnet/io/archive.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/formats.hpp"
#include "copnet/io/graphml.hpp"
#include "copnet/io/json.hpp"
#include "copnet/io/relations.hpp"
#include "copnet/io/roster.hpp"
#include "copnet/io/workbook.hpp"
#include "copnet/analysis/relations.hpp"
#include "output.hpp"

namespace copnet::cli {

WorkbookRequest& workbook_request() noexcept {
    static WorkbookRequest request;
    return request;
}

void add_input_options(CLI::App& cmd, InputOptions& options, bool workbook_output) {
    auto* nodes = cmd.add_option("--nodes", options.nodes, "nodes.csv: stakeholders and facets");
    auto* ties = cmd.add_option("--ties", options.ties,
                                "ties.csv: source,target,relation,value (or kind,weight); "
                                "alone, an edge list whose ids become the stakeholders "
                                "(.edgelist/.ncol/.edges: separated by spaces)");
    nodes->needs(ties);
    cmd.add_option("--relations-file", options.relations_file,
                   "relations.csv: name,role,direction,polarity,scale of the ties' relations, "
                   "declared before the ties are read (with --ties or --input)");
    auto* graphml = cmd.add_option("--graphml", options.graphml, "GraphML file (instead of CSV)");
    auto* json = cmd.add_option("--json", options.json, "node-link JSON file (instead of CSV)");
    auto* archive = cmd.add_option("--archive", options.archive,
                                   "copnet archive: .txt, .bin or .xml (instead of CSV)");
    auto* input = cmd.add_option("--input", options.inputs,
                                 "a network file, its format from the extension (" +
                                     known_extensions(false) +
                                     "); repeat it for several CSV matrices or edge lists, "
                                     "one per relation");
    cmd.add_option("--layout", options.layout,
                   "the layout of a .csv given to --input: automatic (a matrix when the header's "
                   "first cell is empty, else an edge list), edge_list, matrix or roster (a survey; "
                   "also of a workbook: its sheet roster, else the first)")
        ->transform(CLI::IsMember({"automatic", "edge_list", "edgelist", "matrix", "roster"},
                                  CLI::ignore_case))
        ->capture_default_str();
    input->excludes(nodes)->excludes(ties)->excludes(graphml)->excludes(json)->excludes(archive);
    graphml->excludes(nodes)->excludes(ties)->excludes(json)->excludes(archive);
    json->excludes(nodes)->excludes(ties)->excludes(archive);
    archive->excludes(nodes)->excludes(ties);
    cmd.add_option("--community", options.community,
                   "community that the nodes' circle column describes")
        ->capture_default_str();
    cmd.add_flag("--create-missing", options.create_missing,
                 "create stakeholders for tie endpoints missing from nodes.csv");
    cmd.add_option("--columns", options.columns,
                   "rename the files' columns before reading them: FILE_NAME=NAME,… (e.g. "
                   "level=rank,department=sector)")
        ->delimiter(',');
    cmd.add_option("--delimiter", options.delimiter,
                   "the CSV field separator: ',', ';' or tab (default: detected per file)")
        ->transform(CLI::IsMember({",", ";", "tab", "\\t"}, CLI::ignore_case));
    cmd.add_flag("--decimal-comma", options.decimal_comma,
                 "tie values are written with a decimal comma (0,5), with ';' or tabs between "
                 "fields");
    cmd.add_option("--encoding", options.encoding,
                   "the CSV files' encoding: automatic (UTF-8, else Windows-1252 when the file "
                   "has no UTF-8 sequence), utf8 or cp1252")
        ->transform(CLI::IsMember({"automatic", "utf8", "utf-8", "cp1252", "windows-1252"},
                                  CLI::ignore_case))
        ->capture_default_str();
    cmd.add_option("--default-relation,--relation", options.default_relation,
                   "the relation of a file that carries one without naming it: a ties.csv "
                   "without a relation column (default: edge, a mutual collaboration "
                   "relation), an adjacency matrix (default: the file's name), a roster "
                   "(default: the columns' prefix), Pajek or GML without relation names");
    cmd.add_option("--scale", options.scale,
                   "the scale of relations the ties bring undeclared: unit (values in [0,1]), "
                   "binary, count or real (any values, e.g. weights 1-7)")
        ->transform(CLI::IsMember({"unit", "binary", "count", "real"}, CLI::ignore_case))
        ->capture_default_str();
    cmd.add_option("--merge", options.merge,
                   "a repeated tie (one relation, one pair): scale (larger value for unit and "
                   "binary, the sum for count and real), max, sum, first, or error")
        ->transform(CLI::IsMember({"scale", "max", "sum", "first", "error"}, CLI::ignore_case))
        ->capture_default_str();
    auto* events = cmd.add_option("--events", options.events,
                   "events.csv: time,source,target[,relation,value] (ISO 8601 or plain-number times)")
        ->check(not_empty());
    cmd.add_option("--attendance", options.attendance,
                   "attendance.csv: time,meeting,id, a sign-in sheet read as events between "
                   "everyone at one meeting (instead of --events)")
        ->check(not_empty())
        ->excludes(events);
    cmd.add_option("--window", options.window,
                   "analyse the network of the events in [START, END), e.g. 2024-03-01..2024-04-01 "
                   "(with --events; the input's ties are added)")
        ->check(not_empty());
    if (!workbook_output) {
        cmd.add_option("--format", options.format_name,
                       "output: text (for people), json or csv (for programs)")
            ->transform(CLI::IsMember({"text", "json", "csv"}, CLI::ignore_case))
            ->capture_default_str();
        return;
    }
    cmd.add_option("--format", options.format_name,
                   "output: text (for people), json or csv (for programs), or xlsx (a workbook "
                   "of the result's tables, written to --output)")
        ->transform(CLI::IsMember({"text", "json", "csv", "xlsx"}, CLI::ignore_case))
        ->each([](const std::string& v) { workbook_request().xlsx = v == "xlsx" || v == "XLSX"; })
        ->capture_default_str();
    cmd.add_option("--output", options.output,
                   "with --format xlsx: the workbook to write, one sheet per table of the result")
        ->each([](const std::string& v) { workbook_request().path = v; })
        ->check(not_empty());
}

TieFilter AnalysisOptions::filter(Network& net) const {
    derive_formulas(net, kinds);  // "advice&!reports_to" becomes a relation of its own
    return parse_tie_filter(net, kinds, direction);
}

void add_analysis_options(CLI::App& cmd, AnalysisOptions& options, bool facet) {
    cmd.add_option("--relations,--kinds", options.kinds,
                   "relations to follow: names (authority, influence, collaboration or the "
                   "file's own), role:ROLE, or all (every positive relation)")
        ->capture_default_str();
    cmd.add_option("--direction", options.direction,
                   "out (along the tie), in (against it) or both")
        ->transform(CLI::IsMember({"out", "in", "both"}, CLI::ignore_case))
        ->capture_default_str();
    if (facet)
        cmd.add_option("--facet", options.facet,
                       "group results by this facet: sector, level, perspective, organization, "
                       "stance or an attribute column")
            ->capture_default_str();
}

void add_weighted_option(CLI::App& cmd, AnalysisOptions& options) {
    cmd.add_flag("--weighted", options.weighted,
                 "use tie weights where a measure has a weighted form (default: unweighted)");
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

std::vector<StakeholderId> sources_or_core(const Network& net, const Community* community,
                                           std::string_view from) {
    std::vector<StakeholderId> sources;
    if (!from.empty()) {
        sources = parse_ids(net, from);
    } else if (community != nullptr) {
        sources = community->members(Circle::core);
    }
    if (sources.empty())
        throw invalid_value("no sources: give --from ID[,ID…] (the default, the community's core "
                            "group, is empty)");
    return sources;
}

DiffusionOptions DiffusionCliOptions::options(const AnalysisOptions& analysis,
                                              Network& net) const {
    DiffusionOptions o = library;
    o.filter = analysis.filter(net);
    o.model = parse_diffusion_model(model);
    if (o.probability && o.model != DiffusionModel::independent_cascade)
        throw invalid_value("--probability is for the independent cascade (--model ic); the "
                            "linear threshold model uses the tie weights");
    return o;
}

std::string DiffusionCliOptions::describe(DiffusionModel parsed) const {
    if (parsed == DiffusionModel::linear_threshold)
        return "linear threshold (tie weights toward thresholds)";
    if (!library.probability) return "independent cascade (tie weights as chances)";
    std::ostringstream out;
    out << "independent cascade (every tie succeeds with p = " << *library.probability << ")";
    return out.str();
}

CLI::Validator non_negative() {
    return CLI::Validator(
        [](std::string& text) {
            const auto first = text.find_first_not_of(" \t");
            if (first != std::string::npos && text[first] == '-')
                return std::string("must be a whole number, 0 or more");
            // CLI11 saturates a number beyond 64 bits: refuse it instead.
            errno = 0;
            char* end = nullptr;
            const long double value = std::strtold(text.c_str(), &end);
            if (end != text.c_str() && (errno == ERANGE || value > 18446744073709551615.0L))
                return std::string("is larger than 18446744073709551615 (2^64 - 1)");
            return std::string();
        },
        "");
}

CLI::Validator not_empty() {
    return CLI::Validator(
        [](std::string& text) {
            return text.find_first_not_of(" \t") == std::string::npos
                       ? std::string("is empty (leave the option out for its default)")
                       : std::string();
        },
        "");
}

void add_diffusion_options(CLI::App& cmd, DiffusionCliOptions& options) {
    cmd.add_option("--model", options.model,
                   "ic (independent cascade) or lt (linear threshold)")
        ->capture_default_str();
    cmd.add_option("--runs", options.library.runs, "Monte Carlo runs (the error shrinks as 1/sqrt(R))")
        ->check(non_negative())
        ->capture_default_str();
    cmd.add_option("--seed", options.library.seed, "seed: same seed, same answer, whatever the threads")
        ->check(non_negative())
        ->capture_default_str();
    cmd.add_option("--threads", options.library.threads, "worker threads (0: the hardware's)")
        ->check(non_negative())
        ->capture_default_str();
    cmd.add_option("--probability", options.library.probability,
                   "independent cascade: every tie succeeds with P in [0,1] instead of its weight");
}

void add_replicate_options(CLI::App& cmd, std::size_t& reps, std::uint64_t& seed,
                           unsigned& threads, const std::string& reps_help) {
    cmd.add_option("--reps", reps, reps_help)->check(CLI::PositiveNumber)->capture_default_str();
    cmd.add_option("--seed", seed, "seed: same seed, same answer, whatever the threads")
        ->check(non_negative())
        ->capture_default_str();
    cmd.add_option("--threads", threads, "worker threads (0: the hardware's)")
        ->check(non_negative())
        ->capture_default_str();
}

Format InputOptions::format() const {
    if (format_name == "json" || format_name == "xlsx") return Format::json;
    if (format_name == "csv") return Format::csv;
    return Format::text;
}

namespace {

// The event log of the workbook last read by load_input (its `events` sheet), read against the
// network load_input returned: load_events's log when no --events is given.
std::optional<EventLog>& workbook_events() {
    static std::optional<EventLog> log;
    return log;
}

} // namespace

Network load_input(const InputOptions& options, std::string& label) {
    ProgressBar bar("load");  // a large nodes.csv + ties.csv (drawn only on a terminal)
    CsvOptions csv;
    csv.progress = bar.callback();
    csv.community = options.community;
    csv.create_missing_stakeholders = options.create_missing;
    csv.merge = parse_merge(options.merge);
    for (const std::string& pair : options.columns) {
        const auto eq = pair.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size())
            throw invalid_value("--columns " + pair + ": expected FILE_NAME=NAME");
        csv.columns.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
    }
    if (!options.delimiter.empty())
        csv.delimiter = options.delimiter == "tab" || options.delimiter == "\\t"
                            ? '\t'
                            : options.delimiter[0];
    csv.decimal_comma = options.decimal_comma;
    csv.encoding = parse_encoding(options.encoding);
    csv.default_relation = options.default_relation;
    csv.scale = parse_scale(options.scale);
    Network net;
    if (!options.inputs.empty()) {
        FormatOptions formats;
        formats.community = options.community;
        formats.merge = csv.merge;
        formats.csv = csv;
        formats.layout = parse_csv_layout(options.layout);
        label.clear();
        if (!options.relations_file.empty()) read_relations(net, options.relations_file);
        for (const std::string& file : options.inputs) {
            std::string ext = std::filesystem::path(file).extension().string();
            for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (formats.layout == CsvLayout::roster &&
                (workbook_format_for(file) || ext == ".csv" || ext == ".tsv")) {
                RosterOptions roster;  // a survey: a .csv, or a workbook's sheet `roster` (else the first)
                roster.relation = csv.default_relation;
                roster.delimiter = csv.delimiter;
                roster.create_missing_stakeholders = csv.create_missing_stakeholders;
                roster.merge = csv.merge;
                roster.scale = csv.scale;
                for (const std::string& note : read_roster(net, file, roster).notes)
                    std::cerr << "copnet: note: " << note << '\n';
            } else if (workbook_format_for(file)) {
                // Read directly (not through the table), so that its events sheet can serve
                // as the event log of health, --window and reach --temporal.
                WorkbookOptions workbook;
                workbook.csv = csv;
                WorkbookReport report = read_workbook(net, file, workbook);
                for (const std::string& note : report.notes)
                    std::cerr << "copnet: note: " << note << '\n';
                workbook_events() = std::move(report.events);
            } else {
                read_network(net, file, formats);
            }
            if (!label.empty()) label += " + ";
            label += file;
        }
    } else if (!options.graphml.empty()) {
        read_graphml(net, options.graphml, GraphmlOptions{options.community, csv.merge});
        label = options.graphml;
    } else if (!options.json.empty()) {
        read_json(net, options.json, JsonOptions{options.community, csv.merge});
        label = options.json;
    } else if (!options.archive.empty()) {
        read_archive(net, options.archive, archive_kind_for(options.archive));
        label = options.archive;
    } else if (options.bundled()) {
        parse_csv(net, bundled_nodes(), bundled_ties(), csv,
                  "bundled:state-employment/nodes.csv", "bundled:state-employment/ties.csv");
        label = "bundled example: a state employment CoP (illustrative, invented data)";
    } else {
        if (!options.relations_file.empty()) read_relations(net, options.relations_file);
        const CsvReport report = options.nodes.empty()
                                     ? read_edge_list(net, options.ties, csv)
                                     : read_csv(net, options.nodes, options.ties, csv);
        for (const std::string& note : report.notes) std::cerr << "copnet: note: " << note << '\n';
        label = options.nodes.empty() ? options.ties : options.nodes + " + " + options.ties;
    }
    bar.end_line();
    if (options.window.empty()) return net;
    const EventLog log = load_events(options, net);
    const TimeRange range = parse_time_range(options.window);
    if (!log.empty() && (range.kind == TimeKind::number) != (log.kind() == TimeKind::number))
        throw invalid_value("--window " + options.window + " is not the kind of time " +
                            std::string("the event log holds (") + std::string(to_string(log.kind())) + ")");
    Network w = window(net, log, range.start, range.end);
    w.add_ties(net.all_ties());
    label += ", events of " + options.window + " from " +
             (!options.attendance.empty() ? options.attendance
              : options.events.empty()    ? std::string("the bundled example")
                                          : options.events);
    return w;
}

bool InputOptions::bundled() const noexcept {
    return nodes.empty() && ties.empty() && graphml.empty() && json.empty() && archive.empty() &&
           inputs.empty();
}

bool has_event_log(const InputOptions& options) {
    return !options.events.empty() || !options.attendance.empty() || options.bundled() ||
           (!options.inputs.empty() && workbook_events().has_value());
}

std::string event_log_label(const InputOptions& options) {
    if (!options.attendance.empty()) return options.attendance + " (co-attendance)";
    if (!options.events.empty()) return options.events;
    if (!options.inputs.empty() && workbook_events())
        return "the events sheet of " + options.inputs.back();
    return "the bundled example's events (invented)";
}

EventLog load_events(const InputOptions& options, Network& net) {
    const bool bundled = options.bundled();
    const EventOptions events{.create_missing_stakeholders = options.create_missing};
    if (!options.attendance.empty()) return read_attendance(net, options.attendance, events);
    if (options.events.empty() && !options.inputs.empty() && workbook_events())
        return *workbook_events();
    if (options.events.empty() && bundled)
        return parse_events(net, bundled_events(), "bundled:state-employment/events.csv");
    if (options.events.empty())
        throw invalid_value("this needs an event log: --events FILE (or --attendance FILE)");
    return read_events(net, options.events, events);
}

Time parse_log_time(const EventLog& log, std::string_view text, std::string_view option) {
    const ParsedTime t = parse_time(text);
    if (!log.empty() && (t.kind == TimeKind::number) != (log.kind() == TimeKind::number))
        throw invalid_value(std::string(option) + " " + std::string(text) +
                            " is not the kind of time the event log holds (" +
                            std::string(to_string(log.kind())) + ")");
    return t.time;
}

} // namespace copnet::cli
