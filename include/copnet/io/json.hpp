#pragma once
/// \file
/// JSON node-link data, as `networkx.node_link_data` writes it and `networkx.node_link_graph`
/// reads it (NetworkX 2.8 defaults: `nodes`, `links`, `id`, `source`, `target`, `key`).
///
/// `{"directed": true, "multigraph": true, "graph": {"domain:NAME": …, "attribute_names": […]},
///   "nodes": [{"id": …, "name": …, "sector": …, "circle:NAME": "core", …}],
///   "links": [{"source": …, "target": …, "key": "influence", "kind": "influence", "weight": 0.5}]}`
/// Field mapping as GraphML's (docs/formats.md).

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>

#include "copnet/network.hpp"

namespace copnet {

/// How to read node-link JSON.
struct JsonOptions {
    /// The community that a plain `circle` node member fills; `circle:NAME` fills NAME.
    std::string community = "community";
    /// What an edge repeating a tie (one relation, one pair) does: as `CsvOptions::merge`
    /// (`Merge::error` names the repeat's line or link).
    Merge merge = Merge::by_scale;
};

/// Replaces the contents of `into` by the network in node-link JSON `text` (parsed with
/// nlohmann::json); `name` labels it in errors. Node ids and attribute values may be strings,
/// numbers or booleans (numbers and booleans are kept as their JSON text); null means no value;
/// arrays and objects are rejected. A link without `kind` is an influence tie (collaboration
/// when `directed` is false); without `weight`, weight 1. Graph members `domain:NAME` declare
/// communities with their domain; `attribute_names` (a list) declares attribute columns in
/// order. Read by nlohmann's SAX events into only what copnet uses (other members are skipped
/// without being built), so memory is linear in the input; nesting deeper than 256 levels and a
/// number beyond a double are errors. All or nothing: on error (allocation failure included)
/// `into` is unchanged. Cost: O(size + V + E) expected.
/// Throws: parse_error naming `name` and the field as a path (`nodes[3].level`); the line for
/// JSON syntax errors and numbers too large (for errors in the content the line is 0: the path
/// locates them); std::bad_alloc.
void parse_json(Network& into, std::string_view text, const JsonOptions& options = {},
                std::string_view name = "json");
/// Reads the node-link JSON file at `path` into `into`, as `parse_json`.
/// Throws: io_error, parse_error.
void read_json(Network& into, const std::filesystem::path& path, const JsonOptions& options = {});
/// Reads the node-link JSON file at `path` into a new network, as `parse_json`.
[[nodiscard]] Network read_json(const std::filesystem::path& path, const JsonOptions& options = {});

/// Writes `net` as node-link JSON that `parse_json` and `networkx.node_link_graph` read with
/// every field (a directed multigraph: one link per tie, its `key` the tie kind). Weights are
/// written in the shortest form that reads back exactly. Cost: O(V + E + text).
/// Throws: invalid_value for text that is not valid UTF-8; io_error if the stream fails.
void write_json(const Network& net, std::ostream& out);
/// Saves `net` as node-link JSON at `path` atomically. Throws: invalid_value, io_error.
void write_json(const Network& net, const std::filesystem::path& path);

} // namespace copnet
