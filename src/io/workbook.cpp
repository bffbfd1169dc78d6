// Reading workbooks: each sheet's cells become the text of the CSV file of its name, read by the
// CSV, relations and events readers — one code path for a row, whatever holds it — and their
// errors are put back in the sheet's terms (`ties!B7`).

#include "copnet/io/workbook.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "copnet/io/relations.hpp"
#include "detail/text.hpp"
#include "io/workbook_cells.hpp"

namespace copnet {

std::optional<WorkbookFormat> workbook_format_for(const std::filesystem::path& path) {
    const std::string ext = path.extension().string();
    if (detail::iequals(ext, ".xlsx") || detail::iequals(ext, ".xlsm")) return WorkbookFormat::xlsx;
    if (detail::iequals(ext, ".ods")) return WorkbookFormat::ods;
    return std::nullopt;
}

namespace {

using detail::column_letters;
using detail::iequals;
using detail::WorkbookCell;
using detail::WorkbookCells;
using detail::WorkbookSheet;

std::string dq(std::string_view s) { return "\"" + std::string(s) + "\""; }

// A civil date from days since 1970-01-01 (H. Hinnant's civil_from_days).
void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2 ? 1 : 0;
}

void put_digits(std::string& out, std::int64_t v, int width) {
    std::string s = std::to_string(v);
    while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
    out += s;
}

// A date cell (days since 1970-01-01) as ISO 8601: a date, or a UTC date-time to the second
// (milliseconds when there are some). Nothing for a date outside the years 0000–9999.
std::optional<std::string> iso_date(double days) {
    if (!std::isfinite(days) || std::abs(days) > 1e8) return std::nullopt;
    const auto ms = static_cast<std::int64_t>(std::llround(days * 86400000.0));
    std::int64_t day = ms / 86400000;
    std::int64_t rest = ms % 86400000;
    if (rest < 0) {
        rest += 86400000;
        --day;
    }
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(day, y, m, d);
    if (y < 0 || y > 9999) return std::nullopt;
    std::string out;
    put_digits(out, y, 4);
    out += '-';
    put_digits(out, m, 2);
    out += '-';
    put_digits(out, d, 2);
    if (rest == 0) return out;
    out += 'T';
    put_digits(out, rest / 3600000, 2);
    out += ':';
    put_digits(out, rest / 60000 % 60, 2);
    out += ':';
    put_digits(out, rest / 1000 % 60, 2);
    if (rest % 1000 != 0) {
        out += '.';
        put_digits(out, rest % 1000, 3);
    }
    out += 'Z';
    return out;
}

// What a sheet's column becomes in the CSV text.
struct ColumnPlan {
    std::string name;            // the CSV column name (the header cell's text, or a rename)
    bool keep = true;            // false: left out
    std::string if_empty;        // written for an empty cell (Kumu's default relation)
};

// A sheet as CSV text, and how to map the CSV reader's lines and fields back to cells.
struct SheetText {
    std::string sheet;  // the sheet's name
    std::string csv;
    std::vector<std::pair<std::size_t, std::uint32_t>> lines;  // record's first line → row
    std::vector<std::pair<std::string, std::uint32_t>> columns;  // CSV name → sheet column
    std::uint32_t header_row = 0;
};

// The header and rows of a sheet, its cells sorted.
class Grid {
public:
    Grid(const WorkbookSheet& sheet, const WorkbookCells& book, const std::string& file)
        : sheet_(sheet), book_(book), file_(file), cells_(sheet.cells) {
        if (!std::ranges::is_sorted(cells_, less))
            std::ranges::stable_sort(cells_, less);
        if (!sheet.merged.empty()) {
            const detail::WorkbookRange& r = sheet.merged.front();
            fail_at(cell(r.first_row, r.first_column) + ":" + cell(r.last_row, r.last_column),
                    "merged cells (copnet reads one value per cell: unmerge them, and fill in "
                    "every cell)");
        }
        if (sheet.has_problem)
            fail_at(cell(sheet.problem_row, sheet.problem_column), "the cell holds " + sheet.problem);
        // Repeated cells (a writer's mistake) keep the last.
        if (!cells_.empty()) {
            std::vector<WorkbookCell> unique;
            unique.reserve(cells_.size());
            for (const WorkbookCell& c : cells_) {
                if (!unique.empty() && unique.back().row == c.row && unique.back().column == c.column)
                    unique.back() = c;
                else
                    unique.push_back(c);
            }
            cells_ = std::move(unique);
        }
        if (!cells_.empty()) {
            header_row_ = cells_.front().row;
            for (const WorkbookCell& c : cells_) {
                if (c.row != header_row_) break;
                header_.resize(c.column + 1);
                header_[c.column] = text(c);
            }
            for (std::size_t i = 0; i < header_.size(); ++i)
                if (detail::trim(header_[i]).empty())
                    fail_at(cell(header_row_, static_cast<std::uint32_t>(i)),
                            "the header cell is empty (every column needs a name)");
        }
    }

    [[nodiscard]] const std::vector<std::string>& header() const noexcept { return header_; }
    [[nodiscard]] const std::vector<WorkbookCell>& cells() const noexcept { return cells_; }
    [[nodiscard]] std::uint32_t header_row() const noexcept { return header_row_; }
    [[nodiscard]] const std::string& name() const noexcept { return sheet_.name; }

    // A cell as text.
    [[nodiscard]] std::string text(const WorkbookCell& c) const {
        switch (c.type) {
        case WorkbookCell::Type::text: return book_.texts[c.text];
        case WorkbookCell::Type::boolean: return c.number != 0 ? "true" : "false";
        case WorkbookCell::Type::number:
            if (!std::isfinite(c.number)) fail_at(cell(c.row, c.column), "the cell holds an invalid number or date");
            return detail::shortest(c.number);
        case WorkbookCell::Type::date: {
            std::optional<std::string> iso = iso_date(c.number);
            if (!iso) fail_at(cell(c.row, c.column), "the cell holds a date outside the years 0000-9999");
            return std::move(*iso);
        }
        }
        return {};
    }

    [[nodiscard]] std::string cell(std::uint32_t row, std::uint32_t column) const {
        return column_letters(column) + std::to_string(static_cast<std::uint64_t>(row) + 1);
    }
    [[noreturn]] void fail_at(const std::string& where, const std::string& message) const {
        throw parse_error(file_, 0, "", sheet_.name + "!" + where + ": " + message);
    }

    // The sheet as CSV text, its columns as `plan` says (one entry per header column).
    [[nodiscard]] SheetText to_csv(const std::vector<ColumnPlan>& plan) const {
        SheetText out;
        out.sheet = sheet_.name;
        out.header_row = header_row_;
        std::size_t line = 1;
        std::vector<std::uint32_t> kept;
        for (std::size_t i = 0; i < plan.size(); ++i)
            if (plan[i].keep) {
                kept.push_back(static_cast<std::uint32_t>(i));
                out.columns.emplace_back(plan[i].name, static_cast<std::uint32_t>(i));
            }
        std::string& csv = out.csv;
        csv.reserve(cells_.size() * 12 + 64);
        bool first = true;
        for (std::uint32_t i : kept) {
            if (!first) csv += ',';
            first = false;
            put(csv, plan[i].name);
        }
        csv += '\n';
        out.lines.emplace_back(1, header_row_);
        ++line;
        std::vector<std::string> fields(plan.size());
        std::vector<bool> set(plan.size());
        std::size_t k = 0;
        while (k < cells_.size() && cells_[k].row == header_row_) ++k;
        while (k < cells_.size()) {
            const std::uint32_t row = cells_[k].row;
            std::fill(set.begin(), set.end(), false);
            bool any = false;
            for (; k < cells_.size() && cells_[k].row == row; ++k) {
                const WorkbookCell& c = cells_[k];
                if (c.column >= header_.size())
                    fail_at(cell(c.row, c.column), "a value in column " + column_letters(c.column) +
                                                       ", which has no header");
                if (!plan[c.column].keep) continue;
                fields[c.column] = text(c);
                set[c.column] = true;
                any = true;
            }
            if (!any) continue;
            out.lines.emplace_back(line, row);
            first = true;
            for (std::uint32_t i : kept) {
                if (!first) csv += ',';
                first = false;
                std::string_view f = set[i] ? std::string_view(fields[i]) : std::string_view();
                if (detail::trim(f).empty() && !plan[i].if_empty.empty()) f = plan[i].if_empty;
                line += static_cast<std::size_t>(std::ranges::count(f, '\n'));
                put(csv, f);
            }
            csv += '\n';
            ++line;
        }
        return out;
    }

private:
    static bool less(const WorkbookCell& a, const WorkbookCell& b) {
        return a.row != b.row ? a.row < b.row : a.column < b.column;
    }
    static void put(std::string& out, std::string_view field) {
        if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
            out += field;
            return;
        }
        out += '"';
        for (char c : field) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    }

    const WorkbookSheet& sheet_;
    const WorkbookCells& book_;
    const std::string& file_;
    std::vector<WorkbookCell> cells_;
    std::vector<std::string> header_;
    std::uint32_t header_row_ = 0;
};

// Plans that keep every column under its header's name.
std::vector<ColumnPlan> plain_plan(const Grid& grid) {
    std::vector<ColumnPlan> plan;
    for (const std::string& h : grid.header()) plan.push_back({std::string(detail::trim(h)), true, {}});
    return plan;
}

// A parse_error of one of the CSV readers (its file one of `texts`' sheets) in the sheet's terms.
[[noreturn]] void rethrow_in_sheet(const parse_error& e, const std::vector<const SheetText*>& texts,
                                   const std::string& file, const CsvOptions& csv) {
    for (const SheetText* t : texts) {
        if (t == nullptr || e.file() != t->sheet) continue;
        std::optional<std::uint32_t> row;
        if (e.line() > 0) {
            const auto it = std::ranges::upper_bound(t->lines, e.line(), {},
                                                     [](const auto& p) { return p.first; });
            if (it != t->lines.begin()) row = std::prev(it)->second;
        }
        std::optional<std::uint32_t> column;
        if (!e.field().empty()) {
            const auto match = [&](std::string_view name) {
                for (const auto& [n, c] : t->columns)
                    if (iequals(n, name)) return std::optional<std::uint32_t>(c);
                return std::optional<std::uint32_t>();
            };
            column = match(e.field());
            // A column renamed by CsvOptions::columns: the field is the new name.
            for (const auto& [from, to] : csv.columns)
                if (!column && iequals(detail::trim(to), e.field())) column = match(detail::trim(from));
        }
        std::string where = t->sheet;
        if (row && column) where += "!" + column_letters(*column) + std::to_string(*row + 1);
        else if (row) where += "!" + std::to_string(*row + 1) + ":" + std::to_string(*row + 1);
        else if (column) where += "!" + column_letters(*column) + ":" + column_letters(*column);
        throw parse_error(file, 0, e.field(), where + ": " + e.message());
    }
    throw parse_error(file, 0, e.field(), e.what());
}

const WorkbookSheet* find_sheet(const WorkbookCells& book, std::initializer_list<std::string_view> names) {
    for (std::string_view n : names)
        for (const WorkbookSheet& s : book.sheets)
            if (iequals(detail::trim(s.name), n)) return &s;
    return nullptr;
}

// Kumu's Connections: the CSV plan (From, To, Type, Weight/Value kept; the rest dropped) and
// each connection type's direction, declared on `into` where it lacks the type.
std::vector<ColumnPlan> kumu_connections(const Grid& grid, Network& into, const WorkbookOptions& options,
                                         std::vector<std::string>& notes, std::size_t& declared) {
    std::vector<ColumnPlan> plan = plain_plan(grid);
    std::optional<std::uint32_t> type, direction;
    std::vector<std::string> dropped;
    const std::string default_type =
        options.csv.default_relation.empty() ? std::string("connection") : options.csv.default_relation;
    for (std::size_t i = 0; i < plan.size(); ++i) {
        ColumnPlan& p = plan[i];
        if (iequals(p.name, "from")) p.name = "source";
        else if (iequals(p.name, "to")) p.name = "target";
        else if (iequals(p.name, "type")) {
            p.name = "relation";
            p.if_empty = default_type;
            type = static_cast<std::uint32_t>(i);
        } else if (iequals(p.name, "weight") || iequals(p.name, "value")) {
        } else {
            if (iequals(p.name, "direction")) direction = static_cast<std::uint32_t>(i);
            else dropped.push_back(p.name);
            p.keep = false;
        }
    }
    if (!type) {  // no Type column: every connection of the default type
        plan.push_back({"relation", true, default_type});
    }
    if (!dropped.empty()) {
        std::string list;
        for (const std::string& d : dropped) list += (list.empty() ? "" : ", ") + d;
        notes.push_back(grid.name() + ": the columns " + list +
                        " are not kept (copnet's ties carry a relation and a value only)");
    }
    // Each type's direction, from its first connection; a later one saying otherwise is an error.
    struct Seen {
        std::string name;
        RelationDirection direction;
        std::uint32_t row;
    };
    std::vector<Seen> seen;
    const std::vector<WorkbookCell>& cells = grid.cells();
    std::size_t k = 0;
    while (k < cells.size()) {
        const std::uint32_t row = cells[k].row;
        std::string t, d;
        bool any = false;
        for (; k < cells.size() && cells[k].row == row; ++k) {
            if (row == grid.header_row()) continue;
            any = true;
            if (type && cells[k].column == *type) t = std::string(detail::trim(grid.text(cells[k])));
            if (direction && cells[k].column == *direction) d = std::string(detail::trim(grid.text(cells[k])));
        }
        if (!any) continue;
        if (t.empty()) t = default_type;
        RelationDirection dir = RelationDirection::directed;
        if (d.empty() || iequals(d, "directed")) dir = RelationDirection::directed;
        else if (iequals(d, "mutual") || iequals(d, "undirected")) dir = RelationDirection::mutual;
        else
            grid.fail_at(grid.cell(row, *direction),
                         "Direction " + dq(d) + " is not directed, mutual or undirected");
        const auto it = std::ranges::find_if(seen, [&](const Seen& s) { return category_key(s.name) == category_key(t); });
        if (it == seen.end()) {
            seen.push_back({t, dir, row});
        } else if (it->direction != dir) {
            grid.fail_at(grid.cell(row, *direction),
                         "connections of type " + dq(t) + " are " +
                             std::string(to_string(it->direction)) + " (row " +
                             std::to_string(it->row + 1) + ") and " + std::string(to_string(dir)) +
                             " here; copnet gives a relation one direction (give them two types)");
        }
    }
    for (const Seen& s : seen) {
        if (into.find_relation(s.name)) continue;
        try {
            into.add_relation(Relation{.name = s.name, .role = Role::other, .direction = s.direction,
                                       .polarity = Polarity::positive, .scale = options.csv.scale});
        } catch (const invalid_value& e) {
            grid.fail_at(grid.cell(s.row, type.value_or(0)), e.what());
        }
        ++declared;
    }
    return plan;
}

WorkbookReport load(Network& into, const WorkbookCells& book, const WorkbookOptions& options,
                    const std::string& file) {
    CsvOptions csv = options.csv;
    csv.delimiter = ',';
    csv.decimal_comma = false;
    csv.encoding = Encoding::utf8;

    WorkbookReport report;
    const WorkbookSheet* nodes = find_sheet(book, {"stakeholders", "nodes"});
    const WorkbookSheet* ties = find_sheet(book, {"ties"});
    const WorkbookSheet* relations = find_sheet(book, {"relations"});
    const WorkbookSheet* events = find_sheet(book, {"events"});
    const WorkbookSheet* elements = find_sheet(book, {"elements"});
    const WorkbookSheet* connections = find_sheet(book, {"connections"});
    const bool kumu = ties == nullptr && nodes == nullptr && elements != nullptr && connections != nullptr;
    if (!kumu && ties == nullptr) {
        std::string names;
        for (const WorkbookSheet& s : book.sheets) names += (names.empty() ? "" : ", ") + s.name;
        if (names.empty()) names = "none";
        std::string what = nodes != nullptr ? "no sheet named ties"
                           : elements != nullptr || connections != nullptr
                               ? std::string("Kumu's layout needs both sheets Elements and Connections")
                               : "no sheets stakeholders (or nodes) and ties, nor Kumu's Elements and Connections";
        throw parse_error(file, 0, "", what + " (the workbook's sheets: " + names + ")");
    }
    report.layout = kumu ? WorkbookLayout::kumu : WorkbookLayout::copnet;
    if (kumu) {
        nodes = elements;
        ties = connections;
    }

    // Everything is checked against a copy-free stage: the readers each leave `into` unchanged
    // on error, and what an earlier one added is taken back here.
    const bool empty = into.slot_count() == 0 && into.communities().empty() &&
                       into.attribute_names().empty() &&
                       std::ranges::equal(into.relations(), Network().relations());
    Network saved = empty ? Network() : into;
    std::optional<SheetText> nodes_text, ties_text, relations_text, events_text;
    try {
        if (relations != nullptr) {
            const Grid grid(*relations, book, file);
            relations_text = grid.to_csv(plain_plan(grid));
            report.relations = parse_relations(into, relations_text->csv, relations_text->sheet);
        }
        std::optional<Grid> node_grid;
        if (nodes != nullptr) {
            node_grid.emplace(*nodes, book, file);
            std::vector<ColumnPlan> plan = plain_plan(*node_grid);
            if (kumu)
                for (ColumnPlan& p : plan)
                    if (iequals(p.name, "label")) p.name = "id";
            nodes_text = node_grid->to_csv(plan);
        }
        const Grid tie_grid(*ties, book, file);
        ties_text = tie_grid.to_csv(kumu ? kumu_connections(tie_grid, into, options, report.notes, report.relations)
                                         : plain_plan(tie_grid));
        report.csv = nodes_text ? parse_csv(into, nodes_text->csv, ties_text->csv, csv, nodes_text->sheet,
                                            ties_text->sheet)
                                : parse_edge_list(into, ties_text->csv, csv, ties_text->sheet);
        if (events != nullptr) {
            const Grid grid(*events, book, file);
            events_text = grid.to_csv(plain_plan(grid));
            EventReport er;
            report.events = parse_events(into, events_text->csv, events_text->sheet,
                                         EventOptions{.create_missing_stakeholders = csv.create_missing_stakeholders},
                                         &er);
        }
    } catch (const parse_error& e) {
        detail::roll_back(into, std::move(saved));
        if (e.file() == file) throw;
        rethrow_in_sheet(e, {nodes_text ? &*nodes_text : nullptr, ties_text ? &*ties_text : nullptr,
                             relations_text ? &*relations_text : nullptr, events_text ? &*events_text : nullptr},
                         file, csv);
    } catch (...) {
        detail::roll_back(into, std::move(saved));
        throw;
    }
    for (std::string& n : report.csv.notes) report.notes.push_back(std::move(n));
    report.csv.notes.clear();
    return report;
}

} // namespace

WorkbookReport parse_workbook(Network& into, std::string_view bytes, WorkbookFormat format,
                              const WorkbookOptions& options, std::string_view name) {
    const std::string file(name);
    const detail::WorkbookLimits limits{options.max_bytes, options.max_cells};
    const WorkbookCells book = format == WorkbookFormat::xlsx
                                   ? detail::read_xlsx_cells(bytes, file, limits)
                                   : detail::read_ods_cells(bytes, file, limits);
    return load(into, book, options, file);
}

WorkbookReport read_workbook(Network& into, const std::filesystem::path& path,
                             const WorkbookOptions& options) {
    const std::optional<WorkbookFormat> format = workbook_format_for(path);
    if (!format)
        throw invalid_value(path.string() + ": not a workbook's extension (expected .xlsx or .ods)");
    const std::string bytes = read_file_bytes(path);
    return parse_workbook(into, bytes, *format, options, path.string());
}

} // namespace copnet
