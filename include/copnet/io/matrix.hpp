#pragma once
/// \file
/// Adjacency matrices in CSV, as R's `write.csv(matrix)`, pandas' `DataFrame.to_csv` and
/// spreadsheets keep them: a header row of ids (its first cell empty or a label), then one row
/// per stakeholder, its id first, a value per column (empty or 0: no tie). One file holds one
/// relation (several files, one per relation, add up to one network):
///
/// ```
/// ,sa-01,sch-01,fam-01
/// sa-01,0,1,0
/// sch-01,2,0,1
/// fam-01,0,0,0
/// ```
/// Layout and mapping: docs/formats.md.

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>

#include "copnet/network.hpp"

namespace copnet {

/// How to read an adjacency matrix.
struct MatrixOptions {
    /// The relation of the ties (declared in the network, or new: role other, scale inferred
    /// from the values). Empty: the file's stem (`advice.csv` → `advice`; "matrix" for text).
    std::string relation{};
    /// What a repeated tie (one relation, one pair) does (`Merge`).
    Merge merge = Merge::by_scale;
    /// The scale of a new relation: `unit` infers it (unit when all values are in [0,1], count
    /// when none is negative, else real).
    Scale scale = Scale::unit;
    /// The field separator: 0 detects ',', ';' or a tab from the header line.
    char delimiter = 0;
    /// Values are written with a decimal comma ("0,5").
    bool decimal_comma = false;
};

/// Adds the ties of the adjacency matrix `text` (and a stakeholder, id only, for each id the
/// network lacks) to `into`; returns how many ties it read. Row i, column j holds the tie
/// row → column; the diagonal is skipped (copnet has no self-ties). A new relation is mutual
/// when the matrix is symmetric (one tie per pair), else directed. RFC 4180 quoting, UTF-8 with
/// an optional BOM. All or nothing: on error `into` is unchanged. Cost: O(size + V + E) expected.
/// Throws: parse_error naming `name`, the line and the column's id, e.g. `advice.csv:4: sch-02:
/// "x" is not a number`, for a row of another length than the header, an id given twice, an
/// empty id, a bad value or one off the relation's scale.
std::size_t parse_matrix(Network& into, std::string_view text, const MatrixOptions& options = {},
                         std::string_view name = "matrix.csv");
/// Reads the matrix file at `path` into `into`, as `parse_matrix`. Throws: io_error, parse_error.
std::size_t read_matrix(Network& into, const std::filesystem::path& path, const MatrixOptions& options = {});

/// True when `text` looks like an adjacency matrix rather than an edge list: the first cell of
/// its first non-blank line is empty (as R and pandas write a matrix). Cost: O(first line).
[[nodiscard]] bool looks_like_matrix(std::string_view text) noexcept;

/// Writes the ties of relation `relation` as an adjacency matrix that `parse_matrix`, R's
/// `read.csv(row.names = 1)` and pandas' `read_csv(index_col=0)` read: the header `,id…`, one
/// row per stakeholder in slot order, values in the shortest exact form, 0 for no tie (a mutual
/// relation symmetric). Cost: O(V²). Throws: invalid_value for a relation the network lacks or
/// more than 20,000 stakeholders (400 million cells); io_error if the stream fails.
void write_matrix(const Network& net, std::ostream& out, TieKind relation);
/// Saves the matrix at `path` atomically. Throws: invalid_value, io_error.
void write_matrix(const Network& net, const std::filesystem::path& path, TieKind relation);

} // namespace copnet
