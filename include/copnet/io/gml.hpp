#pragma once
/// \file
/// GML, the Graph Modelling Language (Himsolt, 1997), as NetworkX's `write_gml` and igraph's
/// `write_gml` write it:
///
/// ```
/// graph [
///   directed 1
///   node [ id 0 label "sa-01" sector "state agencies" ]
///   node [ id 1 label "fam-02" ]
///   edge [ source 0 target 1 relation "advice" weight 0.5 ]
/// ]
/// ```
/// Layout and mapping: docs/formats.md.

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>

#include "copnet/network.hpp"

namespace copnet {

/// How to read GML.
struct GmlOptions {
    /// The community that a `circle` node field fills; `circle:NAME` fills NAME.
    std::string community = "community";
    /// What a repeated tie (one relation, one pair) does (`Merge`).
    Merge merge = Merge::by_scale;
    /// The relation of an edge that names none: empty means `arc` (directed, role other) in a
    /// directed graph and `edge` (mutual, role collaboration) in an undirected one.
    std::string relation{};
    /// The scale of relations the file brings in without a declaration: `unit` infers it from
    /// the values (unit when all are in [0,1], count when none is negative, else real).
    Scale scale = Scale::unit;
};

/// Replaces the contents of `into` by the first `graph [ … ]` of the GML text `text`; `name`
/// labels it in errors.
///
/// Nodes: the stakeholder's id is `label` (NetworkX), else `name` (igraph), else the numeric
/// `id`; with a label, `name` is the stakeholder's name; other scalar keys are node fields
/// (`sector`, `level`, … , else attributes; numbers kept as written); `copnet_field [ name "…"
/// value "…" ]` carries a field whose name is no GML key (`circle:NAME`, names with blanks);
/// other lists (`graphics`) are skipped. Edges: `source`/`target` name nodes by `id` (in any
/// order of nodes and edges); the relation is `relation`, else `kind`, else a text `key`; the
/// value `weight`, else `value`, else 1. `directed 1` makes unnamed edges directed. A graph
/// key `relations` holds relations.csv text declaring the relations (as `write_gml` writes).
/// Strings decode `&quot;` `&amp;` `&lt;` `&gt;` `&apos;` and `&#N;` `&#xH;`; `#` starts a
/// comment; UTF-8 (validated). Lists nest at most 128 deep. All or nothing: on error `into` is unchanged.
/// Cost: O(size + V + E) expected.
/// Throws: parse_error naming `name`, the line and the key, e.g.
/// `cop.gml:12: target: edge target 7 is not the id of a node`.
void parse_gml(Network& into, std::string_view text, const GmlOptions& options = {},
               std::string_view name = "gml");
/// Reads the GML file at `path` into `into`, as `parse_gml`. Throws: io_error, parse_error.
void read_gml(Network& into, const std::filesystem::path& path, const GmlOptions& options = {});
/// Reads the GML file at `path` into a new network, as `parse_gml`.
[[nodiscard]] Network read_gml(const std::filesystem::path& path, const GmlOptions& options = {});

/// Writes `net` as GML that `parse_gml`, `networkx.read_gml` and igraph's `Read_GML` read: a
/// `directed 1` (when any relation is directed) `multigraph 1` graph; its `relations` key the
/// declarations as relations.csv text; one node per stakeholder (`id` its number, `label` its
/// id, then its fields, those whose name is no GML key as `copnet_field [ name value ]`); one
/// edge per tie with `relation` and `weight` (shortest exact decimal). ASCII only, as
/// NetworkX reads it: other characters as `&#N;`. Community domains are not kept.
/// Cost: O(V + E). Throws: invalid_value for text that is not UTF-8; io_error.
void write_gml(const Network& net, std::ostream& out);
/// Saves `net` as GML at `path` atomically. Throws: invalid_value, io_error.
void write_gml(const Network& net, const std::filesystem::path& path);

} // namespace copnet
