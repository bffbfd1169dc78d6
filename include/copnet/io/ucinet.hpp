#pragma once
/// \file
/// UCINET's DL ("data language") files (Borgatti, Everett & Freeman, *UCINET for Windows*,
/// "DL Filetype"), in the layouts of UCINET's documentation:
///
/// ```
/// DL N=3 NM=2
/// FORMAT = EDGELIST1
/// LABELS:
/// ana, bea, cy
/// MATRIX LABELS:
/// advice, friendship
/// DATA:
/// 1 2 3
/// 2 3
/// !
/// 2 1
/// ```
/// Layout and mapping: docs/formats.md.

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>

#include "copnet/network.hpp"

namespace copnet {

/// How to read DL.
struct DlOptions {
    /// What a repeated tie (one relation, one pair) does (`Merge`).
    Merge merge = Merge::by_scale;
    /// The relation of a file's one matrix when it has no MATRIX LABELS: empty means `arc`
    /// (directed, role other), or `edge` (mutual, role collaboration) for a symmetric matrix.
    std::string relation{};
    /// The scale of relations the file brings in without a declaration: `unit` infers it from
    /// the values (unit when all are in [0,1], count when none is negative, else real).
    Scale scale = Scale::unit;
};

/// Replaces the contents of `into` by the DL network `text`; `name` labels it in errors.
///
/// Header (keywords case-insensitive, `=` and `,` optional separators): `DL`, `N = n` (one-mode;
/// NR/NC of a two-mode matrix are an error; a second N or NM too), `NM = k` matrices, `FORMAT =
/// FULLMATRIX` (the default), `LOWERHALF`, `UPPERHALF`, `EDGELIST1` or `NODELIST1` (BLOCKMATRIX is
/// an error), `DIAGONAL = PRESENT` (the default) or `ABSENT`, `LABELS:` (or `ROW LABELS:` with equal `COLUMN
/// LABELS:`) then n labels, `LABELS EMBEDDED`, `MATRIX LABELS:` then k names, `DATA:`. Labels
/// are the stakeholders' ids (kept as written; UCINET itself upper-cases them), separated by
/// blanks, line ends or commas, `"quoted"` when they hold blanks; without labels the ids are
/// 1…n. Each matrix is one relation, named by its matrix label (mutual when it is symmetric).
/// FULLMATRIX: k matrices of n × n values (with embedded labels: a row of column labels, then
/// rows that start with their label; DIAGONAL = ABSENT: each row without its diagonal cell);
/// LOWERHALF / UPPERHALF (UCINET guide §3.10): row i holds columns 1…i / i…n (without the diagonal
/// when it is absent), each value the tie both ways; EDGELIST1: lines `i j [value]`; NODELIST1: lines `i j k
/// …` (ties of value 1 from i); in both, `i` and `j` are numbers 1…n or, embedded, labels, and a
/// line `!` ends a matrix. The diagonal is skipped. All or nothing: on error `into` is
/// unchanged. At most max(4 × the text's size, 4096) stakeholders. Cost: O(size + n + E)
/// expected (tokens are views into `text`), and O(n² k) for the matrix layouts.
/// Throws: parse_error naming `name`, the line and the field (`n`, `format`, `labels`, `data`,
/// `value`, …), e.g. `cop.dl:9: data: vertex 7 is beyond N = 5`.
void parse_dl(Network& into, std::string_view text, const DlOptions& options = {},
              std::string_view name = "dl");
/// Reads the DL file at `path` into `into`, as `parse_dl`. Throws: io_error, parse_error.
void read_dl(Network& into, const std::filesystem::path& path, const DlOptions& options = {});
/// Reads the DL file at `path` into a new network, as `parse_dl`.
[[nodiscard]] Network read_dl(const std::filesystem::path& path, const DlOptions& options = {});

/// Writes `net` as DL EDGELIST1 that `parse_dl` and UCINET read: N, NM (the declared relations
/// and the built-in ones that hold ties), LABELS (the ids, quoted), MATRIX LABELS (the relations' names), then each
/// relation's ties `i j value` (a mutual relation's both ways), matrices ended by `!`. DL has
/// no place for stakeholder fields nor for the relations' roles: those are not kept.
/// Cost: O(V + E). Throws: invalid_value for an id or relation name holding a `"` or a line
/// break; io_error if the stream fails.
void write_dl(const Network& net, std::ostream& out);
/// Saves `net` as DL at `path` atomically. Throws: invalid_value, io_error.
void write_dl(const Network& net, const std::filesystem::path& path);

} // namespace copnet
