// Membership trajectories between two snapshots of a community.

#include <algorithm>
#include <array>
#include <vector>
#include <optional>
#include <string>
#include <string_view>

#include "copnet/analysis/circles.hpp"
#include "copnet/error.hpp"
#include "detail/categories.hpp"

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
    detail::CategoryTable categories(!by || by->folds());  // spellings of one category merge
    std::vector<std::array<std::size_t, 5>> counts_of;
    for (const StakeholderId who : net.stakeholders()) {
        const Circle b = before.circle(who), a = after.circle(who);
        ++out.transitions[static_cast<std::size_t>(b)][static_cast<std::size_t>(a)];
        if (b == Circle::none && a == Circle::none) continue;
        const Movement m = movement(b, a);
        out.members.push_back({who, b, a, m});
        ++out.counts[static_cast<std::size_t>(m)];
        if (by) {
            const std::uint32_t c = categories.add((*by)(net.stakeholder(who)));
            if (c == counts_of.size()) counts_of.emplace_back();
            ++counts_of[c][static_cast<std::size_t>(m)];
        }
    }
    for (std::uint32_t c = 0; c < categories.size(); ++c)
        out.by_facet.push_back({categories.names()[c], counts_of[c]});
    std::sort(out.by_facet.begin(), out.by_facet.end(),
              [](const CategoryMovement& x, const CategoryMovement& y) { return x.category < y.category; });
    return out;
}

} // namespace copnet
