#pragma once
/// \file
/// GraphML (http://graphml.graphdrawing.org), as NetworkX, igraph and Gephi read and write it.
///
/// A network is one directed `<graph>`; stakeholders are `<node id="…">` with string keys
/// `name`, `sector`, `level`, `perspective`, `organization`, `stance`, one key per attribute
/// column and one key `circle:NAME` per community; ties are `<edge>` with keys `kind`
/// (string) and `weight` (double); community domains are graph keys `domain:NAME`. The full
/// mapping, and what is accepted from other tools, is in docs/formats.md.

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>

#include "copnet/network.hpp"

namespace copnet {

/// How to read GraphML.
struct GraphmlOptions {
    /// The community that a plain `circle` node key fills (as nodes.csv's `circle` column);
    /// `circle:NAME` keys fill community NAME.
    std::string community = "community";
    /// What an edge repeating a tie (one relation, one pair) does: as `CsvOptions::merge`
    /// (`Merge::error` names the repeat's line or link).
    Merge merge = Merge::by_scale;
};

/// Replaces the contents of `into` by the network in the GraphML document `text`; `name`
/// labels it in errors. Streamed through libxml2's SAX2 interface (no DOM; no network access,
/// nothing read but `text`; a DOCTYPE is rejected, so no DTD and no entity expansion). Nodes: the
/// `id` is the stakeholder id; data keys map to facets as written by `write_graphml`; any other
/// node key becomes an attribute (its text as written); keys with no `attr.name` (yEd graphics)
/// are ignored. Edges: `kind` (missing: `collaboration` for an undirected edge, `influence` for
/// a directed one), `weight` (missing: 1); an edge may name a node declared after it; a repeated
/// tie is merged (`GraphmlOptions::merge`). `<default>` values of keys apply where a node or edge has no
/// `<data>` of that name; a default that means "no value" (e.g. an empty text) stores nothing.
/// Limits, so that time and memory stay linear in `text`: at most 1024 attributes on one element
/// and 128 levels of nesting; the values that defaults fill in (16 bytes each plus name and
/// value) and the attribute names copied into each stakeholder may total at most 16 times the
/// size of `text`, at least 4 MiB (docs/formats.md). All or nothing: on error `into` is
/// unchanged, also when an allocation fails. Cost: O(size + V + E) expected.
/// Throws: parse_error naming `name`, the line and the field (a key's `attr.name`, or
/// `id`/`source`/`target`), e.g. `net.graphml:14: level: "regional" is not a level …`;
/// std::bad_alloc when memory runs out. Nothing else escapes.
void parse_graphml(Network& into, std::string_view text, const GraphmlOptions& options = {},
                   std::string_view name = "graphml");
/// Reads the GraphML file at `path` into `into`, as `parse_graphml`. Throws: io_error,
/// parse_error.
void read_graphml(Network& into, const std::filesystem::path& path,
                  const GraphmlOptions& options = {});
/// Reads the GraphML file at `path` into a new network, as `parse_graphml`.
[[nodiscard]] Network read_graphml(const std::filesystem::path& path,
                                   const GraphmlOptions& options = {});

/// Writes `net` as GraphML that `parse_graphml`, `networkx.read_graphml` and
/// `igraph.Graph.Read_GraphML` read with every field: declared keys for each facet, attribute
/// column (also those nobody fills) and community, ties with `kind` and `weight` (shortest
/// exact decimal). Cost: O(V + E + text). Throws: invalid_value for text XML 1.0 cannot hold
/// (control characters other than tab and line ends); io_error if the stream fails.
void write_graphml(const Network& net, std::ostream& out);
/// Saves `net` as GraphML at `path` atomically (see `write_file_atomically`).
/// Throws: invalid_value, io_error.
void write_graphml(const Network& net, const std::filesystem::path& path);

} // namespace copnet
