#include "copnet/io/membership.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "detail/csv_reader.hpp"
#include "detail/text.hpp"

namespace copnet {
namespace {

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
    std::optional<std::size_t> id_col, circle_col;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view h = detail::trim(fields[i]);
        if (detail::iequals(h, "id")) id_col = i;
        if (detail::iequals(h, options.column)) circle_col = i;
    }
    if (!id_col) throw parse_error(where, reader.line(), "id", "the header has no id column");
    if (!circle_col)
        throw parse_error(where, reader.line(), options.column,
                          "the header has no " + options.column + " column");
    const std::size_t columns = fields.size();
    std::vector<std::pair<StakeholderId, Circle>> rows;
    std::vector<std::size_t> seen_on(net.slot_count(), 0);
    while (reader.next(fields)) {
        const std::size_t line = reader.line();
        if (fields.size() != columns)
            throw parse_error(where, line, "",
                              std::to_string(fields.size()) + " fields, the header has " +
                                  std::to_string(columns));
        const std::string_view id = detail::trim(fields[*id_col]);
        const auto who = net.find(id);
        if (!who)
            throw parse_error(where, line, "id",
                              "id \"" + std::string(id) + "\" is not a stakeholder of the network");
        if (seen_on[who->index()] != 0)
            throw parse_error(where, line, "id",
                              "id \"" + std::string(id) + "\" is listed twice (first on line " +
                                  std::to_string(seen_on[who->index()]) + ")");
        seen_on[who->index()] = line;
        const std::string_view text = detail::trim(fields[*circle_col]);
        Circle c = Circle::none;
        if (!text.empty()) {
            try {
                c = parse_circle(text);
            } catch (const invalid_value& e) {
                throw parse_error(where, line, options.column, options.column + ": " + e.what());
            }
        }
        rows.emplace_back(*who, c);
    }
    Community& out = net.add_community(std::move(name));
    for (const auto& [who, c] : rows) out.set_circle(who, c);
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
