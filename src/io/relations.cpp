#include "copnet/io/relations.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "detail/csv_reader.hpp"
#include "detail/text.hpp"
#include "io/pending_file.hpp"

namespace copnet {
namespace {

constexpr std::array<std::string_view, 5> columns{"name", "role", "direction", "polarity", "scale"};

std::string dq(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::size_t load(Network& net, std::string buffer, std::string_view file) {
    detail::validate_utf8(buffer, file);
    detail::RecordReader reader(buffer, file);
    const std::string where(file);
    std::vector<std::string_view> fields;
    if (!reader.next(fields))
        throw parse_error(where, 0, "", "the file is empty (expected the header "
                                        "name,role,direction,polarity,scale)");
    std::array<std::optional<std::size_t>, columns.size()> at{};
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view h = detail::trim(fields[i]);
        std::size_t c = 0;
        while (c < columns.size() && !detail::iequals(h, columns[c])) ++c;
        if (c == columns.size())
            throw parse_error(where, 1, std::string(h),
                              "column " + dq(h) + " is not a relations column (expected name, role, "
                                                  "direction, polarity, scale)");
        if (at[c]) throw parse_error(where, 1, std::string(h), "column " + dq(h) + " appears twice");
        at[c] = i;
    }
    for (std::size_t c = 0; c < 2; ++c)
        if (!at[c])
            throw parse_error(where, 1, std::string(columns[c]),
                              "the header has no " + std::string(columns[c]) + " column");
    const std::size_t header_size = fields.size();
    // Phase 1: parse every row; phase 2: declare them on a copy, so that a clash leaves `net`
    // unchanged.
    std::vector<std::pair<Relation, std::size_t>> rows;
    while (reader.next(fields)) {
        const std::size_t line = reader.line();
        if (fields.size() != header_size)
            throw parse_error(where, line, "", "the row has " + std::to_string(fields.size()) +
                                                   " fields, the header has " +
                                                   std::to_string(header_size));
        const auto cell = [&](std::size_t c) {
            return at[c] && *at[c] < fields.size() ? detail::trim(fields[*at[c]]) : std::string_view{};
        };
        const auto parse = [&](std::size_t c, auto parser, auto fallback) {
            const std::string_view text = cell(c);
            if (text.empty()) return fallback;
            try {
                return parser(text);
            } catch (const invalid_value& e) {
                throw parse_error(where, line, std::string(columns[c]), e.what());
            }
        };
        Relation r;
        r.name = std::string(cell(0));
        if (r.name.empty()) throw parse_error(where, line, "name", "the relation has no name");
        if (cell(1).empty()) throw parse_error(where, line, "role", "the relation has no role");
        r.role = parse(1, parse_role, Role::other);
        r.direction = parse(2, parse_relation_direction, RelationDirection::directed);
        r.polarity = parse(3, parse_polarity, Polarity::positive);
        r.scale = parse(4, parse_scale, Scale::unit);
        rows.emplace_back(std::move(r), line);
    }
    Network saved = net;  // a clash half-way gives `net` back (its communities stay valid)
    std::size_t line = 0;
    try {
        for (auto& [r, at_line] : rows) {
            line = at_line;
            net.add_relation(r);
        }
    } catch (const invalid_value& e) {
        detail::roll_back(net, std::move(saved));
        throw parse_error(where, line, "name", e.what());
    } catch (...) {
        detail::roll_back(net, std::move(saved));
        throw;
    }
    return rows.size();
}

} // namespace

std::size_t read_relations(Network& net, const std::filesystem::path& file) {
    return load(net, read_file_bytes(file), file.string());
}

std::size_t parse_relations(Network& net, std::string_view text, std::string_view file_name) {
    return load(net, std::string(text), file_name);
}

void write_relations(const Network& net, std::ostream& out) {
    std::string text = "name,role,direction,polarity,scale\n";
    for (const Relation& r : net.relations()) {
        const bool quote = r.name.find_first_of(",\"\r\n") != std::string::npos ||
                           r.name != detail::trim(r.name);
        if (quote) {
            text += '"';
            for (char c : r.name) text += c == '"' ? std::string("\"\"") : std::string(1, c);
            text += '"';
        } else {
            text += r.name;
        }
        text += ',' + std::string(to_string(r.role)) + ',' + std::string(to_string(r.direction)) +
                ',' + std::string(to_string(r.polarity)) + ',' + std::string(to_string(r.scale)) + '\n';
    }
    out << text;
    if (!out) throw io_error("relations.csv", "cannot write the relations");
}

void write_relations(const Network& net, const std::filesystem::path& path) {
    detail::PendingFile file(path);
    write_relations(net, file.out());
    detail::PendingFile* const one[] = {&file};
    detail::replace_all(one);
}

bool has_declared_relations(const Network& net) noexcept {
    const auto rs = net.relations();
    if (rs.size() != tie_kind_count) return true;
    for (std::size_t k = 0; k < rs.size(); ++k)
        if (!(rs[k] == builtin_relation(static_cast<TieKind>(k)))) return true;
    return false;
}

} // namespace copnet
