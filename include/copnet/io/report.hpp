#pragma once
/// \file
/// The report: one self-contained, interactive HTML page that answers the framework's
/// questions for a coordinator (DESIGN.md §3.7) — who is here, who isn't here, how far does our
/// message reach, where do we cross boundaries, do our circles fit our ties, and (with an
/// event log) how are we doing over time — each a short reading in plain words over the table
/// behind it, around an interactive circle map (hover, click, filters, zoom, search).
///
/// The page needs no network: its script, style and data are inside it. The data are the
/// library's own descriptions of each analysis (copnet/describe.hpp, the CLI's `--format json`)
/// plus the circle map's layout (`layout_circle_map`, the same label placement as `copnet map`);
/// the page's script only draws and filters them.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "copnet/events.hpp"
#include "copnet/network.hpp"
#include "copnet/tie.hpp"

namespace copnet {

/// What to put into the report.
struct ReportOptions {
    /// The community whose circles the report reads (without it: the landscape only, and the
    /// sections about circles say so).
    std::string community = "community";
    /// The facet of the map's wedges and colours, of reach by facet and of boundaries.
    std::string facet = "sector";
    /// Title; empty: "Our community of practice: a report" (or the community's name).
    std::string title;
    /// A line under the title, e.g. where the data come from ("invented data").
    std::string caption;
    /// The ties every analysis follows (relations and direction).
    TieFilter filter{};
    /// The event log of "How are we doing over time" (nullptr: that section is left out).
    const EventLog* events = nullptr;
    /// The health windows' length (empty: as `health`'s default).
    std::optional<Span> every{};
    /// The map shows at most this many stakeholders: above it, the circles' members and the
    /// best connected others, and says what it left out.
    std::size_t map_stakeholders = 2000;
    /// The map draws at most this many ties among those shown, the strongest first.
    std::size_t map_ties = 8000;
    /// Conveners proposed (`leverage` among the members, independent cascade).
    std::size_t conveners = 5;
    /// `leverage` runs only on landscapes up to this size (it is a Monte Carlo search; above,
    /// the report says how to run `copnet leverage`).
    std::size_t leverage_up_to = 2000;
    /// Exact betweenness (boundary spanners) up to this size; above, from 200 sampled sources.
    std::size_t exact_betweenness_up_to = 1500;
    /// Seed of every randomised part (E-I permutations, sampled betweenness, leverage).
    std::uint64_t seed = 1;
    /// Reports the report's nine parts (summary, gaps, reach, flow, leverage, boundaries,
    /// circles, health, map) as one count, 1000 units each, the long ones from within.
    Progress progress{};
};

/// The report's data: one JSON object with `meta`, `summary`, `gaps`, `reach`, `flow`,
/// `leverage`, `boundaries`, `circles`, `health` (each a description as `copnet COMMAND
/// --format json` prints it, long per-stakeholder lists shortened, or {`unavailable`: why}) and
/// `map` (the circle map's layout, the stakeholders and ties shown, and what was left out).
/// Cost: that of the analyses (gaps, boundaries, circles, reach, leverage, health) plus
/// O(V log V + E) for the map. Throws: invalid_value for a bad facet name or option;
/// unknown_stakeholder / invalid_value if `events` names a slot `net` lacks.
[[nodiscard]] std::string report_data(const Network& net, const ReportOptions& options = {});

/// The report as one HTML5 document (UTF-8): the page's script and style (from
/// src/io/report/, built into the library) and `report_data` inline; no external resource.
/// Cost and throws: as `report_data`.
[[nodiscard]] std::string report_html(const Network& net, const ReportOptions& options = {});

/// Saves `report_html` at `path` atomically. Throws: as `report_data`; io_error.
void write_report(const Network& net, const std::filesystem::path& path,
                  const ReportOptions& options = {});

} // namespace copnet
