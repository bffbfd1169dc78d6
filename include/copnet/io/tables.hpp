#pragma once
/// \file
/// Tables to spreadsheets: any analysis result (its description, copnet/describe.hpp) as the
/// tables of an `.xlsx` workbook, one sheet per table, for people who read results in Excel.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "copnet/describe.hpp"

namespace copnet {

/// One cell of a table: empty, a truth value, a number or a text.
using TableCell = std::variant<std::monostate, bool, double, std::string>;

/// A table to write as a sheet: a header row of `columns`, then `rows`.
struct Table {
    std::string name;
    std::vector<std::string> columns;
    std::vector<std::vector<TableCell>> rows;
};

/// Writes `tables` as an `.xlsx` workbook, one sheet per table (names cut to Excel's 31
/// characters, `[]:*?/\` replaced, repeats numbered), the header row bold and frozen. Saved
/// atomically. Cost: O(cells). Throws: io_error; invalid_value as `write_workbook`.
void write_tables(const std::vector<Table>& tables, const std::filesystem::path& path);

/// A description (copnet/describe.hpp) as tables, so that any analysis result opens in a
/// spreadsheet: the top level's scalars (and its objects of scalars, keys joined by `.`) make a
/// sheet `summary` of `key`, `value` rows; each list of objects a sheet named by its key, one
/// row per element (nested objects' scalars as columns `outer.inner`, lists of scalars joined by
/// `; `, a nested list of objects a sheet of its own whose first column repeats the owner's
/// first value); a list of scalars a one-column sheet; an object of objects (a mixing matrix) a
/// sheet with a row per outer key. Cost: O(size of the description).
class TableSink final : public FieldSink {
public:
    TableSink();
    ~TableSink() override;
    TableSink(const TableSink&) = delete;
    TableSink& operator=(const TableSink&) = delete;
    void value(std::string_view key, const FieldValue& value) override;
    void begin_object(std::string_view key) override;
    void begin_list(std::string_view key) override;
    void end() override;
    /// The tables described so far.
    [[nodiscard]] std::vector<Table> tables() const;

private:
    struct Tree;
    std::unique_ptr<Tree> tree_;
};

} // namespace copnet
