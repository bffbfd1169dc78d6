#pragma once
// The cells of a workbook's sheets, as the xlsx and ods readers deliver them to the layout
// reader (src/io/workbook.cpp). Not installed.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace copnet::detail {

/// One non-empty cell. Texts are indices into `WorkbookCells::texts`; a date is a day count
/// since 1970-01-01 (UTC, the fraction the time of day).
struct WorkbookCell {
    enum class Type : std::uint8_t { text, number, boolean, date };
    std::uint32_t row = 0;     ///< 0-based
    std::uint32_t column = 0;  ///< 0-based
    Type type = Type::text;
    double number = 0;         ///< number, boolean (0/1) or date
    std::uint32_t text = 0;    ///< index of a text
};

/// A merged range, 0-based and inclusive.
struct WorkbookRange {
    std::uint32_t first_row = 0, first_column = 0, last_row = 0, last_column = 0;
};

struct WorkbookSheet {
    std::string name;
    std::vector<WorkbookCell> cells;  ///< in any order
    std::vector<WorkbookRange> merged;
    /// The first cell that cannot be read (a formula without a stored result, an error value
    /// such as #N/A), if any: where, and what it holds.
    bool has_problem = false;
    std::uint32_t problem_row = 0, problem_column = 0;
    std::string problem;
};

struct WorkbookCells {
    std::vector<WorkbookSheet> sheets;
    std::vector<std::string> texts;
};

/// Limits against hostile files (zip bombs, huge declared sizes, endless repeated cells).
struct WorkbookLimits {
    std::size_t max_bytes;  ///< total uncompressed size of the parts read
    std::size_t max_cells;  ///< non-empty cells over all sheets
};

/// "A", "B", … "Z", "AA", … for a 0-based column.
[[nodiscard]] std::string column_letters(std::uint32_t column);

/// The cells of the `.xlsx` (Office Open XML) workbook `bytes`; `file` names it in errors.
/// Throws parse_error (not a workbook, a damaged or oversized zip, bad XML), std::bad_alloc.
[[nodiscard]] WorkbookCells read_xlsx_cells(std::string_view bytes, const std::string& file,
                                            const WorkbookLimits& limits);
/// The cells of the `.ods` (OpenDocument) workbook `bytes`.
[[nodiscard]] WorkbookCells read_ods_cells(std::string_view bytes, const std::string& file,
                                           const WorkbookLimits& limits);

/// Checks the zip container `bytes` before anything inflates it: a readable central directory
/// whose entries all lie inside the file, use no compression but stored or deflate, and whose
/// declared sizes stay within `limits.max_bytes` (liborcus allocates the declared size).
/// Throws parse_error naming `file`.
void check_zip(std::string_view bytes, const std::string& file, const WorkbookLimits& limits);

} // namespace copnet::detail
