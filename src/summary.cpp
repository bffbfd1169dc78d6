#include "copnet/summary.hpp"

namespace copnet {

Summary summarize(const Network& net, const Community* community) {
    Summary s;
    s.stakeholders = net.stakeholder_count();
    s.ties = net.tie_count();
    for (std::size_t k = 0; k < tie_kind_count; ++k)
        s.ties_by_kind[k] = net.tie_count(static_cast<TieKind>(k));
    if (community != nullptr) {
        s.community = community->name();
        for (std::size_t c = 0; c < s.circles.size(); ++c)
            s.circles[c] = community->count(static_cast<Circle>(c));
    } else {
        s.circles[static_cast<std::size_t>(Circle::none)] = s.stakeholders;
    }
    for (StakeholderId who : net.stakeholders()) {
        const Stakeholder& st = net.stakeholder(who);
        ++s.levels[st.level ? static_cast<std::size_t>(*st.level) : 3];
        ++s.stances[static_cast<std::size_t>(st.stance)];
    }
    return s;
}

} // namespace copnet
