#pragma once
/// \file
/// The CSV pair people keep in spreadsheets: `nodes.csv` (stakeholders, facets, circles) and
/// `ties.csv` (typed, weighted ties). Format: docs/formats.md.

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "copnet/network.hpp"

namespace copnet {

/// The character encoding of a CSV file: `automatic` reads UTF-8, and a file that is not UTF-8
/// but has no multi-byte UTF-8 sequence at all as Windows-1252 (Excel's "CSV (Comma
/// delimited)" on Western systems; `CsvReport::notes` says so); `utf8` refuses anything else;
/// `cp1252` reads Windows-1252.
enum class Encoding : std::uint8_t { automatic, utf8, cp1252 };

/// "automatic", "utf8", "cp1252"; `parse_encoding` reads them (also "utf-8", "windows-1252").
/// Throws: invalid_value naming the spelling. Cost: O(1).
[[nodiscard]] std::string_view to_string(Encoding encoding) noexcept;
[[nodiscard]] Encoding parse_encoding(std::string_view text);

/// How to read a CSV pair.
struct CsvOptions {
    /// The community that nodes.csv's `circle` column fills (created if the network lacks it).
    /// A column `circle:NAME` fills community NAME.
    std::string community = "community";
    /// Create a stakeholder (id only) for a tie endpoint that nodes.csv lacks, instead of
    /// failing with an error naming the line.
    bool create_missing_stakeholders = false;
    /// Threads that parse ties.csv (0 = the hardware's). A large ties.csv without quoted fields
    /// is split in two halves parsed at once; the result and the errors are the same.
    unsigned threads = 0;
    /// What a row repeating a tie (of one relation between one pair, in the file or already in
    /// the network) does: `Merge::by_scale` merges by the relation's scale (larger value for
    /// unit and binary, the sum for count and real); `max`, `sum`, `first` override it;
    /// `error` makes the repeat a parse_error naming its line (CLI `--merge`).
    Merge merge = Merge::by_scale;
    /// Columns renamed before the headers are read: each pair is {the file's name, the name
    /// copnet reads it as}, e.g. {"level", "rank"} (Krackhardt's level is a rank: an attribute,
    /// not copnet's level facet) or {"department", "sector"}; names compare case-insensitively.
    /// A pair whose column neither file has is a parse_error naming it (CLI `--columns`).
    std::vector<std::pair<std::string, std::string>> columns{};
    /// The field separator: 0 (the default) detects it per file from its header line — ',',
    /// ';' (European spreadsheets) or a tab; else that character (CLI `--delimiter`).
    char delimiter = 0;
    /// Tie values are written with a decimal comma ("0,5"; CLI `--decimal-comma`).
    bool decimal_comma = false;
    /// The files' character encoding (CLI `--encoding`).
    Encoding encoding = Encoding::automatic;
    /// The relation of every row of a ties.csv without a relation column (a plain edge list:
    /// `source,target[,value]`, or no header at all): a declared or built-in relation, or a new
    /// one of role other. Empty (the default): the relation `edge`, role collaboration, mutual
    /// (an edge list is undirected, as NetworkX's read_edgelist makes a Graph), of scale
    /// `scale` (CLI `--default-relation`).
    std::string default_relation{};
    /// The scale of the relations the file brings in without a declaration (names in the
    /// relation column, an edge list's `edge`): unit by default; `count` or `real` for values
    /// beyond [0,1], such as the karate club's 1–7 (CLI `--scale`). Declared relations keep
    /// their own.
    Scale scale = Scale::unit;
    /// Reports the load as one count: nodes.csv's rows read, ties.csv's rows read, then the
    /// ties added (each row counted once in each of the last two), about a hundred times.
    Progress progress{};
};

/// What a CSV load added.
struct CsvReport {
    std::size_t stakeholders = 0;     ///< stakeholders added (created ones included)
    std::size_t created = 0;          ///< of those, created for a tie endpoint
    std::size_t ties = 0;             ///< tie rows read
    std::size_t merged_ties = 0;      ///< rows that repeated a tie and were merged (`merge`)
    /// What the reader decided for the user, one sentence each: a delimiter other than ',', a
    /// file read as Windows-1252, an edge list read as one relation.
    std::vector<std::string> notes{};
};

/// Reads `nodes` and `ties` into `into`, adding to what it holds.
///
/// nodes.csv: header row required, `id` required; `name`, `sector`, `level`, `perspective`,
/// `organization`, `circle`, `stance` optional; every other column becomes an attribute
/// (`circle:NAME` columns: circles in community NAME). ties.csv: `source`, `target` required,
/// `relation` (or `kind`; without it every row is `options.default_relation`) and `value` (or
/// `weight`; empty = 1) optional; a first line naming none of these is a row of
/// `source,target[,value]`. RFC 4180: quoted fields with delimiters, `""` and line breaks; the
/// delimiter ',' or, detected per file or set by `options.delimiter`, ';' or a tab; LF, CRLF or
/// CR line ends; UTF-8 (validated; Windows-1252 by `options.encoding`) with optional BOM;
/// header names case-insensitive, renamed by `options.columns`; blank lines skipped. A tie
/// repeating an existing one is merged (`CsvOptions::merge`, counted in `merged_ties`); what
/// the reader decided (delimiter, encoding, an edge list's relation) is in `notes`.
/// All or nothing: on any error `into` is unchanged — also when an allocation fails while the
/// stakeholders and ties are added (`into` is then rolled back to a copy made first, its
/// `Community` objects kept valid). Cost: O(file size + V + E) expected, plus a copy of `into`
/// when it is not empty.
/// Throws: io_error (a file cannot be read); parse_error naming the file, the 1-based line and
/// the field, e.g. `ties.csv:17: target "sch-12" is not in nodes.csv`; std::bad_alloc.
CsvReport read_csv(Network& into, const std::filesystem::path& nodes,
                   const std::filesystem::path& ties, const CsvOptions& options = {});

/// Reads a plain edge list — a ties.csv without nodes.csv: `source,target[,relation][,value]`
/// with a header, or `source,target[,value]` without one (the first line naming no ties
/// column), or, for the extensions `.edgelist`, `.ncol` and `.edges`, fields separated by
/// spaces or tabs with `#` comments (NetworkX's `write_edgelist(data=["weight"])`, igraph's
/// NCOL) — into `into`, creating a stakeholder (id only) for every id it names. Rows without a
/// relation are `options.default_relation` ties. Otherwise as `read_csv`.
CsvReport read_edge_list(Network& into, const std::filesystem::path& ties,
                         const CsvOptions& options = {});
/// As `read_edge_list`, from comma- (or `options.delimiter`-) separated text in memory.
CsvReport parse_edge_list(Network& into, std::string_view ties_text,
                          const CsvOptions& options = {}, std::string_view ties_name = "ties.csv");

/// Reads a CSV pair into a new network. As `read_csv(Network&, …)`.
[[nodiscard]] Network read_csv(const std::filesystem::path& nodes,
                               const std::filesystem::path& ties, const CsvOptions& options = {});

/// As `read_csv(Network&, …)`, from text in memory; `nodes_name` and `ties_name` label the
/// inputs in error messages. Throws: parse_error.
CsvReport parse_csv(Network& into, std::string_view nodes_text, std::string_view ties_text,
                    const CsvOptions& options = {}, std::string_view nodes_name = "nodes.csv",
                    std::string_view ties_name = "ties.csv");

/// How to write a CSV pair.
struct CsvWriteOptions {
    /// The community written as the `circle` column; every other community is written as a
    /// `circle:NAME` column. Match `CsvOptions::community` for a lossless round trip.
    std::string community = "community";
    /// End lines with CRLF (as spreadsheets on Windows write) instead of LF.
    bool crlf = false;
};

/// Writes `net` as a CSV pair that `read_csv` reads back to an equal network (community domain
/// texts excepted: the format has no place for them). Columns: id, name, sector, level,
/// perspective, organization, [circle], stance, the attributes in `attribute_names()` order,
/// then `circle:NAME` columns. Stakeholders and ties in slot order; weights in the shortest
/// form that reads back exactly. Cost: O(V + E). Throws: io_error (for the path overload).
void write_csv(const Network& net, std::ostream& nodes, std::ostream& ties,
               const CsvWriteOptions& options = {});
/// Saves `net` as the CSV pair at `nodes` and `ties`, both atomically and together (as
/// `write_file_atomically`): both files are written to temporaries and flushed first, then both
/// renamed; if the second rename fails the first file gets its old contents back. So after a
/// failure (disk full, a killed process) both old files are intact; only a crash between the
/// two renames can leave a new `nodes` beside an old `ties`. Cost: O(V + E).
/// Throws: io_error naming the file (the same path twice, a read-only target, a write failure).
void write_csv(const Network& net, const std::filesystem::path& nodes,
               const std::filesystem::path& ties, const CsvWriteOptions& options = {});

} // namespace copnet
