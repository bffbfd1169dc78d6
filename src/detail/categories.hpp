#pragma once
// One grouping of facet values for every analysis: values compare by `category_key` (trimmed,
// case-folded, NFC, inner white space collapsed) and a category is shown in the first spelling
// met. Exact spellings are memoised, so a landscape of a million stakeholders computes the key
// once per distinct spelling, not once per stakeholder.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "copnet/stakeholder.hpp"

namespace copnet {
class Network;
}

namespace copnet::detail {

/// `Facet(name)` for `net`, rejecting an attribute name that `net` has no column for (a typo
/// would put everyone in one empty category). Throws: invalid_value naming the facet and the
/// facets there are. Cost: O(|name|) expected. Defined in network.cpp.
[[nodiscard]] Facet checked_facet(const Network& net, std::string_view name);

class CategoryTable {
public:
    /// A table for values of `facet` (exact comparison for "id", folded for the others).
    explicit CategoryTable(const Facet& facet) : folds_(facet.folds()) {}
    explicit CategoryTable(bool folds = true) : folds_(folds) {}

    /// The category of `text`, new or known. The view must outlive the table (it is memoised).
    /// Cost: O(|text|) expected.
    std::uint32_t add(std::string_view text) {
        if (const auto it = exact_.find(text); it != exact_.end()) return it->second;
        const auto [it, fresh] =
            by_key_.emplace(folds_ ? category_key(text) : std::string(text),
                            static_cast<std::uint32_t>(names_.size()));
        if (fresh) names_.emplace_back(text);
        exact_.emplace(text, it->second);
        return it->second;
    }
    /// The category of `text` if known. Cost: O(|text|) expected.
    [[nodiscard]] std::optional<std::uint32_t> find(std::string_view text) const {
        if (const auto it = exact_.find(text); it != exact_.end()) return it->second;
        const auto it = by_key_.find(folds_ ? category_key(text) : std::string(text));
        if (it == by_key_.end()) return std::nullopt;
        return it->second;
    }
    /// True when `a` and `b` are one category of this facet. Cost: O(|a| + |b|).
    [[nodiscard]] bool same(std::string_view a, std::string_view b) const {
        return a == b || (folds_ && category_key(a) == category_key(b));
    }
    /// The categories' display names (first spellings), by index.
    [[nodiscard]] const std::vector<std::string>& names() const noexcept { return names_; }
    [[nodiscard]] std::uint32_t size() const noexcept {
        return static_cast<std::uint32_t>(names_.size());
    }

private:
    bool folds_;
    std::unordered_map<std::string_view, std::uint32_t> exact_;
    std::unordered_map<std::string, std::uint32_t> by_key_;
    std::vector<std::string> names_;
};

} // namespace copnet::detail
