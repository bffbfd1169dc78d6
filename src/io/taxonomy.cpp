// The taxonomy CSV file: a user's own expected categories (`copnet/io/taxonomy.hpp`).
#include "copnet/io/taxonomy.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "copnet/error.hpp"
#include "copnet/stakeholder.hpp"
#include "copnet/io/file.hpp"
#include "detail/csv_reader.hpp"
#include "detail/text.hpp"

namespace copnet {
namespace {

// A key equal for two facet names exactly when `Taxonomy::find` takes them for one facet:
// built-ins case-insensitively, attributes exactly (as `Facet` resolves them). Throws:
// invalid_value as `Facet` (the caller has resolved the name already).
std::string facet_key(std::string_view facet) {
    return Facet(facet).is_attribute() ? "a" + std::string(facet) : "b" + detail::ascii_lowered(facet);
}

} // namespace

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

    // Hash indexes, so that each row costs O(its length) expected: the network's attribute
    // names, each facet's position in `tax.facets`, and per facet every spelling (by category_key)
    // with the category that owns it.
    std::unordered_set<std::string_view> attributes;
    if (net != nullptr) {
        const auto names = net->attribute_names();
        attributes.reserve(names.size());
        attributes.insert(names.begin(), names.end());
    }
    std::unordered_map<std::string, std::size_t> facet_index;  // facet_key → position
    std::vector<std::unordered_map<std::string, std::size_t>> spellings_of;  // → category

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
            if (resolved.is_attribute() && net != nullptr && !attributes.contains(facet))
                throw invalid_value("unknown facet \"" + facet +
                                    "\" (not a built-in facet nor a column of nodes.csv)");
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
        const auto [slot, fresh_facet] = facet_index.emplace(facet_key(facet), tax.facets.size());
        if (fresh_facet) {
            tax.facets.push_back({facet, {}});
            spellings_of.emplace_back();
        }
        TaxonomyFacet& owner = tax.facets[slot->second];
        auto& spellings = spellings_of[slot->second];
        // Every spelling of the new entry must be new to the facet (as category_key compares).
        std::vector<std::string> keys;
        keys.reserve(entry.aliases.size() + 1);
        keys.push_back(category_key(entry.name));
        for (const std::string& a : entry.aliases) keys.push_back(category_key(a));
        std::unordered_set<std::string_view> own;
        own.reserve(keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const std::string& spelling = i == 0 ? entry.name : entry.aliases[i - 1];
            if (!own.insert(keys[i]).second)
                throw parse_error(file, line, "aliases", "\"" + spelling + "\" given twice");
            if (const auto clash = spellings.find(keys[i]); clash != spellings.end())
                throw parse_error(file, line, i == 0 ? "category" : "aliases",
                                  "duplicate category \"" + spelling + "\" of facet " + facet +
                                      " (already given as \"" +
                                      owner.categories[clash->second].name + "\")");
        }
        for (std::string& key : keys) spellings.emplace(std::move(key), owner.categories.size());
        owner.categories.push_back(std::move(entry));
    }
    return tax;
}

Taxonomy read_taxonomy(const std::filesystem::path& path, const Network* net) {
    return parse_taxonomy(read_file_bytes(path), path.string(), net);
}

} // namespace copnet
