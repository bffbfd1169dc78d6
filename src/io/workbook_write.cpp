// Writing .xlsx workbooks through libxlsxwriter: a network (the CSV files' columns as sheets)
// and tables (any analysis result, through TableSink).

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <unistd.h>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <xlsxwriter.h>

#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/file.hpp"
#include "copnet/io/relations.hpp"
#include "copnet/io/tables.hpp"
#include "copnet/io/workbook.hpp"
#include "detail/csv_reader.hpp"
#include "detail/text.hpp"

namespace copnet {
namespace {

constexpr std::size_t max_rows = 1048576;
constexpr std::size_t max_text = 32767;

// A sheet name Excel accepts: at most 31 characters (whole UTF-8 sequences), none of []:*?/\,
// not empty, not repeating an earlier one (compared case-insensitively, as Excel does).
std::string sheet_name(std::string_view wanted, std::vector<std::string>& taken) {
    std::string base;
    for (char c : wanted) base += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
    if (base.empty()) base = "sheet";
    const auto cut = [](std::string s, std::size_t chars) {
        std::size_t n = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if ((static_cast<unsigned char>(s[i]) & 0xC0U) != 0x80U) {
                if (n == chars) return s.substr(0, i);
                ++n;
            }
        }
        return s;
    };
    std::string name = cut(base, 31);
    for (int k = 2;; ++k) {
        const bool used = std::ranges::any_of(taken, [&](const std::string& t) { return detail::iequals(t, name); });
        if (!used) break;
        const std::string suffix = " (" + std::to_string(k) + ")";
        name = cut(base, 31 - suffix.size()) + suffix;
    }
    taken.push_back(name);
    return name;
}

// An .xlsx written by libxlsxwriter to a temporary file, then saved atomically at `target`.
class Book {
public:
    explicit Book(std::filesystem::path target) : target_(std::move(target)) {
        static std::atomic<unsigned> counter{0};
        temp_ = std::filesystem::temp_directory_path() /
                ("copnet-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".xlsx");
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        book_ = workbook_new_opt(temp_.c_str(), &options);
        if (book_ == nullptr) throw io_error(target_.string(), "cannot create the workbook");
        bold_ = workbook_add_format(book_);
        format_set_bold(bold_);
    }
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;
    ~Book() {
        if (book_ != nullptr) {
            // Not saved (an error): libxlsxwriter frees only by closing, which writes the file.
            workbook_close(book_);
        }
        std::error_code ec;
        std::filesystem::remove(temp_, ec);
    }

    // Starts a sheet with a bold, frozen header row.
    void sheet(std::string_view name, const std::vector<std::string>& columns) {
        const std::string n = sheet_name(name, names_);
        sheet_ = workbook_add_worksheet(book_, n.c_str());
        if (sheet_ == nullptr) throw invalid_value("cannot add the sheet " + n + " to the workbook");
        worksheet_freeze_panes(sheet_, 1, 0);
        row_ = 0;
        for (std::size_t c = 0; c < columns.size(); ++c) text(c, columns[c], bold_);
        row_ = 1;
    }
    // The next row.
    void next_row() {
        if (++row_ >= max_rows)
            throw invalid_value("a sheet holds at most 1048576 rows: the table is too long for .xlsx");
    }
    void text(std::size_t column, std::string_view s, lxw_format* format = nullptr) {
        if (s.empty()) return;
        if (s.size() > max_text && count_chars(s) > max_text)
            throw invalid_value("a text of more than 32767 characters does not fit an .xlsx cell");
        const std::string z(s);
        check(worksheet_write_string(sheet_, row(), col(column), z.c_str(), format));
    }
    void number(std::size_t column, double x) {
        if (!std::isfinite(x)) return;  // no cell: as JSON's null
        check(worksheet_write_number(sheet_, row(), col(column), x, nullptr));
    }
    void boolean(std::size_t column, bool b) {
        check(worksheet_write_boolean(sheet_, row(), col(column), b ? 1 : 0, nullptr));
    }

    void save() {
        lxw_workbook* b = book_;
        book_ = nullptr;
        const lxw_error e = workbook_close(b);
        if (e != LXW_NO_ERROR) throw io_error(target_.string(), std::string("cannot write the workbook: ") + lxw_strerror(e));
        write_file_atomically(target_, read_file_bytes(temp_));
    }

private:
    static std::size_t count_chars(std::string_view s) {
        return static_cast<std::size_t>(std::ranges::count_if(s, [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
    }
    [[nodiscard]] lxw_row_t row() const { return static_cast<lxw_row_t>(row_); }
    static lxw_col_t col(std::size_t c) {
        if (c >= 16384) throw invalid_value("a sheet holds at most 16384 columns: the table is too wide for .xlsx");
        return static_cast<lxw_col_t>(c);
    }
    void check(lxw_error e) const {
        if (e == LXW_NO_ERROR) return;
        if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
            throw invalid_value("a text of more than 32767 characters does not fit an .xlsx cell");
        throw io_error(target_.string(), std::string("cannot write the workbook: ") + lxw_strerror(e));
    }

    std::filesystem::path target_, temp_;
    lxw_workbook* book_ = nullptr;
    lxw_worksheet* sheet_ = nullptr;
    lxw_format* bold_ = nullptr;
    std::size_t row_ = 0;
    std::vector<std::string> names_;
};

// Writes CSV text as a sheet: every field a text cell, except the columns `numeric` holds (by
// index), written as numbers.
void csv_sheet(Book& book, std::string_view name, std::string text, const std::vector<std::string>& numeric) {
    detail::RecordReader reader(text, name);
    std::vector<std::string_view> fields;
    if (!reader.next(fields)) return;
    const std::vector<std::string> header(fields.begin(), fields.end());
    std::vector<bool> is_number(header.size(), false);
    for (std::size_t i = 0; i < header.size(); ++i)
        for (const std::string& n : numeric)
            if (detail::iequals(header[i], n)) is_number[i] = true;
    book.sheet(name, header);
    bool first = true;
    while (reader.next(fields)) {
        if (!first) book.next_row();
        first = false;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            double x = 0;
            const std::string_view f = fields[i];
            const auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), x);
            if (i < is_number.size() && is_number[i] && !f.empty() && ec == std::errc() && p == f.data() + f.size())
                book.number(i, x);
            else
                book.text(i, f);
        }
    }
}

} // namespace

void write_workbook(const Network& net, const std::filesystem::path& path, const CsvWriteOptions& options) {
    std::ostringstream nodes, ties;
    write_csv(net, nodes, ties, options);
    Book book(path);
    csv_sheet(book, "stakeholders", nodes.str(), {});
    csv_sheet(book, "ties", ties.str(), {"value", "weight"});
    if (has_declared_relations(net)) {
        std::ostringstream relations;
        write_relations(net, relations);
        csv_sheet(book, "relations", relations.str(), {});
    }
    book.save();
}

void write_tables(const std::vector<Table>& tables, const std::filesystem::path& path) {
    Book book(path);
    for (const Table& t : tables) {
        book.sheet(t.name, t.columns);
        bool first = true;
        for (const std::vector<TableCell>& row : t.rows) {
            if (!first) book.next_row();
            first = false;
            for (std::size_t c = 0; c < row.size(); ++c) {
                const TableCell& cell = row[c];
                if (const auto* b = std::get_if<bool>(&cell)) book.boolean(c, *b);
                else if (const auto* x = std::get_if<double>(&cell)) book.number(c, *x);
                else if (const auto* s = std::get_if<std::string>(&cell)) book.text(c, *s);
            }
        }
    }
    book.save();
}

// ---- TableSink ------------------------------------------------------------------------------

struct TableSink::Tree {
    nlohmann::ordered_json root = nlohmann::ordered_json::object();
    std::vector<nlohmann::ordered_json*> open{&root};

    nlohmann::ordered_json& place(std::string_view key) {
        nlohmann::ordered_json& top = *open.back();
        if (top.is_array()) {
            top.push_back(nullptr);
            return top.back();
        }
        return top[std::string(key)];
    }
};

TableSink::TableSink() : tree_(std::make_unique<Tree>()) {}
TableSink::~TableSink() = default;

void TableSink::value(std::string_view key, const FieldValue& value) {
    nlohmann::ordered_json& slot = tree_->place(key);
    std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) slot = nullptr;
            else if constexpr (std::is_same_v<T, double>) {
                if (std::isfinite(v)) slot = v;
                else slot = nullptr;
            } else if constexpr (std::is_same_v<T, std::string_view>) slot = std::string(v);
            else slot = v;
        },
        value);
}

void TableSink::begin_object(std::string_view key) {
    nlohmann::ordered_json& slot = tree_->place(key);
    slot = nlohmann::ordered_json::object();
    tree_->open.push_back(&slot);
}

void TableSink::begin_list(std::string_view key) {
    nlohmann::ordered_json& slot = tree_->place(key);
    slot = nlohmann::ordered_json::array();
    tree_->open.push_back(&slot);
}

void TableSink::end() {
    if (tree_->open.size() > 1) tree_->open.pop_back();
}

namespace {

using Json = nlohmann::ordered_json;

bool is_scalar(const Json& j) { return !j.is_object() && !j.is_array(); }

TableCell cell_of(const Json& j) {
    if (j.is_boolean()) return j.get<bool>();
    if (j.is_number()) return j.get<double>();
    if (j.is_string()) return j.get<std::string>();
    if (j.is_null()) return std::monostate{};
    return j.dump();
}

std::string joined(const Json& list) {
    std::string out;
    for (const Json& e : list) {
        if (!out.empty()) out += "; ";
        if (e.is_string()) out += e.get<std::string>();
        else if (e.is_number_float()) out += detail::shortest(e.get<double>());
        else out += e.dump();
    }
    return out;
}

// A table being built: columns by name, in the order first met.
struct Building {
    Table table;
    std::map<std::string, std::size_t> index;
    std::size_t column(const std::string& name) {
        const auto [it, fresh] = index.emplace(name, table.columns.size());
        if (fresh) table.columns.push_back(name);
        return it->second;
    }
};

// A nested list of objects met in a row, with the owning row's first value.
struct Nested {
    std::string key;  // the sheet: outer key + "." + inner key
    const Json* list;
    std::string owner_column;
    TableCell owner;
};

class Flattener {
public:
    std::vector<Table> tables;

    void top(const Json& root) {
        Table summary{"summary", {"key", "value"}, {}};
        object(root, "", summary);
        if (!summary.rows.empty()) tables.insert(tables.begin(), std::move(summary));
    }

private:
    // The members of an object at `prefix`: scalars into `summary`, the rest into tables.
    void object(const Json& obj, const std::string& prefix, Table& summary) {
        for (const auto& [k, v] : obj.items()) {
            const std::string key = prefix + k;
            if (is_scalar(v)) {
                summary.rows.push_back({key, cell_of(v)});
            } else if (v.is_object()) {
                const bool matrix = !v.empty() && std::ranges::all_of(v, [](const Json& row) {
                    return row.is_object() && std::ranges::all_of(row, [](const Json& x) { return is_scalar(x); });
                });
                if (matrix) this->matrix(v, key);
                else object(v, key + ".", summary);
            } else {
                Building b;
                b.table.name = key;
                std::vector<Nested> nested;
                rows(b, v, key, nullptr, nested);
                tables.push_back(std::move(b.table));
                children(nested);
            }
        }
    }

    void matrix(const Json& m, const std::string& key) {
        Building b;
        b.table.name = key;
        b.column("");
        for (const auto& [row, cols] : m.items())
            for (const auto& [c, x] : cols.items()) b.column(c);
        for (const auto& [row, cols] : m.items()) {
            std::vector<TableCell> r(b.table.columns.size());
            r[0] = row;
            for (const auto& [c, x] : cols.items()) r[b.column(c)] = cell_of(x);
            b.table.rows.push_back(std::move(r));
        }
        tables.push_back(std::move(b.table));
    }

    // The elements of `list` as rows of `b` (after `owner`'s column, when given).
    void rows(Building& b, const Json& list, const std::string& key, const Nested* owner,
              std::vector<Nested>& nested) {
        if (owner != nullptr) b.column(owner->owner_column);
        const std::string leaf = key.substr(key.rfind('.') == std::string::npos ? 0 : key.rfind('.') + 1);
        for (const Json& e : list) {
            std::vector<std::pair<std::size_t, TableCell>> cells;
            if (owner != nullptr) cells.emplace_back(0, owner->owner);
            if (e.is_object()) {
                std::optional<std::pair<std::string, TableCell>> first;
                row(b, e, "", cells, first, key, nested);
            } else if (e.is_array()) {
                for (std::size_t i = 0; i < e.size(); ++i)
                    cells.emplace_back(b.column(std::to_string(i + 1)),
                                       is_scalar(e[i]) ? cell_of(e[i]) : TableCell(e[i].dump()));
            } else {
                cells.emplace_back(b.column(leaf), cell_of(e));
            }
            std::vector<TableCell> r;
            for (auto& [c, x] : cells) {
                if (r.size() <= c) r.resize(c + 1);
                r[c] = std::move(x);
            }
            b.table.rows.push_back(std::move(r));
        }
        for (auto& r : b.table.rows) r.resize(b.table.columns.size());
    }

    // One element's cells: scalars, objects flattened as `a.b`, lists of scalars joined; lists of
    // objects go to `nested` with the element's first value.
    void row(Building& b, const Json& obj, const std::string& prefix,
             std::vector<std::pair<std::size_t, TableCell>>& cells,
             std::optional<std::pair<std::string, TableCell>>& first, const std::string& key,
             std::vector<Nested>& nested) {
        for (const auto& [k, v] : obj.items()) {
            const std::string name = prefix + k;
            if (is_scalar(v)) {
                cells.emplace_back(b.column(name), cell_of(v));
                if (!first) first = std::pair{name, cell_of(v)};
            } else if (v.is_object()) {
                row(b, v, name + ".", cells, first, key, nested);
            } else if (std::ranges::all_of(v, [](const Json& x) { return is_scalar(x); })) {
                cells.emplace_back(b.column(name), TableCell(joined(v)));
            } else if (std::ranges::all_of(v, [](const Json& x) { return x.is_object(); })) {
                const auto owner = first.value_or(std::pair<std::string, TableCell>{"row", std::monostate{}});
                nested.push_back({key + "." + name, &v, owner.first, owner.second});
                cells.emplace_back(b.column(name), TableCell(static_cast<double>(v.size())));
            } else {
                cells.emplace_back(b.column(name), TableCell(v.dump()));
            }
        }
    }

    // The nested lists, one table per key.
    void children(const std::vector<Nested>& nested) {
        std::vector<std::string> keys;
        for (const Nested& n : nested)
            if (std::ranges::find(keys, n.key) == keys.end()) keys.push_back(n.key);
        for (const std::string& key : keys) {
            Building b;
            b.table.name = key;
            std::vector<Nested> deeper;
            for (const Nested& n : nested)
                if (n.key == key) rows(b, *n.list, key, &n, deeper);
            for (auto& r : b.table.rows) r.resize(b.table.columns.size());
            tables.push_back(std::move(b.table));
            children(deeper);
        }
    }
};

} // namespace

std::vector<Table> TableSink::tables() const {
    Flattener f;
    f.top(tree_->root);
    return std::move(f.tables);
}

} // namespace copnet
