#pragma once
/// \file
/// Workbooks: `.xlsx` (Excel, LibreOffice, openpyxl) and `.ods` (LibreOffice, odfpy) files read
/// as copnet's CSV sheets or as Kumu's two-sheet layout, and `.xlsx` files written — a network,
/// or (copnet/io/tables.hpp) the tables of any analysis result. Layouts: docs/formats.md.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copnet/events.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/network.hpp"

namespace copnet {

/// The container of a workbook.
enum class WorkbookFormat : std::uint8_t { xlsx, ods };

/// The workbook format of `path`'s extension (`.xlsx`, `.xlsm`, `.ods`, any case), or nothing.
/// Cost: O(|path|).
[[nodiscard]] std::optional<WorkbookFormat> workbook_format_for(const std::filesystem::path& path);

/// How to read a workbook.
struct WorkbookOptions {
    /// What the CSV reader takes and a workbook needs too: `community`,
    /// `create_missing_stakeholders`, `merge`, `columns`, `default_relation`, `scale`. (The
    /// delimiter, decimal comma and encoding do not apply: cells are cells, text is UTF-8.)
    CsvOptions csv{};
    /// The most bytes the workbook's zip may unpack to (all parts together): more is refused
    /// before anything is unpacked (a zip bomb).
    std::size_t max_bytes = std::size_t{1} << 30U;
    /// The most non-empty cells over all sheets (a sheet of repeated cells).
    std::size_t max_cells = std::size_t{1} << 25U;
};

/// The layout a workbook was read in.
enum class WorkbookLayout : std::uint8_t {
    /// Sheets `stakeholders` (or `nodes`), `ties`, optionally `relations` and `events`, in the
    /// columns of the CSV files.
    copnet,
    /// Kumu's import layout: sheets `Elements` (Label, Type, …) and `Connections` (From, To,
    /// Type, Direction, …).
    kumu,
};

/// What a workbook load added.
struct WorkbookReport {
    WorkbookLayout layout = WorkbookLayout::copnet;
    /// The stakeholders and ties sheets' load, as the CSV reader reports it.
    CsvReport csv{};
    /// Relations declared: rows of the `relations` sheet, or Kumu's connection types.
    std::size_t relations = 0;
    /// The `events` sheet's log, read against the network, if the workbook has one.
    std::optional<EventLog> events{};
    /// What the reader decided for the user, one sentence each (with the CSV reader's notes).
    std::vector<std::string> notes{};
};

/// Reads the workbook at `path` (its format by extension: `workbook_format_for`) into `into`,
/// adding to what it holds.
///
/// Layouts: sheets `stakeholders` (or `nodes`) and `ties` (a `ties` sheet alone is an edge list
/// whose ids become stakeholders), optionally `relations` (declared first) and `events`, each in
/// the columns of the CSV file of its name (DESIGN §3.1, §3.4, §3.5); or, without those, Kumu's
/// `Elements` (`Label` is the id; every other column an attribute) and `Connections` (`From`,
/// `To`; `Type` the relation, empty: `options.csv.default_relation` or `connection`;
/// `Direction` `directed` (or empty), `mutual` or `undirected` declares each type's direction;
/// `Weight`/`Value` the value; other columns are not kept, and a note says so). Sheet names
/// compare case-insensitively. In every sheet the first non-empty row is the header; empty rows
/// are skipped; text cells are read as written, numbers in their shortest exact form (`12`,
/// `0.25`), truth values as `true`/`false`, date cells (by their number format in .xlsx — 1900
/// or 1904 date system, as the workbook says — by value type in .ods) as ISO 8601 (`2024-03-05`,
/// or `2024-03-05T14:30:00Z` with a time of day, UTC), so that an event time in a date cell
/// works. A formula cell is read as its stored result.
///
/// All or nothing: on any error `into` is unchanged. Only the workbook's own parts are read:
/// an external link (another workbook) never is. Cost: O(file size + cells + V + E).
/// Throws: io_error (the file cannot be read); parse_error whose message names the sheet, cell
/// and column as a spreadsheet does — `book.xlsx: ties!B7: target "x" is not in stakeholders` —
/// for what the CSV readers refuse, and for a sheet missing, a merged range
/// (`stakeholders!A6:B6`), a formula without a stored result, an error value (`#N/A`), a value
/// in a column without a header, a damaged, truncated or encrypted file, a zip that would unpack
/// beyond `options.max_bytes` or more cells than `options.max_cells`; invalid_value for an
/// extension that is not a workbook's; std::bad_alloc.
WorkbookReport read_workbook(Network& into, const std::filesystem::path& path,
                             const WorkbookOptions& options = {});

/// As `read_workbook`, from the bytes of a workbook in memory; `name` labels it in errors.
WorkbookReport parse_workbook(Network& into, std::string_view bytes, WorkbookFormat format,
                              const WorkbookOptions& options = {},
                              std::string_view name = "workbook");

/// Writes `net` as an `.xlsx` workbook that `read_workbook` reads back to an equal network:
/// sheets `stakeholders` and `ties` in the columns `write_csv` writes (tie values as numbers),
/// and `relations` (every relation's declaration). Saved atomically (as
/// `write_file_atomically`). Cost: O(V + E).
/// Throws: io_error naming the file; invalid_value for a text longer than a cell holds (32,767
/// characters) or more rows than a sheet holds (1,048,576).
void write_workbook(const Network& net, const std::filesystem::path& path,
                    const CsvWriteOptions& options = {});

} // namespace copnet
