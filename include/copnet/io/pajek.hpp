#pragma once
/// \file
/// Pajek `.net` networks (Batagelj & Mrvar, *Pajek manual*, "Network file"), as Pajek,
/// NetworkX's `write_pajek` and igraph's `write_pajek` write them:
///
/// ```
/// *Vertices 3
/// 1 "sa-01" 0.0 0.0 ellipse sector "state agencies" level state
/// 2 "fam-02"
/// 3 "sch-03"
/// *Arcs :1 "advice"
/// 1 2 1
/// *Edges :2 "cowork"
/// 2 3 0.5
/// ```
/// Layout and mapping: docs/formats.md.

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>

#include "copnet/network.hpp"

namespace copnet {

/// How to read Pajek.
struct PajekOptions {
    /// The community that a `circle` vertex field fills; `circle:NAME` fills NAME.
    std::string community = "community";
    /// What a repeated tie (one relation, one pair) does (`Merge`).
    Merge merge = Merge::by_scale;
    /// The relation of a block without a name (`*Arcs`, `*Edges`): empty means `arc` (directed,
    /// role other) for arcs and `edge` (mutual, role collaboration) for edges.
    std::string relation{};
    /// The scale of relations the file brings in without a declaration: `unit` infers it from
    /// the values (unit when all are in [0,1], count when none is negative, else real).
    Scale scale = Scale::unit;
};

/// Replaces the contents of `into` by the Pajek network `text`; `name` labels it in errors.
///
/// `*Vertices n`: vertex lines `i ["label"] [x y [z]] [shape] [key value]…`; the label is the
/// stakeholder's id (the number when there is none); key-value pairs are node fields (`name`,
/// `sector`, … `circle:NAME`, else attributes) except Pajek's drawing keys (ic, bc, bw, …),
/// which are skipped; vertices 1…n without a line are stakeholders too. `*Arcs` (directed) and
/// `*Edges` (mutual) blocks hold lines `i j [value] [key value]…`; `*Arcs :k "name"` names the
/// block's relation (Pajek's multi-relational networks), as does a line's `relation NAME` or
/// `kind NAME` pair (NetworkX's `write_pajek` of an edge attribute); a line may start with `k:`
/// for relation k. `*Arcslist`/`*Edgeslist` lines `i j k …`; `*Matrix` rows of n values (0 = no
/// tie). `%` starts a comment; a comment block `% copnet relations:` followed by `% ` lines of
/// relations.csv declares the relations, and `% copnet relation: "name"` names the next
/// unnumbered block (as `write_pajek` writes both). Case-insensitive keywords;
/// LF, CRLF or CR; UTF-8 (validated). At most max(4 × the text's size, 4096) vertices. All or nothing: on error
/// `into` is unchanged. Cost: O(size + V + E) expected.
/// Throws: parse_error naming `name`, the line and the field (`vertices`, `label`, `source`,
/// `target`, `value`, …), e.g. `cop.net:7: target: vertex 9 is beyond *Vertices 5`.
void parse_pajek(Network& into, std::string_view text, const PajekOptions& options = {},
                 std::string_view name = "pajek");
/// Reads the Pajek file at `path` into `into`, as `parse_pajek`. Throws: io_error, parse_error.
void read_pajek(Network& into, const std::filesystem::path& path, const PajekOptions& options = {});
/// Reads the Pajek file at `path` into a new network, as `parse_pajek`.
[[nodiscard]] Network read_pajek(const std::filesystem::path& path, const PajekOptions& options = {});

/// How to write Pajek.
struct PajekWriteOptions {
    /// Write each stakeholder's fields (name, facets, attributes, circles) as key-value pairs
    /// after `0.0 0.0 ellipse`, as NetworkX's `write_pajek` does and its `read_pajek` reads.
    /// igraph's `Read_Pajek` (and Pajek's strict grammar) refuse such pairs: `false` writes
    /// plain vertex lines `i "id"` for them.
    bool fields = true;
};

/// Writes `net` as Pajek that `parse_pajek` and NetworkX's `read_pajek` read (and, written
/// without fields and with one relation, igraph's `Read_Pajek`): the relations' declarations as
/// a `% copnet relations:` comment, `*Vertices` with each stakeholder's id as its label and its
/// fields (`PajekWriteOptions::fields`), then the ties: a lone relation as one plain `*Arcs`
/// (directed) or `*Edges` (mutual) block named in a `% copnet relation: "name"` comment; several
/// as one `*Arcs :k "name"` / `*Edges :k "name"` block each (Pajek's multi-relational networks,
/// which igraph 0.10 cannot read). Values in the shortest exact form. Communities' domains and
/// attribute columns nobody fills are not kept. Cost: O(V + E).
/// Throws: invalid_value for text Pajek cannot hold (a `"` or a line break in an id, field
/// name or value); io_error if the stream fails.
void write_pajek(const Network& net, std::ostream& out, const PajekWriteOptions& options = {});
/// Saves `net` as Pajek at `path` atomically. Throws: invalid_value, io_error.
void write_pajek(const Network& net, const std::filesystem::path& path, const PajekWriteOptions& options = {});

} // namespace copnet
