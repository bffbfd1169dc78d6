#pragma once
/// \file
/// GEXF, Gephi's XML format (GEXF 1.3, gexf.net; 1.1 and 1.2draft read too), as Gephi and
/// NetworkX's `write_gexf` write it:
///
/// ```xml
/// <gexf xmlns="http://gexf.net/1.3" version="1.3">
///   <graph defaultedgetype="directed">
///     <attributes class="node"><attribute id="0" title="sector" type="string"/></attributes>
///     <nodes><node id="sa-01" label="Ana"><attvalues><attvalue for="0" value="state agencies"/></attvalues></node>…</nodes>
///     <edges><edge id="0" source="sa-01" target="fam-02" kind="advice" weight="2"/></edges>
///   </graph>
/// </gexf>
/// ```
/// Layout and mapping: docs/formats.md.

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>

#include "copnet/events.hpp"
#include "copnet/network.hpp"

namespace copnet {

/// How to read GEXF.
struct GexfOptions {
    /// The community that a `circle` node attribute fills; `circle:NAME` fills NAME.
    std::string community = "community";
    /// What a repeated tie (one relation, one pair) does (`Merge`).
    Merge merge = Merge::by_scale;
    /// The relation of an edge that names none: empty means `arc` (directed, role other) for a
    /// directed edge and `edge` (mutual, role collaboration) for an undirected one.
    std::string relation{};
    /// The scale of relations the file brings in without a declaration: `unit` infers it from
    /// the values (unit when all are in [0,1], count when none is negative, else real).
    Scale scale = Scale::unit;
};

/// Replaces the contents of `into` by the network in the GEXF document `text`, and, when
/// `events` is not null, sets `*events` to the events its edge spells hold; `name` labels the
/// input in errors. Streamed through libxml2's SAX2 interface as `parse_graphml` is (no network
/// access, no DTD, no entities; at most 1024 attributes per element, 128 levels of nesting).
///
/// Nodes: `id` is the stakeholder's id, `label` (when not the id) its name; `<attvalue>`s are
/// node fields by their attribute's `title` (`sector`, `level`, … `circle:NAME`, else
/// attributes), attribute `<default>`s filling the nodes without a value. Edges: `source`,
/// `target`; the relation is GEXF 1.3's `kind`, else an edge attribute titled `relation` or
/// `kind` (NetworkX); the value `weight` (default 1); `type` `directed`, `undirected` or
/// `mutual` (default the graph's `defaultedgetype`). Each `<spell start=…>` of an edge (or the
/// edge's own `start`) is an event at its start time of the edge's relation and value (GEXF
/// `timeformat` `date`/`dateTime`: ISO 8601; `integer`/`double`: whole numbers). A
/// `<description>` of `copnet relations:` and relations.csv text declares the relations.
/// All or nothing: on error `into` and `*events` are unchanged. Cost: O(size + V + E) expected.
/// Throws: parse_error naming `name`, the line and the field (an attribute's title, `id`,
/// `source`, `target`, `weight`, `start`), e.g. `cop.gexf:9: target: "x" is not a node`.
void parse_gexf(Network& into, std::string_view text, const GexfOptions& options = {},
                std::string_view name = "gexf", EventLog* events = nullptr);
/// Reads the GEXF file at `path` into `into` (and its spells into `*events`), as `parse_gexf`.
/// Throws: io_error, parse_error.
void read_gexf(Network& into, const std::filesystem::path& path, const GexfOptions& options = {},
               EventLog* events = nullptr);
/// Reads the GEXF file at `path` into a new network, as `parse_gexf`.
[[nodiscard]] Network read_gexf(const std::filesystem::path& path, const GexfOptions& options = {});

/// How to write GEXF.
struct GexfWriteOptions {
    /// "1.3" (gexf.net/1.3, the relation as the edge's `kind`) or "1.2draft" (what NetworkX 2.8
    /// and Gephi 0.9 read; the relation as an edge attribute `relation`).
    std::string version = "1.3";
};

/// Writes `net` as GEXF that `parse_gexf`, Gephi and (version 1.2draft) `networkx.read_gexf`
/// read: the relations' declarations in `<description>`; a node per stakeholder (its id, its
/// name as label) with a string attribute per field (facets, attributes, `circle:NAME`); an
/// edge per tie with its relation and `weight` (shortest exact decimal), `type` undirected for
/// mutual relations. `events`, when given (read against `net`), are written as spells of the
/// edges of their pair and relation (GEXF `mode="dynamic"`, `timeformat` from the log). Community
/// domains are not kept. Cost: O(V + E + events).
/// Throws: invalid_value for a version other than "1.3" and "1.2draft", text XML 1.0 cannot hold
/// or an event pair without a tie of its relation; io_error if the stream fails.
void write_gexf(const Network& net, std::ostream& out, const GexfWriteOptions& options = {},
                const EventLog* events = nullptr);
/// Saves `net` as GEXF at `path` atomically. Throws: invalid_value, io_error.
void write_gexf(const Network& net, const std::filesystem::path& path, const GexfWriteOptions& options = {},
                const EventLog* events = nullptr);

} // namespace copnet
