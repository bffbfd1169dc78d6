// Membership trajectories between two snapshots of a community.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "copnet/analysis/circles.hpp"
#include "copnet/error.hpp"

namespace copnet {
namespace {

Movement movement(Circle before, Circle after) noexcept {
    if (before == Circle::none) return Movement::joined;
    if (after == Circle::none) return Movement::left;
    if (after < before) return Movement::moved_inward;
    if (after > before) return Movement::moved_outward;
    return Movement::stayed;
}

void check_owner(const Network& net, const Community& c) {
    if (net.find_community(c.name()) != &c)
        throw invalid_value("community \"" + c.name() + "\" does not belong to this network");
}

} // namespace

std::string_view to_string(Movement m) noexcept {
    switch (m) {
    case Movement::joined: return "joined";
    case Movement::moved_inward: return "moved_inward";
    case Movement::moved_outward: return "moved_outward";
    case Movement::left: return "left";
    case Movement::stayed: return "stayed";
    }
    return "?";
}

Trajectories trajectories(const Network& net, const Community& before, const Community& after,
                          const std::string& facet) {
    check_owner(net, before);
    check_owner(net, after);
    std::optional<Facet> by;
    if (!facet.empty()) by.emplace(facet);
    Trajectories out;
    std::map<std::string, std::array<std::size_t, 5>, std::less<>> categories;
    for (const StakeholderId who : net.stakeholders()) {
        const Circle b = before.circle(who), a = after.circle(who);
        ++out.transitions[static_cast<std::size_t>(b)][static_cast<std::size_t>(a)];
        if (b == Circle::none && a == Circle::none) continue;
        const Movement m = movement(b, a);
        out.members.push_back({who, b, a, m});
        ++out.counts[static_cast<std::size_t>(m)];
        if (by) {
            const std::string_view cat = (*by)(net.stakeholder(who));
            auto it = categories.find(cat);
            if (it == categories.end()) it = categories.emplace(std::string(cat), std::array<std::size_t, 5>{}).first;
            ++it->second[static_cast<std::size_t>(m)];
        }
    }
    for (const auto& [category, counts] : categories) out.by_facet.push_back({category, counts});
    return out;
}

} // namespace copnet
