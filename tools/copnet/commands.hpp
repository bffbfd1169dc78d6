#pragma once
// One function per command: registers the subcommand; the callback computes through the library
// and returns the complete output, printed by main only when nothing failed.

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace copnet::cli {

/// What a command prints on success (its whole stdout).
using Runner = std::function<std::string()>;

/// `copnet summary`: stakeholders, ties by kind, members by circle.
void add_summary_command(CLI::App& app, Runner& run);

/// `copnet reach`: k-step reach from stakeholders, by circle and facet; two-way level flow.
void add_reach_command(CLI::App& app, Runner& run);

/// `copnet spread`: diffusion by Monte Carlo from stakeholders; adoption, breakdown, synergy.
void add_spread_command(CLI::App& app, Runner& run);

/// `copnet leverage`: whom to convene so that a message spreads furthest (CELF, IMM).
void add_leverage_command(CLI::App& app, Runner& run);

/// `copnet generate`: writes a synthetic, seeded landscape as a CSV pair (invented data).
void add_generate_command(CLI::App& app, Runner& run);
/// `copnet gaps`: representation, missing categories, invitation candidates, fragile points.
void add_gaps_command(CLI::App& app, Runner& run);
/// `copnet boundaries`: mixing, E-I, brokerage, holes, spanners, levels, assortativity.
void add_boundaries_command(CLI::App& app, Runner& run);
/// `copnet circles`: coreness, core/periphery fit of the circles, suggested moves, trajectories.
void add_circles_command(CLI::App& app, Runner& run);
/// `copnet convert`: between CSV, GraphML, node-link JSON, DOT and archives.
void add_convert_command(CLI::App& app, Runner& run);

/// `copnet map`: the circle map of a community, as an SVG file.
void add_map_command(CLI::App& app, Runner& run);
/// `copnet relations`: the multiplex view of a landscape's relations.
void add_relations_command(CLI::App& app, Runner& run);
/// `copnet centrality`: the standard centralities, one row per stakeholder (DESIGN §3.6).
void add_centrality_command(CLI::App& app, Runner& run);
/// `copnet network`: whole-network measures (DESIGN §3.6).
void add_network_command(CLI::App& app, Runner& run);
/// `copnet health`: per window of an event log, activity, newcomers, persistence, reciprocity,
/// absence and elephant factors, circles; per member, events and burstiness.
void add_health_command(CLI::App& app, Runner& run);
/// `copnet report`: the self-contained, interactive HTML report (DESIGN §3.7).
void add_report_command(CLI::App& app, Runner& run);

/// `copnet test`: a measure against a null model (QAP, labels, CUG, rewiring).
void add_test_command(CLI::App& app, Runner& run);
/// `copnet regress`: MRQAP regression (netlm, netlogit) of one relation on others.
void add_regress_command(CLI::App& app, Runner& run);
/// `copnet groups`: detected groups (Louvain, Leiden) and their agreement with declared ones.
void add_groups_command(CLI::App& app, Runner& run);

} // namespace copnet::cli
