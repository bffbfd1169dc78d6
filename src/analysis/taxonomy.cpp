// Taxonomies: the categories a community is expected to have (the framework's preset, or a
// small CSV file of the user's).
#include <algorithm>
#include <string>
#include <vector>

#include "copnet/analysis/gaps.hpp"
#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "detail/csv_reader.hpp"
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
                                                std::string_view text) const noexcept {
    const TaxonomyFacet* f = find(facet);
    if (f == nullptr) return std::nullopt;
    for (const TaxonomyCategory& c : f->categories) {
        if (detail::iequals(c.name, text)) return c.name;
        for (const std::string& alias : c.aliases)
            if (detail::iequals(alias, text)) return c.name;
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

Taxonomy parse_taxonomy(std::string_view text, std::string_view name, const Network* net) {
    detail::validate_utf8(text, name);
    std::string buffer(text);
    detail::RecordReader reader(buffer, name);
    std::vector<std::string_view> fields;
    const std::string file(name);
    if (!reader.next(fields)) throw parse_error(file, 0, "", "empty taxonomy: expected a header facet,category,aliases");
    std::size_t facet_col = fields.size();
    std::size_t category_col = fields.size();
    std::size_t aliases_col = fields.size();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view h = detail::trim(fields[i]);
        std::size_t* col = detail::iequals(h, "facet")      ? &facet_col
                           : detail::iequals(h, "category") ? &category_col
                           : detail::iequals(h, "aliases")  ? &aliases_col
                                                            : nullptr;
        if (col == nullptr)
            throw parse_error(file, reader.line(), std::string(h),
                              "unknown column \"" + std::string(h) +
                                  "\" (expected facet, category, aliases)");
        if (*col != fields.size())
            throw parse_error(file, reader.line(), std::string(h), "column given twice");
        *col = i;
    }
    const std::size_t columns = fields.size();
    if (facet_col == columns || category_col == columns)
        throw parse_error(file, reader.line(), facet_col == columns ? "facet" : "category",
                          "the header needs the columns facet and category");

    Taxonomy tax;
    while (reader.next(fields)) {
        const std::size_t line = reader.line();
        if (fields.size() != columns)
            throw parse_error(file, line, "",
                              "expected " + std::to_string(columns) + " fields, found " +
                                  std::to_string(fields.size()));
        const std::string facet(detail::trim(fields[facet_col]));
        const std::string category(detail::trim(fields[category_col]));
        if (facet.empty()) throw parse_error(file, line, "facet", "empty facet");
        if (category.empty()) throw parse_error(file, line, "category", "empty category");
        try {
            const Facet resolved(facet);
            if (resolved.is_attribute() && net != nullptr) {
                const auto names = net->attribute_names();
                if (std::find(names.begin(), names.end(), facet) == names.end())
                    throw invalid_value("unknown facet \"" + facet +
                                        "\" (not a built-in facet nor a column of nodes.csv)");
            }
        } catch (const invalid_value& e) {
            throw parse_error(file, line, "facet", e.what());
        }
        TaxonomyCategory entry{category, {}};
        if (aliases_col != columns) {
            std::string_view rest = fields[aliases_col];
            while (!rest.empty()) {
                const auto semi = rest.find(';');
                const std::string_view alias = detail::trim(rest.substr(0, semi));
                if (!alias.empty()) entry.aliases.emplace_back(alias);
                if (semi == std::string_view::npos) break;
                rest.remove_prefix(semi + 1);
            }
        }
        auto it = std::find_if(tax.facets.begin(), tax.facets.end(),
                               [&](const TaxonomyFacet& f) { return same_facet(f.facet, facet); });
        if (it == tax.facets.end()) {
            tax.facets.push_back({facet, {}});
            it = tax.facets.end() - 1;
        }
        // Every spelling of the new entry must be new to the facet (ignoring case).
        std::vector<std::string_view> spellings{entry.name};
        for (const std::string& a : entry.aliases) spellings.push_back(a);
        for (std::size_t i = 0; i < spellings.size(); ++i) {
            for (std::size_t j = 0; j < i; ++j)
                if (detail::iequals(spellings[i], spellings[j]))
                    throw parse_error(file, line, "aliases",
                                      "\"" + std::string(spellings[i]) + "\" given twice");
            for (const TaxonomyCategory& c : it->categories) {
                bool clash = detail::iequals(c.name, spellings[i]);
                for (const std::string& a : c.aliases) clash = clash || detail::iequals(a, spellings[i]);
                if (clash)
                    throw parse_error(file, line, i == 0 ? "category" : "aliases",
                                      "duplicate category \"" + std::string(spellings[i]) +
                                          "\" of facet " + facet + " (already given as \"" +
                                          c.name + "\")");
            }
        }
        it->categories.push_back(std::move(entry));
    }
    return tax;
}

Taxonomy read_taxonomy(const std::filesystem::path& path, const Network* net) {
    return parse_taxonomy(read_file_bytes(path), path.string(), net);
}

} // namespace copnet
