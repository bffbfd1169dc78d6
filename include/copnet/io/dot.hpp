#pragma once
/// \file
/// Graphviz DOT export: circles as nested clusters, tie kinds as edge styles, a facet as colour.

#include <filesystem>
#include <iosfwd>
#include <string>

#include "copnet/network.hpp"

namespace copnet {

/// How to draw a network in DOT.
struct DotOptions {
    /// The community whose circles become clusters: `outer` holds `inner` holds `core`
    /// (non-members stay outside). No clusters if the network has no such community.
    std::string community = "community";
    /// The facet that colours the stakeholders (see `Facet`), with a legend node.
    std::string facet = "sector";
};

/// Writes `net` as a Graphviz digraph: one node per stakeholder (its id as DOT id, its name or
/// id as label, filled with its facet category's colour), circles as nested clusters, ties as
/// edges — authority solid and dark, influence dashed, collaboration light and undirected
/// (`dir=none`); pen width grows with the weight. Render with `dot -Tsvg`. Cost: O(V + E).
/// Throws: invalid_value for a bad facet name; io_error if the stream fails.
void write_dot(const Network& net, std::ostream& out, const DotOptions& options = {});
/// Saves the DOT text at `path` atomically. Throws: invalid_value, io_error.
void write_dot(const Network& net, const std::filesystem::path& path, const DotOptions& options = {});

} // namespace copnet
