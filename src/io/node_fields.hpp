#pragma once
// Mapping between a node's named fields (GraphML keys, node-link JSON members) and a
// Stakeholder plus its circles; shared by the GraphML and JSON readers and writers.

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "copnet/community.hpp"
#include "copnet/error.hpp"
#include "detail/network_state.hpp"
#include "copnet/network.hpp"
#include "copnet/stakeholder.hpp"

namespace copnet::detail {

/// A node being read: the stakeholder and its circles (community name, circle).
struct NodeDraft {
    Stakeholder stakeholder;
    std::vector<std::pair<std::string, Circle>> circles;
};

/// The community a field name `circle:NAME` (or `circle`) fills, or empty if it is no circle
/// field.
inline std::string circle_community(std::string_view field, std::string_view default_community) {
    if (field == "circle") return std::string(default_community);
    if (field.starts_with("circle:") && field.size() > 7) return std::string(field.substr(7));
    return {};
}

/// The community a graph field `domain:NAME` describes, or empty.
inline std::string domain_community(std::string_view field) {
    if (field.starts_with("domain:") && field.size() > 7) return std::string(field.substr(7));
    return {};
}

/// Applies field `field` = `value` to `draft`. Throws: invalid_value with a message naming
/// the value (the caller adds file, line and field).
inline void apply_node_field(NodeDraft& draft, std::string_view field, std::string value,
                             std::string_view default_community) {
    Stakeholder& s = draft.stakeholder;
    if (field == "name") s.name = std::move(value);
    else if (field == "sector") s.sector = std::move(value);
    else if (field == "organization") s.organization = std::move(value);
    else if (field == "level") {
        if (value.empty()) s.level.reset();
        else s.level = parse_level(value);
    } else if (field == "perspective") s.perspective = value.empty() ? Perspective::unknown : parse_perspective(value);
    else if (field == "stance") s.stance = value.empty() ? Stance::neutral : parse_stance(value);
    else if (std::string community = circle_community(field, default_community); !community.empty()) {
        if (!value.empty()) draft.circles.emplace_back(std::move(community), parse_circle(value));
    } else if (is_reserved_column(field)) {
        throw invalid_value("\"" + std::string(field) + "\" is a reserved name and cannot be an attribute");
    } else if (field.empty()) {
        throw invalid_value("empty attribute name");
    } else {
        s.attributes.insert_or_assign(std::string(field), std::move(value));
    }
}

/// The node fields of stakeholder `who` as `write_*` writes them, in a fixed order: name,
/// sector, level, perspective, organization, stance, attributes, then `circle:NAME` per
/// community the stakeholder is a member of. Empty texts and unknown values are left out.
inline std::vector<std::pair<std::string, std::string>> node_fields(const Network& net,
                                                                   StakeholderId who) {
    const Stakeholder& s = net.stakeholder(who);
    std::vector<std::pair<std::string, std::string>> out;
    if (!s.name.empty()) out.emplace_back("name", s.name);
    if (!s.sector.empty()) out.emplace_back("sector", s.sector);
    if (s.level) out.emplace_back("level", std::string(to_string(*s.level)));
    if (s.perspective != Perspective::unknown)
        out.emplace_back("perspective", std::string(to_string(s.perspective)));
    if (!s.organization.empty()) out.emplace_back("organization", s.organization);
    out.emplace_back("stance", std::string(to_string(s.stance)));
    // The stakeholder's own attributes in `attribute_names` order: O(k log k), not O(names).
    const auto& position = net.state().attribute_position;
    const std::size_t first = out.size();
    for (const auto& [name, value] : s.attributes) out.emplace_back(name, value);
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
              [&](const auto& a, const auto& b) {
                  return position.find(a.first)->second < position.find(b.first)->second;
              });
    for (const Community* c : net.communities())
        if (const Circle circle = c->circle(who); circle != Circle::none)
            out.emplace_back("circle:" + c->name(), std::string(to_string(circle)));
    return out;
}

/// Shortest decimal text that reads back to exactly `w`.
std::string weight_text(double w);
/// Parses a weight (finite decimal); throws invalid_value naming the text.
double parse_weight_text(std::string_view text);

} // namespace copnet::detail
