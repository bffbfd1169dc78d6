#include "copnet/io/roster.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "detail/csv_reader.hpp"
#include "detail/network_state.hpp"
#include "detail/text.hpp"
#include "copnet/io/workbook.hpp"
#include "io/foreign.hpp"
#include "io/workbook_cells.hpp"

namespace copnet {

namespace {

/// The stem of a column named `STEM_k` (k digits), or empty.
std::string_view stem_of(std::string_view header) {
    const auto us = header.rfind('_');
    if (us == std::string_view::npos || us == 0 || us + 1 == header.size()) return {};
    for (std::size_t i = us + 1; i < header.size(); ++i)
        if (header[i] < '0' || header[i] > '9') return {};
    return detail::trim(header.substr(0, us));
}

constexpr std::uint32_t ambiguous = UINT32_MAX;

RosterReport read_into(Network& net, std::string text, const RosterOptions& options, std::string_view name) {
    const detail::Failer fail(name);
    detail::validate_utf8(text, name);
    const char delimiter = options.delimiter ? options.delimiter : detail::detect_delimiter(text);
    detail::RecordReader records(text, name, delimiter);
    std::vector<std::string_view> fields;
    if (!records.next(fields)) fail(0, "", "the file is empty: no header row");
    const std::size_t header_line = records.line();
    RosterReport report;

    // The header: the respondent column, then the questions' columns.
    const bool create = options.create_missing_stakeholders || net.stakeholder_count() == 0;
    std::vector<std::string> headers;
    std::unordered_set<std::string> seen;
    for (std::string_view f : fields) {
        std::string h(detail::trim(f));
        if (!h.empty() && !seen.insert(h).second) fail(header_line, h, "the column \"" + h + "\" is given twice");
        headers.push_back(std::move(h));
    }
    detail::Staging staging(net, fail, options.merge);
    std::vector<std::int64_t> column_stem(headers.size(), -1);  // index into stems, or -1: skipped
    std::vector<std::string> stems;
    std::vector<std::string> skipped;
    for (std::size_t j = 1; j < headers.size(); ++j) {
        const std::string_view stem = stem_of(headers[j]);
        if (stem.empty()) {
            if (!headers[j].empty()) skipped.push_back(headers[j]);
            else skipped.push_back("column " + std::to_string(j + 1));
            continue;
        }
        auto at = std::ranges::find(stems, stem);
        if (at == stems.end()) at = stems.insert(stems.end(), std::string(stem));
        column_stem[j] = at - stems.begin();
    }
    if (stems.empty())
        fail(header_line, "", "no column of the form STEM_k (e.g. advice_1): not a roster");
    if (!options.relation.empty() && stems.size() > 1) {
        std::string list;
        for (const std::string& s : stems) list += (list.empty() ? "" : ", ") + s;
        fail(header_line, "relation", "one relation name (\"" + options.relation + "\") for " +
                                          std::to_string(stems.size()) + " questions (" + list +
                                          "): each stem is a relation of its own");
    }
    std::vector<std::uint32_t> relation_of(stems.size());
    for (std::size_t s = 0; s < stems.size(); ++s) {
        const std::string& r = options.relation.empty() ? stems[s] : options.relation;
        relation_of[s] = staging.relation(r, false, Role::other, header_line);
        staging.keep(relation_of[s]);  // a question nobody answered is still its relation
        report.relations.push_back(r);
    }

    // Names of the stakeholders the network holds, for alters given by name.
    std::unordered_map<std::string, std::uint32_t> by_name;
    for (StakeholderId who : net.stakeholders()) {
        const std::string& n = net.stakeholder(who).name;
        if (n.empty()) continue;
        const auto [hit, added] = by_name.emplace(n, who.index());
        if (!added) hit->second = ambiguous;
    }
    const auto lookup = [&](std::string_view cell, std::size_t line, const std::string& column) -> std::uint32_t {
        if (const auto hit = net.find(cell)) return hit->index();
        if (const auto hit = by_name.find(std::string(cell)); hit != by_name.end()) {
            if (hit->second == ambiguous)
                fail(line, column, "\"" + std::string(cell) + "\" is the name of several stakeholders: give the id");
            return hit->second;
        }
        if (!create)
            fail(line, column, "\"" + std::string(cell) +
                                   "\" is neither the id nor the name of a stakeholder (create_missing adds them)");
        ++report.created;
        return staging.stakeholder(cell, line, column);
    };

    struct Named {
        std::uint32_t alter;
        std::size_t stem;
        double count;
        std::size_t line;
    };
    const std::string respondent = headers[0].empty() ? std::string("respondent") : headers[0];
    std::unordered_map<std::uint32_t, std::size_t> respondent_line;
    std::vector<Named> row;
    while (records.next(fields)) {
        const std::size_t line = records.line();
        if (fields.empty()) continue;
        if (fields.size() > headers.size())
            fail(line, "", "a row of " + std::to_string(fields.size()) + " cells; the header has " +
                               std::to_string(headers.size()));
        const std::string_view id = detail::trim(fields[0]);
        if (id.empty()) fail(line, respondent, "an empty respondent id");
        const std::uint32_t ego = lookup(id, line, respondent);
        if (const auto [hit, added] = respondent_line.emplace(ego, line); !added)
            fail(line, respondent, "respondent \"" + std::string(id) + "\" has a row already (line " +
                                       std::to_string(hit->second) + ")");
        ++report.respondents;
        row.clear();
        for (std::size_t j = 1; j < fields.size(); ++j) {
            if (column_stem[j] < 0) continue;
            const std::string_view cell = detail::trim(fields[j]);
            if (cell.empty()) continue;
            const std::uint32_t alter = lookup(cell, line, headers[j]);
            const auto stem = static_cast<std::size_t>(column_stem[j]);
            if (alter == ego) {
                ++report.self_nominations;
                continue;
            }
            const auto again = std::ranges::find_if(row, [&](const Named& n) { return n.alter == alter && n.stem == stem; });
            if (again != row.end()) {
                ++report.repeats;
                if (options.count_repeats) again->count += 1;
                continue;
            }
            row.push_back({alter, stem, 1.0, line});
        }
        for (const Named& n : row) staging.tie(ego, n.alter, relation_of[n.stem], n.count, n.line);
    }
    report.ties = staging.tie_count();
    staging.finish(options.scale);
    // The relations as the network names them (it may have normalised a stem's spelling).
    for (std::size_t k = 0; k < stems.size(); ++k)
        report.relations[k] = net.relation(staging.kind(relation_of[k])).name;
    if (!skipped.empty()) {
        std::string list;
        for (const std::string& s : skipped) list += (list.empty() ? "" : ", ") + s;
        report.notes.push_back("columns not of the form STEM_k skipped: " + list);
    }
    if (report.self_nominations > 0)
        report.notes.push_back(std::to_string(report.self_nominations) + " self-nomination(s) skipped");
    if (report.repeats > 0)
        report.notes.push_back(std::to_string(report.repeats) + " alter(s) named twice in one question: " +
                               (options.count_repeats ? "counted in the tie's value" : "one tie each"));
    return report;
}

/// A workbook sheet as CSV text whose line r + 1 is the sheet's row r, so that a line in an
/// error is the sheet's row number. Throws parse_error naming the cell for a cell that cannot
/// be read (a formula without a stored result, an error value) or that holds a line break.
std::string sheet_as_csv(const detail::WorkbookCells& book, const detail::WorkbookSheet& sheet, const std::string& file) {
    using detail::WorkbookCell;
    const auto where = [&](std::uint32_t row, std::uint32_t column) {
        return sheet.name + "!" + detail::column_letters(column) + std::to_string(std::uint64_t{row} + 1);
    };
    if (sheet.has_problem)
        throw parse_error(file, 0, "", where(sheet.problem_row, sheet.problem_column) + ": " + sheet.problem);
    std::vector<const WorkbookCell*> cells;
    cells.reserve(sheet.cells.size());
    for (const WorkbookCell& c : sheet.cells) cells.push_back(&c);
    std::ranges::sort(cells, [](const WorkbookCell* a, const WorkbookCell* b) {
        return a->row != b->row ? a->row < b->row : a->column < b->column;
    });
    std::string out;
    std::uint32_t row = 0;
    std::int64_t written = -1;  // the last column written in this row
    for (const WorkbookCell* c : cells) {
        for (; row < c->row; ++row) out += '\n', written = -1;
        for (std::int64_t k = written < 0 ? 0 : written; k < static_cast<std::int64_t>(c->column); ++k) out += ',';
        written = c->column;
        std::string text = c->type == WorkbookCell::Type::text      ? book.texts[c->text]
                           : c->type == WorkbookCell::Type::boolean ? std::string(c->number != 0 ? "true" : "false")
                                                                    : detail::shortest(c->number);
        if (text.find_first_of("\r\n") != std::string::npos)
            throw parse_error(file, 0, "", where(c->row, c->column) + ": the cell holds a line break");
        if (text.find_first_of(",\"") != std::string::npos) {
            std::string q = "\"";
            for (char ch : text) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            text = q + "\"";
        }
        out += text;
    }
    out += '\n';
    return out;
}

} // namespace

RosterReport parse_roster(Network& into, std::string_view text, const RosterOptions& options, std::string_view name) {
    Network saved = into;
    try {
        return read_into(into, std::string(text), options, name);
    } catch (...) {
        detail::roll_back(into, std::move(saved));
        throw;
    }
}

RosterReport read_roster(Network& into, const std::filesystem::path& path, const RosterOptions& options) {
    const std::string bytes = read_file_bytes(path);
    const std::optional<WorkbookFormat> format = workbook_format_for(path);
    if (!format) return parse_roster(into, bytes, options, path.string());
    const std::string file = path.string();
    const WorkbookOptions defaults;
    const detail::WorkbookLimits limits{defaults.max_bytes, defaults.max_cells};
    const detail::WorkbookCells book = *format == WorkbookFormat::xlsx ? detail::read_xlsx_cells(bytes, file, limits)
                                                                       : detail::read_ods_cells(bytes, file, limits);
    const detail::WorkbookSheet* sheet = nullptr;
    for (const detail::WorkbookSheet& s : book.sheets)
        if (options.sheet.empty() ? detail::iequals(detail::trim(s.name), "roster")
                                  : detail::trim(s.name) == detail::trim(options.sheet))
            sheet = &s;
    if (!sheet && options.sheet.empty() && !book.sheets.empty()) sheet = &book.sheets.front();
    if (!sheet)
        throw parse_error(file, 0, "", options.sheet.empty() ? std::string("the workbook has no sheet")
                                                             : "the workbook has no sheet \"" + options.sheet + "\"");
    const std::string text = sheet_as_csv(book, *sheet, file);
    RosterOptions o = options;
    o.delimiter = ',';
    try {
        return parse_roster(into, text, o, file);
    } catch (const parse_error& e) {
        // As the workbook reader names a place: `book.xlsx: survey!C4: …`.
        std::string where = sheet->name;
        std::optional<std::uint32_t> column;
        if (!e.field().empty()) {
            std::string copy = text;
            detail::RecordReader first(copy, file, ',');
            std::vector<std::string_view> fields;
            if (first.next(fields))
                for (std::size_t j = 0; j < fields.size(); ++j)
                    if (detail::trim(fields[j]) == e.field()) column = static_cast<std::uint32_t>(j);
        }
        if (e.line() > 0 && column) where += "!" + detail::column_letters(*column) + std::to_string(e.line());
        else if (e.line() > 0) where += "!" + std::to_string(e.line()) + ":" + std::to_string(e.line());
        throw parse_error(file, 0, e.field(), where + ": " + e.message());
    }
}

} // namespace copnet
