#include "copnet/io/matrix.hpp"

#include <ostream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "detail/csv_reader.hpp"
#include "detail/network_state.hpp"
#include "detail/text.hpp"
#include "io/foreign.hpp"

namespace copnet {

namespace {

/// The cell's value: empty = 0.
std::optional<double> cell_value(std::string_view cell, bool decimal_comma) {
    while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
    while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.remove_suffix(1);
    if (cell.empty()) return 0.0;
    if (decimal_comma && cell.find(',') != std::string_view::npos) {
        std::string t(cell);
        for (char& c : t)
            if (c == ',') c = '.';
        return detail::to_number(t);
    }
    return detail::to_number(cell);
}

std::size_t read_into(Network& net, std::string text, const MatrixOptions& options, std::string_view name) {
    const detail::Failer fail(name);
    detail::validate_utf8(text, name);
    const char delimiter = options.delimiter ? options.delimiter : detail::detect_delimiter(text);
    detail::RecordReader records(text, name, delimiter);
    std::vector<std::string_view> fields;
    if (!records.next(fields)) fail(0, "", "the file is empty: no header row of ids");
    const std::size_t header_line = records.line();
    if (fields.size() < 2) fail(header_line, "", "the header names no column (expected: a first cell, then the ids)");
    detail::Staging staging(net, fail, options.merge);
    std::vector<std::string> column_ids;
    std::vector<std::uint32_t> columns;
    std::unordered_set<std::string> seen;
    for (std::size_t j = 1; j < fields.size(); ++j) {
        std::string id(fields[j]);
        if (!seen.insert(id).second) fail(header_line, id, "column id \"" + id + "\" is given twice");
        columns.push_back(staging.stakeholder(id, header_line, "column " + std::to_string(j + 1)));
        column_ids.push_back(std::move(id));
    }
    struct Cell {
        std::uint32_t row, column;
        double value;
        std::size_t line;
    };
    std::vector<Cell> cells;
    std::unordered_set<std::string> rows_seen;
    std::unordered_map<std::uint64_t, double> by_pair;
    while (records.next(fields)) {
        const std::size_t at = records.line();
        if (fields.size() != columns.size() + 1)
            fail(at, "", "a row of " + std::to_string(fields.size()) + " cells; the header has " +
                             std::to_string(columns.size() + 1));
        const std::string id(fields[0]);
        if (!rows_seen.insert(id).second) fail(at, "id", "row id \"" + id + "\" is given twice");
        const std::uint32_t row = staging.stakeholder(id, at, "id");
        for (std::size_t j = 0; j < columns.size(); ++j) {
            const auto v = cell_value(fields[j + 1], options.decimal_comma);
            if (!v) fail(at, column_ids[j], "\"" + std::string(fields[j + 1]) + "\" is not a number");
            if (*v == 0 || columns[j] == row) continue;
            cells.push_back({row, columns[j], *v, at});
            by_pair[(std::uint64_t{row} << 32) | columns[j]] = *v;
        }
    }
    bool symmetric = true;
    for (const Cell& c : cells) {
        const auto back = by_pair.find((std::uint64_t{c.column} << 32) | c.row);
        if (back == by_pair.end() || back->second != c.value) {
            symmetric = false;
            break;
        }
    }
    const std::string relation = !options.relation.empty() ? options.relation : "matrix";
    const std::uint32_t rel = staging.relation(relation, symmetric && !cells.empty(), Role::other, header_line);
    staging.keep(rel);  // a matrix of zeros is still its relation
    const bool mutual = staging.staged_relation(rel).mutual;
    for (const Cell& c : cells)
        if (!mutual || !symmetric || c.row < c.column) staging.tie(c.row, c.column, rel, c.value, c.line);
    const std::size_t count = staging.tie_count();
    staging.finish(options.scale);
    return count;
}

} // namespace

bool looks_like_matrix(std::string_view text) noexcept {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    while (!text.empty() && (text.front() == '\n' || text.front() == '\r')) text.remove_prefix(1);
    const char d = detail::detect_delimiter(text);
    if (text.empty()) return false;
    if (text.front() == d) return true;
    return text.starts_with("\"\"") && text.size() > 2 && text[2] == d;
}

std::size_t parse_matrix(Network& into, std::string_view text, const MatrixOptions& options, std::string_view name) {
    Network saved = into;
    try {
        return read_into(into, std::string(text), options, name);
    } catch (...) {
        detail::roll_back(into, std::move(saved));
        throw;
    }
}

std::size_t read_matrix(Network& into, const std::filesystem::path& path, const MatrixOptions& options) {
    MatrixOptions o = options;
    if (o.relation.empty()) o.relation = path.stem().string();
    const std::string text = read_file_bytes(path);
    return parse_matrix(into, text, o, path.string());
}

void write_matrix(const Network& net, std::ostream& out, TieKind relation) {
    if (static_cast<std::size_t>(relation) >= net.relations().size())
        throw invalid_value("the network has no relation " + std::to_string(static_cast<int>(relation)));
    const std::size_t n = net.stakeholder_count();
    if (n > 20000)
        throw invalid_value("an adjacency matrix of " + std::to_string(n) +
                            " stakeholders would hold more than 400 million cells: write an edge list");
    std::vector<std::uint32_t> position(net.slot_count(), 0);
    std::vector<std::string> ids;
    for (StakeholderId who : net.stakeholders()) {
        position[who.index()] = static_cast<std::uint32_t>(ids.size());
        ids.push_back(net.stakeholder(who).id);
    }
    std::vector<double> m(n * n, 0.0);
    const bool mutual = net.relation(relation).mutual();
    for (const Tie& t : net.all_ties(TieFilter::of({relation}))) {
        if (t.kind != relation) continue;
        const std::size_t i = position[t.source.index()], j = position[t.target.index()];
        m[i * n + j] = t.weight;
        if (mutual) m[j * n + i] = t.weight;
    }
    const auto quoted = [](std::string_view id) {
        if (id.find_first_of(",;\t\"\r\n") == std::string_view::npos && !id.empty()) return std::string(id);
        std::string q = "\"";
        for (char c : id) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + "\"";
    };
    std::string s;
    for (const std::string& id : ids) s += "," + quoted(id);
    s += '\n';
    for (std::size_t i = 0; i < n; ++i) {
        s += quoted(ids[i]);
        for (std::size_t j = 0; j < n; ++j) {
            s += ',';
            s += m[i * n + j] == 0 ? std::string("0") : detail::shortest(m[i * n + j]);
        }
        s += '\n';
        if (s.size() > (1U << 20)) {
            out.write(s.data(), static_cast<std::streamsize>(s.size()));
            s.clear();
        }
    }
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
    if (!out) throw io_error("matrix", "the output stream failed");
}

void write_matrix(const Network& net, const std::filesystem::path& path, TieKind relation) {
    std::ostringstream out;
    write_matrix(net, out, relation);
    write_file_atomically(path, out.str());
}

} // namespace copnet
