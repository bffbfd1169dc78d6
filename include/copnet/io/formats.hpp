#pragma once
/// \file
/// Reading and writing a network in the format its file's extension names — one table of
/// formats that every command's `--input FILE`, `convert --to FILE`, Python's `copnet.read` /
/// `copnet.write` and C++ callers share (docs/formats.md lists the layouts):
///
/// ```cpp
/// copnet::Network net = copnet::read_network("cop.net");        // Pajek
/// copnet::write_network(net, "cop.gexf");                          // GEXF 1.3, for Gephi
/// ```
/// A new format is one entry of the table in src/io/formats.cpp.

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "copnet/io/csv.hpp"
#include "copnet/network.hpp"

namespace copnet {

/// How a `.csv` file given alone is laid out: `automatic` reads an adjacency matrix when the
/// header's first cell is empty (as R's `write.csv` and pandas write a matrix), else an edge
/// list; `edge_list` (source,target[,relation][,value]), `matrix` (a header of ids, a first
/// column of ids, a value per cell), `roster` (one row per respondent, columns `advice_1`,
/// `advice_2`, … naming alters: docs/formats.md).
enum class CsvLayout : std::uint8_t { automatic, edge_list, matrix, roster };

/// "automatic", "edge_list", "matrix", "roster"; `parse_csv_layout` reads them (also
/// "edgelist", case-insensitive). Throws: invalid_value naming the spelling. Cost: O(1).
[[nodiscard]] std::string_view to_string(CsvLayout layout) noexcept;
[[nodiscard]] CsvLayout parse_csv_layout(std::string_view text);

/// Options for reading and writing by extension; each reader takes the ones it has a use for.
struct FormatOptions {
    /// The community that a plain `circle` field fills (every format that has node fields).
    std::string community = "community";
    /// What a repeated tie does (`Merge`; every reader).
    Merge merge = Merge::by_scale;
    /// The CSV layouts' reading options (delimiter, encoding, scale, create-missing); their
    /// `community` and `merge` are replaced by the two above. `csv.default_relation` names the
    /// relation of a file that carries one relation without naming it: an edge list, an
    /// adjacency matrix (default: the file's stem, `advice.csv` → `advice`), a roster (default:
    /// the columns' prefix), a Pajek or GML file without relation names.
    CsvOptions csv{};
    /// The layout of a `.csv` given alone.
    CsvLayout layout = CsvLayout::automatic;
    /// Writing: each stakeholder's fields where a format's readers differ on them — Pajek's
    /// key-value pairs, which NetworkX reads and igraph refuses (`PajekWriteOptions::fields`).
    bool fields = true;
    /// Writing GEXF: "1.3" or "1.2draft" (what NetworkX 2.8 reads; `GexfWriteOptions`).
    std::string gexf_version = "1.3";
};

/// One entry of the format table.
struct FileFormat {
    /// The format's name as messages print it: "GraphML", "Pajek", "GEXF 1.3"…
    std::string_view name;
    /// Its extensions, lower case with the dot: {".net", ".pajek"}.
    std::vector<std::string_view> extensions;
    /// Reads the file into a network (see `read_network`); null when the format is write-only.
    void (*read)(Network& into, const std::filesystem::path& path, const FormatOptions& options) = nullptr;
    /// Saves the network at the path atomically; null when the format is read-only.
    void (*write)(const Network& net, const std::filesystem::path& path, const FormatOptions& options) = nullptr;
    /// True when reading adds to a network that holds stakeholders already (the CSV layouts,
    /// so that several matrices, one per relation, make one network); the others need it empty.
    bool adds = false;
};

/// Every format copnet reads or writes by extension, in the order the messages list them.
/// Cost: O(1).
[[nodiscard]] std::span<const FileFormat> file_formats() noexcept;

/// The format whose extensions include `path`'s (compared case-insensitively), or nullptr.
/// Cost: O(formats).
[[nodiscard]] const FileFormat* format_for(const std::filesystem::path& path) noexcept;

/// The known extensions, as messages list them: ".graphml, .json, .net, …". `writable`: only
/// those `write_network` writes (else those `read_network` reads). Cost: O(formats).
[[nodiscard]] std::string known_extensions(bool writable);

/// Reads the file at `path` into `into` in the format of its extension (`format_for`), and
/// returns that format's name. Formats that add (`FileFormat::adds`: the CSV layouts) add
/// the file's stakeholders and ties to what `into` holds; the others fill an empty `into`.
/// All or nothing: on error `into` is unchanged. Cost: that of the format's reader.
/// Throws: invalid_value for an unknown extension (listing the known ones), a write-only
/// format, or a whole-document format read into a network that is not empty; io_error;
/// parse_error from the reader (file, line, field).
std::string_view read_network(Network& into, const std::filesystem::path& path,
                              const FormatOptions& options = {});
/// Reads the file at `path` into a new network, as `read_network(Network&, …)`.
[[nodiscard]] Network read_network(const std::filesystem::path& path, const FormatOptions& options = {});

/// Saves `net` at `path` atomically in the format of its extension; returns the format's name.
/// Cost: that of the format's writer. Throws: invalid_value for an unknown extension (listing
/// the known ones), a read-only format, or what the writer refuses; io_error.
std::string_view write_network(const Network& net, const std::filesystem::path& path,
                               const FormatOptions& options = {});

} // namespace copnet
