#include "copnet/summary.hpp"

#include "detail/categories.hpp"

#include <algorithm>

namespace copnet {

std::vector<MergedSpellings> merged_spellings(const Network& net, std::string_view facet) {
    const Facet f = detail::checked_facet(net, facet);
    detail::CategoryTable table(f);
    std::vector<std::vector<std::string_view>> spellings;  // by category, distinct, in order
    for (StakeholderId who : net.stakeholders()) {
        const std::string_view text = f(net.stakeholder(who));
        const std::uint32_t c = table.add(text);
        if (c == spellings.size()) spellings.emplace_back();
        auto& seen = spellings[c];
        if (std::find(seen.begin(), seen.end(), text) == seen.end()) seen.push_back(text);
    }
    std::vector<MergedSpellings> out;
    for (const auto& seen : spellings)
        if (seen.size() > 1)
            out.push_back({f.name(), std::vector<std::string>(seen.begin(), seen.end())});
    return out;
}

Summary summarize(const Network& net, const Community* community) {
    Summary s;
    s.stakeholders = net.stakeholder_count();
    s.ties = net.tie_count();
    for (std::size_t k = 0; k < tie_kind_count; ++k)
        s.ties_by_kind[k] = net.tie_count(static_cast<TieKind>(k));
    for (std::size_t k = 0; k < net.relations().size(); ++k)
        s.ties_by_relation.push_back(net.tie_count(static_cast<TieKind>(k)));
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
    std::vector<std::string> facets{"sector", "organization"};
    for (const std::string& a : net.attribute_names()) facets.push_back(a);
    for (const std::string& facet : facets)
        for (MergedSpellings& m : merged_spellings(net, facet))
            s.merged_spellings.push_back(std::move(m));
    return s;
}

} // namespace copnet
