// Taxonomies: the categories a community is expected to have (the framework's preset; a
// user's own CSV file is read by src/io/taxonomy.cpp).
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "copnet/analysis/gaps.hpp"
#include "copnet/error.hpp"
#include "detail/text.hpp"

namespace copnet {
namespace {

// Facet names compare as `Facet` resolves them: built-ins case-insensitively, attributes exactly.
bool is_builtin(std::string_view name) noexcept {
    for (std::string_view b : {"id", "name", "sector", "level", "perspective", "organization",
                               "stance"})
        if (detail::iequals(name, b)) return true;
    return false;
}

bool same_facet(std::string_view a, std::string_view b) noexcept {
    const bool builtin = is_builtin(a);
    if (builtin != is_builtin(b)) return false;
    return builtin ? detail::iequals(a, b) : a == b;
}

} // namespace

const TaxonomyFacet* Taxonomy::find(std::string_view facet) const noexcept {
    for (const TaxonomyFacet& f : facets)
        if (same_facet(f.facet, facet)) return &f;
    return nullptr;
}

std::optional<std::string_view> Taxonomy::match(std::string_view facet,
                                                std::string_view text) const {
    const TaxonomyFacet* f = find(facet);
    if (f == nullptr) return std::nullopt;
    const std::string key = category_key(text);
    for (const TaxonomyCategory& c : f->categories) {
        if (category_key(c.name) == key) return c.name;
        for (const std::string& alias : c.aliases)
            if (category_key(alias) == key) return c.name;
    }
    return std::nullopt;
}

Taxonomy framework_taxonomy() {
    // IDEA Partnership, "Leading by Convening": the stakeholder groups of a whole system, the
    // three perspectives and the three levels.
    return Taxonomy{{
        {"sector",
         {{"state agencies and councils", {"state agencies", "state agency"}},
          {"local schools and agency services", {"local schools", "schools", "local agencies"}},
          {"state professional organizations", {"professional organizations"}},
          {"state non-profit organizations",
           {"state nonprofit organizations", "non-profit organizations", "nonprofits"}},
          {"colleges and universities", {"higher education", "universities"}},
          {"families", {"family"}},
          {"youth", {}}}},
        {"perspective", {{"decisionmaker", {}}, {"practitioner", {}}, {"consumer", {}}}},
        {"level", {{"local", {}}, {"state", {}}, {"national", {}}}},
    }};
}

} // namespace copnet
