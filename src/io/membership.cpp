#include "copnet/io/membership.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "detail/csv_reader.hpp"
#include "detail/text.hpp"

namespace copnet {
namespace {

std::string dq(std::string_view text) { return "\"" + std::string(text) + "\""; }

struct Columns {
    std::size_t id = 0;
    std::size_t circle = 0;
    std::size_t count = 0;
};

// The header as nodes.csv reads it: names trimmed and compared ignoring ASCII case, a name
// given twice rejected (one hash set, so a header of many columns stays linear).
Columns parse_header(const std::vector<std::string_view>& fields, const std::string& where,
                     std::size_t line, const MembershipOptions& options) {
    std::optional<std::size_t> id_col, circle_col;
    std::unordered_set<std::string> seen;
    seen.reserve(fields.size());
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view h = detail::trim(fields[i]);
        if (h.empty()) continue;  // unnamed columns are ignored, like every other extra column
        if (!seen.insert(detail::ascii_lowered(h)).second)
            throw parse_error(where, line, std::string(h),
                              "column " + dq(h) + " appears twice in the header");
        if (detail::iequals(h, "id")) id_col = i;
        if (detail::iequals(h, options.column)) circle_col = i;
    }
    if (!id_col) throw parse_error(where, line, "id", "the header has no id column");
    if (!circle_col)
        throw parse_error(where, line, options.column,
                          "the header has no " + options.column + " column");
    return {*id_col, *circle_col, fields.size()};
}

Community& load(Network& net, std::string buffer, std::string name, std::string_view file,
                const MembershipOptions& options) {
    if (name.empty()) throw invalid_value("a membership snapshot needs a community name");
    if (net.find_community(name) != nullptr)
        throw invalid_value("community \"" + name + "\" already exists");
    detail::validate_utf8(buffer, file);
    detail::RecordReader reader(buffer, file);
    std::vector<std::string_view> fields;
    const std::string where(file);
    if (!reader.next(fields))
        throw parse_error(where, 0, "", "the file is empty (expected a header row: id," +
                                            options.column + ")");
    const Columns col = parse_header(fields, where, reader.line(), options);

    // Phase 1: read and check every row without touching `net`.
    std::vector<std::pair<StakeholderId, Circle>> members;
    std::unordered_map<std::uint32_t, std::size_t> first_line;  // slot → line it was listed on
    while (reader.next(fields)) {
        const std::size_t line = reader.line();
        if (fields.size() != col.count)
            throw parse_error(where, line, "",
                              std::to_string(fields.size()) + " fields, the header has " +
                                  std::to_string(col.count));
        // Verbatim, as nodes.csv keeps ids: " a" and "a" are two stakeholders.
        const std::string_view id = fields[col.id];
        if (id.empty()) throw parse_error(where, line, "id", "empty id");
        const auto who = net.find(id);
        if (!who)
            throw parse_error(where, line, "id",
                              "id " + dq(id) + " is not a stakeholder of the network");
        const auto [at, fresh] = first_line.emplace(who->index(), line);
        if (!fresh)
            throw parse_error(where, line, "id",
                              "id " + dq(id) + " is listed twice (first on line " +
                                  std::to_string(at->second) + ")");
        const std::string_view text = detail::trim(fields[col.circle]);
        Circle c = Circle::none;
        if (!text.empty()) {
            try {
                c = parse_circle(text);
            } catch (const invalid_value& e) {
                throw parse_error(where, line, options.column, options.column + ": " + e.what());
            }
        }
        if (c != Circle::none) members.emplace_back(*who, c);
    }

    // Phase 2: add the community; if that fails part-way (allocation), take it out again.
    const std::string key = name;
    Community& out = net.add_community(std::move(name));
    try {
        for (const auto& [who, c] : members) out.set_circle(who, c);
    } catch (...) {
        net.remove_community(key);
        throw;
    }
    return out;
}

} // namespace

Community& read_membership(Network& net, const std::filesystem::path& file, std::string name,
                           const MembershipOptions& options) {
    return load(net, read_file_bytes(file), std::move(name), file.string(), options);
}

Community& parse_membership(Network& net, std::string_view text, std::string name,
                            std::string_view file_name, const MembershipOptions& options) {
    return load(net, std::string(text), std::move(name), file_name, options);
}

} // namespace copnet
